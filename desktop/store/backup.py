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

from . import connect
from .errors import BackupError


def backup_file(source: Path, dest: Path, passphrase: str | None = None) -> Path:
    """Copy ``source`` to ``dest`` page by page while others may be using it, then verify."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    privacy.create_private(tmp)  # 0600 before SQLite writes a page into it
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
        tmp.unlink(missing_ok=True)
        raise BackupError(
            f"{source.name} could not be backed up ({exc}); nothing was kept."
        ) from exc
    finally:
        src.close()
    if ok != "ok":
        tmp.unlink(missing_ok=True)
        raise BackupError(f"The backup of {source.name} failed its check ({ok}); nothing was kept.")
    _fsync(tmp)
    tmp.replace(dest)
    _fsync_dir(dest.parent)
    return dest


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
