"""Turning on encryption at rest for the data file, its WAL and every backup.

``enable_encryption(db, passphrase)`` closes this process's connections, refuses while another
program has the file open, converts the file (SQLCipher's ``sqlcipher_export`` into a new file,
verified, then swapped in), then each backup and each kept-aside file the same way; the
plaintext originals go only once their encrypted copies are verified. A file that cannot be
read (a damaged file kept for rescue) cannot be converted: it is named in the result so the rep
can delete it. Finally ``db`` is re-opened with the key, so the running app carries on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from desktop.store import backups, claim, connect, crypto, errors
from desktop.store.database import Database
from desktop.store.errors import StoreError

log = logging.getLogger(__name__)


@dataclass
class EncryptionResult:
    data_file: Path
    converted: list[Path] = field(default_factory=list)  # backups and kept files
    left_plain: list[Path] = field(default_factory=list)  # unreadable: could not be converted

    def summary(self) -> str:
        text = (
            f"{self.data_file.name} is now encrypted, with {len(self.converted)} backup(s) and "
            "kept file(s). Keep the passphrase safe: without it the data cannot be read."
        )
        if self.left_plain:
            names = ", ".join(str(p) for p in self.left_plain)
            text += f" These damaged files could not be encrypted; delete them yourself: {names}"
        return text


def _plain_copies(db_path: Path) -> list[Path]:
    """Every other database file in the data folder: backups, replaced and damaged files."""
    folder = db_path.parent
    found = [b.path for b in backups.list_backups(backups.folder_for(db_path))]
    found += [
        p
        for p in folder.glob(f"{db_path.name}.*")
        if p.is_file()
        and (".replaced-" in p.name or ".damaged-" in p.name)
        and not p.name.endswith(("-wal", "-shm", "-journal"))
    ]
    return [p for p in found if p.stat().st_size > 0 and connect.looks_plain(p)]


def enable_encryption(db: Database, passphrase: str) -> EncryptionResult:
    """Encrypt the data file and every copy of it in the data folder; see the module doc."""
    crypto.check_passphrase(passphrase)
    if not connect.looks_plain(db.path):
        raise StoreError(f"{db.path.name} is already encrypted.")
    db.release()
    # Exclusive for the whole conversion: no other Callbrief opens the file, so nothing can
    # commit into a plaintext WAL beside the encrypted file (see desktop/store/claim.py).
    with claim.exclusive(db.path.parent):
        result = _convert(db, passphrase)
    db.rekey(passphrase)
    crypto.provide_passphrase(passphrase)
    return result


def _convert(db: Database, passphrase: str) -> EncryptionResult:
    # Folds the WAL into the file and removes it; FileInUseError if a program outside the
    # claim (an sqlite3 shell, an older Callbrief) has the file open.
    crypto.settle_plain(db.path)
    crypto.mark_encrypted(db.path)  # first: a kill after the swap must not look like damage
    try:
        crypto.encrypt_in_place(db.path, passphrase)
    except BaseException as exc:
        if connect.looks_plain(db.path):
            crypto.marker_path(db.path).unlink(missing_ok=True)  # it is still plain: say so
        if isinstance(exc, (OSError, *connect.database_errors())):
            raise StoreError(
                f"{db.path.name} could not be encrypted: {errors.reason(exc, db.path)} It was "
                "left as it was, not encrypted."
            ) from exc
        raise
    result = EncryptionResult(db.path)
    for part in backups.folder_for(db.path).glob("*.part"):
        part.unlink(missing_ok=True)  # half-written copies of killed backups
    for copy in _plain_copies(db.path):
        try:
            for side in backups.side_files(copy):
                if side.exists():
                    crypto.settle_plain(copy)
                    break
            crypto.encrypt_in_place(copy, passphrase)
            result.converted.append(copy)
        except (StoreError, *connect.database_errors()) as exc:
            log.warning("could not encrypt %s: %s", copy, exc)
            result.left_plain.append(copy)
    return result
