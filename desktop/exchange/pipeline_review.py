"""The pipeline review as plain data, and its four charts, for the screen and the PDF alike.

``PipelineReview`` is what ``PipelineService.review`` reads (all sums made in SQL); ``charts``
lays out the funnel, the forecast, the buying-cycle share and the territory as
``desktop.domain.charts`` shapes, in one language. The screen and the PDF paint the same charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.charts import Bar, Chart, bar_chart
from desktop.domain.playbook import Playbook, Text
from desktop.domain.stalls import stall_reasons

SUGGESTIONS = {
    "overdue": Text("Follow up the overdue next steps", "跟进逾期的下一步"),
    "no_visit": Text("Plan the next visit", "安排下一次拜访"),
}
TITLES = {
    "funnel": Text(
        "Open deals by stage (count · weighted value; pale: the amount)",
        "各阶段在谈商机（数量 · 加权金额；浅色：金额）",
    ),
    "forecast": Text(
        "Forecast by month of expected close (weighted)", "按预计成交月份的预测（加权）"
    ),
    "cycle": Text("Customers by buying-cycle position", "客户所处的采购周期阶段"),
    "tier": Text("Territory by pyramid tier", "按客户金字塔层级的区域"),
    "segment": Text("Territory by segment code (top 8)", "按细分代码的区域（前 8 位）"),
    "empty": Text("Nothing to show", "暂无数据"),
    "undated": Text("No date", "未定日期"),
    "unset": Text("Not set", "未设置"),
}


@dataclass(frozen=True)
class PipelineFilter:
    """What the rep narrowed the pipeline to; None means every value."""

    stage: str | None = None
    tier: str | None = None
    stalled_only: bool = False


@dataclass(frozen=True)
class StageSum:
    stage: str
    count: int
    amount: int
    weighted: int


@dataclass(frozen=True)
class MonthSum:
    month: str  # "2026-12", or "" for deals without an expected close
    count: int
    weighted: int


@dataclass(frozen=True)
class StalledDeal:
    """A stalled open deal: why, and the suggested next action."""

    opportunity_id: int
    account_id: int
    account: str
    name: str
    stage: str
    weighted: int | None
    maybe_phase: str | None  # the first phase answered "maybe"
    last_visit: date | None
    overdue_steps: int
    no_visit: bool

    def reasons(self, lang: str, days: int) -> list[str]:
        """Why, in the words of the one stall rule (``desktop/domain/stalls.py``)."""
        phases = [self.maybe_phase] if self.maybe_phase is not None else []
        found = stall_reasons(phases, self.no_visit, self.overdue_steps, days)
        return [reason.text(lang) for reason in found]

    def suggestion(self, playbook: Playbook, lang: str) -> str:
        """The next logical action: the playbook's for a "maybe", else a visit or a follow-up."""
        if self.maybe_phase is not None:
            phase = playbook.get("cvm_phases", self.maybe_phase)
            key = phase.extras.get("next_action") if phase else None
            action = playbook.get("next_actions", key) if isinstance(key, str) else None
            if action is not None:
                return action.label.get(lang)
        if self.overdue_steps:
            return SUGGESTIONS["overdue"].get(lang)
        return SUGGESTIONS["no_visit"].get(lang)


@dataclass
class PipelineReview:
    """Everything the pipeline screen and the review PDF show, already summed."""

    today: date
    stall_days: int
    filters: PipelineFilter
    currency: str
    stages: list[StageSum]
    months: list[MonthSum]
    cycle: list[tuple[str | None, int]]  # buying-cycle key → accounts with an open deal there
    tiers: list[tuple[str | None, int]]  # pyramid tier → accounts
    segments: list[tuple[str, int]]  # segment code → accounts (most first)
    stalled: list[StalledDeal]
    stalled_total: int
    accounts_total: int = 0

    @property
    def open_count(self) -> int:
        return sum(s.count for s in self.stages)

    @property
    def open_weighted(self) -> int:
        return sum(s.weighted for s in self.stages)


def money(amount: int | None, currency: str) -> str:
    """A sum as the charts write it, in full with thousands separators: 1,234,567 CNY."""
    if amount is None:
        return "—"
    return f"{amount:,} {currency}"


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "0 %"


def charts(review: PipelineReview, playbook: Playbook, lang: str, width: float) -> list[Chart]:
    """The funnel, forecast, buying-cycle and territory charts of ``review`` in ``lang``."""
    empty = TITLES["empty"].get(lang)
    unset = TITLES["unset"].get(lang)
    cur = review.currency
    funnel = [
        Bar(
            f"{s.stage} · {playbook.label('funnel_stages', s.stage, lang)}",
            s.amount,
            f"{s.count} · {money(s.weighted, cur)}",
            inner=s.weighted,
        )
        for s in review.stages
    ]
    forecast = [
        Bar(
            m.month or TITLES["undated"].get(lang),
            m.weighted,
            f"{m.count} · {money(m.weighted, cur)}",
        )
        for m in review.months
    ]
    cycle_total = sum(n for _, n in review.cycle)
    cycle = [
        Bar(
            playbook.label("buying_cycle", key, lang) if key else unset,
            n,
            f"{n} · {_share(n, cycle_total)}",
        )
        for key, n in review.cycle
    ]
    tier_total = sum(n for _, n in review.tiers)
    tiers = [
        Bar(
            playbook.label("pyramid_tiers", key, lang) if key else unset,
            n,
            f"{n} · {_share(n, tier_total)}",
        )
        for key, n in review.tiers
    ]
    seg_total = sum(n for _, n in review.segments)
    segments = [
        Bar(code or unset, n, f"{n} · {_share(n, seg_total)}") for code, n in review.segments[:8]
    ]
    return [
        bar_chart(TITLES["funnel"].get(lang), funnel, width, empty),
        bar_chart(TITLES["forecast"].get(lang), forecast, width, empty),
        bar_chart(TITLES["cycle"].get(lang), cycle, width, empty),
        bar_chart(TITLES["tier"].get(lang), tiers, width, empty),
        bar_chart(TITLES["segment"].get(lang), segments, width, empty),
    ]
