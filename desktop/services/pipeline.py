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

from desktop.domain.stalls import STALL_DAYS_DEFAULT, no_recent_visit
from desktop.exchange.pipeline_review import (
    MonthSum,
    PipelineFilter,
    PipelineReview,
    StageSum,
    StalledDeal,
)

from .base import Service

STALLED_SHOWN = 200  # the list shows the largest stalled deals; the total is counted apart

# The open deals the rep filtered to; the tier test reads the accounts once, not per deal.
_OPEN = """
  FROM opportunities o
 WHERE o.stage IN ({open_stages})
   AND (:stage IS NULL OR o.stage = :stage)
   AND (:tier IS NULL OR o.account_id IN (SELECT id FROM accounts WHERE pyramid_tier = :tier))
"""
# A stalled deal: a "maybe", no visit since :since, or an overdue next step. Each test is a
# set SQLite builds once per statement (the recent visits by the starts_at index), then probes
# per deal: about twice as fast at L as three correlated EXISTS per deal.
_STALL = """(
  o.id IN (SELECT opportunity_id FROM decision_points WHERE answer = 'maybe')
  OR o.id NOT IN (SELECT opportunity_id FROM visits
                  WHERE starts_at >= :since AND starts_at <= :now AND status <> 'cancelled')
  OR o.id IN (SELECT v.opportunity_id FROM next_steps n JOIN visits v ON v.id = n.visit_id
              WHERE n.done = 0 AND n.due_date < :today))"""
_WEIGHTED = "(o.deal_amount * COALESCE(o.probability_override, {prob}) + 50) / 100"
# The largest stalled deals first; their details are read for those rows only.
_STALLED_LIST = """
SELECT t.id, t.account_id, a.name, t.name, t.stage, t.weighted,
       (SELECT MIN(d.phase) FROM decision_points d
         WHERE d.opportunity_id = t.id AND d.answer = 'maybe'),
       (SELECT MAX(v.starts_at) FROM visits v
         WHERE v.opportunity_id = t.id AND v.starts_at <= :now AND v.status <> 'cancelled'),
       (SELECT COUNT(*) FROM next_steps n JOIN visits v ON v.id = n.visit_id
         WHERE v.opportunity_id = t.id AND n.done = 0 AND n.due_date < :today)
  FROM (SELECT o.id, o.account_id, o.name, o.stage, {weighted} AS weighted {open}
          AND {stall} ORDER BY COALESCE({weighted}, 0) DESC, o.id LIMIT {limit}) t
  JOIN accounts a ON a.id = t.account_id
 ORDER BY COALESCE(t.weighted, 0) DESC, t.id
"""


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
        open_deals, weighted = self._open_sql(), self._weighted_sql()
        only = f"AND {_STALL}" if filters.stalled_only else ""
        params = {
            "now": now.isoformat(sep=" "),
            "today": today.isoformat(),
            "since": (now - timedelta(days=days)).isoformat(sep=" "),
            "stage": filters.stage,
            "tier": filters.tier,
        }
        with self.db.read() as s:
            run = s.execute
            # One pass over the deals grouped by everything the charts split by, the stall
            # flag included; the few hundred groups are then added up per chart.
            groups = run(
                text(
                    f"SELECT o.stage, substr(o.expected_close, 1, 7), o.buying_cycle_stage,"
                    f" {_STALL}, COUNT(*), COALESCE(SUM(o.deal_amount), 0),"
                    f" COALESCE(SUM({weighted}), 0) {open_deals} GROUP BY 1, 2, 3, 4"
                ),
                params,
            ).all()
            cycle = run(
                text(
                    f"SELECT o.buying_cycle_stage, COUNT(DISTINCT o.account_id) {open_deals}"
                    f" {only} GROUP BY 1"
                ),
                params,
            ).all()
            stalled_rows = run(
                text(
                    _STALLED_LIST.format(
                        weighted=weighted, open=open_deals, stall=_STALL, limit=STALLED_SHOWN
                    )
                ),
                params,
            ).all()
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
        stalled_total = sum(g[4] for g in groups if g[3])
        if filters.stalled_only:
            groups = [g for g in groups if g[3]]
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

    def _weighted_sql(self) -> str:
        stages = self.playbook.group("funnel_stages")
        cases = " ".join(f"WHEN '{e.key}' THEN {int(e.probability or 0)}" for e in stages)
        return _WEIGHTED.format(prob=f"(CASE o.stage {cases} ELSE 0 END)")

    def _open_sql(self) -> str:
        # Keys come from the playbook; quotes are doubled so that no key can end the literal.
        keys = [k.replace("'", "''") for k in self.open_stages()]
        return _OPEN.format(open_stages=", ".join(f"'{k}'" for k in keys) or "''")

    def _stages(self, groups: Sequence[Any]) -> list[StageSum]:
        sums: dict[str, list[int]] = {key: [0, 0, 0] for key in self.open_stages()}
        for stage, _month, _cycle, _stalled, count, amount, weighted in groups:
            row = sums.setdefault(stage, [0, 0, 0])
            row[0] += count
            row[1] += amount
            row[2] += weighted
        return [StageSum(k, c, a, w) for k, (c, a, w) in sums.items()]

    @staticmethod
    def _months(groups: Sequence[Any]) -> list[MonthSum]:
        sums: dict[str, list[int]] = {}
        for _stage, month, _cycle, _stalled, count, _amount, weighted in groups:
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
