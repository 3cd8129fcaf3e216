"""The window's Team menu against the real team server and PostgreSQL.

ana (English) has never joined: sharing and syncing are greyed out. She joins from the menu —
first without her company's certificate, then with a wrong password, each refused in the dialog
next to its field with nothing written — then shares her account: an unknown name is refused,
bo is accepted, and bo's laptop receives the account at its next ``callbrief sync --once``.
bo (Chinese, the ``shared`` set-up of test_leaving.py) is refused the same way in Chinese, then
leaves the shared account: it is removed from his laptop and the backup holds it. ana shares
another account with the territory east, choosing Territory by keyboard in the dialog's
"Look for" row: an unknown territory is refused next to the name, east is granted on the server,
and bo (in east) receives the account while cy (not in it) does not.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import test_leaving
from laptops import close_window, open_laptop, open_window, small_account
from team_cli import _ca_file, _cli, _join
from test_leaving import _accounts_in, _has
from test_share_with_territory import server_grants
from ui_actions import OFFSCREEN_POPUPS, click, replace_text, when_dialog

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)
shared = test_leaving.shared  # the fixture: ana's account shared with bo, cy and dee
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "issue17"
TAKE_SHOTS = bool(os.environ.get("CALLBRIEF_SHOTS"))  # set to refresh docs/screenshots/issue17


def _shot(dialog, name: str) -> None:
    if TAKE_SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / f"{name}.png"))


def _send_and_wait(qtbot, dialog, field, key: str) -> str:
    """Enter in ``field`` sends the form; the refusal shown next to ``key``'s field."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialog.error_text(key)), timeout=30_000)
    qtbot.waitUntil(lambda: field.isEnabled() and field.hasFocus(), timeout=5_000)
    return dialog.error_text(key)


def test_join_and_share_from_the_team_menu(qtbot, qapp, admin, team_server, ca, tmp_path, capsys):
    from desktop.ui.team_dialogs import JoinDialog, ShareDialog

    assert admin("add-user", "ana", password="ana-secret-1") == 0
    assert admin("add-user", "bo", password="bo-secret-22") == 0
    folder_a, folder_b = tmp_path / "laptop-ana", tmp_path / "laptop-bo"
    laptop = open_laptop(folder_a)
    account_id, _people = small_account(laptop)
    laptop.close()
    ca_file = _ca_file(ca, tmp_path)
    services, window = open_window(qtbot, folder_a, "en")
    said: dict[str, str] = {}
    try:
        window.open_account(account_id)
        team = window.team
        assert team.join_action in window.team_menu.actions()
        assert window.team_menu.title() == "&Team"
        # Not joined: nothing that needs a team can be chosen.
        assert team.join_action.isEnabled()
        assert not team.share_action.isEnabled()
        assert not team.leave_action.isEnabled()
        assert not team.sync_action.isEnabled()
        assert not window.sync_status.button.isVisible()

        def join(dialog: JoinDialog) -> None:
            replace_text(dialog.url, team_server.base)
            replace_text(dialog.user, "ana")
            replace_text(dialog.password, "ana-secret-1")
            said["certificate"] = _send_and_wait(qtbot, dialog, dialog.ca_file, "ca_file")
            replace_text(dialog.ca_file, str(ca_file))
            replace_text(dialog.password, "not-her-password")
            said["password"] = _send_and_wait(qtbot, dialog, dialog.password, "password")
            said["written"] = str((folder_a / "team.json").exists())
            _shot(dialog, "join-refused-en")
            replace_text(dialog.password, "ana-secret-1")
            click(dialog.ok)

        when_dialog(JoinDialog, join, timeout_ms=60_000)
        team.join_action.trigger()
        assert "not trust" in said["certificate"]
        assert said["password"] == "Wrong user name or password."
        assert said["written"] == "False"  # refused: no login kept
        assert (folder_a / "team.json").exists()
        assert window.sync_status.button.isVisible()  # the team state shows
        assert window.sync_status.button.text().startswith("Team:")
        assert "Joined the team" in window.statusBar().currentMessage()
        assert team.share_action.isEnabled() and team.sync_action.isEnabled()
        assert not team.leave_action.isEnabled()  # not shared yet

        def share(dialog: ShareDialog) -> None:
            replace_text(dialog.grantee, "nobody")
            said["unknown"] = _send_and_wait(qtbot, dialog, dialog.grantee, "grantee")
            said["shared"] = str(services.team_sync.shared())
            _shot(dialog, "share-refused-en")
            replace_text(dialog.grantee, "bo")
            click(dialog.read_only)  # bo reviews it: he reads, he does not edit
            click(dialog.ok)

        when_dialog(ShareDialog, share, timeout_ms=60_000)
        team.share_action.trigger()
        assert said["unknown"] == (
            "The team server has no teammate, team or territory named “nobody”. Check the spelling."
        )
        assert said["shared"] == "{}"  # refused: the account was not made shared
        uid = services.team_sync.account_uid(account_id)
        assert uid in services.team_sync.shared()
        assert team.leave_action.isEnabled()
        # The window's own sync sends it.
        qtbot.waitUntil(lambda: services.team_sync.pending() == 0, timeout=30_000)
    finally:
        close_window(qtbot, services, window)

    _join(folder_b, team_server, ca_file, "bo", "bo-secret-22", tmp_path)
    assert _cli(folder_b, "sync", "--once") == 0
    assert _has(folder_b, uid)
    capsys.readouterr()
    assert _cli(folder_b, "team", "status", "--json") == 0
    accounts = json.loads(capsys.readouterr().out)["accounts"]
    assert [(a["uid"], a["permission"]) for a in accounts] == [(uid, "read")]


