"""Why a deal is stalled (issue 16, items 2 and 11): the one rule the pipeline, the brief's red
flags and ``callbrief list opportunities --json`` share.

A deal is stalled when a customer decision point is answered "maybe", when no visit took place
in the last N days (the "Stalled after N days" preference), or when next steps are overdue.
The callers read the facts (in SQL where the deals are many); this says what they mean.

Pure standard library: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .playbook import Text

STALL_DAYS_DEFAULT = 30
MAYBE, NO_VISIT, OVERDUE = "maybe", "no_visit", "overdue"
STALL_TEXTS = {
    MAYBE: Text("Decision point “maybe”", "决策点“也许”"),
    NO_VISIT: Text("No visit in {days} days", "{days} 天未拜访"),
    OVERDUE: Text("{count} overdue next steps", "{count} 项下一步已逾期"),
}


@dataclass(frozen=True)
class StallReason:
    """One reason a deal is stalled, with what its sentence needs."""

    code: str  # MAYBE / NO_VISIT / OVERDUE
    phases: tuple[str, ...] = ()  # MAYBE: the cvm_phases answered "maybe", in phase order
    days: int = 0  # NO_VISIT: the N of the preference
    count: int = 0  # OVERDUE: how many next steps

    def text(self, lang: str) -> str:
        return STALL_TEXTS[self.code].get(lang).format(days=self.days, count=self.count)

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"code": self.code}
        if self.code == MAYBE:
            out["phases"] = list(self.phases)
        elif self.code == NO_VISIT:
            out["days"] = self.days
        else:
            out["count"] = self.count
        return out


def no_recent_visit(last_visit: datetime | None, now: datetime, stall_days: int) -> bool:
    """True when the last visit held (not cancelled, started by ``now``) is older than N days."""
    return last_visit is None or last_visit < now - timedelta(days=stall_days)


def stall_reasons(
    maybe_phases: Sequence[str], no_visit: bool, overdue_steps: int, stall_days: int
) -> list[StallReason]:
    """The reasons, in the order the rep should act on them: the customer's doubt first."""
    out = []
    if maybe_phases:
        out.append(StallReason(MAYBE, phases=tuple(maybe_phases)))
    if no_visit:
        out.append(StallReason(NO_VISIT, days=stall_days))
    if overdue_steps > 0:
        out.append(StallReason(OVERDUE, count=overdue_steps))
    return out
