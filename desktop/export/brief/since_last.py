""" "Since the last visit" on the brief (issue 16, item 9): what the previous visit of the same
deal left open, so the rep walks in knowing it.

The last visit is the latest one of the same opportunity whose call report is done and which
started before this one. From it: the commitment the customer gave, the needs found and the
objections not resolved; from every earlier visit of the deal: next steps not yet done; from
the deal: decision points still answered "maybe". Nothing to say, no section.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .brief_data import Item
from .labels import label


def since_last_visit(services: Any, visit: Any, lang: str) -> tuple[str, list[Item]]:
    """(the last visit's title and date, its items), or ("", []) for a deal's first visit."""
    pb = services.playbook
    floor = visit.starts_at or datetime.max
    earlier = [
        v
        for v in services.visits.for_opportunity(visit.opportunity_id)
        if v.id != visit.id
        and v.status == "done"
        and v.starts_at is not None
        and v.starts_at < floor
    ]
    if not earlier:
        return "", []
    last = services.visits.get(earlier[0].id)  # newest first
    items: list[Item] = []
    if last.report_commitment or last.report_commitment_notes.strip():
        outcome = pb.label("commitment_outcomes", last.report_commitment, lang)
        notes = last.report_commitment_notes.strip()
        items.append(
            Item(label("since_commitment", lang), " — ".join(p for p in (outcome, notes) if p))
        )
    steps = []
    for v in earlier:
        full = last if v.id == last.id else services.visits.get(v.id)
        for step in full.next_steps:
            if not step.done:
                due = f" ({step.due_date.isoformat()})" if step.due_date else ""
                owner = f" · {step.owner}" if step.owner else ""
                steps.append(f"{step.description}{owner}{due}")
    if steps:
        items.append(Item(label("since_steps", lang), "; ".join(steps)))
    open_objections = [o.text for o in last.objections if o.resolved is not True]
    if open_objections:
        items.append(Item(label("since_objections", lang), "; ".join(open_objections)))
    if last.needs:
        needs = [
            f"{n.description} ({pb.label('need_clarity', n.clarity, lang)})" for n in last.needs
        ]
        items.append(Item(label("since_needs", lang), "; ".join(needs)))
    maybes = [
        f"{stall.phase_label.get(lang)}: {stall.question.get(lang)}"
        + (f" ({stall.note})" if stall.note else "")
        for stall in services.deals.stalls(visit.opportunity_id)
    ]
    if maybes:
        items.append(Item(label("since_maybe", lang), "; ".join(maybes)))
    when = last.starts_at.date().isoformat() if last.starts_at else ""
    return " · ".join(p for p in (last.title, when) if p), items
