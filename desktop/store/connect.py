"""Raw DB-API connections to a Callbrief file, plain or encrypted, outside SQLAlchemy.

Checks, backups and conversions work on the file itself, so they use the driver directly. A
file is encrypted exactly when its first 16 bytes are not SQLite's magic string (an encrypted
file starts with its random salt); ``passphrase`` must then be given. The SQLCipher driver is
imported only for encrypted files, so plain files never need it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from .errors import PassphraseError, StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"


def header(path: Path, size: int = 100) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except FileNotFoundError:
        return b""


def looks_plain(path: Path) -> bool:
    """True for a plain SQLite file (or one not yet written)."""
    head = header(path, 16)
    return not head or head == SQLITE_MAGIC


def could_be_encrypted(path: Path) -> bool:
    """Whether a file that is not plain SQLite may be an encrypted one: SQLCipher writes whole
    pages (a multiple of 512 bytes) behind a random salt; a text file (a CSV, a bundle) fails
    one or the other, so it is never asked for a passphrase."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    head = header(path, 16)
    if size < 512 or size % 512 or len(head) < 16:
        return False
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in head)
    return printable < len(head)  # a random salt is all printable once in ~10^8 files


def read_only_medium(folder: Path) -> bool:
    """True when ``folder`` is on a medium mounted read-only (even root cannot write there),
    or cannot be written by this user."""
    try:
        flags = os.statvfs(folder).f_flag
    except (OSError, AttributeError):  # Windows has no statvfs: the access check decides
        flags = 0
    return bool(flags & getattr(os, "ST_RDONLY", 1)) or not os.access(folder, os.W_OK)


def cipher_module() -> Any:
    """The SQLCipher DB-API module; a plain message if it is not installed."""
    try:
        import sqlcipher3
    except ImportError as exc:  # pragma: no cover - the dependency is declared
        raise StoreError(
            "Encryption needs the 'sqlcipher3' package, which is not installed."
        ) from exc
    return sqlcipher3


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def apply_key(con: Any, passphrase: str) -> None:
    """Key a fresh SQLCipher connection; must be its first statement."""
    # SQLCipher logs failed page decryptions to stderr; the rep gets our message instead.
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
    except Exception:  # noqa: BLE001 - older SQLCipher builds lack the pragma
        pass
    con.execute(f"PRAGMA key = {quote(passphrase)}")
    # Sorting and temporary indexes stay in memory, so nothing plaintext reaches a temp file.
    con.execute("PRAGMA temp_store = MEMORY")


def check_key(con: Any, path: Path) -> None:
    """Raise PassphraseError if the key does not open the file."""
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:
        con.close()
        if "not a database" not in str(exc):
            raise  # page 1 decrypted, so the key is right: the file itself is damaged
        raise PassphraseError(
            f"The passphrase does not open {path.name}. Check it and try again; if you are sure "
            "it is right, the file may be damaged: restore a backup with 'callbrief restore'."
        ) from exc


def wants_cipher(path: Path, passphrase: str | None) -> bool:
    """Whether ``path`` is opened through SQLCipher: an encrypted file, or a new one to encrypt."""
    if passphrase is None:
        return False
    return not path.exists() or path.stat().st_size == 0 or not looks_plain(path)


def connect(
    path: Path, passphrase: str | None = None, *, readonly: bool = False, immutable: bool = False
) -> Any:
    """A DB-API connection to ``path`` in autocommit mode.

    A plain file is opened as such whatever ``passphrase`` says; an encrypted one is keyed and
    the key checked (PassphraseError). Without a passphrase a file that is not plain SQLite
    opens, and its first query fails with "file is not a database": callers decide whether that
    means damaged or encrypted.
    """
    uri = f"file:{path}?mode=ro" if readonly or immutable else f"file:{path}"
    if immutable:
        # A read-only medium: no -shm can be made beside the file, and nothing can change it.
        uri += "&immutable=1"
    if not wants_cipher(path, passphrase):
        return sqlite3.connect(uri, uri=True, isolation_level=None)
    assert passphrase is not None
    con = cipher_module().connect(uri, uri=True, isolation_level=None)
    apply_key(con, passphrase)
    check_key(con, path)
    return con


def reader(path: Path, passphrase: str | None = None) -> Any:
    """A connection for reading ``path`` that changes nothing if it can.

    Read-only first. A file left by a crash has a "hot" WAL whose index must be rebuilt before
    anyone can read it, which a read-only connection may not do ("attempt to write a readonly
    database"); then an ordinary connection does it — exactly what opening the file in the app
    would do next.
    """
    if readable_only(path):
        return connect(path, passphrase, immutable=True)
    con = None
    try:
        con = connect(path, passphrase, readonly=True)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except database_errors() as exc:
        text = str(exc).lower()
        if con is not None and "readonly" not in text and "unable to open" not in text:
            return con  # the caller meets the same error and reports it
        if con is not None:
            con.close()
        return connect(path, passphrase)
    return con


def readable_only(path: Path) -> bool:
    """True for a data file on a read-only medium with no WAL beside it: it can only be read,
    as an immutable file (SQLite could neither make its -shm nor need one)."""
    wal = path.with_name(path.name + "-wal")
    return path.exists() and not wal.exists() and read_only_medium(path.parent)


def database_errors() -> tuple[type[BaseException], ...]:
    """The DatabaseError classes of every driver in use."""
    found: list[type[BaseException]] = [sqlite3.DatabaseError]
    try:
        import sqlcipher3

        found.append(sqlcipher3.DatabaseError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(found)
