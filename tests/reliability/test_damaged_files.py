"""Damaged data files: each kind gets a plain explanation, is moved aside untouched, and the
newest verified backup is offered — by the start-up check, by the command line and through the
recovery use cases."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from reliability_support import cli, record

from desktop.services import recovery
from desktop.store import backups, health


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def flip_page_headers(path: Path) -> None:
    """Flip bytes in the b-tree headers of several pages (the structure SQLite checks)."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for pgno in range(3, len(data) // page, 5):
        start = (pgno - 1) * page
        for offset in (1, 3, 5):
            data[start + offset] ^= 0xA5
    path.write_bytes(bytes(data))


def destroy_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes(range(100))
    path.write_bytes(bytes(data))


def empty(path: Path) -> None:
    path.write_bytes(b"")


def other_type(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" * 50)


def foreign_database(path: Path) -> None:
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.execute("INSERT INTO recipes VALUES ('dumplings')")
    con.commit()
    con.close()


CASES = {
    "truncated": (truncate, "truncated", "cut short"),
    "flipped bytes": (flip_page_headers, "malformed", "damaged"),
    "destroyed header": (destroy_header, "header", "destroyed"),
    "zero bytes": (empty, "empty", "empty (0 bytes)"),
    "another type": (other_type, "other_type", "a PDF document"),
    "another program's database": (foreign_database, "foreign", "another program"),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def data_dir(tmp_path, demo_db):
    """A data folder with the demo file and one verified backup of it."""
    folder = tmp_path / "data"
    assert demo_db.parent == folder
    backups.make_backup(demo_db, "manual")
    return folder


@pytest.mark.parametrize("case", CASES)
def test_start_up_check_explains_moves_aside_and_offers_the_backup(data_dir, case):
    damage, kind, words = CASES[case]
    path = data_dir / "callbrief.sqlite3"
    damage(path)
    bad = digest(path)
    report = recovery.assess(path)
    assert report.status == health.DAMAGED and report.kind == kind
    assert words in report.explanation
    assert not path.exists()
    assert report.moved_to is not None and digest(report.moved_to) == bad  # renamed, not changed
    assert report.backup is not None and report.backup.kind == "manual"
    text = recovery.explain(report, for_cli=True)
    assert str(report.moved_to) in text and "callbrief restore" in text
    # The way forward: the backup takes the damaged file's place, and the demo is back.
    recovery.restore_newest(report)
    assert health.check_at_start(path).status == health.OK
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM contacts").fetchone() == (10,)
    con.close()
    record("damaged_file", case=case, kind=kind, moved=True, backup_offered=True, restored=True)


def test_the_wal_and_shm_move_with_the_damaged_file(data_dir):
    path = data_dir / "callbrief.sqlite3"
    wal = data_dir / "callbrief.sqlite3-wal"
    wal.write_bytes(b"left by a crash" * 10)
    (data_dir / "callbrief.sqlite3-shm").write_bytes(b"\0" * 32768)
    destroy_header(path)
    report = recovery.assess(path)
    assert report.moved_to is not None
    assert not wal.exists() and not (data_dir / "callbrief.sqlite3-shm").exists()
    assert Path(f"{report.moved_to}-wal").read_bytes() == b"left by a crash" * 10


def test_a_second_damaged_file_never_overwrites_the_first(data_dir):
    path = data_dir / "callbrief.sqlite3"
    destroy_header(path)
    first = recovery.assess(path).moved_to
    path.write_bytes(b"")
    second = recovery.assess(path).moved_to
    assert first != second and first.exists() and second.exists()


def test_a_damaged_backup_is_skipped_for_an_older_sound_one(data_dir):
    path = data_dir / "callbrief.sqlite3"
    newer = backups.make_backup(path, "auto")
    truncate(newer.path)
    destroy_header(path)
    report = recovery.assess(path)
    assert report.backup is not None and report.backup.kind == "manual"


def test_without_any_backup_the_rep_is_told_so(tmp_path):
    path = tmp_path / "callbrief.sqlite3"
    other_type(path)
    report = recovery.assess(path)
    assert report.backup is None
    assert "no verified backup" in recovery.explain(report)


def test_a_sound_file_and_a_new_folder_pass(demo_db, tmp_path):
    assert health.check_at_start(demo_db, full=True).status == health.OK
    assert health.check_at_start(tmp_path / "new" / "callbrief.sqlite3").status == health.NEW


def test_a_newer_file_is_reported_and_never_moved(demo_db):
    con = sqlite3.connect(demo_db)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    before = digest(demo_db)
    report = health.check_at_start(demo_db)
    assert report.status == health.NEWER and report.moved_to is None
    assert digest(demo_db) == before


@pytest.mark.parametrize("case", ["truncated", "zero bytes", "another type"])
def test_the_command_line_names_the_backup_and_how_to_restore_it(data_dir, case):
    damage = CASES[case][0]
    damage(data_dir / "callbrief.sqlite3")
    result = cli(data_dir, "list", "accounts")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert "moved to" in result.stderr and "callbrief restore" in result.stderr
    (backup,) = backups.list_backups(data_dir / "backups")
    assert str(backup.path) in result.stderr
    restored = cli(data_dir, "restore", str(backup.path))
    assert restored.returncode == 0, restored.stderr
    listed = cli(data_dir, "list", "accounts")
    assert "苏州恒远精密制造有限公司" in listed.stdout


def test_check_full_finds_what_the_quick_check_reports(data_dir):
    flip_page_headers(data_dir / "callbrief.sqlite3")
    result = cli(data_dir, "check", "--full")
    assert result.returncode == 1 and "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_file_copy_is_kept_byte_for_byte(data_dir, tmp_path):
    path = data_dir / "callbrief.sqlite3"
    truncate(path)
    keep = tmp_path / "copy"
    shutil.copyfile(path, keep)
    report = recovery.assess(path)
    assert report.moved_to.read_bytes() == keep.read_bytes()
