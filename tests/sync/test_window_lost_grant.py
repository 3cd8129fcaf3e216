"""A grant taken back while the window is open: its own background sync lets the account go.

Real laptops' data folders, the real team server and PostgreSQL (the ``shared`` set-up of
test_leaving.py): cy has the shared account open in the window when the admin takes cy's grant
back; bo sees the same in Chinese. The account is backed up and removed, its page closes and
the rep is told in the status bar and in the sync state's tip.
"""

from __future__ import annotations

import test_leaving
from laptops import close_window, open_laptop, open_window
from test_leaving import _accounts_in, _has

shared = test_leaving.shared  # the fixture: ana's account shared with bo, cy and dee


def _lose_grant(qtbot, shared, admin, user: str, lang: str) -> str:
    """``user`` opens the account, the grant is taken back; what the status bar said."""
    folders, uid = shared
    services, window = open_window(qtbot, folders[user], lang)
    try:
        account_id = services.team_sync.account_id(uid)
        window.open_account(account_id)
        page = window.stack.currentWidget()
        assert page is not window.accounts
        assert admin("revoke", uid, "--user", user) == 0
        window.sync_status.worker.wake()  # as a local edit or the next round would
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.accounts, timeout=30_000)
        qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=10_000)
        said = window.statusBar().currentMessage()
        assert str(window.sync_status.removal.backup) in said
        assert said in window.sync_status.button.toolTip()
        assert services.team_sync.account_id(uid) is None
    finally:
        close_window(qtbot, services, window)
    assert not _has(folders[user], uid)
    # The backup named in the message holds the account as it was.
    assert "华东电力 East Power" in _accounts_in(window.sync_status.removal.backup)
    return said


def test_a_room_that_refuses_us_is_told_apart_from_a_network_failure(shared, admin):
    """The room's door says 403 for a grant taken back: the sync names it, it is no crash."""
    import anyio
    import pytest

    from desktop.sync.client import GrantLost, TeamConfig, access_token, exchange
    from desktop.sync.engine import load_doc

    folders, uid = shared
    assert admin("revoke", uid, "--user", "cy") == 0
    services = open_laptop(folders["cy"])
    try:
        config = TeamConfig.load(folders["cy"])
        token = access_token(config, folders["cy"])
        doc = load_doc(services.team_sync.state(uid))
        with pytest.raises(GrantLost, match="no longer shared"):
            anyio.run(exchange, config, token, uid, doc)
    finally:
        services.close()


def test_the_window_lets_an_account_go_when_its_grant_is_taken_back(qtbot, shared, admin):
    said = _lose_grant(qtbot, shared, admin, "cy", "en")
    assert said.startswith("1 shared account(s) removed from this laptop")
    said = _lose_grant(qtbot, shared, admin, "bo", "zh")
    assert "已从本机移除" in said and "备份" in said
    # The others still have it.
    folders, uid = shared
    assert _has(folders["ana"], uid) and _has(folders["dee"], uid)


def test_an_account_with_unsent_edits_stays_as_a_local_account_and_the_rep_is_told(
    qtbot, shared, admin
):
    """dee's grant is taken back while dee has an edit the server never got (Chinese)."""
    folders, uid = shared
    assert admin("revoke", uid, "--user", "dee") == 0
    dee = open_laptop(folders["dee"])
    account_id = dee.team_sync.account_id(uid)
    li = next(c for c in dee.contacts.for_account(account_id) if c.name == "Li Ming")
    dee.contacts.update(li.id, title="CIO and CISO")  # made offline: never sent
    dee.close()
    services, window = open_window(qtbot, folders["dee"], "zh")
    try:
        qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()), timeout=30_000)
        said = window.statusBar().currentMessage()
        assert "尚未发送" in said and "本地客户" in said
        assert said in window.sync_status.button.toolTip()
        titles = {c.name: c.title for c in services.contacts.for_account(account_id)}
        assert titles["Li Ming"] == "CIO and CISO"  # nothing lost
        assert services.team_sync.shared() == {}  # no longer synced
    finally:
        close_window(qtbot, services, window)
