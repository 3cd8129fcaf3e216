"""The brief's deal parts (issue 16, items 3 and 4): the negotiation card and the coaches.

Read through ``services.negotiation`` into labelled items in the brief's language. The card is
printed from stage C on and only when something is on it; each coach gets one line saying what
to bring or ask (the rep's own note, else the deck's prompt for their rung) and, while trust is
still being built, one of the deck's trust-building methods not yet tried.
"""

from __future__ import annotations

from typing import Any

from .content import Item
from .labels import label

# While trust is still being built (the ladder's first two rungs) the brief suggests a method.
TRUST_RUNGS = (None, "identified", "trusted")


def negotiation_items(services: Any, opportunity_id: int, lang: str) -> list[Item]:
    card = services.negotiation.card(opportunity_id)
    if not card.applies or card.empty:
        return []
    pb = services.playbook

    def joined(rows: list[Any]) -> str:
        return "; ".join(" ".join(r.text.split()) for r in rows)

    # Both ways of the concessions share a row: the brief must stay within three sheets.
    concessions = "  ·  ".join(
        label(key, lang, text=text)
        for key, text in (("conceded", joined(card.given())), ("obtained", joined(card.received())))
        if text
    )
    rows = (
        (
            "neg_phase",
            pb.label("negotiation_phases", card.phase, lang) if card.phase else "",
            False,
        ),
        ("payment_terms", card.payment_terms, True),
        ("walk_away", card.walk_away, True),
        ("concessions", concessions, True),
        ("competitor_moves", card.competitor_moves, True),
        ("countermeasure", card.countermeasure, True),
    )
    return [
        Item(label(key, lang), value.strip(), wide) for key, value, wide in rows if value.strip()
    ]


def coach_items(services: Any, opportunity_id: int, lang: str) -> list[Item]:
    pb = services.playbook
    out = []
    for coach in services.negotiation.coaches(opportunity_id):
        head = [coach.name]
        if coach.rung:
            head.append(pb.label("coach_ladder", coach.rung, lang))
        if coach.seniority:
            head.append(pb.label("coach_seniority", coach.seniority, lang))
        value = label("coach_bring", lang, text=coach.reminder(lang))
        untried = [e for e in pb.group("trust_methods") if e.key not in coach.trust_methods]
        if untried and coach.rung in TRUST_RUNGS:
            value += "  " + label("coach_try", lang, method=untried[0].text(lang))
        out.append(Item(" · ".join(head), value, True))
    return out
