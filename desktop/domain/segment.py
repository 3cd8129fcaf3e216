"""The customer segment code of METHODOLOGY.md §10: recognition + pain + status + profit tier.

``E1A2`` reads: recognises our expertise (E), much pain (1), signed project (A), profit tier 2.
The code is only meaningful when all four inputs are known; otherwise it is empty.
"""

from __future__ import annotations

RECOGNITION = ("E", "F")
PAIN = ("1", "2")
STATUS = ("A", "B", "C", "D")
PROFIT_TIER = ("1", "2", "3")


def segment_code(
    recognition: str | None, pain: str | None, status: str | None, profit_tier: str | None
) -> str:
    """The four-character code, or "" while any input is missing or not a known value."""
    parts = (recognition, pain, status, profit_tier)
    allowed = (RECOGNITION, PAIN, STATUS, PROFIT_TIER)
    if any(p not in ok for p, ok in zip(parts, allowed, strict=True)):
        return ""
    return "".join(p for p in parts if p)


def profit_tier_for(annual_profit: int | None) -> str | None:
    """The profit tier for an annual profit in the local currency: 1 > 10M, 2 2M–10M, 3 < 2M."""
    if annual_profit is None:
        return None
    if annual_profit > 10_000_000:
        return "1"
    if annual_profit >= 2_000_000:
        return "2"
    return "3"
