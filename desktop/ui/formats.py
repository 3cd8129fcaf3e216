"""How values look on screen: the one place dates, times and numbers are formatted for display.

Each function follows the interface language (the QLocale default that ``i18n`` sets with the
translators), and hands the work to ``desktop.domain.dates`` / ``.amounts``, which use Babel's
locale data: ``04/12/2026`` and ``2026/12/4``, ``04/12/2026 14:30`` and ``2026/12/4 14:30``.
Every screen that shows a date calls these, so a date never appears in two forms.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QLocale

from desktop.domain import dates


def interface_lang() -> str:
    """ "zh" or "en": the language the interface is showing now."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def show_date(day: date | None) -> str:
    """A date, or "" for none."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = day.date()
    return dates.format_date(day, interface_lang())


def show_datetime(moment: datetime | None) -> str:
    """A date with its time of day, or "" for none."""
    return "" if moment is None else dates.format_datetime(moment, interface_lang())


def show_time(moment: datetime) -> str:
    """The time of day alone (24-hour, as both languages write it)."""
    return f"{moment:%H:%M}"
