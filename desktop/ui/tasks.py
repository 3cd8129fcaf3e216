"""Slow work (PDF, import, export) on a worker thread, results back on the GUI thread.

``run_task(fn, on_done, on_error)`` runs ``fn`` on Qt's global thread pool and delivers its
return value (or its exception) through a queued signal, so widgets are only touched on the
GUI thread. Keep the returned ``Task`` if you want its ``finished`` signal for progress UI.
``fn`` runs in a copy of the caller's context, so a service call on the worker still knows who
asked for it (``desktop.services.events.initiated_by``).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

_running: set[Task] = set()  # keep tasks alive until they report


class Task(QObject):
    """Lives on the GUI thread; the worker reports through the private signal below."""

    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()
    _report = Signal(bool, object)

    def __init__(self) -> None:
        super().__init__()
        # Queued: the slot runs on this object's (the GUI) thread, whoever emits.
        self._report.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:
        (self.succeeded if ok else self.failed).emit(value)
        self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self._fn, self._task = fn, task
        self._context = contextvars.copy_context()  # taken on the thread that asked

    def run(self) -> None:
        try:
            result = self._context.run(self._fn)
        except BaseException as exc:  # delivered to the GUI thread, which decides
            self._task._report.emit(False, exc)
        else:
            self._task._report.emit(True, result)


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    owner: QObject | None = None,
) -> Task:
    """Run ``fn`` on a worker; the callbacks run on the GUI thread. With ``owner`` (the dialog
    or widget that shows the result) they are dropped if the owner was deleted meanwhile."""
    task = Task()

    def alive() -> bool:
        return owner is None or shiboken6.isValid(owner)

    if on_done is not None:
        task.succeeded.connect(lambda value: on_done(value) if alive() else None)
    if on_error is not None:
        task.failed.connect(lambda exc: on_error(exc) if alive() else None)
    _running.add(task)
    task.finished.connect(lambda: _running.discard(task))
    QThreadPool.globalInstance().start(_Runnable(fn, task))
    return task
