"""The manager's review on the brief's first page: who marked the plan reviewed and when, and
each comment beside the step it is about, so the rep walks in with the manager's advice.

The review is what the last sync brought from the team server (``services.reviews``); a plan
nobody reviewed or commented on prints nothing.
"""

from __future__ import annotations

from typing import Any

from .brief_data import Item
from .labels import label


def review_items(
    services: Any, visit_id: int, lang: str, step_labels: dict[str, str]
) -> tuple[str, list[Item]]:
    """(the "reviewed by" line, one item per comment), or ("", []) without a review."""
    review = services.reviews.for_visit(visit_id)
    if not review.reviewed_by and not review.comments:
        return "", []
    if review.reviewed_by:
        day = (review.reviewed_at or "")[:10]
        title = label("reviewed_by", lang, name=review.reviewed_by, date=day)
    else:
        title = label("review_not_marked", lang)
    items = [
        Item(
            label("review_plan", lang) if c.step == "plan" else step_labels.get(c.step, c.step),
            f"{c.text} — {c.by}",
        )
        for c in review.comments
    ]
    return title, items
