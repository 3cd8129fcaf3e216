"""A manager's review of the rep's visit plans, as the team server last sent it.

The server keeps the comments and the "reviewed" mark (server/reviews.py); each sync round
brings an account's reviews down and ``store`` keeps them in the data file (a settings row per
account, JSON: no new table, and encryption and backups cover it), so the plan and the brief
show them offline. Announced as a visit change of that account, initiator ``Origin.SYNC``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from desktop.store.models import Account, Opportunity, Setting, Visit

from .base import Service
from .events import ChangeKind, Origin, current_initiator, initiated_by

PREFIX = "review:"
STEPS = ("plan", "prepare", "open", "consult", "propose", "close")


@dataclass(frozen=True)
class ReviewComment:
    step: str  # one of STEPS
    text: str
    by: str
    at: str  # ISO 8601, UTC, as the server stamped it


@dataclass(frozen=True)
class VisitReview:
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    comments: tuple[ReviewComment, ...] = field(default_factory=tuple)

    def on(self, step: str) -> list[ReviewComment]:
        return [c for c in self.comments if c.step == step]


class ReviewService(Service):
    def store(self, account_uid: str, visits: dict[str, Any]) -> bool:
        """Keep the server's reviews of one account; True if they changed."""
        value = json.dumps(visits, ensure_ascii=False, sort_keys=True)
        key = PREFIX + account_uid
        with self.db.write() as s:
            row = s.get(Setting, key)
            if row is not None and row.value == value:
                return False
            s.merge(Setting(key=key, value=value))
            account_id = s.scalar(select(Account.id).where(Account.uid == account_uid))
        with initiated_by(current_initiator() or Origin.SYNC):
            self.announce(ChangeKind.VISIT, account_id=account_id)
        return True

    def for_visit(self, visit_id: int) -> VisitReview:
        """The review of one visit plan (empty when there is none)."""
        with self.db.read() as s:
            found = s.execute(
                select(Visit.uid, Account.uid)
                .join(Opportunity, Opportunity.id == Visit.opportunity_id)
                .join(Account, Account.id == Opportunity.account_id)
                .where(Visit.id == visit_id)
            ).first()
            if found is None:
                return VisitReview()
            row = s.get(Setting, PREFIX + found[1])
        if row is None:
            return VisitReview()
        entry = json.loads(row.value).get(found[0]) or {}
        mark = entry.get("reviewed") or {}
        comments = tuple(
            ReviewComment(c["step"], c["text"], c["by"], c["at"]) for c in entry.get("comments", [])
        )
        return VisitReview(mark.get("by"), mark.get("at"), comments)

    def uids(self, visit_id: int) -> tuple[str, str] | None:
        """(account uid, visit uid) of a visit plan, for asking the server about it."""
        with self.db.read() as s:
            found = s.execute(
                select(Account.uid, Visit.uid)
                .join(Opportunity, Opportunity.id == Visit.opportunity_id)
                .join(Account, Account.id == Opportunity.account_id)
                .where(Visit.id == visit_id)
            ).first()
        return (found[0], found[1]) if found is not None else None
