"""Use cases for the deal cockpit: a deal's stage tasks, the customer's decision points, its
value, and the pipeline read of every open deal (value, weighted value, stage, stall flags).

The one door for writing stage-task ticks and decision points; each write publishes an
"opportunity" change after its transaction commits, like the other services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, text

from desktop.domain.deal_value import deal_weighted_value
from desktop.domain.decision_points import ANSWERS, Answer, Stall, stalls
from desktop.domain.funnel import win_probability
from desktop.domain.stage_tasks import StageProgress, all_tasks, progress
from desktop.domain.stalls import StallReason, no_recent_visit, stall_reasons
from desktop.domain.validation import ValidationError
from desktop.store.models import (
    Account,
    DecisionPoint,
    NextStep,
    Opportunity,
    Referral,
    StageTaskCheck,
    Visit,
)

from . import fields
from .base import Service
from .events import ChangeKind
from .pipeline import read_stall_days

DECISION_NOTE = fields.T("Note", "备注")


@dataclass(frozen=True)
class DealSummary:
    """What the cockpit shows at the top of a deal."""

    opportunity_id: int
    stage: str
    probability: int
    amount: int | None
    currency: str
    weighted: int | None
    expected_close: date | None
    progress: StageProgress
    answers: dict[str, Answer]
    stalls: list[Stall]


@dataclass(frozen=True)
class PipelineRow:
    """One deal as the pipeline and ``callbrief list opportunities`` read it."""

    id: int
    uid: str
    name: str
    account_id: int
    account: str
    stage: str
    probability: int
    amount: int | None
    currency: str
    weighted: int | None
    expected_close: date | None
    tasks_done: int
    tasks_total: int
    exit_met: bool
    proposed_stage: str | None
    stalls: list[Stall]
    overdue_steps: int
    referrals_asked: int = 0  # "1+2" of a handed-over deal (issue 16 item 10)
    referrals_received: int = 0
    # Every reason by the one stall rule (a "maybe", no visit in N days, overdue next steps).
    stall_reasons: tuple[StallReason, ...] = ()

    @property
    def stalled(self) -> bool:
        return bool(self.stall_reasons)


class DealCockpitService(Service):
    # Stage tasks ---------------------------------------------------------------------------

    def set_task(
        self, opportunity_id: int, task: str, done: bool, today: date | None = None
    ) -> StageProgress:
        """Tick (or untick) one of the stage tasks; returns the deal's progress afterwards."""
        known = all_tasks(self.playbook)
        if task not in known:
            raise ValidationError.single("task", "not_choice", label="task", value=task)
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            row = s.scalar(
                select(StageTaskCheck).where(
                    StageTaskCheck.opportunity_id == opportunity_id, StageTaskCheck.task == task
                )
            )
            if done and row is None:
                s.add(
                    StageTaskCheck(
                        opportunity_id=opportunity_id,
                        stage=known[task].stage,
                        task=task,
                        done_on=today or date.today(),
                    )
                )
            elif not done and row is not None:
                s.delete(row)
            account_id, stage = opp.account_id, opp.stage
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)
        return progress(self.playbook, stage, self.done_tasks(opportunity_id))

    def done_tasks(self, opportunity_id: int) -> set[str]:
        with self.db.read() as s:
            return set(
                s.scalars(
                    select(StageTaskCheck.task).where(
                        StageTaskCheck.opportunity_id == opportunity_id
                    )
                )
            )

    def progress(self, opportunity_id: int) -> StageProgress:
        with self.db.read() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            stage = opp.stage
        return progress(self.playbook, stage, self.done_tasks(opportunity_id))

    def proposed_stage(self, opportunity_id: int) -> str:
        """The stage to offer the rep: the next one once the exit criteria are met."""
        current = self.progress(opportunity_id)
        return current.proposed or current.stage

    # Decision points -----------------------------------------------------------------------

    def set_decision_point(
        self, opportunity_id: int, phase: str, answer: str | None, note: str = ""
    ) -> None:
        """Record the customer's answer at one decision point; None clears it."""
        if phase not in self.playbook.keys("cvm_phases"):
            raise ValidationError.single("phase", "not_choice", label="phase", value=phase)
        if answer is not None and answer not in ANSWERS:
            raise ValidationError.single("answer", "not_choice", label="answer", value=answer)
        clean = fields.clean(DecisionPoint, {"note": DECISION_NOTE}, {"note": note}, self.playbook)
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            row = s.scalar(
                select(DecisionPoint).where(
                    DecisionPoint.opportunity_id == opportunity_id, DecisionPoint.phase == phase
                )
            )
            if answer is None:
                if row is not None:
                    s.delete(row)
            else:
                if row is None:
                    row = DecisionPoint(opportunity_id=opportunity_id, phase=phase)
                    s.add(row)
                row.answer = answer
                row.note = clean["note"]
            account_id = opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)

    def decision_points(self, opportunity_id: int) -> dict[str, Answer]:
        with self.db.read() as s:
            rows = s.execute(
                select(DecisionPoint.phase, DecisionPoint.answer, DecisionPoint.note).where(
                    DecisionPoint.opportunity_id == opportunity_id
                )
            )
            return {phase: Answer(answer, note) for phase, answer, note in rows}

    def stalls(self, opportunity_id: int) -> list[Stall]:
        return stalls(self.playbook, self.decision_points(opportunity_id))

    def stall_reasons(self, opportunity_id: int, now: datetime | None = None) -> list[StallReason]:
        """Why this deal is stalled, by the one rule the pipeline and the list use too."""
        # The end of today, as the pipeline reads it: a visit later today is not "no visit".
        now = now or datetime.combine(date.today(), datetime.max.time())
        with self.db.read() as s:
            last = s.scalar(
                select(func.max(Visit.starts_at)).where(
                    Visit.opportunity_id == opportunity_id,
                    Visit.starts_at <= now,
                    Visit.status != "cancelled",
                )
            )
            overdue = s.scalar(
                select(func.count())
                .select_from(NextStep)
                .join(Visit, Visit.id == NextStep.visit_id)
                .where(
                    Visit.opportunity_id == opportunity_id,
                    text("next_steps.done = 0"),
                    NextStep.due_date < now.date(),
                )
            )
            days = read_stall_days(s)
            stage = s.scalar(select(Opportunity.stage).where(Opportunity.id == opportunity_id))
        if stage not in self._open_stages():
            return []  # a deal handed over (or closed) is no longer pushed: nothing stalls
        maybes = [stall.phase for stall in self.stalls(opportunity_id)]
        return stall_reasons(maybes, no_recent_visit(last, now, days), overdue or 0, days)

    def _open_stages(self) -> set[str]:
        """The stages whose deals are still open, as the pipeline reads them (below 100 %)."""
        stages = self.playbook.group("funnel_stages")
        return {e.key for e in stages if (e.probability or 0) < 100}

    # The whole deal ------------------------------------------------------------------------

    def summary(self, opportunity_id: int) -> DealSummary:
        with self.db.read() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            values = (opp.stage, opp.probability_override, opp.deal_amount, opp.deal_currency)
            expected_close = opp.expected_close
        stage, override, amount, currency = values
        answers = self.decision_points(opportunity_id)
        return DealSummary(
            opportunity_id,
            stage,
            win_probability(self.playbook, stage, override),
            amount,
            currency,
            deal_weighted_value(self.playbook, amount, stage, override),
            expected_close,
            progress(self.playbook, stage, self.done_tasks(opportunity_id)),
            answers,
            stalls(self.playbook, answers),
        )

    def pipeline(self, today: date | None = None) -> list[PipelineRow]:
        """Every deal with its value, weighted value, stage progress and stall flags, by account
        then deal; a handful of queries however many deals there are."""
        today = today or date.today()
        now = datetime.combine(today, datetime.max.time())  # as the pipeline screen reads it
        with self.db.read() as s:
            deals = s.execute(
                select(
                    Opportunity.id,
                    Opportunity.uid,
                    Opportunity.name,
                    Opportunity.account_id,
                    Account.name,
                    Opportunity.stage,
                    Opportunity.probability_override,
                    Opportunity.deal_amount,
                    Opportunity.deal_currency,
                    Opportunity.expected_close,
                )
                .join(Account, Account.id == Opportunity.account_id)
                .order_by(Account.name, Opportunity.id)
            ).all()
            ticked: dict[int, set[str]] = {}
            for opp_id, task in s.execute(
                select(StageTaskCheck.opportunity_id, StageTaskCheck.task)
            ):
                ticked.setdefault(opp_id, set()).add(task)
            answers: dict[int, dict[str, Answer]] = {}
            for opp_id, phase, answer, note in s.execute(
                select(
                    DecisionPoint.opportunity_id,
                    DecisionPoint.phase,
                    DecisionPoint.answer,
                    DecisionPoint.note,
                )
            ):
                answers.setdefault(opp_id, {})[phase] = Answer(answer, note)
            overdue: dict[int, int] = dict(
                s.execute(
                    select(Visit.opportunity_id, func.count())
                    .select_from(NextStep)
                    .join(Visit, Visit.id == NextStep.visit_id)
                    .where(text("next_steps.done = 0"), NextStep.due_date < today)
                    .group_by(Visit.opportunity_id)
                ).all()
            )
            days = read_stall_days(s)
            last_visits: dict[int, datetime | None] = {
                opp_id: last
                for opp_id, last in s.execute(
                    select(Visit.opportunity_id, func.max(Visit.starts_at))
                    .where(Visit.starts_at <= now, Visit.status != "cancelled")
                    .group_by(Visit.opportunity_id)
                )
            }
            referrals = {
                opp_id: (asked, received)
                for opp_id, asked, received in s.execute(
                    select(
                        Referral.opportunity_id, func.count(), func.count(Referral.account_uid)
                    ).group_by(Referral.opportunity_id)
                )
            }
        out = []
        open_stages = self._open_stages()  # a closed deal is not stalled, as in the pipeline
        for row in deals:
            opp_id, uid, name, account_id, account, stage, override, amount, currency, close = row
            state = progress(self.playbook, stage, ticked.get(opp_id, ()))
            maybes = stalls(self.playbook, answers.get(opp_id, {}))
            reasons = (
                stall_reasons(
                    [m.phase for m in maybes],
                    no_recent_visit(last_visits.get(opp_id), now, days),
                    overdue.get(opp_id, 0),
                    days,
                )
                if stage in open_stages
                else []
            )
            out.append(
                PipelineRow(
                    opp_id,
                    uid,
                    name,
                    account_id,
                    account,
                    stage,
                    win_probability(self.playbook, stage, override),
                    amount,
                    currency,
                    deal_weighted_value(self.playbook, amount, stage, override),
                    close,
                    state.done_count,
                    len(state.tasks),
                    state.exit_met,
                    state.proposed,
                    maybes,
                    overdue.get(opp_id, 0),
                    *referrals.get(opp_id, (0, 0)),
                    tuple(reasons),
                )
            )
        return out


