"""Copies of the live file made with SQLite's online backup API, each one verified."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from .errors import StoreError


def backup_file(source: Path, dest: Path) -> Path:
    """Copy ``source`` to ``dest`` page by page while others may be using it, then verify."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            src.backup(out)
            # A backup should be one self-contained file, not WAL plus side files.
            out.execute("PRAGMA journal_mode = DELETE")
            ok = out.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            out.close()
    finally:
        src.close()
    if ok != "ok":
        tmp.unlink(missing_ok=True)
        raise StoreError(f"The backup of {source.name} failed its check ({ok}); nothing was kept.")
    tmp.replace(dest)
    return dest


def timestamped_name(prefix: str) -> str:
    return f"{prefix}-{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.sqlite3"
