"""The data file as a whole: its passphrase, its schema revision and integrity, restoring a
backup before it is opened, encrypting it. The window and the command line reach the store's
file-level functions only through here (screens and cli.py import no desktop.store module).

Functions before ``DataFileService`` work on a path, before the services are open (start-up,
``callbrief restore``); the service works on the open file and announces what it changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import PassphraseError
from desktop.store import crypto, migrate
from desktop.store.health import DAMAGED, UNAVAILABLE, HealthReport

from .events import Change, ChangeKind, Notifier, Origin, current_initiator

if TYPE_CHECKING:
    from desktop.store.database import Database

    from .encryption import EncryptionResult

__all__ = [
    "DAMAGED",
    "UNAVAILABLE",
    "CheckResult",
    "DataFileService",
    "HealthReport",
    "is_encrypted",
    "known_passphrase",
    "passphrase_for",
    "provide_passphrase",
    "restore_unopened",
    "upgrade_pending",
]


def passphrase_for(db_path: Path) -> str | None:
    """The passphrase for ``db_path``: None for a plain folder; PassphraseError if the file is
    encrypted and none was given."""
    return crypto.resolve_passphrase(db_path)


def known_passphrase(db_path: Path) -> str | None:
    """The passphrase given for ``db_path`` (file, environment or typed), or None: none was
    given, or the file is encrypted and the one given is not known to open it."""
    if not db_path.exists():
        return None
    try:
        return crypto.resolve_passphrase(db_path)
    except PassphraseError:
        return None


def provide_passphrase(passphrase: str | None) -> None:
    """Remember a passphrase the rep typed (or read from a file) for this process."""
    crypto.provide_passphrase(passphrase)


def is_encrypted(db_path: Path) -> bool:
    """The folder is marked as holding an encrypted data file."""
    return crypto.is_marked(db_path)


def upgrade_pending(db_path: Path) -> bool:
    """True when the file is at an older schema revision, or its search index was written by
    an older version (either upgrade can take a while at opening)."""
    from desktop.store.search_index import INDEX_VERSION

    try:
        passphrase = crypto.resolve_passphrase(db_path)
        revision = migrate.read_revision(db_path, passphrase)
        if revision is None:
            return False
        index = migrate.read_user_version(db_path, passphrase)
    except Exception:  # noqa: BLE001 - opening the file reports any problem properly
        return False
    return revision != migrate.HEAD_REVISION or index < INDEX_VERSION


def restore_unopened(backup: Path, db_path: Path, passphrase: str | None) -> Path | None:
    """Put ``backup`` (verified first) in place of the data file, which nobody has open (the
    command line's ``restore``, under the folder's exclusive claim). Nothing is announced:
    no service is open on the file yet. Returns where the replaced file was kept."""
    from desktop.store import backups

    return backups.restore(backup, db_path, passphrase)


@dataclass(frozen=True)
class CheckResult:
    path: Path
    revision: str | None
    expected: str
    problems: list[str]  # empty when the file is sound

    @property
    def ok(self) -> bool:
        return not self.problems


class DataFileService:
    """The open data file: where it is, its check, encryption, closing."""

    def __init__(self, db: Database, notifier: Notifier | None = None) -> None:
        self._db = db
        self.notifier = notifier

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def folder(self) -> Path:
        return self._db.path.parent

    def check(self, full: bool = False) -> CheckResult:
        """Schema revision and SQLite's integrity check (``full`` reads every page), plus the
        files an interrupted encryption left plain."""
        from .encryption import plaintext_left

        path, key = self._db.path, self._db.passphrase
        revision = migrate.read_revision(path, key)
        problems = migrate.integrity_problems(path, full=full, passphrase=key)
        if revision != migrate.HEAD_REVISION:
            problems.insert(0, f"schema is at {revision}, expected {migrate.HEAD_REVISION}")
        problems += [
            f"{plain} is not encrypted; run 'callbrief encrypt' again to convert it"
            for plain in plaintext_left(path)
        ]
        return CheckResult(path, revision, migrate.HEAD_REVISION, problems)

    def encrypt(self, passphrase: str) -> EncryptionResult:
        """Encrypt the file and its backups (desktop/services/encryption.py), then announce it."""
        from .encryption import enable_encryption

        result = enable_encryption(self._db, passphrase)
        if self.notifier is not None:
            initiator = current_initiator() or Origin.ENCRYPTION
            self.notifier.publish(Change(ChangeKind.ENCRYPTED, initiator=initiator))
        return result

    def close(self) -> None:
        self._db.close()
