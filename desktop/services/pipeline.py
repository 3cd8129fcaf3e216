"""The rep's pipeline at a glance: open deals by stage and month, stalled deals, the territory.

Every figure is summed by SQLite (GROUP BY over one per-deal subquery), never by a Python loop
over the deals: at L (100k deals) ``deals.pipeline()`` builds a row per deal and takes seconds,
this reads a few dozen rows. A deal is open before the stage whose probability is 100 (F,
handover). It is stalled when a decision point is answered "maybe", when no visit took place in
the last ``stall_days`` days (a setting, default 30), or when a next step is overdue.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text

from desktop.exchange.pipeline_review import (
    MonthSum,
    PipelineFilter,
    PipelineReview,
    StageSum,
    StalledDeal,
)

from .base import Service

STALL_DAYS_DEFAULT = 30
STALLED_SHOWN = 200  # the list shows the largest stalled deals; the total is counted apart

# One row per deal with what the charts group by; :params are bound by _params().
_DEALS = """
SELECT o.id AS id, o.account_id AS account_id, a.name AS account, o.name AS name,
       o.stage AS stage, a.pyramid_tier AS tier, o.buying_cycle_stage AS cycle,
       o.deal_amount AS amount,
       (o.deal_amount * COALESCE(o.probability_override, {prob}) + 50) / 100 AS weighted,
       strftime('%Y-%m', o.expected_close) AS month,
       (SELECT dp.phase FROM decision_points dp
         WHERE dp.opportunity_id = o.id AND dp.answer = 'maybe' LIMIT 1) AS maybe_phase,
       (SELECT MAX(v.starts_at) FROM visits v
         WHERE v.opportunity_id = o.id AND v.starts_at <= :now
           AND v.status <> 'cancelled') AS last_visit,
       (SELECT COUNT(*) FROM next_steps n JOIN visits v2 ON v2.id = n.visit_id
         WHERE v2.opportunity_id = o.id AND n.done = 0 AND n.due_date < :today) AS overdue
  FROM opportunities o JOIN accounts a ON a.id = o.account_id
 WHERE o.stage IN ({open_stages})
   AND (:stage IS NULL OR o.stage = :stage)
   AND (:tier IS NULL OR a.pyramid_tier = :tier)
