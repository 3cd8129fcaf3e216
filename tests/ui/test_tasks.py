"""Worker tasks deliver their result on the GUI thread."""

from __future__ import annotations

import threading

from desktop.ui.tasks import run_task


def test_result_and_error_arrive_on_the_gui_thread(qtbot):
    seen = []
    main = threading.get_ident()

    def done(value):
        seen.append(("done", value, threading.get_ident() == main))

    def failed(exc):
        seen.append(("failed", str(exc), threading.get_ident() == main))

    def boom():
        raise ValueError("disk full")

    run_task(lambda: threading.get_ident() != main, done, failed)
    run_task(boom, done, failed)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert sorted(seen) == [("done", True, True), ("failed", "disk full", True)]


def test_results_for_a_deleted_owner_are_dropped(qtbot):
    import shiboken6
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    seen = []
    gate = threading.Event()
    task = run_task(lambda: gate.wait(5) and "late", seen.append, owner=label)
    shiboken6.delete(label)  # the dialog closed before the work finished
    gate.set()
    with qtbot.waitSignal(task.finished, timeout=3000):
        pass
    assert seen == []
