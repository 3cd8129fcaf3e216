"""Starting the app: a damaged file is refused with an offer, and backups are reachable."""

from __future__ import annotations

from desktop.app import Options
from desktop.ui import application, msgbox


def test_a_damaged_file_at_start_is_moved_aside_and_quitting_changes_nothing(
    tmp_path, monkeypatch, qapp
):
    folder = tmp_path / "data"
    folder.mkdir()
    bad = folder / "callbrief.sqlite3"
    bad.write_bytes(b"this is a shopping list, not a database\n" * 50)
    offered = []

    def decline(report, passphrase=None, parent=None):
        offered.append(report)
        return False  # the rep chooses Quit

    monkeypatch.setattr("desktop.ui.recovery_dialog.offer_recovery", decline)
    assert application.run(Options(data_dir=str(folder))) == 1
    (report,) = offered
    assert report.status == "damaged"
    assert report.moved_to is not None and report.moved_to.exists()
    assert report.moved_to.read_bytes().startswith(b"this is a shopping list")
    assert not bad.exists()


def test_a_newer_file_at_start_gets_a_plain_message(tmp_path, monkeypatch, qapp, db_path):
    import sqlite3

    from desktop.store.database import open_database

    open_database(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    shown = []
    monkeypatch.setattr(msgbox.prompter, "error", lambda parent, title, text: shown.append(text))
    assert application.run(Options(data_dir=str(db_path.parent))) == 1
    assert shown and "newer version of Callbrief" in shown[0]


def test_closing_the_window_after_a_change_leaves_a_verified_backup(qtbot, ctx, services):
    from desktop.store.backups import folder_for, list_backups
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    qtbot.waitExposed(window)
    services.accounts.create(name="备份测试 Backup Test")
    window.close()
    window.deleteLater()
    backups = list_backups(folder_for(services.db.path))
    assert backups, "no backup on exit"
    import sqlite3

    con = sqlite3.connect(backups[0].path)
    assert con.execute("SELECT name FROM accounts").fetchall() == [("备份测试 Backup Test",)]
    con.close()


def test_the_backups_page_lists_backups(qtbot, window, services):
    from ui_actions import when_dialog

    from desktop.services.backups import BackupService
    from desktop.ui.backups_dialog import BackupsDialog

    BackupService(services.db, services.notifier).back_up_now()
    seen = []

    def look(dialog):
        seen.append(dialog.table.rowCount())
        dialog.reject()

    when_dialog(BackupsDialog, look)
    window.backups_action.trigger()
    assert seen == [1]


def test_an_encrypted_folder_asks_for_its_passphrase_until_it_fits(
    qtbot, tmp_path, monkeypatch, qapp
):
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.services.encryption import enable_encryption
    from desktop.store import crypto
    from desktop.store.database import open_database
    from desktop.ui import main_window

    folder = tmp_path / "data"
    services = Services.build(open_database(folder / "callbrief.sqlite3"), default_playbook())
    services.accounts.create(name="加密客户 Encrypted Co")
    enable_encryption(services.db, "correct horse battery")
    services.db.close()
    monkeypatch.delenv("CALLBRIEF_PASSPHRASE", raising=False)
    monkeypatch.setattr(crypto, "_provided", None)

    answers = iter(["wrong guess!", "correct horse battery"])
    prompts = []

    def answer(_parent, _title, text):
        prompts.append(text)
        return next(answers)

    monkeypatch.setattr(msgbox.prompter, "passphrase", answer)
    opened = []

    class Probe(main_window.MainWindow):
        def show(self):  # the window opened: record what it sees, then leave at once
            opened.append([a.name for a in self.ctx.services.queries.accounts()])
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            QTimer.singleShot(0, QApplication.instance().quit)

    monkeypatch.setattr(main_window, "MainWindow", Probe)
    assert application.run(Options(data_dir=str(folder))) == 0
    assert len(prompts) == 2 and "does not open" in prompts[1]
    assert opened == [["加密客户 Encrypted Co"]]
    monkeypatch.setattr(crypto, "_provided", None)


def test_cancelling_the_passphrase_prompt_quits(tmp_path, monkeypatch, qapp):
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.services.encryption import enable_encryption
    from desktop.store import crypto
    from desktop.store.database import open_database

    folder = tmp_path / "data"
    services = Services.build(open_database(folder / "callbrief.sqlite3"), default_playbook())
    enable_encryption(services.db, "correct horse battery")
    services.db.close()
    monkeypatch.delenv("CALLBRIEF_PASSPHRASE", raising=False)
    monkeypatch.setattr(crypto, "_provided", None)
    monkeypatch.setattr(msgbox.prompter, "passphrase", lambda *_a: None)
    assert application.run(Options(data_dir=str(folder))) == 1
