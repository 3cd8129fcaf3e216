"""Opening the Callbrief file: engine, sessions and the one-transaction-per-action helpers.

``write()`` turns SQLite's environment failures (disk full, read-only, locked for longer than
the busy timeout, I/O errors) into ``SaveError`` subclasses with a plain message; the
transaction is rolled back, so nothing of the change is kept and it can be tried again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop import privacy

from . import connect, errors, pragmas, search_index


class Database:
    """One SQLite file. ``write()`` and ``read()`` each give one transaction."""

    def __init__(self, path: Path, engine: Engine, passphrase: str | None = None) -> None:
        self.path = path
        self.engine = engine
        self._passphrase = passphrase
        self._bind(engine)

    def _bind(self, engine: Engine) -> None:
        self.engine = engine
        # expire_on_commit=False: objects handed to the UI stay readable after the commit.
        self._writer = sessionmaker(
            bind=engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        search_index.install(self._writer)

    @property
    def passphrase(self) -> str | None:
        """The key of an encrypted file (None for a plain one); backups use the same key."""
        return self._passphrase

    @property
    def encrypted(self) -> bool:
        return self._passphrase is not None and not connect.looks_plain(self.path)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        with self._plain_errors(), self._writer() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._plain_errors(), self._reader() as session, session.begin():
            yield session

    @contextmanager
    def _plain_errors(self) -> Iterator[None]:
        """Raise SQLite's environment failures as the store's errors (see module docstring)."""
        try:
            yield
        except IntegrityError:
            raise
        except DBAPIError as exc:
            translated = errors.translate(exc, self.path)
            if translated is None:
                raise
            raise translated from exc

    def release(self) -> None:
        """Close every pooled connection; the next use opens the file afresh.

        Used before the file is replaced (restore, encryption): the same object then works on
        the new file.
        """
        self.engine.dispose()

    def rekey(self, passphrase: str | None) -> None:
        """Use ``passphrase`` from now on (after the file was converted)."""
        self.engine.dispose()
        self._passphrase = passphrase
        self._bind(make_engine(self.path, passphrase))

    def close(self) -> None:
        self.engine.dispose()


def make_engine(path: Path, passphrase: str | None = None) -> Engine:
    if connect.readable_only(path):
        # A read-only medium: reading works (list, check, exports elsewhere); a write fails
        # with SQLite's "readonly", which write() reports as ReadOnlyError.
        cipher = not connect.looks_plain(path)

        def reader():
            return connect.connect(path, passphrase if cipher else None, immutable=True)

        extra = {"module": connect.cipher_module().dbapi2} if cipher else {}
        engine = create_engine("sqlite://", creator=reader, **extra)
    elif connect.wants_cipher(path, passphrase):
        module = connect.cipher_module()

        def creator():
            return connect.connect(path, passphrase)

        engine = create_engine(f"sqlite:///{path}", creator=creator, module=module.dbapi2)
    else:
        engine = create_engine(f"sqlite:///{path}", future=True)
    pragmas.configure(engine)
    return engine


def open_database(path: Path, passphrase: str | None = None) -> Database:
    """Open (creating or upgrading as needed) the file at ``path``.

    ``passphrase`` opens an encrypted file; without one, a file the data folder marks as
    encrypted takes the passphrase given to ``crypto.provide_passphrase`` or the
    CALLBRIEF_PASSPHRASE environment variable, and is refused with a plain message otherwise.
    """
    from . import crypto
    from .migrate import ensure_current

    if path.is_symlink() and not path.exists():
        raise errors.StoreError(
            f"The data file {path} is a link to {os.readlink(path)}, which is not there (a "
            "drive or share not connected?). Connect it, or remove the link to start a new "
            "file; nothing was changed."
        )
    if passphrase is None:
        passphrase = crypto.resolve_passphrase(path)
    privacy.make_private_folder(path.parent)
    privacy.secure_folder(path.parent)  # files made by older versions, or before a umask
    if passphrase is not None and path.exists() and not connect.looks_plain(path):
        connect.connect(path, passphrase, readonly=True).close()  # PassphraseError if wrong
    creating = not path.exists() or path.stat().st_size == 0
    if creating:
        privacy.create_private(path)  # SQLite's -wal and -shm take the file's mode
    engine = make_engine(path, passphrase)
    if creating and passphrase is not None:
        crypto.mark_encrypted(path)
    try:
        ensure_current(engine, path, passphrase)
        search_index.ensure_fresh(engine)  # entries written by an older version of the code
    except BaseException as exc:
        engine.dispose()
        known = _at_open(exc, path)
        if known is not None:
            raise known from exc
        raise
    return Database(path, engine, passphrase)


def _at_open(exc: BaseException, path: Path) -> errors.StoreError | None:
    """A plain message for a disk that refuses the set-up or upgrade of the file (full,
    read-only, failing); the migration's transaction rolled back, so nothing was lost."""
    if not isinstance(exc, (DBAPIError, *connect.database_errors())):
        return None
    known = errors.translate(exc, path)
    if isinstance(known, errors.DiskFullError):
        cause = f"the disk holding {path.parent} is full. Free some space and try again"
    elif isinstance(known, errors.ReadOnlyError):
        cause = f"{path.parent} cannot be written (read-only disk or folder, or no permission)"
    elif isinstance(known, errors.StorageIOError):
        cause = "the disk reported an error. Check the drive is still connected"
    else:
        return None
    return type(known)(f"The data file could not be set up: {cause}; nothing was lost.")
