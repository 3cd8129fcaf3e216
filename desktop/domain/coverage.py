"""Decision-circle coverage: the warnings of METHODOLOGY.md §2.

"If any one of the five is unclear or we lack information on them, the deal is in danger." The
rules below read the buying roles of one opportunity and say, in the playbook's words, what is
missing. Inputs are plain values so the rules run without a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .playbook import ROLE_KEYS, Playbook

VETO_ROLES = ("user", "technical_expert")
# Someone not spoken to for this long is not engaged any more.
ENGAGED_WITHIN = timedelta(days=90)


@dataclass(frozen=True)
class CirclePerson:
    contact_id: int
    name: str
    roles: tuple[str, ...]
    attitude: str = "unknown"
    influence: str | None = None
    last_contact: date | None = None


@dataclass(frozen=True)
class Warning:
    code: str  # a key of the playbook's coverage_warnings
    severity: str  # "danger" or "caution"
    params: dict[str, str] = field(default_factory=dict)
    contact_id: int | None = None

    def text(self, playbook: Playbook, lang: str) -> str:
        return playbook.entry("coverage_warnings", self.code).text(lang).format(**self.params)

    def advice(self, playbook: Playbook, lang: str) -> str:
        return playbook.entry("coverage_warnings", self.code).extra_text("advice", lang) or ""


def coverage_warnings(
    people: Iterable[CirclePerson], playbook: Playbook, lang: str = "en", today: date | None = None
) -> list[Warning]:
    """What is missing or risky in this decision circle, most serious first."""
    today = today or date.today()
    people = list(people)
    filled = {role for p in people for role in p.roles}
    out: list[Warning] = []
    if "decision_maker" not in filled:
        out.append(Warning("no_decision_maker", "danger"))
    if "coach" not in filled:
        out.append(Warning("no_coach", "danger"))
    for role in ROLE_KEYS:
        if role not in filled and role not in ("decision_maker", "coach"):
            label = playbook.label("roles", role, lang)
            out.append(Warning("role_unfilled", "caution", {"role": label}))
    role_names = "、" if lang.startswith("zh") else ", "
    for p in people:
        roles = role_names.join(playbook.label("roles", r, lang) for r in p.roles)
        params = {"name": p.name, "role": roles}
        if "decision_maker" in p.roles and p.last_contact is None:
            out.append(Warning("decision_maker_not_met", "danger", params, p.contact_id))
        if p.attitude == "opponent" and p.influence == "high":
            out.append(Warning("influential_opponent", "danger", params, p.contact_id))
        veto = [r for r in p.roles if r in VETO_ROLES]
        if veto and (p.last_contact is None or today - p.last_contact > ENGAGED_WITHIN):
            veto_params = {"name": p.name, "role": playbook.label("roles", veto[0], lang)}
            out.append(Warning("veto_not_engaged", "caution", veto_params, p.contact_id))
        if not p.roles:
            # In the circle (an attitude or a note recorded) but no part ticked yet.
            out.append(Warning("role_unclear", "caution", params, p.contact_id))
        elif p.attitude in ("", "unknown") or not p.influence:
            # A ticked role is clear; what is missing is information about the person.
            out.append(Warning("person_unassessed", "caution", params, p.contact_id))
    out.sort(key=lambda w: w.severity != "danger")
    return out
