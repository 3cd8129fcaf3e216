"""The visit before the latest, stored on the deal, and an index of deals by amount (issue 16).

Revision 0011 stores each deal's latest visit; when that visit is still to come (planned
ahead), the pipeline had to look up the deal's visits to learn whether one was held in the
last N days: at L (100k deals, one in five with a visit ahead) that lookup was most of the
pipeline's time. ``prior_visit_at``, the start of the latest visit before the latest one
(cancelled ones left out), answers it for every deal with at most one visit ahead; only a deal
with two visits still to come is looked up.

The visit triggers of 0011 are replaced by ones that keep both facts. The pipeline index gains
the new column and loses ``buying_cycle_stage`` (the cycle has an index of its own);
``ix_opportunities_by_amount`` lets the stalled list read the largest deals of each stage
first (backwards) and stop after the few it shows, instead of judging and sorting every open deal.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06 05:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

OLD_PIPELINE_COLUMNS = [
    "stage",
    "expected_close",
    "buying_cycle_stage",
    "maybe_phase",
    "open_step_due",
    "last_visit_at",
    "deal_amount",
    "probability_override",
    "account_id",
    "deal_currency",
]
PIPELINE_COLUMNS = [
    "stage",
    "expected_close",
    "maybe_phase",
    "open_step_due",
    "last_visit_at",
    "prior_visit_at",
    "deal_amount",
    "probability_override",
    "account_id",
    "deal_currency",
]
BY_AMOUNT_COLUMNS = [
    "stage",
    "deal_amount",
    "id",
    "maybe_phase",
    "open_step_due",
    "last_visit_at",
    "prior_visit_at",
    "probability_override",
    "account_id",
]

_HELD = "v.opportunity_id = opportunities.id AND v.status <> 'cancelled'"
# Both facts of the deals ``{ids}`` selects; SET reads the old row, so the prior visit is
# found below the latest start looked up again, not below the column being written.
_VISITS = f"""UPDATE opportunities SET
    last_visit_at = (SELECT MAX(v.starts_at) FROM visits v WHERE {_HELD}),
    prior_visit_at = (SELECT MAX(v.starts_at) FROM visits v WHERE {_HELD}
        AND v.starts_at < (SELECT MAX(v.starts_at) FROM visits v WHERE {_HELD}))
 WHERE id IN ({{ids}});"""
_OLD_VISITS = f"""UPDATE opportunities SET last_visit_at = (
    SELECT MAX(v.starts_at) FROM visits v WHERE {_HELD})
 WHERE id IN ({{ids}});"""
_OPEN_STEP = """UPDATE opportunities SET open_step_due = (
    SELECT MIN(n.due_date) FROM next_steps n JOIN visits v ON v.id = n.visit_id
     WHERE v.opportunity_id = opportunities.id AND n.done = 0)
 WHERE id IN ({ids});"""


def _visit_triggers(visits: str) -> dict[str, tuple[str, str]]:
    both, old = "NEW.opportunity_id, OLD.opportunity_id", "OLD.opportunity_id"
    return {
        "stall_visit_added": ("AFTER INSERT ON visits", visits.format(ids="NEW.opportunity_id")),
        "stall_visit_changed": (
            "AFTER UPDATE OF opportunity_id, starts_at, status ON visits",
            visits.format(ids=both) + _OPEN_STEP.format(ids=both),
        ),
        "stall_visit_removed": (
            "AFTER DELETE ON visits",
            visits.format(ids=old) + _OPEN_STEP.format(ids=old),
        ),
    }


TRIGGERS = _visit_triggers(_VISITS)


def _replace_triggers(triggers: dict[str, tuple[str, str]]) -> None:
    for name, (when, body) in triggers.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")


def upgrade() -> None:
    op.add_column("opportunities", sa.Column("prior_visit_at", sa.DateTime(), nullable=True))
    op.execute(_VISITS.format(ids="SELECT opportunity_id FROM visits"))
    op.drop_index("ix_opportunities_pipeline", table_name="opportunities")
    op.create_index("ix_opportunities_pipeline", "opportunities", PIPELINE_COLUMNS, unique=False)
    op.create_index("ix_opportunities_by_amount", "opportunities", BY_AMOUNT_COLUMNS, unique=False)
    _replace_triggers(TRIGGERS)


def downgrade() -> None:
    _replace_triggers(_visit_triggers(_OLD_VISITS))
    op.drop_index("ix_opportunities_by_amount", table_name="opportunities")
    op.drop_index("ix_opportunities_pipeline", table_name="opportunities")
    op.create_index(
        "ix_opportunities_pipeline", "opportunities", OLD_PIPELINE_COLUMNS, unique=False
    )
    with op.batch_alter_table("opportunities") as batch:
        batch.drop_column("prior_visit_at")
