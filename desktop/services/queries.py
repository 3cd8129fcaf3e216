"""Read-only lists for screens and the command line, paged and sorted in SQL."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, literal, select

from desktop.store import search_index
from desktop.store.models import Account, Opportunity, Visit
from desktop.store.search_index import SearchHit

from .account_rows import ROW_SORTS, AccountFilter, AccountRow, open_stages, stage_at, stage_ranks
from .base import Service

__all__ = ["AccountFilter", "AccountRow", "ROW_SORTS", "QueryService"]


ACCOUNT_SORTS = {
    "name": Account.name,
    "industry": Account.industry,
    "city": Account.city,
    "tier": Account.pyramid_tier,
    "segment": Account.segment_code,
    "updated": Account.updated_at,
}


class QueryService(Service):
    def _row_columns(self, today: date) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
        rank = case(stage_ranks(self.playbook), value=Opportunity.stage, else_=literal(-1))
        best_rank = (
            select(func.max(rank))
            .where(Opportunity.account_id == Account.id)
            .where(Opportunity.stage.in_(open_stages(self.playbook)))
            .correlate(Account)
            .scalar_subquery()
        )
        next_visit = (
            select(func.min(Visit.starts_at))
            .join(Opportunity, Visit.opportunity_id == Opportunity.id)
            .where(Opportunity.account_id == Account.id)
            .where(Visit.starts_at >= datetime.combine(today, time.min))
            .where(Visit.status != "done")
            .correlate(Account)
            .scalar_subquery()
        )
        return best_rank, next_visit

    def account_rows(
        self,
        flt: AccountFilter | None = None,
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
        today: date | None = None,
    ) -> list[AccountRow]:
        """A page of the account list, filtered and sorted in SQL (fast at 100k accounts)."""
        best_rank, next_visit = self._row_columns(today or date.today())
        sort_columns: dict[str, Any] = {
            "name": Account.name,
            "industry": Account.industry,
            "city": Account.city,
            "tier": Account.pyramid_tier,
            "segment": Account.segment_code,
            "stage": best_rank,
            "next_visit": next_visit,
        }
        column = sort_columns[sort]
        direction = column.desc() if descending else column.asc()
        # Empty values go last either way (a rep sorting by next visit wants the soonest
        # first); text columns are never NULL, so they keep their index-friendly ORDER BY.
        order = [direction, Account.id]
        if sort in ("tier", "stage", "next_visit"):
            order.insert(0, column.is_(None))
        # First the page of ids (cheap: only the sort key), then the costly columns for it.
        page = (
            self._accounts(flt or AccountFilter())
            .with_only_columns(Account.id)
            .order_by(*order)
            .offset(offset)
            .limit(limit)
            .subquery()
        )
        query = (
            select(
                Account.id,
                Account.name,
                Account.alt_name,
                Account.industry,
                Account.city,
                Account.pyramid_tier,
                Account.segment_code,
                best_rank.label("best_rank"),
                next_visit.label("next_visit"),
            )
            .join(page, page.c.id == Account.id)
            .order_by(*order)
        )
        keys = self.playbook.keys("funnel_stages")
        with self.db.read() as s:
            rows = s.execute(query).all()
        return [
            AccountRow(
                r.id,
                r.name,
                r.alt_name or "",
                r.industry or "",
                r.city or "",
                r.pyramid_tier,
                r.segment_code or "",
                stage_at(keys, r.best_rank),
                r.next_visit,
            )
            for r in rows
        ]

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

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """One search over accounts, contacts and opportunities, best first."""
        with self.db.read() as s:
            return search_index.search(s.connection(), text, limit)
