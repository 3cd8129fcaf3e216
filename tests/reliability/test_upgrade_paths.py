"""Upgrades: every shipped schema's file opens in this version with every row kept, and an
upgrade killed at any moment leaves either the old file (with its verified copy) or the new.

The shipped upgrade 0001 → 0002 only rebuilds the search index. The kill test therefore also
adds a *test-only* revision, one past the newest real one, in a copy of the migrations folder: it
rebuilds the accounts table in batch mode (the way SQLite changes a column — the step that
would cascade-delete every contact if foreign keys were left on), copies a value into the new
column and writes a large scratch table in the same transaction, so the transaction is long
enough to be hit. What is simulated is the migration itself; the file, the backup, the
transaction handling and the kills are the real ones.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from crash_harness import CrashHarness
from reliability_support import record, scale

from desktop.store import backups, migrate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"

# One past the newest real revision, so the first real migration after today's never collides
# with it: the test follows the shipped chain wherever it ends.
TEST_REVISION = f"{int(migrate.HEAD_REVISION) + 1:04d}"
TEST_CHAIN = (*migrate.KNOWN_REVISIONS, TEST_REVISION)
CHAIN_ARG = ",".join(TEST_CHAIN)

TEST_MIGRATION = f'''"""Test-only: add accounts.region, filled from city (never shipped).

Revision ID: {TEST_REVISION}
Revises: {migrate.HEAD_REVISION}
"""

import sqlalchemy as sa
from alembic import op

revision = "{TEST_REVISION}"
down_revision = "{migrate.HEAD_REVISION}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts", recreate="always") as batch:
        batch.add_column(sa.Column("region", sa.String(100), nullable=False, server_default=""))
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS accounts_search_ad AFTER DELETE ON accounts BEGIN "
        "DELETE FROM search_fts WHERE rowid = old.id * 4 + 0; END"
    )
    op.execute("UPDATE accounts SET region = city")
    op.execute("CREATE TABLE scratch (n INTEGER, pad TEXT)")
    op.execute(
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 30000) "
        "INSERT INTO scratch SELECT n, printf('%080d', n) FROM c"
    )
    op.execute("DROP TABLE scratch")


def downgrade() -> None:
    pass
'''


# The tables of an account's tree: each row has a uid from revision 0003 on.
UID_TABLES = (
    "accounts",
    "contacts",
    "opportunities",
    "visits",
    "buying_roles",
    "competitors",
    "attendees",
    "planned_questions",
    "needs",
    "fab_statements",
    "objections",
    "next_steps",
)
# The deal cockpit's tables (revision 0004): a uid on every row, like the rest of the tree.
COCKPIT_TABLES = ("stage_task_checks", "decision_points", "concessions")  # 0005 too


def table_rows(path: Path, only: dict[str, list[str]] | None = None) -> dict[str, set[tuple]]:
    """Every row of every table (search index internals aside), by table; or of the tables and
    columns in ``only``."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        wanted = {n: ["*"] for n in names} if only is None else only
        return {
            n: set(con.execute(f'SELECT {", ".join(cols)} FROM "{n}"').fetchall())
            for n, cols in wanted.items()
        }
    finally:
        con.close()


def columns(path: Path, table: str) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    finally:
        con.close()


def test_a_fixture_exists_for_every_shipped_revision():
    missing = [r for r in migrate.KNOWN_REVISIONS if not (FIXTURES / f"{r}.sqlite3").exists()]
    assert missing == [], "run scripts/make_schema_fixture.py when a revision ships"


@pytest.mark.parametrize("revision", migrate.KNOWN_REVISIONS)
def test_each_shipped_file_opens_at_head_with_every_row(tmp_path, revision):
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.store.database import open_database

    path = tmp_path / "callbrief.sqlite3"
    shutil.copyfile(FIXTURES / f"{revision}.sqlite3", path)
    before = table_rows(path)
    db = open_database(path)
    services = Services.build(db, default_playbook())
    assert services.queries.accounts(limit=10)  # the app can read it
    db.close()
    assert migrate.read_revision(path) == migrate.HEAD_REVISION
    for table, rows in before.items():
        if table == "alembic_version":
            continue
        # Every row, with every value it had; columns added since are checked below.
        old_columns = columns(FIXTURES / f"{revision}.sqlite3", table)
        assert table_rows(path, {table: old_columns})[table] == rows, table
    # Every row of an account's tree has a uid of its own (revision 0003 backfills them).
    for table in UID_TABLES:
        uids = [r[0] for r in table_rows(path, {table: ["uid"]})[table]]
        assert uids and all(len(u) == 32 for u in uids), table
        assert len(uids) == len(before[table]), table  # a set: equal lengths mean all distinct
    for table in COCKPIT_TABLES:
        uids = [r[0] for r in table_rows(path, {table: ["uid"]})[table]]
        assert all(len(u) == 32 for u in uids), table
        assert len(uids) == len(before.get(table, ())), table
    assert migrate.integrity_problems(path, full=True) == []
    record("upgrade_fixture", revision=revision, rows=sum(len(r) for r in before.values()))


