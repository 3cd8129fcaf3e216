"""The organisation's playbook from the team server: fetched each sync round, checked, kept.

Each round (``callbrief sync``'s and the window's, with the round's one access token) asks
``GET /playbook`` with the ETag of the copy kept here in If-None-Match: an unchanged playbook
costs a 304 and nothing is written. A new one is read by the playbook loader
(desktop/domain/playbook.py) from a temporary file beside the kept copy, and only if it passes
does it replace ``team-playbook.toml`` in the data folder (``replace_own_file``), then its ETag
is written to ``team-playbook.json``. One the loader refuses is logged and noted in
``team-playbook.json`` (``callbrief team status`` shows it); the kept copy stays, and its ETag
is sent too, so the same refused file is not downloaded again each round. No answer, or an
error answer (a server that cannot read its playbook says 503), skips the fetch for this round:
the sync itself goes on.

desktop/app.py ``load_playbook`` reads the kept copy at the next start, unless ``--playbook``
or ``CALLBRIEF_PLAYBOOK`` names another file; a window that is open keeps the playbook it
started with.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from desktop import paths
from desktop.domain.playbook import PlaybookError, forget_cached, load_playbook
from desktop.export.atomic import replace_own_file

from .client import TeamConfig, TeamError, published_playbook

log = logging.getLogger(__name__)


class Fetched(StrEnum):
    UPDATED = "updated"  # a new playbook is kept: used from the next start
    UNCHANGED = "unchanged"  # 304: the server's is the one kept (or the one refused before)
    REFUSED = "refused"  # the loader refused the server's; the previous one is kept
    SKIPPED = "skipped"  # no answer or an error answer: tried again next round


@dataclass
class TeamPlaybookState:
    """What ``team-playbook.json`` holds."""

    etag: str | None = None  # the kept copy's
    received_at: str | None = None
    refused_etag: str | None = None  # the last playbook the loader refused, and why
    refused: str = ""
    refused_at: str | None = None

    @classmethod
    def load(cls, folder: Path) -> TeamPlaybookState:
        try:
            data = json.loads(paths.team_playbook_state_path(folder).read_text(encoding="utf-8"))
            return cls(**data)
        except (OSError, ValueError, TypeError):
            return cls()  # none yet, or damaged: the next round fetches the playbook whole

    def save(self, folder: Path) -> None:
        text = json.dumps(asdict(self), ensure_ascii=False)
        replace_own_file(
            paths.team_playbook_state_path(folder),
            lambda tmp: tmp.write_text(text, encoding="utf-8"),
        )


def fetch_playbook(config: TeamConfig, token: str, folder: Path) -> Fetched:
    """One round's fetch of the organisation's playbook into ``folder``."""
    state = TeamPlaybookState.load(folder)
    kept = paths.team_playbook_path(folder)
    known = [state.etag] if state.etag and kept.is_file() else []
    if state.refused_etag and state.refused_etag not in known:
        known.append(state.refused_etag)
    try:
        published = published_playbook(config, token, known)
    except TeamError as error:
        log.info("team playbook not fetched this round: %s", error)
        return Fetched.SKIPPED
    if published.content is None:
        if state.refused_etag and published.etag != state.refused_etag:
            # The server went back to the playbook kept here: nothing is refused any more.
            state.refused_etag, state.refused, state.refused_at = None, "", None
            _save_state(state, folder)
        return Fetched.UNCHANGED
    now = datetime.now(UTC).isoformat(timespec="seconds")
    content = published.content

    def checked(tmp: Path) -> None:
        tmp.write_bytes(content)
        load_playbook(tmp)  # refused here: the temporary file goes, the kept copy stays

    try:
        replace_own_file(kept, checked)
    except PlaybookError as error:
        why = f"{error.key_path}: {error.problem}" if error.key_path else error.problem
        log.warning("team playbook %s refused, the previous one kept: %s", published.etag, why)
        state.refused_etag, state.refused, state.refused_at = published.etag, why, now
        _save_state(state, folder)
        return Fetched.REFUSED
    except OSError as error:
        log.warning("team playbook not saved (%s); tried again next round", error)
        return Fetched.SKIPPED
    forget_cached(paths.cache_dir(folder))
    log.info("team playbook %s kept; used from the next start", published.etag)
    _save_state(TeamPlaybookState(published.etag, now), folder)  # after the file: see below
    return Fetched.UPDATED


def _save_state(state: TeamPlaybookState, folder: Path) -> None:
    """The ETag is written after the file it names: a crash between the two only means the
    same playbook is fetched again, never an ETag for a file that was not kept."""
    try:
        state.save(folder)
    except OSError as error:
        log.warning("team playbook state not saved (%s)", error)
