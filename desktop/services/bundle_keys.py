"""Bundle values that must be keys of the playbook: an objection's nature, a role, a stage…

A bundle carries playbook keys ("genuine", "reframe", "decision_maker", "C"), never labels. A
key the playbook does not know would be stored as it is and printed raw on the brief, so the
importer refuses it, naming the field by its JSON path and listing the keys the playbook allows.

Which fields are keyed, and in which playbook group, is declared once in fields.py (``Spec``
kind "key" / "keys" with its ``group``); the rows the field tables do not cover (a ticked stage
task, a decision point) and the keys inside JSON values (qualification items, checklist steps
and items) are named here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from desktop.domain.limits import unwritable_character
from desktop.domain.playbook import Playbook
from desktop.domain.stage_tasks import all_tasks
from desktop.store.models import (
    Account,
    Attendee,
    BuyingRole,
    Competitor,
    Contact,
    DecisionPoint,
    FabStatement,
    Need,
    NextStep,
    Objection,
    Opportunity,
    PlannedQuestion,
    StageTaskCheck,
    Visit,
)

from . import fields
from .bundle_words import JsonPath, show
from .field_values import Spec

MAX_SHOWN = 40  # allowed keys listed in one message; the rest are counted

# The field declarations of each table in the bundle.
SPECS: Mapping[type, Mapping[str, Spec]] = {
    Account: fields.ACCOUNT,
    Contact: fields.CONTACT,
    Opportunity: fields.OPPORTUNITY,
    BuyingRole: fields.BUYING_ROLE,
    Competitor: fields.COMPETITOR,
    Visit: fields.VISIT,
    Attendee: fields.ATTENDEE,
    PlannedQuestion: fields.QUESTION,
    Need: fields.NEED,
    FabStatement: fields.FAB,
    Objection: fields.OBJECTION,
    NextStep: fields.NEXT_STEP,
    StageTaskCheck: {"stage": fields.T("Stage", "阶段", "key", group="funnel_stages")},
    DecisionPoint: {"phase": fields.T("Phase", "阶段", "key", group="cvm_phases")},
}
TASKS = "funnel_stages.tasks"  # the stage tasks, all stages together


class KeyChecker:
    """Finds the values of one bundle row that are not keys of ``playbook``."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self._allowed: dict[str, tuple[str, ...]] = {}

    def allowed(self, group: str) -> tuple[str, ...]:
        if group not in self._allowed:
            if group == TASKS:
                self._allowed[group] = tuple(all_tasks(self.playbook))
            else:
                self._allowed[group] = self.playbook.keys(group)
        return self._allowed[group]

    def row(
        self, model: type, data: Mapping[str, Any], path: JsonPath, skip: set[JsonPath]
    ) -> Iterator[tuple[JsonPath, str]]:
        """(path, message) for every unknown key in ``data``; paths in ``skip`` (already
        refused by the schema) are left alone."""
        for name, spec in SPECS.get(model, {}).items():
            if spec.group is None or name not in data or path + (name,) in skip:
                continue
            value = data[name]
            if spec.kind == "key" and isinstance(value, str):
                if value or spec.required:  # "" is "not set" where the field may be empty
                    yield from self._one(spec.group, value, path + (name,))
            elif spec.kind == "keys" and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str) and path + (name, i) not in skip:
                        yield from self._one(spec.group, item, path + (name, i))
        if model is StageTaskCheck and isinstance(data.get("task"), str):
            yield from self._one(TASKS, data["task"], path + ("task",))
        if model is Opportunity and isinstance(data.get("qualification"), dict):
            for key in data["qualification"]:
                yield from self._one("qualification_items", key, path + ("qualification", key))
        if model is Visit and isinstance(data.get("checklist"), dict):
            yield from self._checklist(data["checklist"], path + ("checklist",))

    def _checklist(
        self, checklist: dict[str, Any], path: JsonPath
    ) -> Iterator[tuple[JsonPath, str]]:
        """``{visit step: [checklist item, …]}``: the steps, and each step's own items."""
        steps = {e.key: e for e in self.playbook.group("visit_steps")}
        for step, items in checklist.items():
            if step not in steps:
                yield from self._one("visit_steps", step, path + (step,))
                continue
            known = tuple(e.key for e in steps[step].checklist)
            for i, item in enumerate(items if isinstance(items, list) else ()):
                if isinstance(item, str) and item not in known and _writable(item):
                    where = f"the checklist of visit step {show(step)}"
                    yield path + (step, i), _message(item, where, known)

    def _one(self, group: str, value: str, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
        allowed = self.allowed(group)
        if value not in allowed and _writable(value):
            where = "the stage tasks" if group == TASKS else f"the playbook group {group}"
            yield path, _message(value, where, allowed)


def _writable(value: str) -> bool:
    """Text a file cannot hold is refused as such (bundle_checks.py), not again as a key."""
    return unwritable_character(value) is None


def _message(value: str, where: str, allowed: tuple[str, ...]) -> str:
    if not allowed:
        return f"{show(value)} is not a key of {where}, which has no keys"
    listed = ", ".join(show(k) for k in allowed[:MAX_SHOWN])
    if len(allowed) > MAX_SHOWN:
        listed += f" and {len(allowed) - MAX_SHOWN} more"
    return f"{show(value)} is not a key of {where}; allowed keys: {listed}"
