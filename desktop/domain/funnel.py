"""The opportunity funnel (METHODOLOGY.md §9): probabilities and proposed stage changes."""

from __future__ import annotations

from .playbook import Playbook


def win_probability(playbook: Playbook, stage: str, override: int | None) -> int:
    """The rep's own figure if they set one, else the playbook's for the stage."""
    if override is not None:
        return override
    entry = playbook.get("funnel_stages", stage)
    return (entry.probability or 0) if entry else 0


def proposed_stage(playbook: Playbook, stage: str, commitment: str | None) -> str:
    """The stage to propose after a visit: one step on when the best commitment was won.

    Winning only the minimum keeps the stage (the sale moved, but not a whole stage); falling
    below it keeps it too, and the rep decides whether to step back. The rep always confirms.
    """
    keys = list(playbook.keys("funnel_stages"))
    if commitment == "best" and stage in keys and keys.index(stage) < len(keys) - 1:
        return keys[keys.index(stage) + 1]
    return stage