def test_refusals_in_chinese_then_leaving_removes_the_account_after_a_backup(qtbot, qapp, shared):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.team_dialogs import JoinDialog, ShareDialog

    folders, uid = shared
    login_before = _login(folders["bo"])
    services, window = open_window(qtbot, folders["bo"], "zh")
    said: dict[str, str] = {}
    try:
        team = window.team
        assert window.team_menu.title() == "团队(&T)"
        assert not team.share_action.isEnabled()  # joined, but no account on screen
        window.open_account(services.team_sync.account_id(uid))
        assert team.share_action.isEnabled() and team.leave_action.isEnabled()

        def join(dialog: JoinDialog) -> None:
            replace_text(dialog.url, "https://127.0.0.1:9")  # no server there
            replace_text(dialog.user, "bo")
            replace_text(dialog.password, "wrong")
            said["url"] = _send_and_wait(qtbot, dialog, dialog.url, "url")
            replace_text(dialog.url, _server_url(folders["bo"]))
            replace_text(dialog.ca_file, _ca_of(folders["bo"]))
            said["password"] = _send_and_wait(qtbot, dialog, dialog.password, "password")
            _shot(dialog, "join-refused-zh")
            QTest.keyClick(dialog.password, Qt.Key.Key_Escape)  # Esc cancels

        when_dialog(JoinDialog, join, timeout_ms=60_000)
        team.join_action.trigger()
        assert said["password"] == "用户名或密码不正确。"
        assert said["url"] == "无法连接团队服务器。请检查地址和网络。"
        assert _login(folders["bo"]) == login_before  # still bo's login (its token rotates)

        def share(dialog: ShareDialog) -> None:
            replace_text(dialog.grantee, "王小明")
            said["unknown"] = _send_and_wait(qtbot, dialog, dialog.grantee, "grantee")
            _shot(dialog, "share-refused-zh")
            QTest.keyClick(dialog.grantee, Qt.Key.Key_Escape)

        when_dialog(ShareDialog, share, timeout_ms=60_000)
        team.share_action.trigger()
        assert "王小明" in said["unknown"] and "没有" in said["unknown"]

        when_dialog(QMessageBox, lambda box: click(box.button(QMessageBox.StandardButton.Yes)))
        team.leave_action.trigger()
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.accounts, timeout=30_000)
        qtbot.waitUntil(lambda: "备份" in window.statusBar().currentMessage(), timeout=10_000)
        message = window.statusBar().currentMessage()
        assert services.team_sync.account_id(uid) is None
        assert not team.leave_action.isEnabled() and not team.share_action.isEnabled()
    finally:
        close_window(qtbot, services, window)
    assert not _has(folders["bo"], uid)
    backups = [p for p in (folders["bo"] / "backups").rglob("*before-leave*")]
    assert backups and str(backups[0]) in message
    assert "华东电力 East Power" in _accounts_in(backups[0])


