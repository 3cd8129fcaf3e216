"""The composition root: paths → playbook → database → services → (optionally) the window.

Every object the application uses is built here, in a flat list of named steps, and handed down.
The headless commands use ``open_services``; the GUI adds the QApplication and main window.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import paths

if TYPE_CHECKING:  # imported inside the functions: headless commands load only what they use
    from desktop.domain.playbook import Playbook
    from desktop.services import Services

log = logging.getLogger("callbrief")


@dataclass(frozen=True)
class Options:
    data_dir: str | None = None
    playbook: str | None = None


def configure_logging(folder: Path) -> None:
    """Log to a file in the data dir: what the rep can send us when something goes wrong.

    The data folder is made private first (desktop.privacy); entries are redacted while the
    folder is encrypted (desktop.logs). A read-only medium gets no log: the commands that only
    read still work."""
    from desktop import logs, privacy
    from desktop.store import crypto

    privacy.make_private_folder(folder)
    if not os.access(folder, os.W_OK):
        return
    db_path = paths.database_path(folder)
    logs.configure(folder, lambda: crypto.is_marked(db_path))


def load_playbook(options: Options) -> Playbook:
    from desktop.domain.playbook import default_playbook, load_playbook

    cache = paths.cache_dir(paths.data_dir(options.data_dir))
    chosen = options.playbook or paths.playbook_override()
    return load_playbook(chosen, cache) if chosen else default_playbook(cache)


def open_services(options: Options, playbook: Playbook | None = None) -> Services:
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
