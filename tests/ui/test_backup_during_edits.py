"""Issue 12, defect 3: an edit saved while an automatic backup runs is backed up later.

The backup runs on its worker thread as in the app; the test holds it just after its copy is
made, saves an edit in the window meanwhile, then lets it finish.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from ui_actions import enter

from desktop.services.backups import BackupService
from desktop.store.backups import BackupInfo


class HeldBackups(BackupService):
    """The real backup service, held after each copy until the test lets it go."""

    def __init__(self, service: BackupService) -> None:
        super().__init__(service.db, service.notifier)
        self.copied = threading.Event()
        self.go_on = threading.Event()

    def back_up_now(self, kind: str = "manual", dest: Path | None = None) -> BackupInfo:
        info = super().back_up_now(kind, dest)
        self.copied.set()
        self.go_on.wait(10)
        return info


def cities(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {row[0] for row in con.execute("SELECT city FROM accounts")}
    finally:
        con.close()


def test_an_edit_saved_during_a_backup_is_in_the_backup_made_on_exit(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    page = window.open_account(account.id)
    city = page.profile.fields["city"]
    enter(city, "Ningbo")
    timer = window._autobackup
    held = HeldBackups(timer.auto.service)
    timer.auto.service = held
    timer.auto.scheduler.last = None  # due now, not in ten minutes
    made: list[BackupInfo] = []
    timer.made.connect(made.append)

    timer.tick()  # the backup starts on its worker
    assert held.copied.wait(10)
    enter(city, "Shanghai")  # saved while the backup is still running
    assert services.accounts.get(account.id).city == "Shanghai"
    held.go_on.set()
    qtbot.waitUntil(lambda: bool(made), timeout=10_000)
    assert cities(made[0].path) == {"Ningbo"}  # the running backup could not hold it

    window.close()  # the backup on exit takes what the last one missed

    newest = held.list()[0]
    assert newest.path != made[0].path
    assert cities(newest.path) == {"Shanghai"}
