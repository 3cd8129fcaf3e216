"""Encryption at rest: SQLCipher for the data file, its WAL and its backups.

Off by default. ``encrypt_data_file`` converts a plain file with ``sqlcipher_export`` into a new
encrypted file, verifies it (integrity check and the same row count in every table), swaps it
in and only then lets the plaintext go; ``encrypt_copy`` does the same for each backup. A marker
file beside the data file (``callbrief.sqlite3.encrypted``) records that the folder is
encrypted, so a missing passphrase is reported as such and an encrypted file is never taken for
a damaged one. The passphrase comes from ``provide_passphrase`` (the GUI or the command line)
or the CALLBRIEF_PASSPHRASE environment variable; it is never written anywhere.

What this does not do: erase the blocks the old plaintext file used on the disk (on an SSD
nothing can promise that; full-disk encryption is the answer there), or change a passphrase.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

from desktop import privacy

from . import connect, errors
from .errors import PassphraseError, StoreError

ENV_PASSPHRASE = "CALLBRIEF_PASSPHRASE"
MARKER_SUFFIX = ".encrypted"
_provided: str | None = None


def marker_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + MARKER_SUFFIX)


def is_marked(db_path: Path) -> bool:
    return marker_path(db_path).exists()


def mark_encrypted(db_path: Path) -> None:
    privacy.create_private(marker_path(db_path))
    marker_path(db_path).write_text(
        json.dumps({"cipher": "sqlcipher4", "note": "The data file is encrypted."}) + "\n",
        encoding="utf-8",
    )


def provide_passphrase(passphrase: str | None) -> None:
    """Remember the passphrase for this process (from a prompt or --passphrase-file)."""
    global _provided
    _provided = passphrase


def resolve_passphrase(db_path: Path) -> str | None:
    """The passphrase for ``db_path``: None for a plain folder; PassphraseError if one is needed
    and none was given."""
    if not is_marked(db_path):
        return None
    found = _provided if _provided is not None else os.environ.get(ENV_PASSPHRASE)
    if not found:
        if db_path.exists() and not connect.looks_plain(db_path):
            raise PassphraseError(
                f"{db_path.name} is encrypted. Give its passphrase (--passphrase-file FILE, or "
                f"the {ENV_PASSPHRASE} environment variable) to open it."
            )
        return None
    return found


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise PassphraseError("Choose a passphrase of at least 8 characters.")


def _table_counts(con) -> dict[str, int]:
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def encrypt_copy(source: Path, dest: Path, passphrase: str) -> Path:
    """Write an encrypted, verified copy of the plain file ``source`` to ``dest``; on any
    failure (a full disk, say) nothing is left behind but ``source``."""
    module = connect.cipher_module()
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        privacy.create_private(tmp)  # 0600 before SQLite writes a page into it
        plain = module.connect(str(source), isolation_level=None)
        try:
            plain.execute("PRAGMA cipher_log_level = NONE")
            before = _table_counts(plain)
            plain.execute(
                f"ATTACH DATABASE {connect.quote(str(tmp))} AS enc KEY {connect.quote(passphrase)}"
            )
            plain.execute("SELECT sqlcipher_export('enc')")
            version = plain.execute("PRAGMA user_version").fetchone()[0]
            plain.execute(f"PRAGMA enc.user_version = {int(version)}")
            plain.execute("DETACH DATABASE enc")
        finally:
            plain.close()
        out = connect.connect(tmp, passphrase)
        try:
            ok = out.execute("PRAGMA integrity_check").fetchone()[0]
            after = _table_counts(out)
        finally:
            out.close()
        if ok != "ok" or after != before:
            raise StoreError(
                f"The encrypted copy of {source.name} did not verify; nothing changed."
            )
        tmp.replace(dest)
    except (OSError,) + connect.database_errors() as exc:
        # A full disk, a read-only folder: no half-written copy stays behind.
        _remove_partial(tmp)
        known = None if isinstance(exc, OSError) else errors.translate(exc, source)
        if isinstance(exc, OSError):
            reason = os_reason(exc)
        else:
            reason = _reason(known) if known is not None else f"{exc}."
        message = f"{source.name} could not be encrypted: {reason} Nothing changed."
        raise StoreError(message) from exc
    except BaseException:
        _remove_partial(tmp)
        raise
    return dest


def _reason(known: StoreError) -> str:
    """The cause part of a translated save error, without its "Could not save" framing."""
    if isinstance(known, errors.DiskFullError):
        return "the disk is full (free some space and run it again)."
    if isinstance(known, errors.ReadOnlyError):
        return "the data folder cannot be written (read-only disk or folder)."
    return str(known)


def os_reason(exc: OSError) -> str:
    """The cause of a failed file operation, in the words ``_reason`` uses."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full (free some space and run it again)."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "the data folder cannot be written (read-only disk or folder)."
    return f"{exc.strerror or exc}."


def _remove_partial(tmp: Path) -> None:
    for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm"))):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass


ENCRYPTING_SUFFIX = ".encrypting"


def encrypt_in_place(path: Path, passphrase: str) -> None:
    """Replace the plain, closed file ``path`` by its encrypted copy (verified first)."""
    encrypted = path.with_name(path.name + ENCRYPTING_SUFFIX)
    try:
        encrypt_copy(path, encrypted, passphrase)
        os.replace(encrypted, path)
    finally:
        encrypted.unlink(missing_ok=True)


def plaintext_files(db_path: Path) -> list[Path]:
    """Files in an encrypted data folder that are not encrypted, or may hold plaintext.

    Plain SQLite files (by their header), their -wal/-shm/-journal, and the leftovers of a
    conversion or a backup that was stopped half-way (``*.encrypting``, ``*.part``), at the
    top of the folder and in the backups folder. Empty for a folder not marked encrypted.
    """
    if not is_marked(db_path):
        return []
    from .backups import folder_for

    found: list[Path] = []
    for folder in (db_path.parent, folder_for(db_path)):
        if not folder.is_dir():
            continue
        for item in sorted(folder.iterdir()):
            if not item.is_file() or item.is_symlink() or item.name.endswith(MARKER_SUFFIX):
                continue
            name = item.name
            base = name
            for side in ("-wal", "-shm", "-journal"):
                base = base.removesuffix(side)
            leftover = ENCRYPTING_SUFFIX in base or base.endswith(".part") or ".part-" in name
            plain_db = item.stat().st_size > 0 and connect.header(item, 16) == connect.SQLITE_MAGIC
            plain_side = base != name and connect.looks_plain(item.with_name(base))
            if leftover or plain_db or plain_side:
                found.append(item)
    return found


def settle_plain(path: Path) -> None:
    """Fold the WAL into a plain file and leave it self-contained (no -wal / -shm); raises
    FileInUseError when another connection has it open."""
    from .backups import ensure_not_in_use

    ensure_not_in_use(path)
