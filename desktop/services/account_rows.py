"""What a line of the account list is, and how the list is filtered: plain data, no SQL.

Kept apart from ``queries.py`` so the first page read at start-up (``start_view.py``) and the
list model can use them before SQLAlchemy is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.domain.playbook import Playbook


@dataclass(frozen=True)
class AccountFilter:
    tier: str | None = None
    stage: str | None = None  # accounts with an opportunity at this stage
    segment: str | None = None  # a segment code or its prefix, e.g. "E1"
    text: str = ""  # name contains (Latin or Chinese)


def is_opening_query(flt: AccountFilter | None, sort: str, descending: bool) -> bool:
    """The list as it first opens: no filter, by name, A to Z (what a StartView can answer)."""
    return (flt or AccountFilter()) == AccountFilter() and (sort, descending) == ("name", False)


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


# How a row's "best stage" is ranked, shared by the SQL query (queries.py) and the start-up read
# (start_view.py), which must agree row for row.


def stage_ranks(playbook: Playbook) -> dict[str, int]:
    """The playbook order of each stage key (its letters need not sort)."""
    return {key: index for index, key in enumerate(playbook.keys("funnel_stages"))}


def open_stages(playbook: Playbook) -> list[str]:
    """Stages of a deal still being worked: below 100% (the last one is won, handed over)."""
    return [e.key for e in playbook.group("funnel_stages") if (e.probability or 0) < 100]


def stage_at(keys: Sequence[str], rank: int | None) -> str | None:
    """The stage key of a rank read back from SQL; None (no open deal) or -1 (unknown) is none."""
    return keys[rank] if rank is not None and rank >= 0 else None
