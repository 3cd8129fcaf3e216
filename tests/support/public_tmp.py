"""Temporary folders another user can reach, for tests that run a program as someone else.

Tests running as root start PostgreSQL as ``postgres`` and the set-up scripts as an ordinary
user; those users must be able to walk to their folder. pytest's own tmp folder is private to
root, and on some machines so is /tmp itself (mode 0700): then /var/tmp or /dev/shm, which
Debian keeps open to everyone (sticky, 1777), are used instead.
"""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

CANDIDATES = (tempfile.gettempdir(), "/var/tmp", "/dev/shm")


def reachable_by_all(folder: Path) -> bool:
    """Whether every folder on the way to ``folder`` lets other users in (o+x)."""
    if not folder.is_dir():
        return False
    return all(p.stat().st_mode & stat.S_IXOTH for p in [folder, *folder.resolve().parents])


def public_temp_dir(prefix: str) -> Path:
    """A new empty folder (mode 0755) in the first temporary folder every user can reach."""
    for base in CANDIDATES:
        if reachable_by_all(Path(base)):
            folder = Path(tempfile.mkdtemp(prefix=prefix, dir=base))
            folder.chmod(0o755)
            return folder
    raise RuntimeError(f"no temporary folder lets other users in (tried {', '.join(CANDIDATES)})")