def test_share_with_a_territory_chosen_by_keyboard(
    qtbot, qapp, admin, team_server, ca, database_url, tmp_path, capsys
):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.ui.team_dialogs import ShareDialog

    users = {"ana": "ana-secret-1", "bo": "bo-secret-22", "cy": "cy-secret-333"}
    for user, password in users.items():
        assert admin("add-user", user, password=password) == 0
    assert admin("add-territory", "east", "--member", "bo") == 0
    folders = {user: tmp_path / f"laptop-{user}" for user in users}
    laptop = open_laptop(folders["ana"])
    account_id, _people = small_account(laptop)
    laptop.close()
    ca_file = _ca_file(ca, tmp_path)
    for user, password in users.items():
        _join(folders[user], team_server, ca_file, user, password, tmp_path)
    services, window = open_window(qtbot, folders["ana"], "en")
    said: dict[str, object] = {}
    try:
        window.open_account(account_id)

        def share(dialog: ShareDialog) -> None:
            dialog.activateWindow()  # the arrow keys move the choice in the active window only
            qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
            said["label"] = dialog.grantee_label.text()
            said["names"] = [b.accessibleName() for b in dialog.kind_buttons.values()]
            said["first"] = dialog.kind()
            replace_text(dialog.grantee, "west")
            # Tab from the name to the choice (on Anyone), then the arrow keys to Territory.
            QTest.keyClick(dialog.grantee, Qt.Key.Key_Tab)
            for _ in range(3):
                QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Right)
            said["focus"] = dialog.focusWidget()
            said["kind"] = dialog.kind()
            said["unknown"] = _send_and_wait(qtbot, dialog, dialog.grantee, "grantee")
            said["shared"] = dict(services.team_sync.shared())
            _shot(dialog, "share-territory-refused-en")
            replace_text(dialog.grantee, "east")
            QTest.keyClick(dialog.grantee, Qt.Key.Key_Return)  # Enter sends

        when_dialog(ShareDialog, share, timeout_ms=60_000)
        window.team.share_action.trigger()
        assert said["label"] == "&Teammate, team or territory:"
        assert said["names"] == [
            "Look for a teammate, team or territory",
            "Look for a teammate",
            "Look for a team",
            "Look for a territory",
        ]
        assert said["first"] is None  # Anyone, unless the rep chooses
        assert said["kind"] == "territory"
        assert getattr(said["focus"], "objectName", lambda: "")() == "lookForTerritory"
        assert said["unknown"] == (
            "The team server has no territory named “west”. Check the spelling, or look for anyone."
        )
        assert said["shared"] == {}  # refused: the account was not made shared
        uid = services.team_sync.account_uid(account_id)
        assert uid in services.team_sync.shared()
        assert "“华东电力 East Power” is shared with east" in window.statusBar().currentMessage()
        assert server_grants(database_url) == {
            (uid, "user", "ana", "write"),
            (uid, "territory", "east", "write"),
        }
        qtbot.waitUntil(lambda: services.team_sync.pending() == 0, timeout=30_000)
    finally:
        close_window(qtbot, services, window)

    for user in ("bo", "cy"):
        assert _cli(folders[user], "sync", "--once") == 0
    assert _has(folders["bo"], uid)
    assert not _has(folders["cy"], uid)


def _login(folder) -> tuple[str, str, str]:
    import json

    stored = json.loads((folder / "team.json").read_text())
    return stored["url"], stored["user"], stored["ca_file"]


def _server_url(folder) -> str:
    import json

    return str(json.loads((folder / "team.json").read_text())["url"])


def _ca_of(folder) -> str:
    import json

    return str(json.loads((folder / "team.json").read_text())["ca_file"])