"""
_STALLED = "(maybe_phase IS NOT NULL OR last_visit IS NULL OR last_visit < :since OR overdue > 0)"


class PipelineService(Service):
    """Reads only: the pipeline screen's and the pipeline review's figures."""

    def stall_days(self) -> int:
        """The "no visit in N days" setting; a stored value that is not a day count falls back."""
        with self.db.read() as s:
            stored = s.execute(
                text("SELECT value FROM settings WHERE key = 'stall_days'")
            ).scalar_one_or_none()
        try:
            days = int(stored) if stored is not None else STALL_DAYS_DEFAULT
        except ValueError:
            return STALL_DAYS_DEFAULT
        return days if days > 0 else STALL_DAYS_DEFAULT

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
        deals = self._deals_sql()
        where = f"WHERE {_STALLED}" if filters.stalled_only else ""
        params = {
            "now": now.isoformat(sep=" "),
            "today": today.isoformat(),
            "since": (now - timedelta(days=days)).isoformat(sep=" "),
            "stage": filters.stage,
            "tier": filters.tier,
        }
        with self.db.read() as s:
            run = s.execute
            # One pass over the deals grouped by everything the charts split by; the few
            # hundred groups are then added up per chart.
            groups = run(
                text(
                    f"SELECT stage, month, cycle, COUNT(*), COALESCE(SUM(amount), 0),"
                    f" COALESCE(SUM(weighted), 0)"
                    f" FROM ({deals}) {where} GROUP BY stage, month, cycle"
                ),
                params,
            ).all()
            cycle = run(
                text(
                    f"SELECT cycle, COUNT(DISTINCT account_id) FROM ({deals}) {where}"
                    " GROUP BY cycle"
                ),
                params,
            ).all()
            stalled_where = f"WHERE {_STALLED}"
            stalled_rows = run(
                text(
                    f"SELECT id, account_id, account, name, stage, weighted, maybe_phase,"
                    f" last_visit, overdue FROM ({deals}) {stalled_where}"
                    f" ORDER BY COALESCE(weighted, 0) DESC, id LIMIT {STALLED_SHOWN}"
                ),
                params,
            ).all()
            stalled_total = run(
                text(f"SELECT COUNT(*) FROM ({deals}) {stalled_where}"), params
            ).scalar_one()
            tier_where = "WHERE (:tier IS NULL OR pyramid_tier = :tier)"
            tiers = run(
                text(
                    f"SELECT pyramid_tier, COUNT(*) FROM accounts {tier_where}"
                    " GROUP BY pyramid_tier ORDER BY COUNT(*) DESC"
                ),
                params,
            ).all()
            segments = run(
                text(
                    f"SELECT segment_code, COUNT(*) FROM accounts {tier_where}"
                    " GROUP BY segment_code ORDER BY COUNT(*) DESC, segment_code"
                ),
                params,
            ).all()
            currency = run(
                text(
                    "SELECT deal_currency FROM opportunities GROUP BY deal_currency"
                    " ORDER BY COUNT(*) DESC LIMIT 1"
                )
            ).scalar_one_or_none()
        return PipelineReview(
            today,
            days,
            filters,
            currency or "CNY",
            self._stages(groups),
            self._months(groups),
            self._cycle(cycle),
            [(k, n) for k, n in tiers],
            [(k, n) for k, n in segments],
            [self._stalled(r, now, days) for r in stalled_rows],
            stalled_total,
            sum(n for _, n in tiers),
        )

    def _deals_sql(self) -> str:
        stages = self.playbook.group("funnel_stages")
        cases = " ".join(f"WHEN '{e.key}' THEN {int(e.probability or 0)}" for e in stages)
        prob = f"(CASE o.stage {cases} ELSE 0 END)"
        open_stages = ", ".join(f"'{key}'" for key in self.open_stages()) or "''"
        return _DEALS.format(prob=prob, open_stages=open_stages)

    def _stages(self, groups: Sequence[Any]) -> list[StageSum]:
        sums: dict[str, list[int]] = {key: [0, 0, 0] for key in self.open_stages()}
        for stage, _month, _cycle, count, amount, weighted in groups:
            row = sums.setdefault(stage, [0, 0, 0])
            row[0] += count
            row[1] += amount
            row[2] += weighted
        return [StageSum(k, c, a, w) for k, (c, a, w) in sums.items()]

    @staticmethod
    def _months(groups: Sequence[Any]) -> list[MonthSum]:
        sums: dict[str, list[int]] = {}
        for _stage, month, _cycle, count, _amount, weighted in groups:
            row = sums.setdefault(month or "", [0, 0])
            row[0] += count
            row[1] += weighted
        dated = sorted(k for k in sums if k)
        keys = dated + ([""] if "" in sums else [])
        return [MonthSum(k, sums[k][0], sums[k][1]) for k in keys]

    def _cycle(self, rows: Sequence[Any]) -> list[tuple[str | None, int]]:
        """Accounts with an open deal at each buying-cycle position, in the playbook's order."""
        sums: dict[str | None, int] = dict(rows)
        order = [e.key for e in self.playbook.group("buying_cycle")]
        known = [(k, sums[k]) for k in order if k in sums]
        rest = [(k, n) for k, n in sums.items() if k not in order]
        return known + rest

    @staticmethod
    def _stalled(row: Any, now: datetime, days: int) -> StalledDeal:
        opp_id, account_id, account, name, stage, weighted, phase, last, overdue = row
        last_visit = datetime.fromisoformat(last) if isinstance(last, str) else last
        no_visit = last_visit is None or last_visit < now - timedelta(days=days)
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
