"""Writing an export file atomically: filled under a temporary name beside it, then renamed.

Every export (brief, calendar, contacts, map, bundle) goes through ``write_atomically``, so a
failure leaves no half-written file and the result gets the permissions of an ordinary file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import paths


def write_atomically(path: Path, write: Callable[[Path], Any]) -> None:
    """Let ``write`` fill a temporary file beside ``path``, then move it into place.

    Raises OSError (the folder missing, a disk or permission error, one of Callbrief's own
    files as the target); the temporary file is removed whatever happens. mkstemp makes files
    private: the result gets the umask's mode.
    """
    path = Path(path)
    if paths.is_managed(path):  # the window's Save dialog could point anywhere
        raise OSError(
            f"{path} is one of Callbrief's own files (the data file, a backup, the log…); an "
            "export may not replace it. Choose another name."
        )
    replace_own_file(path, write)


def replace_own_file(path: Path, write: Callable[[Path], Any]) -> None:
    """``write_atomically`` for one of Callbrief's own files (the team's playbook kept in the
    data folder), which an export may not replace but Callbrief itself does."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"the folder {folder} does not exist")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
