"""Sharing an account with a territory, through the command line, against the real team server
and PostgreSQL.

The admin adds the territory ``east`` with bo in it (``callbrief-server add-territory``). ana
shares one account with it by ``--territory east``, another by ``--with east`` (no teammate or
team is called east: the guess goes on to the territory), read only. bo's laptop receives both
at its next sync; cy, who is not in the territory, receives neither. Names the server does not
know are refused with what was looked for, and nothing is made shared.
"""

from __future__ import annotations

from laptops import open_laptop, small_account
from sqlalchemy import create_engine, text
from team_cli import _ca_file, _cli, _join, _status

USERS = {"ana": "ana-secret-1", "bo": "bo-secret-22", "cy": "cy-secret-333"}


def server_grants(database_url: str) -> set[tuple[str, str, str, str]]:
    """Every grant on the server as (account uid, kind, name, permission), read with SQL."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            found = connection.execute(
                text(
                    "SELECT g.account_uid, u.username, t.name, r.name, g.permission"
                    " FROM grants g LEFT JOIN users u ON u.id = g.user_id"
                    " LEFT JOIN teams t ON t.id = g.team_id"
                    " LEFT JOIN territories r ON r.id = g.territory_id"
                )
            ).all()
    finally:
        engine.dispose()
    grants = set()
    for uid, user, team, territory, permission in found:
        kind, name = next(
            (k, n) for k, n in (("user", user), ("team", team), ("territory", territory)) if n
        )
        grants.add((uid, kind, name, permission))
    return grants


def _refused(folder, capsys, *args: str) -> str:
    capsys.readouterr()
    assert _cli(folder, *args) == 1
    return capsys.readouterr().err


def test_share_with_a_territory_reaches_its_members_only(
    admin, team_server, ca, database_url, tmp_path, capsys
):
    for user, password in USERS.items():
        assert admin("add-user", user, password=password) == 0
    assert admin("add-territory", "east", "--member", "bo") == 0
    folders = {user: tmp_path / f"laptop-{user}" for user in USERS}
    laptop = open_laptop(folders["ana"])
    first, _people = small_account(laptop)
    second = laptop.accounts.create(name="West Grid 西部电网").id
    laptop.close()
    ca_file = _ca_file(ca, tmp_path)
    for user, password in USERS.items():
        _join(folders[user], team_server, ca_file, user, password, tmp_path)

    # Names the server does not know: refused, saying what was looked for; nothing shared.
    share = ("team", "share", "--account", str(first))
    said = _refused(folders["ana"], capsys, *share, "--with", "nowhere")
    assert "no teammate, team or territory named nowhere" in said
    said = _refused(folders["ana"], capsys, *share, "--territory", "west")
    assert "no territory named west" in said
    said = _refused(folders["ana"], capsys, *share, "--territory", "bo")  # a user, not a territory
    assert "no territory named bo" in said
    assert _status(folders["ana"], capsys)["accounts"] == []
    assert server_grants(database_url) == set()

    capsys.readouterr()
    assert _cli(folders["ana"], *share, "--territory", "east") == 0
    assert "shared with territory east (write)" in capsys.readouterr().out
    again = ("team", "share", "--account", str(second), "--with", "east", "--read-only")
    assert _cli(folders["ana"], *again) == 0
    assert "shared with territory east (read)" in capsys.readouterr().out
    uids = {a["id"]: a["uid"] for a in _status(folders["ana"], capsys)["accounts"]}
    assert set(uids) == {first, second}
    assert server_grants(database_url) == {
        (uids[first], "user", "ana", "write"),  # the first sharer owns it
        (uids[first], "territory", "east", "write"),
        (uids[second], "user", "ana", "write"),
        (uids[second], "territory", "east", "read"),
    }

    for user in USERS:
        assert _cli(folders[user], "sync", "--once") == 0
    bo = _status(folders["bo"], capsys)["accounts"]
    assert sorted((a["uid"], a["permission"]) for a in bo) == sorted(
        [(uids[first], "write"), (uids[second], "read")]
    )
    laptop = open_laptop(folders["bo"])
    try:
        names = {laptop.accounts.get(a["id"]).name for a in bo}
    finally:
        laptop.close()
    assert names == {"华东电力 East Power", "West Grid 西部电网"}
    # cy is not in the territory: nothing reaches cy's laptop.
    assert _status(folders["cy"], capsys)["accounts"] == []
    laptop = open_laptop(folders["cy"])
    try:
        assert laptop.team_sync.account_id(uids[first]) is None
        assert laptop.team_sync.account_id(uids[second]) is None
    finally:
        laptop.close()
