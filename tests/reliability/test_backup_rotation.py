"""Backups: verified copies made beside a writer, rotated over a year, restored safely."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from reliability_support import cli, record

from desktop.services.backups import AutoBackup, BackupScheduler, BackupService
from desktop.services.events import Change, Notifier
from desktop.store import backups
from desktop.store.errors import BackupError, FileInUseError

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2025, 6, 30, 18, 0)


def fake_infos(tmp_path: Path, stamps: list[datetime]) -> list[backups.BackupInfo]:
    return [backups.BackupInfo(tmp_path / f"auto-{i}", "auto", t, 1) for i, t in enumerate(stamps)]


def test_rotation_keeps_newest_daily_weekly_monthly(tmp_path):
    # A backup every 10 minutes of an 8-hour working day, every day for two years.
    stamps = [
        datetime(2023, 7, 1, 9) + timedelta(days=d, minutes=10 * m)
        for d in range(760)
        for m in range(48)
    ]
    stamps = [s for s in stamps if s <= NOW]
    infos = fake_infos(tmp_path, stamps)
    keep = backups.kept(infos, NOW)
    kept = [b for b in infos if b.path in keep]
    newest = sorted(stamps)[-backups.KEEP_NEWEST :]
    assert set(newest) <= {b.created for b in kept}
    days = {b.created.date() for b in kept}
    assert all((NOW - timedelta(days=d)).date() in days for d in range(14))
    months = {(b.created.year, b.created.month) for b in kept}
    assert len(months) >= 12
    assert min(b.created for b in kept) >= NOW - timedelta(days=31 * 12 + 1)
    assert len(kept) <= 10 + 14 + 8 + 12
    record("rotation", made=len(infos), kept=len(kept), oldest_kept=min(b.created for b in kept))


def test_pre_migration_copies_are_never_rotated_away(tmp_path):
    old = backups.BackupInfo(tmp_path / "pre", "pre-migration-0001", NOW - timedelta(days=900), 1)
    assert not old.rotated
    recent = fake_infos(tmp_path, [NOW - timedelta(minutes=i) for i in range(30)])
    assert old.path not in backups.kept([old, *recent], NOW) and len(recent) > 10


def test_scheduler_backs_up_after_changes_at_most_every_interval():
    s = BackupScheduler(timedelta(minutes=10), last=NOW)
    assert not s.due(NOW + timedelta(hours=5))  # no change, no backup
    s.note_change()
    assert not s.due(NOW + timedelta(minutes=9))
    assert s.due(NOW + timedelta(minutes=10))
    s.done(NOW + timedelta(minutes=10))
    s.note_change()
    assert not s.due(NOW + timedelta(minutes=15)) and s.due_on_exit()


def test_auto_backup_follows_the_services_changes(services):
    clock = [NOW]
    notifier: Notifier = services.notifier
    auto = AutoBackup(BackupService(services.db), notifier, clock=lambda: clock[0])
    assert auto.tick() is None and auto.at_exit() is None  # nothing changed yet
    services.accounts.create(name="Acme")
    made = auto.tick()
    assert isinstance(made, backups.BackupInfo) and made.kind == "auto"
    services.accounts.create(name="Beta")
    clock[0] = NOW + timedelta(minutes=3)
    assert auto.tick() is None  # too soon
    exit_copy = auto.at_exit()
    assert isinstance(exit_copy, backups.BackupInfo)
    con = sqlite3.connect(exit_copy.path)
    assert {r[0] for r in con.execute("SELECT name FROM accounts")} == {"Acme", "Beta"}
    con.close()
    notifier.publish(Change("restored"))
    assert auto.at_exit() is None  # a restore is not a change of the rep's


def test_back_up_now_is_verified_and_prunes(services):
    service = BackupService(services.db)
    services.accounts.create(name="Acme")
    for _ in range(14):
        service.back_up_now()
    listed = service.list()
    assert len(listed) == backups.KEEP_NEWEST  # all from today: today's newest is among them
    assert all(service.verify(b.path) == [] for b in listed)
    stale = service.folder / "manual-20200101-000000-000000.sqlite3.part"
    stale.write_bytes(b"half of a backup whose process was killed yesterday")
    os.utime(stale, (time.time() - 86400, time.time() - 86400))
    service.back_up_now()
    assert not list(service.folder.glob("*.part"))


WRITER = """
import sys
from pathlib import Path
from desktop.store.database import open_database
from desktop.store.models import Account
db = open_database(Path(sys.argv[1]))
print("ready", flush=True)
n = 0
while True:
    with db.write() as s:  # 50 accounts per transaction, back to back
        s.add_all([Account(name=f"w{n + i}") for i in range(50)])
    n += 50
