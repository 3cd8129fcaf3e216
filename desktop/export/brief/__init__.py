"""The visit brief: the printed plan a rep carries into the customer meeting.

``render_brief()`` writes one visit's brief as a PDF; ``render_briefs_for_day()`` writes every
visit of one day into one file, each from a new page. Both write atomically (a temporary file
renamed over the destination) and import reportlab only when called, so the window can import
this package at start-up for free.
"""

from __future__ import annotations

import locale
import os
from datetime import date
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "zh")
PAPERS = ("A4", "Letter")


class BriefError(ValueError):
    """A brief that cannot be made: no visits that day, a bad option, an unwritable file."""


def render_brief(
    services: Any, visit_id: int, dest: Path, lang: str | None = None, paper: str | None = None
) -> int:
    """Write the brief of one visit to ``dest``; returns the number of pages."""
    from .content import gather

    language = resolve_language(services, lang)
    data = gather(services, visit_id, language)
    return _write([data], Path(dest), resolve_paper(services, paper))


def render_briefs_for_day(
    services: Any, day: date, dest: Path, lang: str | None = None, paper: str | None = None
) -> int:
    """Write the briefs of every visit starting on ``day``, in time order; returns the pages."""
    from .content import gather

    language = resolve_language(services, lang)
    visits = services.visits.upcoming(day, day)
    if not visits:
        raise BriefError(f"No visits on {day.isoformat()}")
    briefs = [gather(services, v.id, language) for v, _ in visits]
    return _write(briefs, Path(dest), resolve_paper(services, paper))


def resolve_language(services: Any, lang: str | None) -> str:
    """ "en" or "zh": the one asked for, else the brief_language setting, else the interface's."""
    choice = (lang or services.settings.get("brief_language") or "same").strip()
    if choice == "same":
        choice = services.settings.get("language") or "system"
    if choice == "system":
        return system_language()
    if choice.lower().startswith("zh"):
        return "zh"
    if choice.lower().startswith("en"):
        return "en"
    raise BriefError(f"unknown brief language {choice!r}; use en or zh")


def system_language() -> str:
    """Chinese when the environment or locale says so, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "zh" if name.lower().startswith(("zh", "chinese")) else "en"


def resolve_paper(services: Any, paper: str | None) -> str:
    choice = (paper or services.settings.get("paper_size") or "A4").strip()
    for known in PAPERS:
        if choice.lower() == known.lower():
            return known
    raise BriefError(f"unknown paper size {choice!r}; use A4 or Letter")


def _write(briefs: list[Any], dest: Path, paper: str) -> int:
    """Lay out into a temporary file beside ``dest``, then rename it into place."""
    from ..atomic import write_atomically
    from .layout import build_pdf

    pages = 0

    def build(tmp: Path) -> None:
        nonlocal pages
        pages = build_pdf(briefs, tmp, paper)

    try:
        write_atomically(dest, build)
    except OSError as exc:
        raise BriefError(f"cannot write {dest}: {exc.strerror or exc}") from exc
    return pages
