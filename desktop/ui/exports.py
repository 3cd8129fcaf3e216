"""Where an export is offered to go, and how the rep is told it went there: the same everywhere.

A suggested file is named after what it holds (the account, the deal, the visit's own date), not
after the day it was written, and sits in the Documents folder. When the file is written, one
message says where, in the same words for the brief, the calendar entry, the contacts, the map,
the account bundle and tomorrow's briefs.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QWidget

from .msgbox import prompter

# Characters that Windows, macOS or Linux refuse in a file name, and runs of white space.
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
MAX_NAME = 80


def safe_name(text: str, fallback: str = "export") -> str:
    """``text`` made into a file name every system accepts (kept short)."""
    return _UNSAFE.sub(" ", text).strip()[:MAX_NAME].strip() or fallback


def day_text(when: date | datetime | None) -> str:
    """A date as file names carry it (ISO, so that names sort by date)."""
    if when is None:
        return ""
    return (when.date() if isinstance(when, datetime) else when).isoformat()


def file_stem(*parts: str | None) -> str:
    """The non-empty parts, in order, as one safe file name without its extension."""
    return safe_name(" ".join(p.strip() for p in parts if p and p.strip()))


def documents_dir() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def suggested_path(stem: str, suffix: str) -> str:
    """The path a save dialog proposes: ``stem`` + ``suffix`` in the Documents folder."""
    return str(documents_dir() / f"{stem}{suffix}")


def with_suffix(path: str, suffix: str) -> Path:
    """The chosen path, with ``suffix`` added when the rep typed a name without it."""
    return Path(path) if path.lower().endswith(suffix.lower()) else Path(path + suffix)


def confirm_saved(parent: QWidget | None, title: str, path: Path | str, detail: str = "") -> None:
    """Tell the rep an export is written, and where: one message for every export."""
    text = QCoreApplication.translate("Exports", "Saved to {path}").format(path=path)
    if detail:
        text = f"{detail}\n{text}"
    prompter.info(parent, title, text)
