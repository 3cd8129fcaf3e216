"""What a line of the account list is, and how the list is filtered: plain data, no SQL.

Kept apart from ``queries.py`` so the first page read at start-up (``start_view.py``) and the
list model can use them before SQLAlchemy is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AccountFilter:
    tier: str | None = None
    stage: str | None = None  # accounts with an opportunity at this stage
    segment: str | None = None  # a segment code or its prefix, e.g. "E1"
    text: str = ""  # name contains (Latin or Chinese)


@dataclass(frozen=True)
class AccountRow:
    """One line of the account list: the account's facts plus its most advanced open deal."""

    id: int
    name: str
    alt_name: str
    industry: str
    city: str
    tier: str | None
    segment: str
    best_stage: str | None  # the most advanced stage among open opportunities
    next_visit: datetime | None  # the soonest visit from today on that is not done


# Columns of the account list the rep can sort by; "stage" and "next_visit" are subqueries.
ROW_SORTS = ("name", "industry", "city", "tier", "segment", "stage", "next_visit")
