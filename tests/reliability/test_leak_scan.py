"""The leak scan: no customer string readable in any file of an encrypted data folder.

An encrypted demo folder (whose log already held a contact's name from before) goes through
the commands a rep runs — lists, a search for a contact, exports, an import with bad rows, a
refused bundle that names contacts in its errors, a backup, a check, a failing command — and
after each one every file in the folder (data file, WAL, backups, marker, log, cache, lock) is
searched for every demo name and phone number and every name the commands brought in, as
UTF-8 and UTF-16. A bug's log entry keeps the exception's type and where it was raised, never
its text: ``tests/test_logs.py`` checks that with an exception that names a contact.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

from reliability_support import cli, record
from test_encryption_at_rest import readable_in, secrets_of

from desktop.store import crypto

PASSPHRASE = "tea at the Suzhou plant, 9 o'clock"
NEW_PEOPLE = {"赵六顺", "钱七星", "+86 139 1111 2222"}


def test_no_customer_string_in_any_file_of_an_encrypted_folder(tmp_path):
    folder = tmp_path / "data"
    assert cli(folder, "demo").returncode == 0
    assert cli(folder, "backup").returncode == 0
    db_path = folder / "callbrief.sqlite3"
    secrets = secrets_of(db_path) | NEW_PEOPLE
    with (folder / "callbrief.log").open("a", encoding="utf-8") as fh:
        fh.write("2026-01-01 09:00:00,000 ERROR callbrief: could not save 王建国\n")
    secrets.add("王建国")
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    done = cli(folder, "--passphrase-file", str(passphrase), "encrypt")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    out.mkdir()
    people = tmp_path / "people.csv"
    people.write_text(
        "Name,Email,Mobile\n赵六顺,not-an-address,+86 139 1111 2222\n钱七星,qian@example.com,\n",
        encoding="utf-8",
    )
    exported = out / "bundle.json"
    commands: list[tuple[str, ...]] = [
        ("list", "accounts"),
        ("list", "visits", "--json"),
        ("search", "王"),
        ("export", "bundle", "--account", "1", "-o", str(exported)),
        ("export", "brief", "--visit", "1", "-o", str(out / "brief.pdf")),
        ("import", "contacts", str(people), "--account", "1"),
        ("import", "contacts", str(people), "--account", "1", "--yes"),
        ("import", "bundle", "{cycle}"),
        ("export", "bundle", "--account", "999", "-o", str(out / "none.json")),
        ("backup",),
        ("check", "--full"),
    ]
    env = {crypto.ENV_PASSPHRASE: PASSPHRASE}
    files: set[str] = set()
    hits: list[str] = []
    for args in commands:
        if args == ("import", "bundle", "{cycle}"):
            args = ("import", "bundle", str(_cycle_bundle(exported, tmp_path)))
        done = cli(folder, *args, env=env)
        assert "internal error" not in done.stderr, (args, done.stderr)
        hits += readable_in(folder, secrets)
        files |= {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}
    assert hits == []
    assert "callbrief.log" in files and any(f.startswith("backups/") for f in files)
    for path in folder.rglob("*"):  # and private to the user while we are here
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    record(
        "leak_scan",
        commands=len(commands),
        files=len(files),
        secrets=len(secrets),
        readable=len(hits),
    )


def _cycle_bundle(exported: Path, tmp_path: Path) -> Path:
    """The exported bundle with a reports-to cycle: refused, its message names two people."""
    doc = json.loads(exported.read_text(encoding="utf-8"))
    contacts = doc["account"]["contacts"]
    contacts[0]["reports_to"] = contacts[1]["uid"]
    contacts[1]["reports_to"] = contacts[0]["uid"]
    path = tmp_path / "cycle.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path
