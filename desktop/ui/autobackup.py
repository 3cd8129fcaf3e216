"""Automatic backups in the window: a QTimer drives ``services.backups.AutoBackup``.

After a change a backup is made once the interval (10 minutes by default) has passed since the
last one, on a worker thread so typing never waits; on exit one is made if anything was saved
that no backup holds yet (an edit saved while a backup was being copied is not in that copy).

Wiring (main window, once ``services`` exist)::

    from .autobackup import AutoBackupTimer

    self._autobackup = AutoBackupTimer(services.backups, services.notifier, parent=self)
    self._autobackup.failed.connect(self.statusBar().showMessage)
    ...
    def closeEvent(self, event):  # after the forms are flushed
        self._autobackup.at_exit()
"""

from __future__ import annotations

import threading
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services.backups import DEFAULT_INTERVAL, AutoBackup, BackupInfo, BackupService
from desktop.services.events import Notifier

from .tasks import run_task

CHECK_EVERY_MS = 30_000  # how often the timer asks whether a backup is due
EXIT_WAIT_S = 60  # on exit, how long a backup already running may take to finish first


class AutoBackupTimer(QObject):
    made = Signal(object)  # the BackupInfo of a new automatic backup
    failed = Signal(str)  # a plain message for the status bar

    def __init__(
        self,
        service: BackupService,
        notifier: Notifier,
        interval: timedelta = DEFAULT_INTERVAL,
        check_every_ms: int = CHECK_EVERY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.auto = AutoBackup(service, notifier, interval)
        self._busy = False
        self._finished = threading.Event()  # set when the backup on the worker has ended
        self._finished.set()
        self._timer = QTimer(self)
        self._timer.setInterval(check_every_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def tick(self) -> None:
        """Start a backup on a worker if one is due (and none is running)."""
        if self._busy or not self.auto.scheduler.due(self.auto.clock()):
            return
        self._busy = True
        self._finished.clear()

        def work() -> BackupInfo | str | None:
            try:
                return self.auto.tick()
            finally:
                self._finished.set()

        run_task(work, self._done, self._error)

    def at_exit(self) -> None:
        """The backup on exit, made before returning (the window is closing).

        A backup still running finishes first (two copies at once would race for the same
        name); then one more is made if anything was saved that it does not contain.
        """
        self._timer.stop()
        self._finished.wait(EXIT_WAIT_S)
        self._done(self.auto.at_exit())

    def _done(self, result: BackupInfo | str | None) -> None:
        self._busy = False
        if isinstance(result, BackupInfo):
            self.made.emit(result)
        elif isinstance(result, str):
            self.failed.emit(self._failure(result))

    def _error(self, exc: BaseException) -> None:
        self._busy = False
        self.failed.emit(self._failure(str(exc)))

    def _failure(self, reason: str) -> str:
        return self.tr("The automatic backup failed: {reason}").format(reason=reason)
