"""The pipeline's SQL: each statement written so that SQLite reads an index in its own order.

Every open deal is judged once per screen, so the cost per deal decides the screen's time at L
(83k open deals). Three rules follow from measuring there:

- the stage's probability is written into the statement of that stage (one SELECT per stage,
  joined by UNION ALL) instead of a ``CASE`` over every stage evaluated for every deal;
- the sums are grouped by stage and expected close, the order of ``ix_opportunities_pipeline``,
  so SQLite adds them up as the index streams by instead of sorting every deal first; months
  and currencies are added up in Python from the few thousand groups;
- the stalled list reads each stage's deals largest first (``ix_opportunities_by_amount``,
  backwards) and stops at the number it shows, instead of judging and sorting every deal.

Keys of the playbook are written into the statements as literals with their quotes doubled;
probabilities are integers. Everything the rep chooses is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Sequence

# A stalled deal: a "maybe", an overdue next step, or no visit held since :since. The deal row
# holds the facts (revisions 0011 and 0012, kept by triggers): the latest visit and the one
# before it, so only a deal with two visits still to come has its visits looked up.
STALL = """(CASE
  WHEN o.maybe_phase IS NOT NULL OR o.open_step_due < :today OR o.last_visit_at IS NULL THEN 1
  WHEN o.last_visit_at <= :now THEN o.last_visit_at < :since
  WHEN o.prior_visit_at IS NULL THEN 1
  WHEN o.prior_visit_at <= :now THEN o.prior_visit_at < :since
  ELSE NOT EXISTS (SELECT 1 FROM visits v WHERE v.opportunity_id = o.id
                      AND v.starts_at >= :since AND v.starts_at <= :now
                      AND v.status <> 'cancelled') END)"""

# The accounts of the chosen pyramid tier, read once (not per deal).
TIER = "(:tier IS NULL OR o.account_id IN (SELECT id FROM accounts WHERE pyramid_tier = :tier))"


def literal(key: str) -> str:
    """A playbook key as an SQL string literal."""
    return "'" + key.replace("'", "''") + "'"


def weighted(probability: int | str) -> str:
    """A deal's weighted value, rounded as the deal card rounds it."""
    return f"(o.deal_amount * COALESCE(o.probability_override, {probability}) + 50) / 100"


def grouped(stages: Sequence[tuple[str, int]], stalled_only: bool) -> str:
    """Per stage and expected close: count, amount, weighted, stalled count, currencies.

    Rows: (stage, expected_close, count, amount, weighted, stalled, min currency, max
    currency). With ``stalled_only`` only stalled deals are summed (and all are stalled)."""
    parts = []
    for key, probability in stages:
        where = f"o.stage = {literal(key)} AND {TIER}"
        stalled = "COUNT(*)" if stalled_only else f"SUM({STALL})"
        if stalled_only:
            where += f" AND {STALL}"
        parts.append(
            f"SELECT {literal(key)}, o.expected_close, COUNT(*),"
            f" COALESCE(SUM(o.deal_amount), 0), COALESCE(SUM({weighted(probability)}), 0),"
            f" {stalled}, MIN(o.deal_currency), MAX(o.deal_currency)"
            f" FROM opportunities o INDEXED BY ix_opportunities_pipeline WHERE {where}"
            " GROUP BY o.expected_close"
        )
    return " UNION ALL ".join(parts) or "SELECT NULL, NULL, 0, 0, 0, 0, NULL, NULL WHERE 0"


def currencies(open_stages: Sequence[str], stalled_only: bool) -> str:
    """Deals per currency (read only when a group mixes currencies)."""
    keys = ", ".join(literal(k) for k in open_stages) or "''"
    only = f" AND {STALL}" if stalled_only else ""
    return (
        f"SELECT o.deal_currency, COUNT(*) FROM opportunities o"
        f" WHERE o.stage IN ({keys}) AND {TIER}{only} GROUP BY 1"
    )


def largest_stalled(stages: Sequence[tuple[str, int]], limit: int) -> str:
    """The ``limit`` largest stalled deals of each stage, plus those whose probability was set
    by hand (their order is not the amount's): rows (id, amount, weighted)."""
    parts = [
        f"SELECT * FROM (SELECT o.id, o.deal_amount, {weighted(probability)}"
        " FROM opportunities o INDEXED BY ix_opportunities_by_amount"
        f" WHERE o.stage = {literal(key)} AND o.probability_override IS NULL AND {TIER}"
        f" AND {STALL} ORDER BY o.deal_amount DESC, o.id DESC LIMIT {int(limit)})"
        for key, probability in stages
    ]
    if stages:
        keys = ", ".join(literal(k) for k, _ in stages)
        by_hand = weighted("NULL")
        parts.append(
            f"SELECT * FROM (SELECT o.id, o.deal_amount, {by_hand} FROM opportunities o"
            f" WHERE o.stage IN ({keys}) AND o.probability_override IS NOT NULL AND {TIER}"
            f" AND {STALL} ORDER BY COALESCE({by_hand}, 0) DESC, o.deal_amount DESC,"
            f" o.id DESC LIMIT {int(limit)})"
        )
    return " UNION ALL ".join(parts) or "SELECT NULL, NULL, NULL WHERE 0"


def stalled_details(ids: Sequence[int]) -> str:
    """Names, first "maybe", last visit held and overdue steps of the chosen deals."""
    chosen = ", ".join(str(int(i)) for i in ids) or "NULL"
    return f"""
SELECT o.id, o.account_id, a.name, o.name, o.stage, o.maybe_phase,
       CASE WHEN o.last_visit_at <= :now THEN o.last_visit_at
            WHEN o.prior_visit_at <= :now THEN o.prior_visit_at
            ELSE (SELECT MAX(v.starts_at) FROM visits v WHERE v.opportunity_id = o.id
                     AND v.starts_at <= :now AND v.status <> 'cancelled') END,
       CASE WHEN o.open_step_due < :today THEN
            (SELECT COUNT(*) FROM next_steps n JOIN visits v ON v.id = n.visit_id
              WHERE v.opportunity_id = o.id AND n.done = 0 AND n.due_date < :today)
            ELSE 0 END
  FROM opportunities o JOIN accounts a ON a.id = o.account_id
 WHERE o.id IN ({chosen})"""


def cycle(open_stages: Sequence[str], stalled_only: bool) -> str:
    """Accounts with an open deal at each buying-cycle position, counted in the order of
    ``ix_opportunities_cycle`` as they stream by (the planner would take the stage index and
    sort instead)."""
    keys = ", ".join(literal(k) for k in open_stages) or "''"
    only = f" AND {STALL}" if stalled_only else ""
    return (
        "SELECT o.buying_cycle_stage, COUNT(DISTINCT o.account_id)"
        " FROM opportunities o INDEXED BY ix_opportunities_cycle"
        f" WHERE o.stage IN ({keys}) AND (:stage IS NULL OR o.stage = :stage) AND {TIER}{only}"
        " GROUP BY 1"
    )


TIERS = (
    "SELECT pyramid_tier, COUNT(*) FROM accounts WHERE (:tier IS NULL OR pyramid_tier = :tier)"
    " GROUP BY pyramid_tier ORDER BY COUNT(*) DESC"
)
SEGMENTS = (
    "SELECT segment_code, COUNT(*) FROM accounts WHERE (:tier IS NULL OR pyramid_tier = :tier)"
    " GROUP BY segment_code ORDER BY COUNT(*) DESC, segment_code"
)
