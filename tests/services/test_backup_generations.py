"""Issue 12, defect 3: the backup schedule counts changes, and clears only what a backup holds."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from desktop.services.backups import AutoBackup, BackupScheduler, BackupService
from desktop.store.backups import BackupInfo

NOW = datetime(2026, 12, 4, 18, 0)


def test_a_change_made_while_a_backup_runs_keeps_the_next_one_due():
    s = BackupScheduler(timedelta(minutes=10))
    s.note_change()
    started_with = s.generation  # the backup starts here
    s.note_change()  # saved during the copy
    s.done(NOW, started_with)
    assert s.due_on_exit()
    assert not s.due(NOW + timedelta(minutes=9)) and s.due(NOW + timedelta(minutes=10))
    s.done(NOW + timedelta(minutes=10))
    assert not s.due_on_exit()


class EditDuringCopy(BackupService):
    """The real service; an edit lands through the services right after the copy is taken."""

    def __init__(self, services) -> None:  # type: ignore[no-untyped-def]
        super().__init__(services.db, services.notifier)
        self.edit = lambda: None

    def back_up_now(self, kind: str = "manual", dest: Path | None = None) -> BackupInfo:
        info = super().back_up_now(kind, dest)
        self.edit()
        self.edit = lambda: None
        return info


def names(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {row[0] for row in con.execute("SELECT name FROM accounts")}
    finally:
        con.close()


def test_the_backup_on_exit_holds_an_edit_saved_during_the_last_backup(services):
    service = EditDuringCopy(services)
    auto = AutoBackup(service, services.notifier, clock=lambda: NOW)
    account = services.accounts.create(name="Acme")
    service.edit = lambda: services.accounts.update(account.id, name="Acme Group")
    first = auto.tick()
    assert isinstance(first, BackupInfo) and names(first.path) == {"Acme"}

    on_exit = auto.at_exit()

    assert isinstance(on_exit, BackupInfo) and names(on_exit.path) == {"Acme Group"}
    assert auto.at_exit() is None  # nothing newer than that one
