"""The customer's decision points along the value phases (CVM, METHODOLOGY.md §10).

For each phase the playbook asks the customer's question (``decision_point``) and names the next
logical action to suggest when the answer is "maybe" (``next_action``). A deal records yes / maybe
/ no with a note per phase; any "maybe" is a stall: the deal is flagged with the suggested action.

Pure standard library: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .playbook import Playbook, Text

ANSWERS: tuple[str, ...] = ("yes", "maybe", "no")
STALL_ANSWER = "maybe"
ANSWER_TEXTS = {
    "yes": Text("Yes", "是"),
    "maybe": Text("Maybe", "也许"),
    "no": Text("No", "否"),
}


@dataclass(frozen=True)
class Answer:
    """What the rep recorded for one decision point."""

    answer: str  # one of ANSWERS
    note: str = ""


@dataclass(frozen=True)
class Stall:
    """A decision point answered "maybe": where the deal is stuck, and what to do next."""

    phase: str
    phase_label: Text
    question: Text
    note: str
    next_action: str | None  # playbook next_actions key
    next_action_label: Text | None

    def text(self, lang: str) -> str:
        """One line for lists and the CLI: the phase, its question and the suggestion."""
        line = f"{self.phase_label.get(lang)}: {self.question.get(lang)}"
        if self.next_action_label is not None:
            arrow = " → "
            line += arrow + self.next_action_label.get(lang)
        return line


def stalls(playbook: Playbook, answers: Mapping[str, Answer]) -> list[Stall]:
    """The "maybe" answers among ``answers`` (phase key → Answer), in phase order."""
    out = []
    for phase in playbook.group("cvm_phases"):
        answer = answers.get(phase.key)
        if answer is None or answer.answer != STALL_ANSWER:
            continue
        action_key = phase.extras.get("next_action")
        action = playbook.get("next_actions", action_key) if isinstance(action_key, str) else None
        question = phase.extras.get("decision_point")
        out.append(
            Stall(
                phase.key,
                phase.label,
                question if isinstance(question, Text) else phase.label,
                answer.note,
                action.key if action else None,
                action.label if action else None,
            )
        )
    return out