@pytest.fixture
def test_migrations(tmp_path) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / f"{TEST_REVISION}_test_only.py").write_text(
        TEST_MIGRATION, encoding="utf-8"
    )
    return folder


def upgrade_in_process(path: Path, folder: Path, monkeypatch) -> None:
    from desktop.store.database import open_database

    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", TEST_CHAIN)
    monkeypatch.setattr(migrate, "HEAD_REVISION", TEST_REVISION)
    open_database(path).close()


def test_the_test_only_upgrade_keeps_every_row(tmp_path, test_migrations, monkeypatch):
    path = tmp_path / "data" / "callbrief.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURES / "0001.sqlite3", path)
    before = table_rows(path)
    upgrade_in_process(path, test_migrations, monkeypatch)
    # The rows with the columns they had (real revisions since 0001 add columns of their own).
    after = table_rows(path, {t: columns(FIXTURES / "0001.sqlite3", t) for t in before})
    assert migrate.read_revision(path) == TEST_REVISION
    for table, rows in before.items():
        if table not in ("alembic_version", "accounts"):
            assert after[table] == rows, table  # no contact cascaded away with the rebuild
    assert after["accounts"] == before["accounts"]
    assert "region" in columns(path, "accounts")
    (saved,) = backups.list_backups(path.parent / "backups")
    assert saved.kind == "pre-migration-0001" and table_rows(saved.path) == before


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_an_upgrade_killed_at_any_moment_leaves_the_old_or_the_new_file(
    tmp_path, test_migrations, monkeypatch
):
    runs = scale(24, 300)
    original = table_rows(FIXTURES / "0001.sqlite3")
    outcomes = {"old, untouched": 0, "old, with verified backup": 0, "new": 0}
    rng = random.Random(7)
    with CrashHarness(tmp_path / "unused.sqlite3") as harness:
        # How long a whole upgrade takes here, so the kills spread over all of it.
        calibrate = tmp_path / "calibrate" / "callbrief.sqlite3"
        calibrate.parent.mkdir()
        shutil.copyfile(FIXTURES / "0001.sqlite3", calibrate)
        began = time.monotonic()
        lines, killed = harness.run_job(f"upgrade {calibrate} {test_migrations} {CHAIN_ARG}", 5.0)
        full = time.monotonic() - began
        assert "DONE" in lines and not killed, lines
        for run in range(runs):
            folder = tmp_path / f"run{run}"
            folder.mkdir()
            path = folder / "callbrief.sqlite3"
            shutil.copyfile(FIXTURES / "0001.sqlite3", path)
            job = f"upgrade {path} {test_migrations} {CHAIN_ARG}"
            lines, killed = harness.run_job(job, rng.uniform(0, full))
            assert not any(line.startswith("ERROR") for line in lines), lines
            assert migrate.integrity_problems(path, full=True) == []
            revision = migrate.read_revision(path)
            copies = backups.list_backups(folder / "backups")
            if revision == "0001":
                assert table_rows(path) == original
                if copies:
                    assert backups.verify(copies[0].path) == []
                    assert table_rows(copies[0].path) == original
                    outcomes["old, with verified backup"] += 1
                else:
                    outcomes["old, untouched"] += 1
            else:
                assert revision == TEST_REVISION
                assert copies and table_rows(copies[0].path) == original
                outcomes["new"] += 1
            # Whatever the kill left, opening it again finishes the job with every row.
            upgrade_in_process(path, test_migrations, monkeypatch)
            after = table_rows(path)
            assert {r[:-1] for r in after["accounts"]} == original["accounts"]
            # Later revisions add contact columns (0006: name prefix and suffix): the old ones
            # hold what they held.
            kept = {"contacts": columns(FIXTURES / "0001.sqlite3", "contacts")}
            assert table_rows(path, kept)["contacts"] == original["contacts"]
            assert "scratch" not in after
    record("upgrade_kills", runs=runs, outcomes=outcomes, upgrade_seconds=round(full, 2))
    assert sum(outcomes.values()) == runs
