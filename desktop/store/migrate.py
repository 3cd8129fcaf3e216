"""Bringing a file to the current schema, or refusing it.

The schema revision lives in the ``alembic_version`` table. Before anything touches a file it is
inspected through a read-only connection, so a file from a newer Callbrief, or a file that is not
ours, is refused and left byte-for-byte as it was. Alembic itself is imported only when a file
actually needs creating or upgrading, which keeps it off the normal start-up path.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from . import backup, errors

log = logging.getLogger(__name__)

# Every revision that ever shipped, oldest first. A test checks it against the scripts.
KNOWN_REVISIONS: tuple[str, ...] = ("0001",)
HEAD_REVISION = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def read_revision(path: Path) -> str | None:
    """The schema revision of the file, None for an empty file; raises for foreign files."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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
    except sqlite3.DatabaseError as exc:
        raise errors.DamagedFileError(
            f"{path} cannot be read as a Callbrief file ({exc}). It was left untouched."
        ) from exc
    if row is None:
        raise errors.DamagedFileError(f"{path} has no schema version. It was left untouched.")
    return str(row[0])


def ensure_current(engine: Engine, path: Path) -> None:
    """Create the schema in a new file, upgrade an older one, refuse a newer one."""
    revision = read_revision(path)
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise errors.NewerSchemaError(
            f"{path.name} was saved by a newer version of Callbrief (schema {revision}; this "
            f"version knows up to {HEAD_REVISION}). Update Callbrief to open it. "
            "The file was left untouched."
        )
    if revision is not None:
        saved = backup.backup_file(
            path, path.parent / "backups" / backup.timestamped_name(f"pre-migration-{revision}")
        )
        log.info("Backed up %s to %s before upgrading from %s", path, saved, revision)
    upgrade(engine)


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migration scripts in one transaction; a crash mid-way leaves the old schema."""
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        # Table rebuilds in batch mode need foreign keys off; checked again afterwards.
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        conn.commit()
        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        conn.exec_driver_sql("PRAGMA foreign_keys = ON")
    if problems:
        raise errors.DamagedFileError(f"The upgrade left broken references: {problems[:5]}")


def integrity_problems(path: Path, full: bool = False) -> list[str]:
    """What SQLite's own check finds wrong with the file; empty when it is sound."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}")]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    found = [r for r in rows if r != "ok"]
    found += [f"broken reference in {t} row {rid} to {parent}" for t, rid, parent, _ in fk]
    return found
