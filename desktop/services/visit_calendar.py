"""The upcoming visits across every account: the week's list, its day counts and its pages, each
visit with its readiness, read in a few batched queries (a mixin of ``VisitService``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desktop.domain.readiness import Readiness, visit_readiness
from desktop.store.database import Database
from desktop.store.models import (
    Account,
    Attendee,
    FabStatement,
    Objection,
    Opportunity,
    PlannedQuestion,
    Visit,
)


@dataclass(frozen=True)
class UpcomingRow:
    """One line of the upcoming-visits list: what it shows, with the plan's readiness.

    Only the readiness figures are kept, not the ``Readiness`` with its gaps (~3 KB a visit):
    a rep scrolling through a fortnight of 15,000 visits keeps every row read."""

    id: int
    starts_at: datetime
    title: str
    place: str
    status: str
    account_name: str
    opportunity_name: str
    readiness_percent: int
    ready: bool


# The visit columns readiness reads (desktop/domain/readiness.py), besides its four lists.
_READINESS_FIELDS = (
    "objective",
    "best_commitment",
    "min_commitment",
    "research_notes",
    "info_needed",
    "value_statement",
    "vs_who",
    "vs_what",
    "vs_why",
    "reference",
    "next_action",
    "close_plan",
)
# The lists readiness reads, each with the columns it needs.
_READINESS_LISTS: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    "attendees": (Attendee, ("contact_id",)),
    "questions": (PlannedQuestion, ("framework", "step")),
    "fabs": (FabStatement, ("need_id", "benefit", "feature")),
    "objections": (Objection, ("text", "response")),
}


def _window(start: date, end: date) -> tuple[Any, Any]:
    """The WHERE terms for visits starting from ``start`` through ``end`` (inclusive)."""
    return (
        Visit.starts_at >= datetime.combine(start, time.min),
        Visit.starts_at <= datetime.combine(end, time.max),
    )


class UpcomingVisits:
    """Reads of the visits to come; the service that mixes it in provides ``db``."""

    db: Database

    def upcoming(self, start: date, end: date) -> list[tuple[Visit, Readiness]]:
        """Visits starting between ``start`` and ``end`` (inclusive), soonest first, each with
        its readiness; the lists readiness reads are loaded in a few batched queries."""
        with self.db.read() as s:
            query = (
                select(Visit)
                .where(*_window(start, end))
                .options(
                    selectinload(Visit.opportunity).selectinload(Opportunity.account),
                    selectinload(Visit.attendees),
                    selectinload(Visit.questions),
                    selectinload(Visit.fabs),
                    selectinload(Visit.objections),
                )
                .order_by(Visit.starts_at, Visit.id)
            )
            return [(v, visit_readiness(v)) for v in s.scalars(query)]

    def upcoming_days(self, start: date, end: date) -> list[tuple[date, int]]:
        """How many visits start on each day from ``start`` through ``end``, in day order;
        days without a visit are left out. One pass over the starts_at index."""
        day = func.substr(Visit.starts_at, 1, 10)  # stored as "YYYY-MM-DD HH:MM:SS"
        with self.db.read() as s:
            rows = s.execute(
                select(day, func.count()).where(*_window(start, end)).group_by(day).order_by(day)
            )
            return [(date.fromisoformat(key), count) for key, count in rows]

    def upcoming_page(self, start: date, end: date, offset: int, limit: int) -> list[UpcomingRow]:
        """``limit`` visits of ``upcoming(start, end)`` from ``offset`` on, in the same order
        (soonest first, then by id), each with its readiness. Reads only the columns shown and
        those readiness needs, with one query per list for the whole page: a page costs the
        same however many visits the period holds."""
        # First the page of ids from the starts_at index alone (skipping ``offset`` entries
        # costs no table reads), then the shown columns for those ids.
        page = (
            select(Visit.id)
            .where(*_window(start, end))
            .order_by(Visit.starts_at, Visit.id)
            .offset(offset)
            .limit(limit)
            .subquery()
        )
        columns = [getattr(Visit, name) for name in _READINESS_FIELDS]
        query = (
            select(
                Visit.id,
                Visit.starts_at,
                Visit.title,
                Visit.place,
                Visit.status,
                Account.name.label("account_name"),
                Opportunity.name.label("opportunity_name"),
                *columns,
            )
            .join(page, page.c.id == Visit.id)
            .join(Opportunity, Opportunity.id == Visit.opportunity_id)
            .join(Account, Account.id == Opportunity.account_id)
            .order_by(Visit.starts_at, Visit.id)
        )
        with self.db.read() as s:
            visits = s.execute(query).all()
            ids = [v.id for v in visits]
            lists: dict[str, dict[int, list[Any]]] = {}
            for name, (model, needed) in _READINESS_LISTS.items():
                found: dict[int, list[Any]] = {i: [] for i in ids}
                rows = s.execute(
                    select(model.visit_id, *(getattr(model, c) for c in needed))
                    .where(model.visit_id.in_(ids))
                    .order_by(model.visit_id, model.position)
                )
                for row in rows:
                    found[row.visit_id].append(row)
                lists[name] = found
        out = []
        for v in visits:
            plan = SimpleNamespace(**v._mapping, **{k: lists[k][v.id] for k in _READINESS_LISTS})
            readiness = visit_readiness(plan)
            out.append(
                UpcomingRow(
                    v.id,
                    v.starts_at,
                    v.title,
                    v.place,
                    v.status,
                    v.account_name,
                    v.opportunity_name,
                    readiness.percent,
                    readiness.ready,
                )
            )
        return out
