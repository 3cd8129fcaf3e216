"""The backups folder: naming, listing, rotation, verification and restoring.

Names are ``<kind>-<YYYYmmdd-HHMMSS-ffffff>.sqlite3``; kinds are ``auto`` (after changes and
on exit), ``manual`` ("Back up now", ``callbrief backup``) and ``pre-migration-<rev>`` (before
an upgrade, never rotated away). Rotation keeps the newest 10, the newest of each day for 14
days, of each week for 8 weeks and of each month for 12 months — about 40 files covering a
year. Restoring verifies the backup first, keeps the file it replaces beside it as
``callbrief.sqlite3.replaced-<time>`` and refuses while another program has the file open.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop import paths, privacy

from . import backup, claim, connect, errors, migrate
from .errors import BackupError, FileInUseError, PassphraseError, StoreError

KEEP_NEWEST = 10
KEEP_DAILY_DAYS = 14
KEEP_WEEKLY_WEEKS = 8
KEEP_MONTHLY_MONTHS = 12
ROTATED_KINDS = ("auto", "manual")
_NAME = re.compile(r"^(?P<kind>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite3$")
STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # auto / manual / pre-migration-0001 / other
    created: datetime
    size: int

    @property
    def rotated(self) -> bool:
        return self.kind in ROTATED_KINDS


def folder_for(db_path: Path) -> Path:
    return paths.backups_dir(db_path.parent)


def describe(path: Path) -> BackupInfo:
    match = _NAME.match(path.name)
    stat = path.stat()
    if match:
        return BackupInfo(
            path, match["kind"], datetime.strptime(match["stamp"], STAMP), stat.st_size
        )
    return BackupInfo(path, "other", datetime.fromtimestamp(stat.st_mtime), stat.st_size)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every finished backup in ``folder``, newest first (``.part`` leftovers are not)."""
    if not folder.is_dir():
        return []
    found = [describe(p) for p in folder.glob("*.sqlite3") if p.is_file()]
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def make_backup(
    db_path: Path,
    kind: str,
    passphrase: str | None = None,
    dest: Path | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """A verified copy of the live file in the backups folder (or at ``dest``)."""
    if not db_path.exists():
        raise BackupError(f"There is no data file at {db_path} to back up yet.")
    if dest is None:
        try:
            privacy.make_private_folder(folder_for(db_path))
        except OSError as exc:
            raise BackupError(f"Could not back up: {errors.reason(exc, db_path)}") from exc
        target = folder_for(db_path) / backup.timestamped_name(kind, now)
    else:
        # --to a folder: a new file in it; never over one of Callbrief's own files.
        target = dest / backup.timestamped_name(kind, now) if dest.is_dir() else dest
        if paths.is_managed(target):
            raise BackupError(
                f"{target} is one of Callbrief's own files; a backup may not replace it. "
                "Choose another name; nothing was written."
            )
    backup.backup_file(db_path, target, passphrase=passphrase)
    return describe(target)


def kept(backups: list[BackupInfo], now: datetime) -> set[Path]:
    """Which rotated backups the policy keeps (the others may be deleted)."""
    rotated = sorted((b for b in backups if b.rotated), key=lambda b: b.created, reverse=True)
    keep = {b.path for b in rotated[:KEEP_NEWEST]}
    buckets: dict[tuple[str, object], Path] = {}
    for b in rotated:  # newest first: the first one seen in a bucket is its newest
        age = now - b.created
        if age <= timedelta(days=KEEP_DAILY_DAYS):
            buckets.setdefault(("day", b.created.date()), b.path)
        if age <= timedelta(weeks=KEEP_WEEKLY_WEEKS):
            buckets.setdefault(("week", tuple(b.created.isocalendar())[:2]), b.path)
        if age <= timedelta(days=31 * KEEP_MONTHLY_MONTHS):
            buckets.setdefault(("month", (b.created.year, b.created.month)), b.path)
    return keep | set(buckets.values())


def prune(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete rotated backups the policy no longer keeps, and leftovers of killed backups."""
    now = now or datetime.now()
    removed: list[Path] = []
    backups = list_backups(folder)
    keep = kept(backups, now)
    for b in backups:
        if b.rotated and b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    if folder.is_dir():
        for part in folder.glob("*.part"):
            # Only stale ones: a backup in progress in another process writes its .part now.
            if now.timestamp() - part.stat().st_mtime > 3600:
                part.unlink(missing_ok=True)
                removed.append(part)
    return removed


def verify(path: Path, passphrase: str | None = None) -> list[str]:
    """Problems found in a backup (full integrity check, a Callbrief schema we can open)."""
    try:
        problems = migrate.integrity_problems(path, full=True, passphrase=passphrase)
        revision = migrate.read_revision(path, passphrase)
    except PassphraseError:
        raise  # not a fault of the backup: say so plainly
    except StoreError as exc:
        return [str(exc)]
    except connect.database_errors() as exc:
        return [f"not a readable database ({exc})"]
    if revision is None:
        problems.append("holds no Callbrief data")
    elif revision not in migrate.KNOWN_REVISIONS:
        problems.append(f"was made by a newer Callbrief (schema {revision})")
    return problems


def newest_verified(folder: Path, passphrase: str | None = None) -> BackupInfo | None:
    """The newest backup that passes ``verify`` (older ones are tried in turn)."""
    for b in list_backups(folder):
        try:
            if not verify(b.path, passphrase):
                return b
        except PassphraseError:
            continue  # made with another key (or plain while the folder is encrypted)
    return None


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")]


def move_aside(path: Path, label: str, now: datetime | None = None) -> Path:
    """Rename ``path`` (and its -wal/-shm/-journal) to ``<name>.<label>-<time>``; never
    overwrites: a number is added if that name is taken."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while target.exists() or any(s.exists() for s in side_files(target)):
        n += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    for side, new_side in zip(side_files(path), side_files(target), strict=True):
        if side.exists():
            os.replace(side, new_side)
    os.replace(path, target)
    backup._fsync_dir(path.parent)
    return target


def ensure_not_in_use(db_path: Path, passphrase: str | None = None) -> None:
    """Raise FileInUseError if another connection (this process or another) has the file open.

    Detected by asking SQLite to leave WAL mode, which needs the only connection; that also
    folds the WAL into the file, so the file is self-contained before it is moved.
    """
    if not db_path.exists():
        return
    try:
        con = connect.connect(db_path, passphrase if not connect.looks_plain(db_path) else None)
    except connect.database_errors():
        return  # not a readable database: nobody can be writing it through SQLite
    try:
        con.execute("PRAGMA busy_timeout = 500")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = str(con.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
    except connect.database_errors() as exc:
        mode = "locked" if "locked" in str(exc).lower() or "busy" in str(exc).lower() else "delete"
    finally:
        con.close()
    if mode != "delete":
        raise FileInUseError(
            f"{db_path.name} is open in another program (is Callbrief running?). Close it and "
            "try again; nothing was changed."
        )


def restore(
    backup_path: Path, db_path: Path, passphrase: str | None = None, now: datetime | None = None
) -> Path | None:
    """Put a verified copy of ``backup_path`` in place of ``db_path``.

    Returns where the replaced file was kept (None if there was none). Nothing changes if the
    backup fails its check, the data file is in use or the copy cannot be written; the staged
    copy (``.restoring``) never outlives a refusal or a failure. Runs under the data folder's
    exclusive claim (desktop/store/claim.py), so no other Callbrief has the file open meanwhile.
    """
    if not backup_path.is_file():
        raise BackupError(f"There is no backup at {backup_path}.")
    plain = connect.looks_plain(backup_path)
    if not plain and not connect.could_be_encrypted(backup_path):
        raise BackupError(
            f"{backup_path.name} is not a Callbrief backup (it is not a database file). "
            "Nothing was changed."
        )
    key = passphrase if not plain else None
    if key is None and not plain:
        raise BackupError(f"{backup_path.name} is encrypted; give its passphrase to restore it.")
    problems = verify(backup_path, key)
    if problems:
        raise BackupError(
            f"{backup_path.name} cannot be restored: it failed its check ({problems[0]}). "
            "Nothing was changed."
        )
    if not db_path.parent.is_dir():
        db_path.parent.mkdir(parents=True, exist_ok=True)
    with claim.exclusive(db_path.parent):
        if db_path.exists():
            ensure_not_in_use(db_path, passphrase)  # a program outside the claim (sqlite3 …)
        staged = db_path.with_name(db_path.name + ".restoring")
        try:
            try:
                backup.backup_file(backup_path, staged, passphrase=key)
            except (BackupError, OSError) as exc:
                raise BackupError(
                    f"{backup_path.name} could not be restored: {errors.reason(exc, db_path)} "
                    "The data file was not changed."
                ) from exc
            replaced = None
            if db_path.exists():
                replaced = move_aside(db_path, "replaced", now)
            else:
                for side in side_files(db_path):
                    side.unlink(missing_ok=True)  # orphans of a file that is gone: not ours
            os.replace(staged, db_path)
        finally:
            staged.unlink(missing_ok=True)
            for side in side_files(staged):
                side.unlink(missing_ok=True)
    backup._fsync_dir(db_path.parent)
    return replaced
