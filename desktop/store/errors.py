"""Errors the store raises for conditions of the environment or the file, not bugs.

Each carries a message a rep can read; the UI and the command line show it as it is. The
classes live in desktop/errors.py (a neutral module screens may import); they are re-exported
here for the store and the services.
``translate()`` turns SQLite's own operational errors (disk full, read-only, locked, I/O) into
these, so no screen ever shows "sqlite3.OperationalError".
"""

from __future__ import annotations

from pathlib import Path

from desktop.errors import (  # noqa: F401 - re-exported: the store's callers use these names
    BackupError,
    DamagedFileError,
    DiskFullError,
    FileInUseError,
    LockedError,
    NewerSchemaError,
    NotCallbriefFileError,
    PassphraseError,
    ReadOnlyError,
    SaveError,
    StorageIOError,
    StoreError,
)

_RETRY = "Your change is still on screen and is saved when you try again."


def translate(exc: BaseException, path: Path | None = None) -> StoreError | None:
    """The plain-language error for an SQLite failure, or None if it is not one we know.

    ``exc`` may be the sqlite3/sqlcipher3 exception or SQLAlchemy's wrapper around it.
    """
    original = getattr(exc, "orig", None) or exc
    text = str(original).lower()
    where = f" ({path.parent})" if path is not None else ""
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError(
            f"Could not save: the disk holding the data file{where} is full. "
            f"Free some space. {_RETRY}"
        )
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return ReadOnlyError(
            f"Could not save: the data file{where} cannot be written (read-only "
            f"disk or folder, or no permission). {_RETRY}"
        )
    if "locked" in text or "busy" in text:
        return LockedError(
            f"Could not save: another program kept the data file{where} busy for too long. {_RETRY}"
        )
    if "disk i/o error" in text or "i/o error" in text:
        return StorageIOError(
            f"Could not save: the disk reported an error while writing the "
            f"data file{where}. Check the drive is still connected. {_RETRY}"
        )
    if "file is not a database" in text or "malformed" in text or "encrypted" in text:
        return DamagedFileError(
            f"The data file{where} is damaged and cannot be used "
            f"({original}). Run 'callbrief check' or restart Callbrief "
            "to restore a backup."
        )
    return None


def _chain(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or getattr(current, "orig", None)
    return found


def environment_error(exc: BaseException, path: Path | None = None) -> SaveError | None:
    """The disk's or the medium's failure behind ``exc`` (full, read-only, locked, I/O), or
    None when ``exc`` is something else — damage, say. Such a failure says nothing about the
    file itself, so it is never a reason to call the file damaged."""
    import errno

    for err in _chain(exc):
        if isinstance(err, SaveError):
            return err
        if isinstance(err, OSError) and err.errno == errno.ENOSPC:
            return DiskFullError(f"the disk holding {path.parent if path else 'the file'} is full")
        if isinstance(err, OSError) and err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyError(f"{path.parent if path else 'the folder'} cannot be written")
        if isinstance(err, OSError) and err.errno == errno.EIO:
            return StorageIOError(f"the disk reported an error ({err})")
        translated = translate(err, path)
        if translated is not None and not isinstance(translated, DamagedFileError):
            return translated  # type: ignore[return-value]  # a StoreError that is not DamagedFileError
    return None


def reason(exc: BaseException, path: Path) -> str:
    """Why an operation on the data folder of ``path`` failed, as one plain sentence."""
    found = environment_error(exc, path)
    where = path.parent
    if isinstance(found, DiskFullError):
        return f"the disk holding {where} is full. Free some space and try again."
    if isinstance(found, ReadOnlyError):
        return f"{where} cannot be written (read-only disk or folder, or no permission)."
    if isinstance(found, LockedError):
        return f"another program kept the data file in {where} busy for too long."
    if isinstance(found, StorageIOError):
        return f"the disk holding {where} reported an error. Check it is still connected."
    text = str(exc).strip() or type(exc).__name__
    return text if text.endswith(".") else f"{text}."
