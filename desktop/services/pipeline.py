"""The rep's pipeline at a glance: open deals by stage and month, stalled deals, the territory.

Every figure is summed by SQLite (the statements are in ``pipeline_sql``), never by a Python
loop over the deals: at L (100k deals) ``deals.pipeline()`` builds a row per deal and takes
seconds, this reads a few thousand groups and the few hundred deals it lists. A deal is open
before the stage whose probability is 100 (F, handover). It is stalled when a decision point
is answered "maybe", when no visit took place in the last ``stall_days`` days (a setting,
default 30), or when a next step is overdue.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text

from desktop.domain.stalls import STALL_DAYS_DEFAULT, no_recent_visit
from desktop.exchange.pipeline_review import (
    MonthSum,
    PipelineFilter,
    PipelineReview,
    StageSum,
    StalledDeal,
)

from . import pipeline_sql as sql
from .base import Service

STALLED_SHOWN = 200  # the list shows the largest stalled deals; the total is counted apart


def read_stall_days(session: Any) -> int:
    """The "Stalled after N days" preference, read in an open session; a stored value that is
    not a day count falls back to the default."""
    stored = session.execute(
        text("SELECT value FROM settings WHERE key = 'stall_days'")
    ).scalar_one_or_none()
    try:
        days = int(stored) if stored is not None else STALL_DAYS_DEFAULT
    except ValueError:
        return STALL_DAYS_DEFAULT
    return days if days > 0 else STALL_DAYS_DEFAULT


class PipelineService(Service):
    """Reads only: the pipeline screen's and the pipeline review's figures."""

    def stall_days(self) -> int:
        """The "no visit in N days" setting; a stored value that is not a day count falls back."""
        with self.db.read() as s:
            return read_stall_days(s)

    def open_stages(self) -> list[str]:
        """The funnel stages whose deals are still open (before a probability of 100)."""
        return [e.key for e in self.playbook.group("funnel_stages") if (e.probability or 0) < 100]

    def review(
        self,
        filters: PipelineFilter | None = None,
        today: date | None = None,
        now: datetime | None = None,
    ) -> PipelineReview:
        filters = filters or PipelineFilter()
        today = today or date.today()
        now = now or datetime.combine(today, datetime.max.time())
        days = self.stall_days()
        stages = self._chosen_stages(filters.stage)
        keys = [key for key, _ in stages]
        params = {
            "now": now.isoformat(sep=" "),
            "today": today.isoformat(),
            "since": (now - timedelta(days=days)).isoformat(sep=" "),
            "stage": filters.stage,
            "tier": filters.tier,
        }
        only = filters.stalled_only
        # The grouped pass over every open deal is the longest statement: it runs on a second
        # connection while this one reads the rest (SQLite lets readers run side by side and
        # the driver releases the GIL while a statement steps), so the screen waits for the
        # longest read, not for their sum.
        with ThreadPoolExecutor(max_workers=1) as pool, self.db.read() as s:
            grouped = pool.submit(self._read_all, sql.grouped(stages, only), params)
            run = s.execute
            cycle = run(text(sql.cycle(keys, only)), params).all()
            largest = run(text(sql.largest_stalled(stages, STALLED_SHOWN)), params).all()
            # The largest first; equal weighted values by amount, then the newest deal.
            chosen = sorted(
                largest,
                key=lambda r: (r[2] or 0, r[1] if r[1] is not None else -1, r[0]),
                reverse=True,
            )[:STALLED_SHOWN]
            picked = text(sql.stalled_details([r[0] for r in chosen]))
            details = {r[0]: r for r in run(picked, params)}
            tiers = run(text(sql.TIERS), params).all()
            segments = run(text(sql.SEGMENTS), params).all()
            groups = grouped.result()
            currency = self._currency(groups) or self._currency_apart(s, keys, only, params)
        return PipelineReview(
            today,
            days,
            filters,
            currency,
            self._stages(groups),
            self._months(groups),
            self._cycle(cycle),
            [(k, n) for k, n in tiers],
            [(k, n) for k, n in segments],
            [self._stalled(details[r[0]], r[2], now, days) for r in chosen],
            sum(g[5] or 0 for g in groups),
            sum(n for _, n in tiers),
        )

    def _read_all(self, statement: str, params: dict[str, Any]) -> Sequence[Any]:
        """Every row of one statement, read in a session of its own (for a second thread)."""
        with self.db.read() as s:
            return s.execute(text(statement), params).all()

    def _chosen_stages(self, stage: str | None) -> list[tuple[str, int]]:
        """The open stages (or the one chosen) with their probabilities."""
        return [
            (e.key, int(e.probability or 0))
            for e in self.playbook.group("funnel_stages")
            if (e.probability or 0) < 100 and (stage is None or e.key == stage)
        ]

    def _stages(self, groups: Sequence[Any]) -> list[StageSum]:
        sums: dict[str, list[int]] = {key: [0, 0, 0] for key in self.open_stages()}
        for stage, _close, count, amount, weighted, *_rest in groups:
            row = sums.setdefault(stage, [0, 0, 0])
            row[0] += count
            row[1] += amount
            row[2] += weighted
        return [StageSum(k, c, a, w) for k, (c, a, w) in sums.items()]

    @staticmethod
    def _months(groups: Sequence[Any]) -> list[MonthSum]:
        sums: dict[str, list[int]] = {}
        for _stage, close, count, _amount, weighted, *_rest in groups:
            row = sums.setdefault(str(close)[:7] if close else "", [0, 0])
            row[0] += count
            row[1] += weighted
        dated = sorted(k for k in sums if k)
        keys = dated + ([""] if "" in sums else [])
        return [MonthSum(k, sums[k][0], sums[k][1]) for k in keys]

    @staticmethod
    def _currency(groups: Sequence[Any]) -> str | None:
        """The currency most of the rep's open deals are in (the charts' unit), from the
        groups; None when a group mixes currencies (then they are counted apart)."""
        counts: dict[str, int] = {}
        for _stage, _close, count, *_sums, lowest, highest in groups:
            if lowest != highest:
                return None
            if lowest is not None:
                counts[lowest] = counts.get(lowest, 0) + count
        return max(counts, key=lambda c: (counts[c], c)) if counts else "CNY"

    @staticmethod
    def _currency_apart(s: Any, keys: list[str], only: bool, params: dict[str, Any]) -> str:
        counts = dict(s.execute(text(sql.currencies(keys, only)), params).all())
        return max(counts, key=lambda c: (counts[c], c)) if counts else "CNY"

    def _cycle(self, rows: Sequence[Any]) -> list[tuple[str | None, int]]:
        """Accounts with an open deal at each buying-cycle position, in the playbook's order."""
        sums: dict[str | None, int] = dict(rows)
        order = [e.key for e in self.playbook.group("buying_cycle")]
        known = [(k, sums[k]) for k in order if k in sums]
        rest = [(k, n) for k, n in sums.items() if k not in order]
        return known + rest

    @staticmethod
    def _stalled(row: Any, weighted: int | None, now: datetime, days: int) -> StalledDeal:
        opp_id, account_id, account, name, stage, phase, last, overdue = row
        last_visit = datetime.fromisoformat(last) if isinstance(last, str) else last
        no_visit = no_recent_visit(last_visit, now, days)
        return StalledDeal(
            opp_id,
            account_id,
            account,
            name,
            stage,
            weighted,
            phase,
            last_visit.date() if last_visit else None,
            overdue,
            no_visit,
        )
