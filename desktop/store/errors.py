"""Errors the store raises for conditions of the environment or the file, not bugs.

Each carries a message a rep can read; the UI and the command line show it as it is.
"""


class StoreError(Exception):
    """A problem with the database file or its surroundings."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Callbrief; it is left untouched."""


class NotCallbriefFileError(StoreError):
    """The file is an SQLite database, but not one of ours."""


class DamagedFileError(StoreError):
    """The file cannot be read as an SQLite database, or fails its integrity check."""
