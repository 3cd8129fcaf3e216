"""The start-up check: is the data file sound, and if not, what happened to it.

``check_at_start`` reads the file without changing it (a read-only connection, so even WAL
recovery is left to the real open), classifies what it finds and, when the file is damaged,
moves it aside — renamed with its -wal/-shm, never overwritten or deleted — so the rep can
restore a backup or start afresh and the bad file stays available for rescue. A file from a
newer Callbrief and an encrypted file without its passphrase are reported, never moved; so is
a file the disk will not let us read (full, read-only, an I/O error): that is the disk's
problem, not damage ("unavailable").

SQLite keeps no checksum of the data itself (only SQLCipher does, per page): a flipped bit in
the middle of a text is found by no check; damage to the file's structure — a destroyed
header, a truncated file, a broken page — is.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import backups, connect, crypto, migrate
from .errors import (
    DiskFullError,
    NewerSchemaError,
    NotCallbriefFileError,
    PassphraseError,
    StoreError,
    environment_error,
    reason,
)

log = logging.getLogger(__name__)

OK, NEW, DAMAGED, NEWER, LOCKED = "ok", "new", "damaged", "newer", "passphrase"
# The disk, not the file: full, read-only, failing or removed. Reported, never moved aside.
UNAVAILABLE = "unavailable"
_NEARLY_FULL = 1 << 20  # bytes free under which SQLite's "I/O error" means "no space"

# Magic numbers of files that end up where they should not (a save-as gone wrong).
_OTHER_TYPES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{", "a JSON or text file"),
    (b"BEGIN:VCARD", "a vCard file"),
)


@dataclass(frozen=True)
class HealthReport:
    path: Path
    status: str  # ok / new / damaged / newer / passphrase / unavailable
    kind: str = ""  # for damaged: empty, truncated, header, other_type, malformed, foreign
    explanation: str = ""  # plain sentences for the rep
    moved_to: Path | None = None  # where the damaged file now is
    backup: backups.BackupInfo | None = None  # the newest verified backup, if any

    @property
    def usable(self) -> bool:
        return self.status in (OK, NEW)


def _unavailable(path: Path, exc: BaseException) -> tuple[str, str, str] | None:
    """UNAVAILABLE with a plain explanation when ``exc`` is the disk's failure, not damage."""
    found = environment_error(exc, path)
    if found is None:
        return None
    kind = type(found).__name__
    if not isinstance(found, DiskFullError):
        try:
            if shutil.disk_usage(path.parent).free < _NEARLY_FULL:
                found, kind = DiskFullError(str(found)), "DiskFullError"
        except OSError:
            pass
    return (
        UNAVAILABLE,
        {"DiskFullError": "full", "ReadOnlyError": "read_only", "LockedError": "locked"}.get(
            kind, "io"
        ),
        f"The data file cannot be opened now: {reason(found, path)} The file itself was not "
        "changed and is not damaged.",
    )


def _classify(path: Path, passphrase: str | None, full: bool) -> tuple[str, str, str]:
    """(status, kind, explanation) without changing the file."""
    try:
        return _classify_file(path, passphrase, full)
    except OSError as exc:  # the file could not even be read: the disk's doing, or a bug
        found = _unavailable(path, exc)
        if found is None:
            raise
        return found


def _classify_file(path: Path, passphrase: str | None, full: bool) -> tuple[str, str, str]:
    if not path.exists():
        return NEW, "", ""
    size = path.stat().st_size
    if size == 0:
        return (
            DAMAGED,
            "empty",
            (
                "The data file is empty (0 bytes): it was probably cut off while it was being "
                "written, for example when the disk filled up or the power failed."
            ),
        )
    head = connect.header(path)
    encrypted = crypto.is_marked(path) and head[:16] != connect.SQLITE_MAGIC
    if encrypted:
        if passphrase is None:
            return LOCKED, "", (f"{path.name} is encrypted. Give its passphrase to open it.")
    elif head[:16] != connect.SQLITE_MAGIC:
        for magic, what in _OTHER_TYPES:
            if head.startswith(magic):
                return (
                    DAMAGED,
                    "other_type",
                    (
                        f"The data file is not a Callbrief file at all: it holds {what}. Another "
                        "program may have saved over it."
                    ),
                )
        return (
            DAMAGED,
            "header",
            (
                "The start of the data file, which says what it is, is destroyed, so the file "
                "cannot be read."
            ),
        )
    else:
        page_size = int.from_bytes(head[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(head[28:32], "big")
        valid_count = head[24:28] == head[92:96]
        # With a WAL holding frames (a crash during a checkpoint, say), the header may already
        # count pages that are still only in the WAL: then SQLite's own check decides.
        wal = path.with_name(path.name + "-wal")
        wal_frames = wal.exists() and wal.stat().st_size > 32
        if valid_count and pages and size < pages * page_size and not wal_frames:
            return (
                DAMAGED,
                "truncated",
                (
                    f"The data file is cut short: it holds {size:,} bytes of the "
                    f"{pages * page_size:,} it should. The end of it was lost, for example when "
                    "the disk filled up or a copy was interrupted."
                ),
            )
    try:
        revision = migrate.read_revision(path, passphrase if encrypted else None)
        problems = migrate.integrity_problems(
            path, full=full, passphrase=passphrase if encrypted else None
        )
    except PassphraseError as exc:
        return LOCKED, "", str(exc)
    except NotCallbriefFileError:
        return (
            DAMAGED,
            "foreign",
            ("The data file is a database of another program, not a Callbrief file."),
        )
    except (StoreError,) + connect.database_errors() as exc:
        found = _unavailable(path, exc)
        if found is not None:
            return found
        return DAMAGED, "malformed", f"The data file is damaged and cannot be read ({exc})."
    if revision is not None and revision not in migrate.KNOWN_REVISIONS:
        return (
            NEWER,
            "",
            str(
                NewerSchemaError(
                    f"{path.name} was saved by a newer version of Callbrief (schema {revision}). "
                    "Update Callbrief to open it. The file was left untouched."
                )
            ),
        )
    damage = [p for p in problems if not p.startswith("broken reference")]
    if damage:
        return (
            DAMAGED,
            "malformed",
            (
                "The data file is damaged: SQLite's own check found "
                f"{len(damage)} problem{'s' if len(damage) != 1 else ''} "
                f"({damage[0]})."
            ),
        )
    return OK, "", ""


def check_at_start(
    path: Path,
    passphrase: str | None = None,
    *,
    full: bool = False,
    quarantine: bool = True,
    now: datetime | None = None,
) -> HealthReport:
    """Check ``path`` (quick_check, or integrity_check with ``full``); a damaged file is moved
    aside when ``quarantine`` and the newest verified backup is looked up."""
    status, kind, explanation = _classify(path, passphrase, full)
    if status != DAMAGED:
        return HealthReport(path, status, kind, explanation)
    moved = backups.move_aside(path, "damaged", now) if quarantine else None
    if moved is not None:
        log.warning("Damaged data file (%s) moved to %s", kind, moved)
    key = passphrase if crypto.is_marked(path) else None
    newest = backups.newest_verified(backups.folder_for(path), key)
    return HealthReport(path, status, kind, explanation, moved, newest)
