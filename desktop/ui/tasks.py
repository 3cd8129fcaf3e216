"""Slow work (PDF, import, export) on a worker thread, results back on the GUI thread.

``run_task(fn, on_done, on_error)`` runs ``fn`` on Qt's global thread pool and delivers its
return value (or its exception) through a queued signal, so widgets are only touched on the
GUI thread. Keep the returned ``Task`` if you want its ``finished`` signal for progress UI.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_running: set[Task] = set()  # keep tasks alive until they report


class Task(QObject):
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self._fn, self._task = fn, task

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, which decides
            self._task.failed.emit(exc)
        else:
            self._task.succeeded.emit(result)
        self._task.finished.emit()


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> Task:
    task = Task()
    if on_done is not None:
        task.succeeded.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    _running.add(task)
    task.finished.connect(lambda: _running.discard(task))
    QThreadPool.globalInstance().start(_Runnable(fn, task))
    return task
