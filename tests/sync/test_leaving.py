"""Leaving a share, and losing a grant, take the account off the laptop after a backup.

Real laptops' data folders, the real team server and PostgreSQL, through the command line:
ana shares an account with bo, cy and dee. bo leaves it himself; the admin takes cy's grant
back; dee's is taken back while dee has an edit the server never received.
"""

from __future__ import annotations

import sqlite3

import pytest
from laptops import open_laptop, small_account
from test_two_laptops import _ca_file, _cli, _join, _status

USERS = {"ana": "ana-secret-1", "bo": "bo-secret-22", "cy": "cy-secret-333", "dee": "dee-secret-4"}


def _accounts_in(path) -> list[str]:
    """Account names in a data file or backup, read with sqlite3 (not through our code)."""
    connection = sqlite3.connect(path)
    try:
        return [name for (name,) in connection.execute("SELECT name FROM accounts")]
    finally:
        connection.close()


def _has(folder, uid: str) -> bool:
    laptop = open_laptop(folder)
    try:
        return laptop.team_sync.account_id(uid) is not None
    finally:
        laptop.close()


def _sync(folder, capsys) -> str:
    capsys.readouterr()
    assert _cli(folder, "sync", "--once") == 0
    return capsys.readouterr().out


@pytest.fixture
def shared(admin, team_server, ca, tmp_path, capsys):
    """ana's account shared with bo, cy and dee, received by all three; (folders, uid)."""
    for user, password in USERS.items():
        assert admin("add-user", user, password=password) == 0
    folders = {user: tmp_path / f"laptop-{user}" for user in USERS}
    laptop = open_laptop(folders["ana"])
    account_id, _people = small_account(laptop)
    laptop.close()
    ca_file = _ca_file(ca, tmp_path)
    for user, password in USERS.items():
        _join(folders[user], team_server, ca_file, user, password, tmp_path)
    for user in ("bo", "cy", "dee"):
        share = ("team", "share", "--account", str(account_id), "--with", user)
        assert _cli(folders["ana"], *share) == 0
    _sync(folders["ana"], capsys)
    for user in ("bo", "cy", "dee"):
        _sync(folders[user], capsys)
    uid = _status(folders["ana"], capsys)["accounts"][0]["uid"]
    assert all(_has(folders[user], uid) for user in USERS)
    return folders, uid


def test_leaving_removes_the_account_after_a_backup_and_it_stays_gone(shared, capsys):
    folders, uid = shared
    bo = open_laptop(folders["bo"])
    bo_id = bo.team_sync.account_id(uid)
    bo.close()

    capsys.readouterr()
    assert _cli(folders["bo"], "team", "leave", "--account", str(bo_id)) == 0
    said = capsys.readouterr().out
    assert "removed from this laptop" in said
    assert not _has(folders["bo"], uid)
    assert _status(folders["bo"], capsys)["accounts"] == []
    # The backup named in the message holds the account as it was.
    backup = said.split("a backup is at ")[1].strip().rstrip(".")
    assert "华东电力 East Power" in _accounts_in(backup)
    assert "before-leave" in backup

    # The server no longer sends it: the next sync does not bring it back; ana keeps it.
    assert "0 accounts" in _sync(folders["bo"], capsys)
    assert not _has(folders["bo"], uid)
    _sync(folders["ana"], capsys)
    assert _has(folders["ana"], uid)

    # The owner cannot leave her own account (it would be orphaned); nothing is removed.
    ana = open_laptop(folders["ana"])
    ana_id = ana.team_sync.account_id(uid)
    ana.close()
    assert _cli(folders["ana"], "team", "leave", "--account", str(ana_id)) == 1
    assert "you own this account" in capsys.readouterr().err
    assert _has(folders["ana"], uid)
    # An account that is not shared is refused with a message, not removed.
    assert _cli(folders["bo"], "team", "leave", "--account", "999") == 1
    assert "not shared" in capsys.readouterr().err


def test_a_lost_grant_removes_the_account_unless_it_holds_unsent_edits(shared, admin, capsys):
    folders, uid = shared
    dee = open_laptop(folders["dee"])
    person = next(
        c for c in dee.contacts.for_account(dee.team_sync.account_id(uid)) if c.name == "Li Ming"
    )
    dee.contacts.update(person.id, title="CIO and CISO")  # offline: not sent yet
    dee.close()
    assert admin("revoke", uid, "--user", "cy") == 0
    assert admin("revoke", uid, "--user", "dee") == 0

    said = _sync(folders["cy"], capsys)
    assert "removed from this laptop" in said
    assert not _has(folders["cy"], uid)
    backup = said.split("a backup is at ")[1].split("\n")[0].rstrip(".")
    assert "华东电力 East Power" in _accounts_in(backup)

    # dee's edit exists nowhere else: the account stays and dee is told why.
    said = _sync(folders["dee"], capsys)
    assert "never sent" in said and "kept here" in said
    dee = open_laptop(folders["dee"])
    try:
        titles = {c.name: c.title for c in dee.contacts.for_account(dee.team_sync.account_id(uid))}
    finally:
        dee.close()
    assert titles["Li Ming"] == "CIO and CISO"
    # It is a local account now: later rounds leave it alone and do not fail on it.
    assert "0 accounts" in _sync(folders["dee"], capsys)
    assert _status(folders["dee"], capsys)["accounts"] == []
