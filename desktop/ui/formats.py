"""How values look on screen: the one place dates and times are formatted for display.

Dates show in the interface language's short form, the one Qt's date editors also use:
``04/12/2026`` in English (British, as ``i18n`` sets it) and ``2026/12/4`` in Chinese; a time of
day as ``14:30``; a day heading in the long form with its weekday. Every screen that shows a
date calls these, so a date never appears in two forms.

The formatting is Qt's own (QLocale, already loaded) rather than Babel's, so the first paint
does not pay for importing Babel and its locale data (about 90 ms). The forms are the same CLDR
ones ``desktop.domain.dates`` reads and writes with Babel; tests/ui/test_formats.py checks that
what is shown here reads back as the same date.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale


def interface_lang() -> str:
    """ "zh" or "en": the language the interface is showing now."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def _locale(lang: str | None) -> QLocale:
    """The app's locale for ``lang`` (or the interface language): one of the two the app sets,
    so a system default such as C or en_US never gives a third form."""
    if (lang or interface_lang()).startswith("zh"):
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def show_date(day: date | None, lang: str | None = None) -> str:
    """A date, or "" for none; in ``lang`` when given, else the interface language."""
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = day.date()
    return _locale(lang).toString(_qdate(day), QLocale.FormatType.ShortFormat)


def show_datetime(moment: datetime | None, lang: str | None = None) -> str:
    """A date with its time of day, or "" for none."""
    return "" if moment is None else f"{show_date(moment.date(), lang)} {show_time(moment)}"


def show_time(moment: datetime) -> str:
    """The time of day alone (24-hour, as both languages write it)."""
    return f"{moment:%H:%M}"


def show_long_date(day: date, lang: str | None = None) -> str:
    """A day as a heading, with its weekday: Friday, 4 December 2026 / 2026年12月4日星期五."""
    return _locale(lang).toString(_qdate(day), QLocale.FormatType.LongFormat)


# The day placeholders show, so a rep sees the form the field will show back.
EXAMPLE = datetime(2027, 3, 15, 14, 30)


def date_example(lang: str | None = None) -> str:
    """An example date in the interface language's form, for a field's placeholder."""
    return show_date(EXAMPLE, lang)


def datetime_example(lang: str | None = None) -> str:
    """An example date and time, for a field's placeholder."""
    return show_datetime(EXAMPLE, lang)


def qt_datetime_format() -> str:
    """The pattern a QDateTimeEdit shows its value in: the same form as ``show_datetime``."""
    return _locale(None).dateFormat(QLocale.FormatType.ShortFormat) + " HH:mm"
