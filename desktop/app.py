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


@dataclass(frozen=True)
class PlaybookChoice:
    """The playbook this start uses, and where it came from: ``option`` (``--playbook``),
    ``configured`` (``CALLBRIEF_PLAYBOOK``), ``team`` (the team server's, kept in the data
    folder) or ``bundled``."""

    source: str
    path: Path
    playbook: Playbook


def choose_playbook(options: Options) -> PlaybookChoice:
    """The ``--playbook`` file, else the configured one, else the team's (if this laptop has
    a parseable copy), else the bundled one. A named file that cannot be used is an error; a
    team copy that cannot be used is logged and skipped, so it never stops the start."""
    from desktop.domain.playbook import (
        PlaybookError,
        default_playbook,
        default_playbook_path,
        load_playbook,
    )

    folder = paths.data_dir(options.data_dir)
    cache = paths.cache_dir(folder)  # keyed by path, size and modification time
    if options.playbook:
        return PlaybookChoice(
            "option", Path(options.playbook), load_playbook(options.playbook, cache)
        )
    configured = paths.playbook_override()
    if configured is not None:
        return PlaybookChoice("configured", configured, load_playbook(configured, cache))
    team = paths.team_playbook_path(folder)
    if team.is_file():
        try:
            return PlaybookChoice("team", team, load_playbook(team, cache))
        except PlaybookError as error:
            log.warning("the team's playbook cannot be used, the bundled one is: %s", error)
    return PlaybookChoice("bundled", default_playbook_path(), default_playbook(cache))


def load_playbook(options: Options) -> Playbook:
    return choose_playbook(options).playbook


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
