"""How ready a visit plan is, step by step, with what is missing said in words.

Each step of the visit model (METHODOLOGY.md §1) has a few checks; a step is ready when none
fails. The plan is ready when every step is. The objects passed in only need the attributes
read here, so an ORM row or a plain record both work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .messages import Message
from .playbook import VISIT_STEP_KEYS

MIN_QUESTIONS = 3
STEPS = (*VISIT_STEP_KEYS, "objections")  # the plan's five steps, then its objections page


@dataclass(frozen=True)
class StepReadiness:
    step: str
    done: int  # checks passed
    total: int
    gaps: tuple[Message, ...]

    @property
    def ready(self) -> bool:
        return not self.gaps


@dataclass(frozen=True)
class Readiness:
    steps: tuple[StepReadiness, ...]

    @property
    def ready(self) -> bool:
        return all(s.ready for s in self.steps)

    @property
    def percent(self) -> int:
        total = sum(s.total for s in self.steps)
        return round(100 * sum(s.done for s in self.steps) / total) if total else 100

    def step(self, key: str) -> StepReadiness:
        return next(s for s in self.steps if s.step == key)

    def gaps(self) -> list[tuple[str, Message]]:
        return [(s.step, g) for s in self.steps for g in s.gaps]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _step(key: str, checks: list[tuple[bool, Message]]) -> StepReadiness:
    gaps = tuple(msg for ok, msg in checks if not ok)
    return StepReadiness(key, len(checks) - len(gaps), len(checks), gaps)


def visit_readiness(visit: Any) -> Readiness:
    """Readiness of a visit: reads its fields and its attendees, questions, FABs, objections."""
    attendees = list(visit.attendees)
    questions = list(visit.questions)
    objections = list(visit.objections)
    prepare = _step(
        "prepare",
        [
            (not _blank(visit.objective), Message("gap_objective")),
            (not _blank(visit.best_commitment), Message("gap_best_commitment")),
            (not _blank(visit.min_commitment), Message("gap_min_commitment")),
            (not _blank(visit.research_notes), Message("gap_research")),
            (not _blank(visit.info_needed), Message("gap_info_needed")),
            (
                visit.starts_at is not None and not _blank(visit.place),
                Message("gap_when_where"),
            ),
            (any(a.contact_id for a in attendees), Message("gap_attendees")),
        ],
    )
    has_statement = not _blank(visit.value_statement) or all(
        not _blank(v) for v in (visit.vs_who, visit.vs_what, visit.vs_why)
    )
    opening = _step(
        "open",
        [
            (has_statement, Message("gap_value_statement")),
            (not _blank(visit.reference), Message("gap_reference")),
        ],
    )
    kinds = {(q.framework, q.step) for q in questions}
    consult = _step(
        "consult",
        [
            (
                len(questions) >= MIN_QUESTIONS,
                Message("gap_questions", {"count": MIN_QUESTIONS, "have": len(questions)}),
            ),
            (len(kinds) >= 2, Message("gap_question_mix")),
        ],
    )
    propose_checks = [(not _blank(visit.next_action), Message("gap_next_action"))]
    for fab in visit.fabs:
        text = _short(fab.benefit or fab.feature or "")
        propose_checks.append((fab.need_id is not None, Message("gap_fab_need", {"text": text})))
    propose = _step("propose", propose_checks)
    close = _step("close", [(not _blank(visit.close_plan), Message("gap_close_plan"))])
    objection_checks = [(bool(objections), Message("gap_objections"))]
    for o in objections:
        objection_checks.append(
            (not _blank(o.response), Message("gap_objection_response", {"text": _short(o.text)}))
        )
    return Readiness(
        (prepare, opening, consult, propose, close, _step("objections", objection_checks))
    )
