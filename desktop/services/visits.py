"""Use cases for visit plans: plan, fill each step, keep the lists in order, report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.readiness import Readiness, visit_readiness
from desktop.domain.stage_tasks import progress
from desktop.domain.validation import ValidationError
from desktop.store.models import (
    Attendee,
    Contact,
    FabStatement,
    Need,
    NextStep,
    Objection,
    Opportunity,
    PlannedQuestion,
    StageTaskCheck,
    Visit,
    utcnow,
)

from . import fields
from .base import ENTITY_LABELS, Service
from .events import ChangeKind
from .visit_calendar import UpcomingVisits

# The ordered lists that hang off a visit: model and field specs for each.
ITEMS: dict[str, tuple[type[Any], dict[str, fields.Spec]]] = {
    "attendee": (Attendee, fields.ATTENDEE),
    "question": (PlannedQuestion, fields.QUESTION),
    "need": (Need, fields.NEED),
    "fab": (FabStatement, fields.FAB),
    "objection": (Objection, fields.OBJECTION),
    "next_step": (NextStep, fields.NEXT_STEP),
}
FRAMEWORK_GROUPS = {"eric": "eric_steps", "spin": "spin_types", "type": "question_types"}


@dataclass
class CallReport:
    """What the rep records after the visit, saved in one go."""

    outcome: str
    commitment: str | None = None  # playbook commitment_outcomes key
    commitment_notes: str = ""
    answers: dict[int, str] = field(default_factory=dict)  # question id -> answer
    asked: set[int] = field(default_factory=set)  # question ids that were asked
    resolved_objections: dict[int, bool] = field(default_factory=dict)
    next_steps: list[dict[str, Any]] = field(default_factory=list)
    new_needs: list[dict[str, Any]] = field(default_factory=list)  # needs found in the meeting
    stage_after: str | None = None  # the stage the rep confirmed; None keeps it
    # Open steps of this deal's earlier visits: ticked off, or carried onto this visit.
    closed_steps: set[int] = field(default_factory=set)
    carried_steps: set[int] = field(default_factory=set)


class VisitService(UpcomingVisits, Service):
    def plan(self, opportunity_id: int, **values: Any) -> Visit:
        values.setdefault("status", "draft")
        clean = fields.clean(Visit, fields.VISIT, values, self.playbook, creating=True)
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            visit = Visit(opportunity_id=opportunity_id)
            self.apply(visit, clean)
            s.add(visit)
            s.flush()
        self.announce(ChangeKind.VISIT, visit.id, account_id=opp.account_id)
        return visit

    def update(self, visit_id: int, **changes: Any) -> Visit:
        clean = fields.clean(Visit, fields.VISIT, changes, self.playbook)
        with self.db.write() as s:
            visit = self.fetch(s, Visit, visit_id, "visit")
            self.apply(visit, clean)
        self.announce(ChangeKind.VISIT, visit_id)
        return visit

    def delete(self, visit_id: int) -> None:
        with self.db.write() as s:
            s.delete(self.fetch(s, Visit, visit_id, "visit"))
        self.announce(ChangeKind.VISIT, visit_id, deleted=True)

    def get(self, visit_id: int) -> Visit:
        """The visit with every list, its opportunity and account loaded."""
        with self.db.read() as s:
            visit = s.scalar(
                select(Visit)
                .where(Visit.id == visit_id)
                .options(
                    selectinload(Visit.attendees),
                    selectinload(Visit.questions),
                    selectinload(Visit.needs),
                    selectinload(Visit.fabs),
                    selectinload(Visit.objections),
                    selectinload(Visit.next_steps),
                    selectinload(Visit.opportunity).selectinload(Opportunity.account),
                )
            )
            if visit is None:
                raise ValidationError.single("id", "not_found", label=ENTITY_LABELS["visit"])
            return visit

    def for_opportunity(self, opportunity_id: int) -> list[Visit]:
        with self.db.read() as s:
            query = select(Visit).where(Visit.opportunity_id == opportunity_id)
            return list(s.scalars(query.order_by(Visit.starts_at.desc(), Visit.id.desc())))

    def readiness(self, visit_id: int) -> Readiness:
        return visit_readiness(self.get(visit_id))

    # The lists of a visit -------------------------------------------------------------------

    def add_item(self, visit_id: int, kind: str, **values: Any) -> Any:
        model, specs = ITEMS[kind]
        clean = fields.clean(model, specs, values, self.playbook, creating=True)
        with self.db.write() as s:
            visit = self.fetch(s, Visit, visit_id, "visit")
            self._check_item(s, visit, kind, clean, None)
            if "position" not in clean:
                clean["position"] = self._count(s, model, visit_id)
            item = model(visit_id=visit_id)
            self.apply(item, clean)
            s.add(item)
            s.flush()
        self.announce(ChangeKind.VISIT, visit_id)
        return item

    def update_item(self, kind: str, item_id: int, **changes: Any) -> Any:
        model, specs = ITEMS[kind]
        clean = fields.clean(model, specs, changes, self.playbook)
        with self.db.write() as s:
            item = self.fetch(s, model, item_id, "item")
            visit = self.fetch(s, Visit, item.visit_id, "visit")
            self._check_item(s, visit, kind, clean, item)
            self.apply(item, clean)
        self.announce(ChangeKind.VISIT, item.visit_id)
        return item

    def delete_item(self, kind: str, item_id: int) -> None:
        model, _ = ITEMS[kind]
        with self.db.write() as s:
            item = self.fetch(s, model, item_id, "item")
            visit_id = item.visit_id
            s.delete(item)
            s.flush()
            self._renumber(s, model, visit_id)
        self.announce(ChangeKind.VISIT, visit_id)

    def move_item(self, kind: str, item_id: int, new_index: int) -> None:
        """Move an item to ``new_index`` in its list (questions in asking order, say)."""
        model, _ = ITEMS[kind]
        with self.db.write() as s:
            item = self.fetch(s, model, item_id, "item")
            rows = self._in_order(s, model, item.visit_id)
            rows.remove(item)
            rows.insert(max(0, min(new_index, len(rows))), item)
            for index, row in enumerate(rows):
                row.position = index
        self.announce(ChangeKind.VISIT, item.visit_id)

    @staticmethod
    def _in_order(s: Session, model: type[Any], visit_id: int) -> list[Any]:
        """A visit's list of one kind, by position."""
        return list(
            s.scalars(select(model).where(model.visit_id == visit_id).order_by(model.position))
        )

    @staticmethod
    def _count(s: Session, model: type[Any], visit_id: int) -> int:
        """How long a visit's list of one kind is: the position of an item added at its end."""
        query = select(func.count()).select_from(model).where(model.visit_id == visit_id)
        return s.scalar(query) or 0

    @classmethod
    def _renumber(cls, s: Session, model: type[Any], visit_id: int) -> None:
        for index, row in enumerate(cls._in_order(s, model, visit_id)):
            row.position = index

    def _check_item(
        self, s: Session, visit: Visit, kind: str, clean: dict[str, Any], item: Any
    ) -> None:
        """Rules that need the database: people of this account, known framework steps."""
        opp = s.get(Opportunity, visit.opportunity_id)
        assert opp is not None
        for key in ("contact_id", "target_contact_id"):
            contact_id = clean.get(key)
            if contact_id is not None:
                contact = s.get(Contact, contact_id)
                if contact is None or contact.account_id != opp.account_id:
                    raise ValidationError.single(key, "contact_not_in_account")
        if kind == "attendee" and clean.get("contact_id") is not None:
            clash = s.scalar(
                select(Attendee).where(
                    Attendee.visit_id == visit.id, Attendee.contact_id == clean["contact_id"]
                )
            )
            if clash is not None and clash is not item:
                name = s.get(Contact, clean["contact_id"]).name  # type: ignore[union-attr]  # the clash row has it
                raise ValidationError.single("contact_id", "duplicate_attendee", name=name)
        if kind == "attendee" and item is None and not clean.get("contact_id"):
            if not clean.get("name", "").strip():
                raise ValidationError.single(
                    "name", "required", label=fields.ATTENDEE["name"].label
                )
        if kind == "question":
            framework = clean.get("framework", item.framework if item else "eric")
            step = clean.get("step", item.step if item else None)
            group = FRAMEWORK_GROUPS.get(framework)
            if group is None:
                raise ValidationError.single(
                    "framework",
                    "not_choice",
                    label=fields.QUESTION["framework"].label,
                    value=framework,
                )
            if step is None:
                step = self.playbook.keys(group)[0]
                clean["step"] = step
            if step not in self.playbook.keys(group):
                raise ValidationError.single(
                    "step", "not_choice", label=fields.QUESTION["step"].label, value=step
                )
        if kind == "fab" and clean.get("need_id") is not None:
            need = s.get(Need, clean["need_id"])
            if need is None or need.visit_id != visit.id:
                raise ValidationError.single("need_id", "not_found", label="need")
            # The decks: a benefit only counts against a need the customer has stated; an
            # implicit need is first developed (implication, need-payoff) until it is explicit.
            if need.clarity != "explicit":
                raise ValidationError.single(
                    "need_id", "fab_need_implicit", need=_short(need.description)
                )
        if kind == "need" and item is not None and clean.get("clarity", "explicit") != "explicit":
            query = select(func.count()).select_from(FabStatement)
            linked = s.scalar(query.where(FabStatement.need_id == item.id))
            if linked:
                raise ValidationError.single(
                    "clarity", "need_has_benefits", need=_short(item.description), count=linked
                )

    # After the visit ------------------------------------------------------------------------

    def proposed_stage(self, visit_id: int) -> str:
        """The funnel stage to offer the rep after this visit: the next one once the current
        stage's exit criteria (its tasks, desktop/domain/stage_tasks.py) are all met. A won
        best commitment no longer moves the deal on by itself; the decks do not teach it."""
        with self.db.read() as s:
            visit = self.fetch(s, Visit, visit_id, "visit")
            opp = self.fetch(s, Opportunity, visit.opportunity_id, "opportunity")
            done = s.scalars(
                select(StageTaskCheck.task).where(StageTaskCheck.opportunity_id == opp.id)
            )
            current = progress(self.playbook, opp.stage, set(done))
        return current.proposed or current.stage

    def complete_report(self, visit_id: int, report: CallReport) -> Visit:
        """Save the call report, answers, next steps and the confirmed stage: one action."""
        changes = {
            "report_outcome": report.outcome,
            "report_commitment": report.commitment,
            "report_commitment_notes": report.commitment_notes,
        }
        clean = fields.clean(Visit, fields.VISIT, changes, self.playbook)
        steps = [
            fields.clean(NextStep, fields.NEXT_STEP, step, self.playbook, creating=True)
            for step in report.next_steps
        ]
        needs = [
            fields.clean(Need, fields.NEED, need, self.playbook, creating=True)
            for need in report.new_needs
        ]
        if report.stage_after is not None and report.stage_after not in self.playbook.keys(
            "funnel_stages"
        ):
            raise ValidationError.single("stage", "stage_unknown", value=report.stage_after)
        with self.db.write() as s:
            visit = self.fetch(s, Visit, visit_id, "visit")
            opp = self.fetch(s, Opportunity, visit.opportunity_id, "opportunity")
            self.apply(visit, clean)
            visit.status = "done"
            visit.report_completed_at = utcnow()
            visit.report_stage_before = opp.stage
            visit.report_stage_after = report.stage_after or opp.stage
            if report.stage_after:
                opp.stage = report.stage_after
            for question in s.scalars(
                select(PlannedQuestion).where(PlannedQuestion.visit_id == visit_id)
            ):
                if question.id in report.answers:
                    question.answer = report.answers[question.id]
                if question.id in report.asked or question.answer.strip():
                    question.asked = True
            for objection in s.scalars(select(Objection).where(Objection.visit_id == visit_id)):
                if objection.id in report.resolved_objections:
                    objection.resolved = report.resolved_objections[objection.id]
            for index, step in enumerate(steps, start=self._count(s, NextStep, visit_id)):
                s.add(NextStep(visit_id=visit_id, position=index, **step))
            self._settle_earlier_steps(s, visit, report)
            self._stamp_last_contact(s, visit)
            for index, need in enumerate(needs, start=self._count(s, Need, visit_id)):
                contact_id = need.get("contact_id")
                if contact_id is not None:
                    contact = s.get(Contact, contact_id)
                    if contact is None or contact.account_id != opp.account_id:
                        raise ValidationError.single("contact_id", "contact_not_in_account")
                s.add(Need(visit_id=visit_id, **{"position": index, **need}))
        self.announce(ChangeKind.VISIT, visit_id, account_id=opp.account_id)
        self.announce(ChangeKind.OPPORTUNITY, opp.id, account_id=opp.account_id)
        return self.get(visit_id)

    def _settle_earlier_steps(self, s: Session, visit: Visit, report: CallReport) -> None:
        """Tick off or carry onto this visit the open steps of the deal's earlier visits."""
        chosen = report.closed_steps | report.carried_steps
        if not chosen:
            return
        earlier = s.scalars(
            select(NextStep)
            .join(Visit, Visit.id == NextStep.visit_id)
            .where(NextStep.id.in_(chosen), Visit.opportunity_id == visit.opportunity_id)
        ).all()
        if len(earlier) != len(chosen):
            raise ValidationError.single("next_step", "not_found", label=ENTITY_LABELS["item"])
        position = self._count(s, NextStep, visit.id)
        today = date.today()
        for step in earlier:
            if step.id in report.closed_steps:
                step.done, step.done_on = True, today
            elif step.visit_id != visit.id:
                step.visit_id, step.position = visit.id, position
                position += 1

    @staticmethod
    def _stamp_last_contact(s: Session, visit: Visit) -> None:
        """Every customer attendee was last in touch on the visit's day (or later)."""
        if visit.starts_at is None:
            return
        day = visit.starts_at.date()
        contacts = s.scalars(
            select(Contact)
            .join(Attendee, Attendee.contact_id == Contact.id)
            .where(Attendee.visit_id == visit.id)
        )
        for contact in contacts:
            if contact.last_contact is None or contact.last_contact < day:
                contact.last_contact = day


def _short(text: str, limit: int = 40) -> str:
    """A need's description cut to fit in one line of a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
