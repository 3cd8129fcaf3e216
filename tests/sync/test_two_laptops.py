"""Two laptops' data folders, the real team server and PostgreSQL, through the command line.

Laptop A shares an account with B; B joins and receives it; both edit offline (the same
person's title on both, a note extended on one and prefixed on the other, a person added on
one); ``callbrief sync --once`` on both until nothing moves: the rows are the same on both and
both note edits are kept. A read-only teammate's edits never reach A.
"""

from __future__ import annotations

import stat

from laptops import open_laptop, rows, small_account
from team_cli import _ca_file, _cli, _join, _status, _sync_until_quiet


def test_two_laptops_share_edit_offline_and_converge(admin, team_server, ca, tmp_path, capsys):
    assert admin("add-user", "ana", password="ana-secret-1") == 0
    assert admin("add-user", "bo", password="bo-secret-22") == 0
    folder_a, folder_b = tmp_path / "laptop-a", tmp_path / "laptop-b"
    laptop_a = open_laptop(folder_a)
    account_id, people = small_account(laptop_a)
    laptop_a.close()
    ca_file = _ca_file(ca, tmp_path)
    _join(folder_a, team_server, ca_file, "ana", "ana-secret-1", tmp_path)
    _join(folder_b, team_server, ca_file, "bo", "bo-secret-22", tmp_path)
    assert stat.S_IMODE((folder_a / "team.json").stat().st_mode) == 0o600
    assert "ana-secret-1" not in (folder_a / "team.json").read_text()

    assert _cli(folder_a, "team", "share", "--account", str(account_id), "--with", "bo") == 0
    assert _status(folder_a, capsys)["pending"] == 1  # shared, not sent yet
    _sync_until_quiet([folder_a, folder_b], capsys)
    status_a = _status(folder_a, capsys)
    assert status_a["state"] == "synced" and status_a["pending"] == 0
    uid = status_a["accounts"][0]["uid"]
    a, b = open_laptop(folder_a), open_laptop(folder_b)
    assert rows(b, uid) == rows(a, uid)  # B received the account, every row

    # Offline on both.
    b_account = b.team_sync.account_id(uid)
    b_ceo = next(c for c in b.contacts.for_account(b_account) if c.name == "王建国")
    a.contacts.update(people["ceo"], title="董事长", relationship_notes="喜欢早上开会，周三最好")
    b.contacts.update(b_ceo.id, title="Chairman", relationship_notes="重要：喜欢早上开会")
    b.contacts.create(b_account, name="陈静", title="采购经理")
    a.close()
    b.close()
    _sync_until_quiet([folder_a, folder_b], capsys)

    a, b = open_laptop(folder_a), open_laptop(folder_b)
    try:
        assert rows(a, uid) == rows(b, uid)
        contacts = {c["name"]: c for c in rows(a, uid)["contacts"]}
        assert set(contacts) == {"王建国", "Li Ming", "陈静"}
        assert contacts["王建国"]["relationship_notes"] == "重要：喜欢早上开会，周三最好"
        assert contacts["王建国"]["title"] in ("董事长", "Chairman")
    finally:
        a.close()
        b.close()
    # The title that lost is kept on the laptop that wrote it, and counted there.
    counted = {f: _status(f, capsys)["changed_by_others"] for f in (folder_a, folder_b)}
    assert sorted(counted.values()) == [0, 1]
    loser = next(f for f, n in counted.items() if n)
    assert _status(loser, capsys)["accounts"][0]["changed_by_others"] == 1


def test_a_read_only_teammates_edits_never_reach_the_owner(
    admin, team_server, ca, tmp_path, capsys
):
    assert admin("add-user", "ana", password="ana-secret-1") == 0
    assert admin("add-user", "mia", password="mia-secret-3") == 0
    folder_a, folder_m = tmp_path / "laptop-a", tmp_path / "laptop-m"
    laptop_a = open_laptop(folder_a)
    account_id, people = small_account(laptop_a)
    laptop_a.close()
    ca_file = _ca_file(ca, tmp_path)
    _join(folder_a, team_server, ca_file, "ana", "ana-secret-1", tmp_path)
    _join(folder_m, team_server, ca_file, "mia", "mia-secret-3", tmp_path)
    share = ("team", "share", "--account", str(account_id), "--with", "mia", "--read-only")
    assert _cli(folder_a, *share) == 0
    _sync_until_quiet([folder_a, folder_m], capsys)
    uid = _status(folder_m, capsys)["accounts"][0]["uid"]
    assert _status(folder_m, capsys)["accounts"][0]["permission"] == "read"

    m = open_laptop(folder_m)
    m_cio = next(
        c for c in m.contacts.for_account(m.team_sync.account_id(uid)) if c.name == "Li Ming"
    )
    m.contacts.update(m_cio.id, title="Changed by the reader")
    m.close()
    _sync_until_quiet([folder_m, folder_a], capsys)

    a = open_laptop(folder_a)
    try:
        titles = {c["name"]: c["title"] for c in rows(a, uid)["contacts"]}
        assert titles["Li Ming"] == "CIO"
    finally:
        a.close()
    assert _status(folder_m, capsys)["state"] == "synced"


def test_the_window_and_a_command_refreshing_the_login_at_once_both_stay_logged_in(
    admin, team_server, ca, tmp_path
):
    """A refresh token works once. The window's sync and a ``callbrief team share`` typed in a
    terminal refresh at the same moment (each process read team.json earlier): both get a
    token, and the laptop stays logged in, where one of them used to be refused the login."""
    import subprocess
    import sys
    from pathlib import Path

    from desktop.sync.client import TeamConfig, access_token

    assert admin("add-user", "ana", password="ana-secret-1") == 0
    folder = tmp_path / "laptop-a"
    _join(folder, team_server, _ca_file(ca, tmp_path), "ana", "ana-secret-1", tmp_path)
    script = (
        "import sys; from pathlib import Path; from desktop.sync.client import TeamConfig,"
        " access_token\nfolder = Path(sys.argv[1]); config = TeamConfig.load(folder)\n"
        "print('ready', flush=True); sys.stdin.readline()\n"
        "for _ in range(5): access_token(config, folder)\nprint('ok')"
    )
    project = Path(__file__).resolve().parents[2]
    others = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(folder)],
            cwd=project,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    mine = TeamConfig.load(folder)  # read before the others refresh, as the window does
    for other in others:
        assert other.stdout.readline().strip() == "ready"  # each has read team.json too
    for other in others:
        other.stdin.write("go\n")
        other.stdin.flush()
    tokens = [access_token(mine, folder) for _ in range(5)]
    for other in others:
        out, err = other.communicate(timeout=60)
        assert other.returncode == 0 and out.strip() == "ok", err[-2000:]
    assert len(set(tokens)) == 5
    assert access_token(TeamConfig.load(folder), folder)  # the stored login still works
