"""The opportunity funnel (METHODOLOGY.md §9): win probabilities.

The next stage is proposed from the stage's exit criteria (``stage_tasks.py``), no longer from a
visit's won best commitment.
"""

from __future__ import annotations

from .playbook import Playbook


def win_probability(playbook: Playbook, stage: str, override: int | None) -> int:
    """The rep's own figure if they set one, else the playbook's for the stage."""
    if override is not None:
        return override
    entry = playbook.get("funnel_stages", stage)
    return (entry.probability or 0) if entry else 0
