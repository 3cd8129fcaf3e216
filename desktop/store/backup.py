"""Copies of the live file made with SQLite's online backup API, each one verified.

Never a plain file copy: the online backup API reads a consistent snapshot even while the
window is writing (WAL mode lets it run beside writers). The copy is written to ``*.part``,
checked with ``PRAGMA integrity_check`` and only then renamed to its final name, so a file in
``backups/`` with a ``.sqlite3`` name is always complete and verified; a crash leaves at most a
``.part`` file, which ``backups.prune`` removes. An encrypted file's copy is encrypted with
the same key.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from desktop import privacy

from . import connect, errors
from .errors import BackupError


def backup_file(source: Path, dest: Path, passphrase: str | None = None) -> Path:
    """Copy ``source`` to ``dest`` page by page while others may be using it, then verify."""
    if not dest.parent.is_dir():
        # Never made here: a mistyped --to must not create folders on the disk (the caller
        # makes the backups folder, which is ours).
        raise BackupError(f"The folder {dest.parent} does not exist; nothing was written.")
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        privacy.create_private(tmp)  # 0600 before SQLite writes a page into it
        _copy_and_verify(source, tmp, passphrase)
        _fsync(tmp)
        tmp.replace(dest)
    except BaseException:
        # No stray copies: whatever went wrong (a full disk, a folder in the way, Ctrl+C),
        # the half-written copy goes. Only a SIGKILL leaves one, which prune() removes.
        _remove(tmp)
        raise
    _fsync_dir(dest.parent)
    return dest


def _copy_and_verify(source: Path, tmp: Path, passphrase: str | None) -> None:
    encrypted = passphrase is not None and not connect.looks_plain(source)
    src = connect.reader(source, passphrase if encrypted else None)
    try:
        out = connect.connect(tmp, passphrase if encrypted else None)
        try:
            src.backup(out)
            # A backup should be one self-contained file, not WAL plus side files.
            out.execute("PRAGMA journal_mode = DELETE")
            ok = out.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            out.close()
    except connect.database_errors() as exc:
        raise BackupError(
            f"{source.name} could not be backed up: {errors.reason(exc, tmp)} Nothing was kept."
        ) from exc
    finally:
        src.close()
    if ok != "ok":
        raise BackupError(f"The backup of {source.name} failed its check ({ok}); nothing was kept.")


def _remove(tmp: Path) -> None:
    for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm"))):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass  # a folder of that name is not ours to remove


def timestamped_name(prefix: str, when: datetime | None = None) -> str:
    return f"{prefix}-{(when or datetime.now()).strftime('%Y%m%d-%H%M%S-%f')}.sqlite3"


def _fsync(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
