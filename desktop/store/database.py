"""Opening the Callbrief file: engine, sessions and the one-transaction-per-action helpers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from . import pragmas, search_index


class Database:
    """One SQLite file. ``write()`` and ``read()`` each give one transaction."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        # expire_on_commit=False: objects handed to the UI stay readable after the commit.
        self._writer = sessionmaker(
            bind=engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        search_index.install(self._writer)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        with self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    pragmas.configure(engine)
    return engine


def open_database(path: Path) -> Database:
    """Open (creating or upgrading as needed) the file at ``path``."""
    from .migrate import ensure_current

    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        ensure_current(engine, path)
    except BaseException:
        engine.dispose()
        raise
    return Database(path, engine)
