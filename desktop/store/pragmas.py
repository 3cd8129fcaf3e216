"""Connection settings that make SQLite behave as an application file format.

- WAL: readers (a headless command, a backup) never block the window's writes.
- synchronous=FULL: a transaction reported as committed survives a power cut, not only a crash
  of the app. In WAL mode this costs one fsync of the WAL per commit; docs/storage.md explains
  the choice.
- foreign_keys=ON on every connection: SQLite leaves it off by default.
- busy_timeout: a second process waits its turn instead of failing with "database is locked".
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

BUSY_TIMEOUT_MS = 10_000


def configure(engine: Engine) -> None:
    """Install the pragmas and explicit transaction control on ``engine``."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front, so two writers queue on busy_timeout instead of
        # one failing half-way with SQLITE_BUSY when it upgrades a read lock.
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
