"""Sorting next steps by when they fall due: overdue, today, this week, later, no date.

"This week" runs from tomorrow through Sunday, the end of the rep's working week.

Pure standard library: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from datetime import date, timedelta

BUCKETS: tuple[str, ...] = ("overdue", "today", "week", "later", "undated")


def week_end(today: date) -> date:
    """The Sunday of ``today``'s week."""
    return today + timedelta(days=6 - today.weekday())


def bucket(due: date | None, today: date) -> str:
    """Which of BUCKETS an open step due on ``due`` falls in."""
    if due is None:
        return "undated"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    if due <= week_end(today):
        return "week"
    return "later"
