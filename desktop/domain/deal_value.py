"""A deal's value: the amount we expect to sell, apart from the customer's budget, and the
weighted value, the amount times the win probability (the stage's, from the playbook, unless the
rep set their own figure).

Pure standard library: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from .funnel import win_probability
from .playbook import Playbook


def weighted_value(amount: int | None, probability: int) -> int | None:
    """``amount`` × ``probability`` %, rounded half up to a whole unit; None without an amount."""
    if amount is None:
        return None
    return (amount * probability + 50) // 100


def deal_weighted_value(
    playbook: Playbook, amount: int | None, stage: str, override: int | None
) -> int | None:
    """The weighted value of a deal at ``stage``."""
    return weighted_value(amount, win_probability(playbook, stage, override))
