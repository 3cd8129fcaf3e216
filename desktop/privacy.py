"""Keeping the data folder private to the user who owns it.

On POSIX the data folder and its sub-folders are 0700 and every file Callbrief writes there
(the data file and its -wal/-shm, backups, the marker, the log, the lock, the cache) is 0600:
created so from the first byte where we create it (``create_private``), and tightened when the
folder is opened (``secure_folder``), which also covers files made by older versions. SQLite
gives a WAL and a journal the mode of their database file, so those follow.

On Windows nothing is changed: a data folder under the user's profile (the default,
%APPDATA%\\Callbrief) inherits the profile's ACL, which already admits only the user, the
administrators and SYSTEM; ``os.chmod`` could only toggle the read-only flag there.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
POSIX = os.name == "posix"
MANAGED_FOLDERS = ("backups", "cache")


def _tighten(path: Path, mode: int) -> None:
    try:
        info = path.lstat()
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode):
        return  # never change what a link points at: it may be outside the folder
    if stat.S_IMODE(info.st_mode) & ~mode:
        try:
            os.chmod(path, stat.S_IMODE(info.st_mode) & mode)
        except OSError:
            pass  # not ours to change (another owner, a read-only medium): leave it


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) if needed and make it 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if POSIX:
        _tighten(folder, PRIVATE_FOLDER)


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist (SQLite then opens it as a new
    database), so its content is never readable by others, not even for a moment."""
    if not POSIX:
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        _tighten(path, PRIVATE_FILE)
        return
    os.close(fd)


def secure_folder(folder: Path) -> None:
    """Make the data folder and Callbrief's files in it private (POSIX only).

    Only what Callbrief manages: ``callbrief*`` files at the top and the ``backups`` and
    ``cache`` folders with their files. A data folder pointed at a folder that also holds
    other things (``--data-dir ~``) must not have those changed.
    """
    if not POSIX or not folder.is_dir():
        return
    _tighten(folder, PRIVATE_FOLDER)
    for item in folder.glob("callbrief*"):
        _tighten(item, PRIVATE_FILE)
    for name in MANAGED_FOLDERS:
        sub = folder / name
        if sub.is_dir() and not sub.is_symlink():
            _tighten(sub, PRIVATE_FOLDER)
            for item in sub.iterdir():
                _tighten(item, PRIVATE_FILE)
