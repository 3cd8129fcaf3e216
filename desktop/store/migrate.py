"""Bringing a file to the current schema, or refusing it.

The schema revision lives in the ``alembic_version`` table. Before anything touches a file it is
inspected through a read-only connection, so a file from a newer Callbrief, or a file that is not
ours, is refused and left byte-for-byte as it was. Alembic itself is imported only when a file
actually needs creating or upgrading, which keeps it off the normal start-up path.

An upgrade first takes a verified copy (``backups/pre-migration-<rev>-<time>.sqlite3``), then
runs every step in one transaction: a crash at any moment leaves either the old file (with its
copy, once the copy is complete) or the upgraded one. tests/reliability/test_upgrade_paths.py kills
an upgrade at random moments to check this.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths

from . import backup, connect, errors

if TYPE_CHECKING:  # SQLAlchemy stays unimported for the start-up check and the first paint
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

# Every revision that ever shipped, oldest first. A test checks it against the scripts.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def read_revision(path: Path, passphrase: str | None = None) -> str | None:
    """The schema revision of the file, None for an empty file; raises for foreign files."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = connect.reader(path, passphrase)
        try:
            found = con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {r[0] for r in found}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise errors.NotCallbriefFileError(
                    f"{path} is a database, but not a Callbrief file. It was left untouched."
                )
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except connect.database_errors() as exc:
        raise errors.DamagedFileError(
            f"{path} cannot be read as a Callbrief file ({exc}). It was left untouched."
        ) from exc
    if row is None:
        raise errors.DamagedFileError(f"{path} has no schema version. It was left untouched.")
    return str(row[0])


def read_user_version(path: Path, passphrase: str | None = None) -> int:
    """SQLite's ``user_version`` of the file: the search index's version (search_index.py)."""
    con = connect.reader(path, passphrase)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def ensure_current(engine: Engine, path: Path, passphrase: str | None = None) -> None:
    """Create the schema in a new file, upgrade an older one, refuse a newer one."""
    revision = read_revision(path, passphrase)
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise errors.NewerSchemaError(
            f"{path.name} was saved by a newer version of Callbrief (schema {revision}; this "
            f"version knows up to {HEAD_REVISION}). Update Callbrief to open it. "
            "The file was left untouched."
        )
    if revision is not None:
        paths.backups_dir(path.parent).mkdir(parents=True, exist_ok=True)
        saved = backup.backup_file(
            path,
            paths.backups_dir(path.parent) / backup.timestamped_name(f"pre-migration-{revision}"),
            passphrase=passphrase,
        )
        log.info("Backed up %s to %s before upgrading from %s", path, saved, revision)
    upgrade(engine)


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migration scripts in one transaction; a crash mid-way leaves the old schema."""
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        # Table rebuilds in batch mode need foreign keys off, or dropping the old copy of a
        # parent table would cascade-delete its children. The pragma is a no-op inside a
        # transaction, so it goes to the driver before SQLAlchemy begins one.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            # One transaction for every step, begun here so Alembic joins it instead of
            # committing on its own; IMMEDIATE takes the write lock before the first step.
            conn.execution_options(sqlite_immediate=True)
            conn.begin()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                conn.rollback()
                raise errors.DamagedFileError(
                    f"The upgrade would leave broken references ({problems[:5]}); the file was "
                    "left as it was."
                )
            conn.commit()
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def integrity_problems(path: Path, full: bool = False, passphrase: str | None = None) -> list[str]:
    """What SQLite's own check finds wrong with the file; empty when it is sound."""
    con = connect.reader(path, passphrase)
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}")]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    found = [r for r in rows if r != "ok"]
    found += [f"broken reference in {t} row {rid} to {parent}" for t, rid, parent, _ in fk]
    return found
