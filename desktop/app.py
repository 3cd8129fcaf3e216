"""The composition root: paths → playbook → database → services → (optionally) the window.

Every object the application uses is built here, in a flat list of named steps, and handed down.
The headless commands use ``open_services``; the GUI adds the QApplication and main window.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from desktop import paths

log = logging.getLogger("callbrief")


@dataclass(frozen=True)
class Options:
    data_dir: str | None = None
    playbook: str | None = None


def configure_logging(folder: Path) -> None:
    """Log to a file in the data dir: what the rep can send us when something goes wrong."""
    folder.mkdir(parents=True, exist_ok=True)
    if not os.access(folder, os.W_OK):
        return  # a read-only medium: the commands that only read still work, unlogged
    handler = _QuietFileHandler(folder / "callbrief.log", encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class _QuietFileHandler(logging.FileHandler):
    """A log file that stays silent when the disk refuses a line (full, removed): the command
    reports the disk's problem itself; a traceback from logging on stderr would only bury it."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's API
        pass


def load_playbook(options: Options):  # type: ignore[no-untyped-def]
    from desktop.domain.playbook import default_playbook, load_playbook

    cache = paths.cache_dir(paths.data_dir(options.data_dir))
    chosen = options.playbook or paths.playbook_override()
    return load_playbook(chosen, cache) if chosen else default_playbook(cache)


def open_services(options: Options, playbook=None):  # type: ignore[no-untyped-def]
    """Open the data dir's file (creating or upgrading it) and build the services; the
    playbook is loaded unless given (start-up has read it already for the first paint)."""
    from desktop.services import Services
    from desktop.store.database import open_database

    folder = paths.data_dir(options.data_dir)
    log.info("data dir %s", folder)
    playbook = playbook if playbook is not None else load_playbook(options)
    db = open_database(paths.database_path(folder))
    return Services.build(db, playbook)


def run_gui(options: Options) -> int:
    """Start the window. Imports Qt only now, so headless commands never pay for it."""
    from desktop.ui.application import run

    return run(options)
