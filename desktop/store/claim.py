"""The data folder's claim: who may use the data file now, and who may replace it.

Every process that opens the data file (the window, every command) holds a *shared* claim on
``callbrief.claim`` in the data folder for as long as it has the file open. Replacing the file
(``restore``) or converting it (``encrypt``) needs the *exclusive* claim: it is refused at once,
with a plain message, while anyone else holds the claim, and while it is held every other
process waits for it (up to ``WAIT_SECONDS``) before opening the file. So a replacement never
runs between another process's acknowledgement of a write and its commit, and no process
commits into a file that has just been moved aside or into a WAL beside a converted file.

The lock is the operating system's (flock on POSIX, LockFileEx on Windows, through the
``portalocker`` library): it disappears with a killed process, so a crash never leaves the
folder claimed. The file itself is never deleted (deleting a lock file races with its next
taker). One claim per folder and process: SQLite's own locks still order writers among
themselves; this only keeps the file in place while they use it.

A folder where the claim file cannot be created (a read-only medium, a full disk without a
free inode) is used without a claim: nothing can replace a file there either.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import portalocker

from desktop import privacy

from .errors import FileInUseError

log = logging.getLogger(__name__)

CLAIM_NAME = "callbrief.claim"
WAIT_SECONDS = 30.0  # how long an ordinary command waits for a restore or encryption to end
_POLL = 0.05

SHARED, EXCLUSIVE = "shared", "exclusive"


class ClaimWaitError(FileInUseError):
    """A restore or encryption kept the data folder for longer than we wait."""


@dataclass
class _Held:
    handle: IO[bytes] | None  # None: the folder cannot hold a claim file (read-only medium)
    mode: str
    depth: int = 1


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def claim_path(folder: Path) -> Path:
    return folder / CLAIM_NAME


def _open(folder: Path) -> IO[bytes] | None:
    path = claim_path(folder)
    try:
        privacy.make_private_folder(folder)
        privacy.create_private(path)  # 0600 like every file of ours in the folder
        return open(path, "a+b")  # noqa: SIM115 - held for as long as the claim
    except OSError:
        pass
    try:
        return open(path, "rb")  # noqa: SIM115 - a read-only medium may still hold one
    except OSError:
        log.info("no claim file in %s (read-only or full); going on without one", folder)
        return None


def _try(handle: IO[bytes], mode: str) -> bool:
    flags = portalocker.LOCK_SH if mode == SHARED else portalocker.LOCK_EX
    try:
        portalocker.lock(handle, flags | portalocker.LOCK_NB)
    except portalocker.exceptions.LockException:
        return False
    return True


def _wait_shared(handle: IO[bytes], folder: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while not _try(handle, SHARED):
        if time.monotonic() >= deadline:
            raise ClaimWaitError(
                f"Another Callbrief is restoring or encrypting the data file in {folder}. Try "
                "again when it has finished; nothing was changed."
            )
        time.sleep(_POLL)


def _in_use(folder: Path) -> FileInUseError:
    return FileInUseError(
        f"The data file in {folder} is in use by another Callbrief (the window or a command "
        "that reads or writes it). Close it or let it finish, then try again; nothing was "
        "changed."
    )


@contextmanager
def shared(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the shared claim on ``folder`` for the block (waiting up to ``wait`` seconds for a
    restore or encryption in another process to finish)."""
    release = hold_shared(folder, wait)
    try:
        yield
    finally:
        release()


def hold_shared(folder: Path, wait: float = WAIT_SECONDS):
    """Take the shared claim and return the function that gives it back (the window holds it
    for its whole life). Raises ClaimWaitError if a replacement keeps the folder too long."""
    key = Path(os.path.abspath(folder))
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.depth += 1
        else:
            handle = _open(key)
            if handle is not None:
                try:
                    _wait_shared(handle, key, wait)
                except BaseException:
                    handle.close()
                    raise
            _held[key] = _Held(handle, SHARED)

    def release() -> None:
        _release(key)

    return release


@contextmanager
def exclusive(folder: Path) -> Iterator[None]:
    """Hold the exclusive claim on ``folder`` for the block, or raise FileInUseError at once
    if another process holds the claim. A shared claim of this process is raised to exclusive
    for the block and lowered again afterwards."""
    key = Path(os.path.abspath(folder))
    with _guard:
        held = _held.get(key)
        if held is None:
            handle = _open(key)
            if handle is not None and not _try(handle, EXCLUSIVE):
                handle.close()
                raise _in_use(key)
            held = _Held(handle, EXCLUSIVE)
            _held[key] = held
            previous = None
        else:
            previous = held.mode
            if held.mode == SHARED and held.handle is not None:
                if not _try(held.handle, EXCLUSIVE):
                    # flock may have dropped our shared lock while trying: take it back.
                    _wait_shared(held.handle, key, WAIT_SECONDS)
                    raise _in_use(key)
            held.mode = EXCLUSIVE
            held.depth += 1
    try:
        yield
    finally:
        with _guard:
            if previous == SHARED and held.handle is not None:
                _wait_shared(held.handle, key, WAIT_SECONDS)  # lowers the lock in place
            if previous is not None:
                held.mode = previous
        _release(key)


def _release(key: Path) -> None:
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.depth -= 1
        if held.depth > 0:
            return
        del _held[key]
        if held.handle is not None:
            try:
                portalocker.unlock(held.handle)
            finally:
                held.handle.close()


def holding(folder: Path) -> str | None:
    """The claim this process holds on ``folder`` (shared / exclusive), or None."""
    held = _held.get(Path(os.path.abspath(folder)))
    return held.mode if held is not None else None
