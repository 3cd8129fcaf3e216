"""The brief's deal parts (issue 16, items 3, 4 and 10): the negotiation card, the coaches and
the referrals "1+2".

Read through ``services.negotiation`` into labelled items in the brief's language. The card is
printed from stage C on and only when something is on it; each coach gets one line saying what
to bring or ask (the rep's own note, else the deck's prompt for their rung) and, while trust is
still being built, one of the deck's trust-building methods not yet tried.
"""

from __future__ import annotations

from typing import Any

from .brief_data import Item
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


def referral_items(services: Any, opportunity_id: int, lang: str) -> list[Item]:
    """The referrals of a handed-over deal: each open ask to make, each one received, and the
    slots of "1+2" still free (nothing before the handover, nothing when there is nothing)."""
    slots = services.referrals.slots(opportunity_id)
    out = [Item(label("referral_ask", lang), row.ask_text(), True) for row in slots.open_asks]
    for row in slots.received:
        brought = row.account_name or row.name
        value = row.ask_text() if brought == row.name else f"{row.ask_text()} → {brought}"
        out.append(Item(label("referral_got", lang), value, True))
    if slots.applies and slots.free_slots:
        out.append(Item("1+2", label("referral_free", lang, n=slots.free_slots), True))
    return out


def outside_items(services: Any, opportunity_id: int, lang: str) -> list[Item]:
    """The deal's influencers outside the account (issue 16, item 6): one line each, where
    they sit (their company, or our side), their title and how they influence the deal."""
    out = []
    for row in services.outside_influencers.list(opportunity_id):
        parts = [row.where(label("our_side", lang)), row.title, row.note]
        out.append(Item(row.name, " · ".join(p.strip() for p in parts if p.strip()), True))
    return out
