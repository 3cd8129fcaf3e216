"""Use cases for next steps across every account: what is overdue, due today, due this week;
ticking one off. The one door for those writes; each publishes a "visit" change (a step belongs
to the visit that agreed it) after its transaction commits.

Reads go straight to the columns shown, through the partial index of open steps by due date,
and the home screen reads at most a page per group: the list stays quick at 50,000 accounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select, text

from desktop.domain.next_steps import bucket, week_end
from desktop.store.models import Account, NextStep, Opportunity, Visit

from .base import Service
from .events import ChangeKind


@dataclass(frozen=True)
class NextStepRow:
    """One open (or just ticked) next step with where it belongs."""

    id: int
    uid: str
    description: str
    owner: str
    due_date: date | None
    done: bool
    bucket: str  # desktop.domain.next_steps.BUCKETS
    visit_id: int
    opportunity_id: int
    opportunity: str
    account_id: int
    account: str


def _columns():
    return (
        NextStep.id,
        NextStep.uid,
        NextStep.description,
        NextStep.owner,
        NextStep.due_date,
        NextStep.done,
        NextStep.visit_id,
        Opportunity.id,
        Opportunity.name,
        Account.id,
        Account.name,
    )


# Written as the partial index ``ix_next_steps_open_due`` says it, so SQLite reads that index.
_OPEN = text("next_steps.done = 0")


@dataclass(frozen=True)
class WeekSteps:
    """The week's list: up to a page of steps per group, and how many each group holds."""

    rows: list[NextStepRow]
    counts: dict[str, int]  # overdue / today / week → open steps in it


class NextStepService(Service):
    def _query(self):
        return (
            select(*_columns())
            .join(Visit, Visit.id == NextStep.visit_id)
            .join(Opportunity, Opportunity.id == Visit.opportunity_id)
            .join(Account, Account.id == Opportunity.account_id)
            .where(_OPEN)
        )

    def due(
        self,
        today: date | None = None,
        *,
        overdue_only: bool = False,
        this_week: bool = False,
        limit: int | None = None,
    ) -> list[NextStepRow]:
        """Open next steps, soonest due first (undated ones last). ``this_week``: only those due
        by Sunday (overdue included); ``overdue_only``: only those past their date."""
        today = today or date.today()
        query = self._query()
        if overdue_only or this_week:
            last = today - timedelta(days=1) if overdue_only else week_end(today)
            # In the open-steps index's own order: no sorting, and a limit reads only that many.
            query = query.where(NextStep.due_date <= last).order_by(NextStep.due_date, NextStep.id)
        else:
            query = query.order_by(NextStep.due_date.is_(None), NextStep.due_date, NextStep.id)
        if limit is not None:
            query = query.limit(limit)
        with self.db.read() as s:
            rows = s.execute(query).all()
        return [_row(r, today) for r in rows]

    def week(self, today: date | None = None, per_group: int = 200) -> WeekSteps:
        """The home screen's list: overdue, today and the rest of this week, at most
        ``per_group`` steps each (soonest due first), with every group's full count."""
        today = today or date.today()
        ranges = {
            "overdue": (None, today - timedelta(days=1)),
            "today": (today, today),
            "week": (today + timedelta(days=1), week_end(today)),
        }
        group = case(
            (NextStep.due_date < today, "overdue"),
            (NextStep.due_date == today, "today"),
            else_="week",
        )
        rows: list[NextStepRow] = []
        with self.db.read() as s:
            counts: dict[str, int] = dict(
                s.execute(
                    select(group, func.count())
                    .where(_OPEN, NextStep.due_date <= week_end(today))
                    .group_by(group)
                ).all()
            )
            for name, (first, last) in ranges.items():
                if not counts.get(name) or (first is not None and first > last):
                    continue
                query = self._query().where(NextStep.due_date <= last)
                if first is not None:
                    query = query.where(NextStep.due_date >= first)
                query = query.order_by(NextStep.due_date, NextStep.id).limit(per_group)
                rows += [_row(r, today) for r in s.execute(query).all()]
        return WeekSteps(rows, {name: counts.get(name, 0) for name in ranges})

    def open_for_deal(
        self, opportunity_id: int, except_visit: int | None = None
    ) -> list[NextStepRow]:
        """The open steps agreed at this deal's visits (but ``except_visit``), oldest due first."""
        today = date.today()
        query = (
            self._query()
            .where(Visit.opportunity_id == opportunity_id)
            .order_by(NextStep.due_date.is_(None), NextStep.due_date, NextStep.id)
        )
        if except_visit is not None:
            query = query.where(NextStep.visit_id != except_visit)
        with self.db.read() as s:
            return [_row(r, today) for r in s.execute(query).all()]

    def set_done(self, step_id: int, done: bool = True, today: date | None = None) -> None:
        """Tick a step off (or back on); the day it was done is kept."""
        with self.db.write() as s:
            step = self.fetch(s, NextStep, step_id, "item")
            step.done = done
            step.done_on = (today or date.today()) if done else None
            visit = self.fetch(s, Visit, step.visit_id, "visit")
            opp = self.fetch(s, Opportunity, visit.opportunity_id, "opportunity")
            visit_id, account_id = visit.id, opp.account_id
        self.announce(ChangeKind.VISIT, visit_id, account_id=account_id)


def _row(r, today: date) -> NextStepRow:
    step_id, uid, text, owner, due, done, visit_id, opp_id, opp_name, acc_id, acc_name = r
    return NextStepRow(
        step_id,
        uid,
        text,
        owner,
        due,
        done,
        bucket(due, today) if not done else "done",
        visit_id,
        opp_id,
        opp_name,
        acc_id,
        acc_name,
    )


def next_step_json(row: NextStepRow) -> dict[str, object]:
    """A next step as the command line prints it."""
    return {
        "id": row.id,
        "uid": row.uid,
        "description": row.description,
        "owner": row.owner,
        "due_date": row.due_date.isoformat() if row.due_date else None,
        "done": row.done,
        "when": row.bucket,
        "visit_id": row.visit_id,
        "opportunity_id": row.opportunity_id,
        "opportunity": row.opportunity,
        "account_id": row.account_id,
        "account": row.account,
    }
