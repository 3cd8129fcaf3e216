"""Read-only lists for screens and the command line, paged and sorted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select

from desktop.store import search_index
from desktop.store.models import Account, Opportunity, Visit

from .base import Service


@dataclass(frozen=True)
class AccountFilter:
    tier: str | None = None
    stage: str | None = None  # accounts with an opportunity at this stage
    segment: str | None = None  # a segment code or its prefix, e.g. "E1"
    text: str = ""  # name contains (Latin or Chinese)


ACCOUNT_SORTS = {
    "name": Account.name,
    "industry": Account.industry,
    "city": Account.city,
    "tier": Account.pyramid_tier,
    "segment": Account.segment_code,
    "updated": Account.updated_at,
}


class QueryService(Service):
    def _accounts(self, flt: AccountFilter) -> Select[Any]:
        query = select(Account)
        if flt.tier:
            query = query.where(Account.pyramid_tier == flt.tier)
        if flt.segment:
            query = query.where(Account.segment_code.startswith(flt.segment.upper()))
        if flt.stage:
            query = query.where(
                select(Opportunity.id)
                .where(Opportunity.account_id == Account.id, Opportunity.stage == flt.stage)
                .exists()
            )
        if flt.text.strip():
            like = f"%{flt.text.strip()}%"
            query = query.where(Account.name.like(like) | Account.alt_name.like(like))
        return query

    def accounts(
        self,
        flt: AccountFilter | None = None,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[Account]:
        column = ACCOUNT_SORTS[sort]
        order = column.desc() if descending else column.asc()
        query = self._accounts(flt or AccountFilter()).order_by(order, Account.id)
        with self.db.read() as s:
            return list(s.scalars(query.offset(offset).limit(limit)))

    def count_accounts(self, flt: AccountFilter | None = None) -> int:
        query = self._accounts(flt or AccountFilter()).with_only_columns(func.count(Account.id))
        with self.db.read() as s:
            return int(s.scalar(query) or 0)

    def opportunities(self, account_id: int | None = None) -> list[tuple[Opportunity, str]]:
        """Opportunities with their account's name."""
        query = select(Opportunity, Account.name).join(
            Account, Opportunity.account_id == Account.id
        )
        if account_id is not None:
            query = query.where(Opportunity.account_id == account_id)
        with self.db.read() as s:
            return [(o, n) for o, n in s.execute(query.order_by(Account.name, Opportunity.id))]

    def visits(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[tuple[Visit, Opportunity, Account]]:
        query = (
            select(Visit, Opportunity, Account)
            .join(Opportunity, Visit.opportunity_id == Opportunity.id)
            .join(Account, Opportunity.account_id == Account.id)
        )
        if start is not None:
            query = query.where(Visit.starts_at >= start)
        if end is not None:
            query = query.where(Visit.starts_at < end)
        with self.db.read() as s:
            rows = s.execute(query.order_by(Visit.starts_at.is_(None), Visit.starts_at, Visit.id))
            return [(v, o, a) for v, o, a in rows]

    def search(self, text: str, limit: int = 50) -> list[search_index.SearchHit]:
        """One search over accounts, contacts and opportunities, best first."""
        with self.db.read() as s:
            return search_index.search(s.connection(), text, limit)