"""


def test_a_backup_beside_a_busy_writer_is_consistent(demo_db, tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(demo_db)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.3)
        made = []
        for _ in range(5):
            made.append(backups.make_backup(demo_db, "manual"))
            time.sleep(0.05)
        assert proc.poll() is None  # the writer was still writing
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
    counts = []
    for b in made:
        assert backups.verify(b.path) == []
        con = sqlite3.connect(b.path)
        counts.append(con.execute("SELECT count(*) FROM accounts").fetchone()[0])
        con.close()
    assert all(c % 50 == 1 for c in counts)  # whole transactions only (demo has 1 account)
    assert counts == sorted(counts) and counts[-1] > counts[0] > 1  # taken while it wrote
    record("backup_beside_writer", backups=len(made), accounts_seen=counts)


def test_restore_keeps_the_replaced_file_and_reopens(services):
    service = BackupService(services.db)
    services.accounts.create(name="Kept in the backup")
    saved = service.back_up_now()
    services.accounts.create(name="Made after the backup")
    result = service.restore(saved.path)
    names = [a.name for a in services.queries.accounts(limit=10)]
    assert names == ["Kept in the backup"]  # the same Services work on the restored file
    assert result.replaced is not None and result.replaced.name.startswith(
        "callbrief.sqlite3.replaced-"
    )
    con = sqlite3.connect(result.replaced)
    assert ("Made after the backup",) in con.execute("SELECT name FROM accounts").fetchall()
    con.close()


HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("SELECT count(*) FROM accounts").fetchone()
print("open", flush=True)
time.sleep(60)
"""


def test_restore_is_refused_while_another_program_has_the_file_open(demo_db):
    saved = backups.make_backup(demo_db, "manual")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "open"
        before = demo_db.read_bytes()
        with pytest.raises(FileInUseError, match="open in another program"):
            backups.restore(saved.path, demo_db)
        assert demo_db.read_bytes() == before
        assert not list(demo_db.parent.glob("*.replaced-*"))
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()


def test_a_damaged_backup_is_not_restored(demo_db):
    saved = backups.make_backup(demo_db, "manual")
    data = saved.path.read_bytes()
    saved.path.write_bytes(data[: len(data) // 2])
    before = demo_db.read_bytes()
    with pytest.raises(BackupError, match="failed its check"):
        backups.restore(saved.path, demo_db)
    assert demo_db.read_bytes() == before


def test_command_line_backup_to_a_chosen_place_and_restore(demo_db, tmp_path):
    data = demo_db.parent
    target = tmp_path / "usb" / "callbrief-copy.sqlite3"
    target.parent.mkdir()  # the stick is plugged in: --to never makes folders (see below)
    made = cli(data, "backup", "--to", str(target))
    assert made.returncode == 0 and "verified" in made.stdout
    assert backups.verify(target) == []
    assert cli(data, "demo").returncode == 0  # a second demo account
    restored = cli(data, "restore", str(target))
    assert restored.returncode == 0 and "replaced-" in restored.stdout
    listed = cli(data, "list", "accounts")
    assert listed.stdout.count("\n") == 1
    refused = cli(data, "restore", str(tmp_path / "nothing-here.sqlite3"))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
