"""What to offer when the start-up check finds the data file damaged.

``assess`` runs the check (moving a damaged file aside); ``explain`` words the result for the
rep — what happened, where the bad file now is, which backup can replace it and how; the GUI's
recovery dialog and the command line both use it. ``restore_newest`` and ``start_empty`` are
the two ways forward; quitting changes nothing more.
"""

from __future__ import annotations

from pathlib import Path

from desktop.store import backups, health
from desktop.store.health import HealthReport


def assess(db_path: Path, passphrase: str | None = None, full: bool = False) -> HealthReport:
    """The start-up check (quick, or full); a damaged file is moved aside."""
    return health.check_at_start(db_path, passphrase, full=full)


def describe_backup(info: backups.BackupInfo) -> str:
    return f"{info.path.name} from {info.created:%Y-%m-%d %H:%M}"


def explain(report: HealthReport, for_cli: bool = False) -> str:
    """Plain sentences for a damaged file: what, where it went, what can replace it."""
    lines = [report.explanation]
    if report.moved_to is not None:
        lines.append(f"The damaged file was moved to {report.moved_to}; nothing was deleted.")
    if report.backup is not None:
        lines.append(
            f"The newest backup that passes its check is {describe_backup(report.backup)}."
        )
        if for_cli:
            lines.append(f"Restore it with: callbrief restore '{report.backup.path}'")
    else:
        lines.append("There is no verified backup to restore.")
        if for_cli:
            lines.append("The next command starts with an empty data file.")
    return " ".join(lines)


def restore_newest(report: HealthReport, passphrase: str | None = None) -> Path:
    """Put the newest verified backup in place of the (moved) damaged file."""
    if report.backup is None:
        raise backups.BackupError("There is no verified backup to restore.")
    backups.restore(report.backup.path, report.path, passphrase)
    return report.backup.path


def start_empty(report: HealthReport) -> None:
    """Nothing to do: the damaged file is already aside; opening creates a new empty file."""
    assert not report.path.exists()
