"""The log file in the data folder: private, never in the way, and free of customer data
when the data is encrypted.

``configure`` adds one handler to the root logger. Its file is created 0600 (see
desktop.privacy). A log that cannot be written (full disk, read-only folder) is given up
silently instead of printing "--- Logging error ---" tracebacks over the command's output.
While the data folder is encrypted, each entry keeps only what the code wrote: the message
template without its arguments, and for an exception its type and where it was raised, never
its text, because arguments and exception messages can hold a contact's name or a note. The
entries written before encryption are cleared when it is turned on (``clear``).
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import privacy

LOG_NAME = "callbrief.log"
WITHHELD = "[details withheld: the data is encrypted]"


def log_path(folder: Path) -> Path:
    return folder / LOG_NAME


class PrivateLogHandler(logging.FileHandler):
    """A FileHandler whose file is 0600, that never complains, and redacts on demand."""

    def __init__(self, path: Path, redact: Callable[[], bool]) -> None:
        # backslashreplace: a broken character in a message must not lose the entry.
        super().__init__(path, encoding="utf-8", delay=True, errors="backslashreplace")
        self._redact = redact

    def _open(self) -> Any:
        privacy.create_private(Path(self.baseFilename))
        return super()._open()

    def format(self, record: logging.LogRecord) -> str:
        try:
            redact = self._redact()
        except OSError:
            redact = True  # cannot tell: the safe side
        return redacted(record, self.formatter) if redact else super().format(record)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            super().emit(record)
        except Exception:  # noqa: BLE001 - opening the file failed (a folder, no space…)
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        # A full disk or a read-only folder: losing a log line is better than a traceback on
        # the rep's screen in the middle of a command's output.
        pass


def redacted(record: logging.LogRecord, formatter: logging.Formatter | None) -> str:
    """The entry without the record's arguments and exception messages."""
    fmt = formatter or logging.Formatter()
    template = record.msg if isinstance(record.msg, str) else type(record.msg).__name__
    if record.args:
        template = f"{template} {WITHHELD}"
    stamp = fmt.formatTime(record, fmt.datefmt)
    text = f"{stamp} {record.levelname} {record.name}: {template}"
    if record.exc_info and record.exc_info[1] is not None:
        text += "\n" + scrubbed_traceback(record.exc_info[1]).rstrip("\n")
    return text


def scrubbed_traceback(exc: BaseException) -> str:
    """A traceback (frames and exception types, causes included) without exception texts
    or source lines."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    lines: list[str] = []
    for item in reversed(chain):
        if lines:
            lines.append("\nwhich led to:\n")
        lines.append("Traceback (most recent call last):\n")
        # File, line and function only: a source line may quote data (a literal in a test).
        for frame in traceback.extract_tb(item.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n')
        kind = type(item)
        lines.append(f"{kind.__module__}.{kind.__qualname__}: {WITHHELD}\n")
    return "".join(lines)


def configure(folder: Path, redact: Callable[[], bool]) -> logging.Handler:
    """Log to the data folder's file; ``redact`` says (per entry) whether data is encrypted."""
    privacy.make_private_folder(folder)
    handler = PrivateLogHandler(log_path(folder), redact)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def clear(folder: Path) -> None:
    """Empty the log: its entries from before encryption may name customers. (The blocks on
    the disk are not erased; see docs/reliability.md.)"""
    path = log_path(folder)
    try:
        with path.open("r+b") as fh:
            fh.truncate(0)
            os.fsync(fh.fileno())
    except FileNotFoundError:
        return
    logging.getLogger("callbrief").info("log cleared: the data folder is now encrypted")
