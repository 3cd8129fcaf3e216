"""No export writes over Callbrief's own files, no command leaves a stray copy, and a refusal
says what really happened.

- ``export … -o`` the data file, its WAL, a backup or the log is refused, and the file is
  byte-for-byte as it was; over any other existing file it needs ``--force``.
- ``backup --to`` an existing folder writes a new file in it (no ``<folder>.part``); to a
  folder that does not exist it is refused and creates nothing.
- A refused restore leaves no ``.restoring``; restoring a CSV says it is no backup (not that it
  is "encrypted"); a restore that meets a full disk says so (not "could not be backed up").
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from disk_support import fill, tmpfs
from lost_work_support import plain_words
from reliability_support import cli

EXPORTS = {
    "bundle": ["export", "bundle", "--account", "1"],
    "brief": ["export", "brief", "--visit", "1"],
    "ics": ["export", "ics", "--visit", "1"],
    "contacts": ["export", "contacts", "--account", "1"],
    "map": ["export", "map", "--opportunity", "1"],
}


def own_files(data: Path) -> list[Path]:
    backup = next((data / "backups").glob("*.sqlite3"))
    return [
        data / "callbrief.sqlite3",
        data / "callbrief.sqlite3-wal",
        data / "callbrief.sqlite3.encrypted",
        backup,
        data / "callbrief.log",
        data / "callbrief.claim",
        # A laptop in a team: its login, lock, sync state and the organisation's playbook.
        *(data / name for name in TEAM_FILES),
    ]


TEAM_FILES = (
    "team.json",
    "team.lock",
    "team-status.json",
    "team-playbook.toml",
    "team-playbook.json",
)


def test_no_export_writes_over_callbriefs_own_files(demo_db):
    data = demo_db.parent
    assert cli(data, "backup").returncode == 0
    (data / "callbrief.log").touch()
    for name in TEAM_FILES:
        (data / name).write_text("kept by Callbrief", encoding="utf-8")
    before = {p: p.read_bytes() for p in own_files(data) if p.exists()}
    tries = [(EXPORTS["bundle"], target) for target in own_files(data)]
    tries += [(args, demo_db) for kind, args in EXPORTS.items() if kind != "bundle"]
    for args, target in tries:
        result = cli(data, *args, "-o", str(target), "--force")
        assert result.returncode == 1, f"{args[1]} over {target.name}"
        assert "one of Callbrief's own files" in result.stderr
        assert plain_words(result.stderr)
    assert {p: p.read_bytes() for p in before} == before
    assert cli(data, "check", "--full").returncode == 0


def test_an_export_over_an_existing_file_needs_force(demo_db, tmp_path):
    data = demo_db.parent
    target = tmp_path / "report.json"
    target.write_text("the rep's own notes", encoding="utf-8")
    refused = cli(data, "export", "bundle", "--account", "1", "-o", str(target))
    assert refused.returncode == 1 and "already exists" in refused.stderr
    assert "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "the rep's own notes"
    forced = cli(data, "export", "bundle", "--account", "1", "-o", str(target), "--force")
    assert forced.returncode == 0
    assert '"account"' in target.read_text(encoding="utf-8")


def test_backup_to_a_folder_leaves_no_part_file_and_never_creates_folders(demo_db, tmp_path):
    data = demo_db.parent
    usb = tmp_path / "usb"
    usb.mkdir()
    made = cli(data, "backup", "--to", str(usb))
    assert made.returncode == 0, made.stderr
    written = list(usb.iterdir())
    assert len(written) == 1 and written[0].name.startswith("manual-")
    assert not (tmp_path / "usb.part").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "usb"]
    missing = tmp_path / "nonexistent" / "x.sqlite3"
    refused = cli(data, "backup", "--to", str(missing))
    assert refused.returncode == 1 and "does not exist" in refused.stderr
    assert not missing.parent.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "usb"]


def test_a_refused_restore_leaves_no_staged_copy(demo_db, tmp_path):
    data = demo_db.parent
    copy = tmp_path / "copy.sqlite3"
    assert cli(data, "backup", "--to", str(copy)).returncode == 0
    other = sqlite3.connect(demo_db)  # another program (an sqlite3 shell) has it open
    try:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM accounts").fetchone()
        refused = cli(data, "restore", str(copy))
    finally:
        other.close()
    assert refused.returncode == 1 and "open in another program" in refused.stderr
    assert not list(data.glob("*.restoring*"))
    assert not list(data.glob("*.replaced-*"))


def test_restoring_a_csv_says_it_is_no_backup(demo_db, tmp_path):
    csv = tmp_path / "contacts.csv"
    csv.write_text("Name,Email\n" + "王 新,wang@example.com\n" * 400, encoding="utf-8")
    result = cli(demo_db.parent, "restore", str(csv))
    assert result.returncode == 1
    assert "is not a Callbrief backup" in result.stderr
    assert "encrypted" not in result.stderr and "passphrase" not in result.stderr


def test_a_restore_on_a_full_disk_says_the_disk_is_full(demo_db, tmp_path):
    copy = tmp_path / "copy.sqlite3"
    assert cli(demo_db.parent, "backup", "--to", str(copy)).returncode == 0
    with tmpfs(tmp_path / "disk", 2048) as disk:
        data = disk / "data"
        data.mkdir()
        assert cli(data, "demo").returncode == 0
        before = (data / "callbrief.sqlite3").read_bytes()
        filler = fill(disk, 8 * 1024)
        result = cli(data, "restore", str(copy))
        filler.unlink()
        assert result.returncode == 1
        assert "could not be restored" in result.stderr and "is full" in result.stderr
        assert "backed up" not in result.stderr
        assert plain_words(result.stderr)
        assert (data / "callbrief.sqlite3").read_bytes() == before
        assert not list(data.glob("*.restoring*"))