def pipeline_json(row: PipelineRow, lang: str = "en") -> dict[str, Any]:
    """A pipeline row as the command line prints it."""
    return {
        "id": row.id,
        "uid": row.uid,
        "name": row.name,
        "account_id": row.account_id,
        "account": row.account,
        "stage": row.stage,
        "probability": row.probability,
        "amount": row.amount,
        "currency": row.currency,
        "weighted_value": row.weighted,
        "expected_close": row.expected_close.isoformat() if row.expected_close else None,
        "stage_tasks_done": row.tasks_done,
        "stage_tasks_total": row.tasks_total,
        "exit_criteria_met": row.exit_met,
        "proposed_stage": row.proposed_stage,
        "stalled": row.stalled,
        "stalls": [
            {
                "phase": stall.phase,
                "question": stall.question.get(lang),
                "note": stall.note,
                "next_action": stall.next_action,
                "next_action_label": stall.next_action_label.get(lang)
                if stall.next_action_label
                else None,
            }
            for stall in row.stalls
        ],
        "overdue_next_steps": row.overdue_steps,
        "stall_reasons": [
            {**reason.as_json(), "text": reason.text(lang)} for reason in row.stall_reasons
        ],
        "referrals_asked": row.referrals_asked,
        "referrals_received": row.referrals_received,
    }
