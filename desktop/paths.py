"""Every path the application uses, in one place.

The data directory comes, in order of precedence, from the ``--data-dir`` option, the
``CALLBRIEF_HOME`` environment variable, or the platform's user data directory. Resources are
read from the source tree or, in a PyInstaller build, from the unpacked bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Callbrief"
ENV_HOME = "CALLBRIEF_HOME"
ENV_PLAYBOOK = "CALLBRIEF_PLAYBOOK"
DB_FILENAME = "callbrief.sqlite3"
# A laptop that joined a team keeps these beside its data file (desktop/sync).
TEAM_CONFIG = "team.json"  # the server, the user and the login
TEAM_LOCK = "team.lock"  # held while the single-use refresh token is exchanged
TEAM_STATUS = "team-status.json"  # the last sync round's state, for `team status`
TEAM_PLAYBOOK = "team-playbook.toml"
TEAM_PLAYBOOK_STATE = "team-playbook.json"


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (playbook, fonts, schema, translations, demo)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the database, backups and logs."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    # Imported here: platformdirs is only needed when no override is given.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def database_path(folder: Path) -> Path:
    return folder / DB_FILENAME


def cache_dir(folder: Path) -> Path:
    """Files worth keeping between starts but safe to delete (the parsed playbook)."""
    return folder / "cache"


def backups_dir(folder: Path) -> Path:
    return folder / "backups"


def playbook_override() -> Path | None:
    """An organisation's own playbook file, if one is configured."""
    env = os.environ.get(ENV_PLAYBOOK)
    return Path(env).expanduser() if env else None


def team_playbook_path(folder: Path) -> Path:
    """The organisation's playbook as its team server last published it (checked before it
    was kept here; desktop/sync/team_playbook.py)."""
    return folder / TEAM_PLAYBOOK


def team_playbook_state_path(folder: Path) -> Path:
    """The kept team playbook's ETag, and the last one refused (desktop/sync/team_playbook.py)."""
    return folder / TEAM_PLAYBOOK_STATE


def font_path() -> Path:
    """The bundled TrueType CJK font used by the window and the PDF brief."""
    return resources_dir() / "fonts" / "wqy-microhei.ttc"


# Files of a data folder besides the data file itself (and its -wal/-shm/-journal, its
# .encrypted marker, its .replaced-/.damaged- copies, all named after it). An export over the
# team files would log the rep out of the team or swap the organisation's playbook.
OWN_FILES = (
    "callbrief.lock",
    "callbrief.claim",
    "callbrief.log",
    TEAM_CONFIG,
    TEAM_LOCK,
    TEAM_STATUS,
    TEAM_PLAYBOOK,
    TEAM_PLAYBOOK_STATE,
)


def is_managed(path: Path) -> bool:
    """True if ``path`` is, or would replace, one of Callbrief's own files: the data file and
    everything named after it, a backup, the lock, claim and log files, the cache. No export
    or backup may be written there (a symbolic link is followed to what it points at)."""
    target = Path(os.path.realpath(path))
    if target.name == DB_FILENAME or target.name.startswith((f"{DB_FILENAME}-", f"{DB_FILENAME}.")):
        return True
    for folder in (target.parent, target.parent.parent):
        if not (folder / DB_FILENAME).exists() and not (folder / OWN_FILES[1]).exists():
            continue
        if folder == target.parent and target.name in OWN_FILES:
            return True
        if folder == target.parent.parent and target.parent.name in ("backups", "cache"):
            return True
    return False


# Fonts for what WenQuanYi lacks, in the order they are tried: emoji, CJK Ext A, CJK Ext B.
FALLBACK_FONTS = ("symbola-emoji.ttf", "hanamin-ext-a.ttf", "hanamin-ext-b.ttf")


def fallback_font_paths() -> list[Path]:
    """The bundled fallback fonts (TrueType outlines, so PDFs can embed them as subsets)."""
    return [resources_dir() / "fonts" / name for name in FALLBACK_FONTS]
