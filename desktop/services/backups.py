"""Use cases for backups: list, back up now, restore, and the automatic backup policy.

The automatic policy is plain timing logic (``BackupScheduler``), testable without Qt: after a
change, a backup is due once at least ``interval`` (default 10 minutes) has passed since the
last one; on exit, one is due if anything changed since. Every backup is verified before it
gets its name (see desktop/store/backup.py) and the folder is rotated after each one (see
desktop/store/backups.py). desktop/ui/autobackup.py drives it from a QTimer.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.errors import StoreError
from desktop.store import backups, connect, crypto, search_index
from desktop.store.backups import BackupInfo
from desktop.store.database import Database

from .events import Change, ChangeKind, Notifier, Origin, current_initiator

__all__ = ["AutoBackup", "BackupInfo", "BackupScheduler", "BackupService", "RestoreResult"]

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = timedelta(minutes=10)
RESTORED = ChangeKind.RESTORED  # published after a restore: every screen reloads


@dataclass(frozen=True)
class RestoreResult:
    restored: Path  # the backup that is now the data file
    replaced: Path | None  # where the file it replaced was kept


class BackupService:
    def __init__(self, db: Database, notifier: Notifier | None = None) -> None:
        self.db = db
        self.notifier = notifier

    @property
    def folder(self) -> Path:
        return backups.folder_for(self.db.path)

    def list(self) -> list[BackupInfo]:
        """Every backup, newest first."""
        return backups.list_backups(self.folder)

    def verify(self, path: Path) -> builtins.list[str]:  # ``list`` here is the method above
        return backups.verify(path, self.db.passphrase)

    def back_up_now(self, kind: str = "manual", dest: Path | None = None) -> BackupInfo:
        """A verified copy now (in the backups folder, or at ``dest``); rotates the folder."""
        info = backups.make_backup(self.db.path, kind, self.db.passphrase, dest)
        if dest is None:
            backups.prune(self.folder)
        self._announce(ChangeKind.BACKED_UP, Origin.BACKUP)
        return info

    def restore(self, backup_path: Path) -> RestoreResult:
        """Replace the data file by ``backup_path`` (verified first); the old file is kept.

        This process's connections are closed first; the same Database then works on the
        restored file. Raises FileInUseError if another program has the file open.
        """
        self.db.release()
        replaced = backups.restore(backup_path, self.db.path, self.db.passphrase)
        if self.db.passphrase is not None and connect.looks_plain(self.db.path):
            # A plain backup restored into an encrypted folder is encrypted before use.
            crypto.encrypt_in_place(self.db.path, self.db.passphrase)
        from desktop.store.migrate import ensure_current

        ensure_current(self.db.engine, self.db.path, self.db.passphrase)  # an older backup
        search_index.ensure_fresh(self.db.engine)  # its entries, too, may be older
        self._announce(ChangeKind.RESTORED, Origin.RESTORE)
        return RestoreResult(backup_path, replaced)

    def _announce(self, kind: ChangeKind, default: Origin) -> None:
        """After the file work is done (a backup is verified and named, a restored file is
        current): who asked, or ``default`` when nobody said."""
        if self.notifier is not None:
            initiator = current_initiator() or default
            self.notifier.publish(Change(kind, initiator=initiator))


class BackupScheduler:
    """When an automatic backup is due: pure timing, no clock of its own.

    Changes are counted (a generation number), not flagged: a backup remembers the generation
    it started from, so an edit saved while it was being copied is not in it and still counts
    as unsaved-to-backup afterwards (the next backup, or the one on exit, takes it).
    """

    def __init__(self, interval: timedelta = DEFAULT_INTERVAL, last: datetime | None = None):
        self.interval = interval
        self.last = last  # when the last backup was made
        self.generation = 0  # changes counted since the program started
        self.backed_up = 0  # the generation the newest backup is known to contain

    @property
    def dirty(self) -> bool:
        """Changes that no backup contains yet."""
        return self.generation > self.backed_up

    def note_change(self) -> None:
        self.generation += 1

    def due(self, now: datetime) -> bool:
        if not self.dirty:
            return False
        return self.last is None or now - self.last >= self.interval

    def due_on_exit(self) -> bool:
        return self.dirty

    def done(self, now: datetime, contains: int | None = None) -> None:
        """A backup made at ``now`` holds every change up to generation ``contains`` (the
        generation when it started; by default, all changes counted so far)."""
        self.backed_up = max(self.backed_up, self.generation if contains is None else contains)
        self.last = now


class AutoBackup:
    """Backs up after changes (at most every ``interval``) and on exit.

    Call ``tick()`` from a timer and ``at_exit()`` when the window closes. Errors are logged and
    returned (the reason, for the window to word), never raised into the timer: a failed backup
    must not stop the rep.
    """

    def __init__(
        self,
        service: BackupService,
        notifier: Notifier | None,
        interval: timedelta = DEFAULT_INTERVAL,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.service = service
        self.clock = clock
        newest = service.list()
        rotated = [b for b in newest if b.rotated]
        self.scheduler = BackupScheduler(interval, rotated[0].created if rotated else None)
        if notifier is not None:
            notifier.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.touches_rows:  # a restore, a backup or an encryption is no edit to back up
            self.scheduler.note_change()

    def tick(self) -> BackupInfo | str | None:
        """Back up if due; the new backup, why it failed (str), or None if nothing was due."""
        now = self.clock()
        if not self.scheduler.due(now):
            return None
        return self._run(now)

    def at_exit(self) -> BackupInfo | str | None:
        if not self.scheduler.due_on_exit():
            return None
        return self._run(self.clock())

    def _run(self, now: datetime) -> BackupInfo | str:
        # Read before the copy starts: a change saved from here on may be missing from it.
        # (A change committed just before but counted just after is in the copy and merely
        # counted again: one backup too many, never one too few.)
        contains = self.scheduler.generation
        try:
            info = self.service.back_up_now("auto")
        except (StoreError, OSError) as exc:
            log.warning("automatic backup failed: %s", exc)
            return str(exc)
        self.scheduler.done(now, contains)
        return info
