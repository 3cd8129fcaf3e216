"""The errors a rep can meet from the data file and its surroundings, in a module every layer
may import: the store raises them, services pass them on, screens and the command line catch
them and show their message as it is (screens never import desktop.store).

desktop/store/errors.py re-exports them and turns SQLite's own failures into them.
"""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the database file or its surroundings."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Callbrief; it is left untouched."""


class NotCallbriefFileError(StoreError):
    """The file is an SQLite database, but not one of ours."""


class DamagedFileError(StoreError):
    """The file cannot be read as an SQLite database, or fails its integrity check."""


class SaveError(StoreError):
    """A change could not be written; nothing of it was kept, and it can be tried again."""


class DiskFullError(SaveError):
    """The disk (or the file's size limit) is full."""


class ReadOnlyError(SaveError):
    """The file or its folder cannot be written: read-only media, permissions, a locked share."""


class LockedError(SaveError):
    """Another program kept the file busy for longer than we wait."""


class StorageIOError(SaveError):
    """The operating system reported a read or write failure (a removed drive, a bad sector)."""


class PassphraseError(StoreError):
    """The file is encrypted and no passphrase, or the wrong one, was given."""


class FileInUseError(StoreError):
    """Another program has the file open, so it cannot be replaced now."""


class BackupError(StoreError):
    """A backup could not be made, verified or restored."""
