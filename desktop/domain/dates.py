"""Dates as reps write them, and the one way the interface shows them.

Reading: ``2027/3/15``, ``2027-3-15``, ``2027.3.15``, ``20270315``, ``2027年3月15日``,
``15.3.2027``, ``15/3/2027``, ``15 Mar 2027``, ``March 15, 2027``, ``today`` / ``明天`` (days
relative to ``today``), durations as ``90``, ``90 min``, ``1.5h``, ``1小时30分`` (minutes), and the
interface language's
own short form (Babel reads it with the locale's pattern: ``dd/MM/y`` in English, ``y/M/d`` in
Chinese). A four-digit year first means year-month-day; a four-digit year last means
day-month-year, as on a British or continental form; month names come from Babel's locale data.

Writing: ``format_date`` / ``format_datetime`` give the language's short date (Babel, CLDR):
``04/12/2026`` in English, ``2026/12/4`` in Chinese, times as ``14:30``, for what is drawn
outside the window (the map export). The window shows the same forms through Qt's QLocale
(``desktop.ui.formats``), which is loaded anyway. Babel is imported on first use.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timedelta

from .amounts import fold

_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?")
_DMY = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})")
_NAME_DAY = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_TIME = re.compile(r"(?:[\st,]+|(?<=[日号]))(\d{1,2})\s*[:：点时]\s*(\d{2})?\s*分?$")
# A weekday a pasted text puts before or after the date: "Fri, 4 Dec 2026", "2026年12月4日 周五".
_LEADING_WORD = re.compile(r"([a-z]+)\.?,?\s+")
_CHINESE_WEEKDAY = re.compile(r"\s*[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?\s*$")


# Days named rather than written; "今天" and "today" mean the same in either interface language.
_RELATIVE_DAYS = {
    "today": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "今天": 0,
    "今日": 0,
    "明天": 1,
    "明日": 1,
    "后天": 2,
    "昨天": -1,
    "前天": -2,
}
_DURATION = re.compile(
    r"(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours|小时|个小时|钟头|个钟头))?\s*"
    r"(?:(\d+(?:\.\d+)?)\s*(?:m|min|mins|minute|minutes|分钟|分)?)?"
)


class NotADate(ValueError):
    """The text cannot be read as a date."""


def _locale(lang: str) -> str:
    return "zh_CN" if lang.startswith("zh") else "en_GB"


@functools.cache
def _month_numbers() -> dict[str, int]:
    """English month names and abbreviations (Babel's, with and without the full stop) → 1-12."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale="en").items():
            names[name.lower().rstrip(".")] = number
    names["sept"] = 9
    return names


def _day(year: str | int, month: str | int, day: str | int) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise NotADate() from None


@functools.cache
def _weekday_names() -> frozenset[str]:
    from babel.dates import get_day_names

    return frozenset(
        name.lower().rstrip(".")
        for width in ("wide", "abbreviated")
        for name in get_day_names(width, locale="en").values()
    )


def _strip_weekday(text: str) -> str:
    text = _CHINESE_WEEKDAY.sub("", text)
    match = _LEADING_WORD.match(text)
    if match and match.group(1) in _weekday_names():
        text = text[match.end() :]
    return text.strip()


def parse_date(text: str, lang: str = "en", today: date | None = None) -> date:
    """The date ``text`` means; raises NotADate."""
    folded = _strip_weekday(fold(text).lower())
    if folded in _RELATIVE_DAYS:
        return (today or date.today()) + timedelta(days=_RELATIVE_DAYS[folded])
    for pattern, order in ((_YMD, (1, 2, 3)), (_DMY, (3, 2, 1)), (_COMPACT, (1, 2, 3))):
        match = pattern.fullmatch(folded)
        if match:
            if pattern is _DMY and int(match.group(2)) > 12 >= int(match.group(1)):
                order = (3, 1, 2)  # 3/15/2027 can only be the American month-first way
            return _day(*(match.group(i) for i in order))
    for pattern, (day_at, month_at) in ((_DAY_NAME, (1, 2)), (_NAME_DAY, (2, 1))):
        match = pattern.fullmatch(folded)
        if match and match.group(month_at) in _month_numbers():
            return _day(
                match.group(3), _month_numbers()[match.group(month_at)], match.group(day_at)
            )
    # The locale's own short form, as Babel reads it (two-digit years included).
    if re.fullmatch(r"[\d\s/.\-]+", folded) and re.search(r"\d[/.\-]\d", folded):
        from babel.dates import parse_date as babel_parse

        try:
            day = babel_parse(folded, locale=_locale(lang), format="short")
        except (ValueError, IndexError):
            raise NotADate() from None
        if day.year >= 1900:
            return day
    raise NotADate()


def parse_datetime(text: str, lang: str = "en") -> datetime:
    """A date with a time of day (``2027/3/15 14:30``, ``15.3.2027 9:00``, ``2027年3月15日 14点``).

    Without a time, a written date means the start of the day; "tomorrow" alone is refused.
    """
    folded = fold(text).lower()
    match = _TIME.search(folded)
    clock = time(0, 0)
    if match:
        try:
            clock = time(int(match.group(1)), int(match.group(2) or 0))
        except ValueError:
            raise NotADate() from None
        folded = folded[: match.start()]
    elif _strip_weekday(folded) in _RELATIVE_DAYS:
        raise NotADate()  # "tomorrow" alone is a day, not a moment: which time is not said
    return datetime.combine(parse_date(folded, lang), clock)


def format_date(day: date, lang: str = "en") -> str:
    """A date in the interface language's short form: 04/12/2026 or 2026/12/4."""
    from babel.dates import format_date as babel_format

    return babel_format(day, "short", locale=_locale(lang))


def format_datetime(moment: datetime, lang: str = "en") -> str:
    """A date and time of day: 04/12/2026 14:30 or 2026/12/4 14:30."""
    return f"{format_date(moment.date(), lang)} {moment:%H:%M}"


def parse_minutes(text: str) -> int:
    """A duration in whole minutes: ``90``, ``90 min``, ``1.5h``, ``1h30``, ``1小时30分``."""
    folded = fold(text).lower()
    match = _DURATION.fullmatch(folded)
    if not folded or match is None or not any(match.groups()):
        raise NotADate()
    hours, minutes = match.groups()
    total = float(hours or 0) * 60 + float(minutes or 0)
    if total != int(total):
        raise NotADate()  # 1.33h is not a whole number of minutes
    return int(total)
