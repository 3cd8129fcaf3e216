"""The recovery dialog at start and the Backups dialog, driven as a rep would drive them."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.services import recovery
from desktop.services.backups import BackupService
from desktop.store import backups, health
from desktop.ui import msgbox
from desktop.ui.backups_dialog import COL_CHECK, COL_KIND, BackupsDialog
from desktop.ui.recovery_dialog import RecoveryDialog, offer_recovery

SHOTS = None  # set to a folder (e.g. "/tmp") to save screenshots for a look


def damaged_report(demo_db, with_backup: bool = True):
    if with_backup:
        backups.make_backup(demo_db, "auto")
    data = bytearray(demo_db.read_bytes())
    data[:100] = b"\xff" * 100
    demo_db.write_bytes(bytes(data))
    return recovery.assess(demo_db)


def press_in_modal(qtbot, button_name: str) -> None:
    def press() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        qtbot.mouseClick(getattr(dialog, button_name), Qt.LeftButton)

    QTimer.singleShot(50, press)


def test_recovery_dialog_explains_and_restores_the_newest_backup(qtbot, demo_db):
    report = damaged_report(demo_db)
    dialog = RecoveryDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "destroyed" in dialog.explanation.text()
    assert str(report.moved_to) in dialog.location.text()
    assert "passes its check" in dialog.offer.text() and dialog.restore_button.isEnabled()
    if SHOTS:
        dialog.grab().save(f"{SHOTS}/recovery_dialog.png")
    dialog.close()
    press_in_modal(qtbot, "restore_button")
    assert offer_recovery(report) is True
    assert health.check_at_start(demo_db).status == health.OK
    con = sqlite3.connect(demo_db)
    assert con.execute("SELECT count(*) FROM contacts").fetchone() == (10,)
    con.close()
    assert report.moved_to.exists()  # the damaged file is still there for rescue


def test_recovery_dialog_without_backup_offers_an_empty_file_or_quit(qtbot, demo_db):
    report = damaged_report(demo_db, with_backup=False)
    dialog = RecoveryDialog(report)
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert "no verified backup" in dialog.offer.text()
    press_in_modal(qtbot, "quit_button")
    assert offer_recovery(report) is False
    press_in_modal(qtbot, "empty_button")
    assert offer_recovery(report) is True and not demo_db.exists()


@pytest.fixture
def service(services):
    services.accounts.create(name="Before the backups")
    return BackupService(services.db, services.notifier)


def test_backups_dialog_lists_checks_backs_up_and_restores(qtbot, service, services, monkeypatch):
    first = service.back_up_now()
    service.back_up_now("auto")
    broken = service.back_up_now("auto")
    broken.path.write_bytes(broken.path.read_bytes()[:4096])
    services.accounts.create(name="After the backups")

    dialog = BackupsDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._pending_checks == 0, timeout=10000)
    assert dialog.table.rowCount() == 3
    checks = [dialog.table.item(r, COL_CHECK).text() for r in range(3)]
    assert checks.count("✓ Verified") == 2 and checks[0].startswith("✗ Damaged")
    assert dialog.table.item(2, COL_KIND).text() == "Manual"
    if SHOTS:
        dialog.grab().save(f"{SHOTS}/backups_dialog.png")

    qtbot.mouseClick(dialog.backup_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog._pending_checks == 0, timeout=10000)
    assert dialog.table.rowCount() == 4

    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(msgbox.prompter, "confirm", lambda _p, _t, text: asked.append(text) or True)
    monkeypatch.setattr(msgbox.prompter, "info", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(msgbox.prompter, "error", lambda _p, _t, text: told.append(text))
    dialog.table.selectRow(3)  # the oldest: the manual one
    with qtbot.waitSignal(dialog.restored, timeout=10000):
        qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
    assert "kept beside the data file" in asked[0]
    assert "replaced-" in told[0]
    names = [a.name for a in services.queries.accounts(limit=10)]
    assert names == ["Before the backups"] and first.path.exists()


def test_the_window_backs_up_after_a_change(qtbot, services):
    from datetime import timedelta

    from desktop.ui.autobackup import AutoBackupTimer

    timer = AutoBackupTimer(
        services.backups, services.notifier, interval=timedelta(0), check_every_ms=50
    )
    services.accounts.create(name="Worth a backup")
    with qtbot.waitSignal(timer.made, timeout=10000) as made:
        pass
    assert made.args[0].kind == "auto" and backups.verify(made.args[0].path) == []
    services.accounts.create(name="Changed before quitting")
    timer.at_exit()
    newest = backups.list_backups(made.args[0].path.parent)[0]
    con = sqlite3.connect(newest.path)
    assert ("Changed before quitting",) in con.execute("SELECT name FROM accounts").fetchall()
    con.close()
