"""Turning on encryption at rest for the data file, its WAL and every backup.

``enable_encryption(db, passphrase)`` closes this process's connections, refuses while another
program has the file open, converts the file (SQLCipher's ``sqlcipher_export`` into a new file,
verified, then swapped in), then each backup and each kept-aside file the same way; the
plaintext originals go only once their encrypted copies are verified. A file that cannot be
read (a damaged file kept for rescue) cannot be converted: it is named in the result so the rep
can delete it. Finally ``db`` is re-opened with the key, so the running app carries on.

Resumable and idempotent per file: a conversion stopped half-way (killed, a full disk) leaves
every file either plain or encrypted, never half of one, and running it again converts what is
still plain, removes the stopped conversion's leftovers and says what it did; on a folder with
nothing left to convert it changes nothing. ``plaintext_left`` lists what ``callbrief check``
reports. The log is emptied, because its entries from before may name customers (later ones
are redacted, see desktop.logs).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from desktop import logs
from desktop.store import backups, claim, connect, crypto, errors
from desktop.store.database import Database
from desktop.store.errors import StoreError

log = logging.getLogger(__name__)


@dataclass
class EncryptionResult:
    data_file: Path
    converted: list[Path] = field(default_factory=list)  # backups and kept files
    left_plain: list[Path] = field(default_factory=list)  # unreadable: could not be converted
    removed: list[Path] = field(default_factory=list)  # leftovers of a stopped conversion
    resumed: bool = False  # the data file was already encrypted by an earlier, stopped run

    def summary(self) -> str:
        if self.resumed and not self.converted and not self.removed and not self.left_plain:
            return f"{self.data_file.name} and its backups are already encrypted; nothing to do."
        state = "was already encrypted" if self.resumed else "is now encrypted"
        text = (
            f"{self.data_file.name} {state}, with {len(self.converted)} backup(s) and "
            "kept file(s) converted now. Keep the passphrase safe: without it the data cannot "
            "be read."
        )
        if self.removed:
            text += f" Removed {len(self.removed)} leftover(s) of a conversion that was stopped."
        if self.left_plain:
            names = ", ".join(str(p) for p in self.left_plain)
            text += (
                " These files could not be encrypted (damaged, or the disk is full): run "
                f"'callbrief encrypt' again, or delete damaged ones yourself: {names}"
            )
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


def _leftovers(db_path: Path) -> list[Path]:
    """Half-written files of a stopped conversion or backup: never a file anyone needs (the
    original of each is still in place until its verified copy replaced it)."""
    found: list[Path] = []
    for folder, pattern in (
        (db_path.parent, f"*{crypto.ENCRYPTING_SUFFIX}*"),
        (backups.folder_for(db_path), f"*{crypto.ENCRYPTING_SUFFIX}*"),
        (backups.folder_for(db_path), "*.part*"),
    ):
        if folder.is_dir():
            found += [p for p in folder.glob(pattern) if p.is_file()]
    return found


def plaintext_left(db_path: Path) -> list[Path]:
    """Files in an encrypted data folder that are still plain (see crypto.plaintext_files)."""
    return crypto.plaintext_files(db_path)


def enable_encryption(db: Database, passphrase: str) -> EncryptionResult:
    """Encrypt the data file and every copy of it in the data folder; see the module doc."""
    crypto.check_passphrase(passphrase)
    result = EncryptionResult(db.path)
    if not connect.looks_plain(db.path):
        # An earlier run converted the data file and was stopped before its copies.
        if db.passphrase != passphrase:
            raise StoreError(
                f"{db.path.name} is already encrypted with another passphrase; give that one "
                "to finish encrypting its backups. Nothing was changed."
            )
        result.resumed = True
    db.release()
    # Exclusive for the whole conversion: no other Callbrief opens the file, so nothing can
    # commit into a plaintext WAL beside the encrypted file (see desktop/store/claim.py).
    with claim.exclusive(db.path.parent):
        if not result.resumed:
            _convert_data_file(db, passphrase)
        _convert_copies(db.path, passphrase, result)
    logs.clear(db.path.parent)
    if not result.resumed:
        db.rekey(passphrase)
    crypto.provide_passphrase(passphrase)
    return result


def _convert_data_file(db: Database, passphrase: str) -> None:
    # Folds the WAL into the file and removes it; FileInUseError if a program outside the
    # claim (an sqlite3 shell, an older Callbrief) has the file open.
    crypto.settle_plain(db.path)
    marked_now = not crypto.is_marked(db.path)
    try:
        crypto.mark_encrypted(db.path)  # first: a kill after the swap must not look like damage
        crypto.encrypt_in_place(db.path, passphrase)
    except BaseException as exc:
        if marked_now and connect.looks_plain(db.path):
            crypto.marker_path(db.path).unlink(missing_ok=True)  # it is still plain: say so
        if isinstance(exc, (OSError, *connect.database_errors())):
            raise StoreError(
                f"{db.path.name} could not be encrypted: {errors.reason(exc, db.path)} It was "
                "left as it was, not encrypted."
            ) from exc
        raise


def _convert_copies(db_path: Path, passphrase: str, result: EncryptionResult) -> None:
    """Encrypt every plain copy in the folder, after removing the leftovers of a stopped run."""
    for leftover in _leftovers(db_path):
        leftover.unlink(missing_ok=True)
        result.removed.append(leftover)
    for copy in _plain_copies(db_path):
        try:
            for side in backups.side_files(copy):
                if side.exists():
                    crypto.settle_plain(copy)
                    break
            crypto.encrypt_in_place(copy, passphrase)
            result.converted.append(copy)
        except (StoreError,) + connect.database_errors() as exc:
            log.warning("could not encrypt a copy: %s", exc)
            result.left_plain.append(copy)
