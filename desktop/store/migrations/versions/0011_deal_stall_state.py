"""Each deal's stall facts stored on the deal, kept current by SQLite triggers (issue 16).

The pipeline asks, of every open deal, whether a decision point is answered "maybe", when the
last visit took place and whether a next step is overdue. Answering that from the child tables
costs three probes per deal (about 0.8 s at L, 100k deals). Three columns on ``opportunities``
hold the facts instead:

- ``maybe_phase``: the first CVM phase answered "maybe" (NULL when none is);
- ``last_visit_at``: the latest start of a visit that is not cancelled (NULL when none);
- ``open_step_due``: the earliest due date of an open next step (NULL when none).

Triggers on ``decision_points``, ``visits`` and ``next_steps`` recompute them for the deals a
write touches, so every path that writes (the services, team sync, a bundle, a bulk load or a
hand-made SQL statement) keeps them right; they are derived, never synced or exported.
Covering indexes let the pipeline read the deals, and probe their visits, without touching the
tables (the visits' index on the deal alone becomes the prefix of one of them).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 01:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

PIPELINE_COLUMNS = [
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

# The three facts of the deals whose ids ``{ids}`` selects (a correlated sub-select each).
_MAYBE = """UPDATE opportunities SET maybe_phase = (
    SELECT MIN(d.phase) FROM decision_points d
     WHERE d.opportunity_id = opportunities.id AND d.answer = 'maybe')
 WHERE id IN ({ids});"""
_LAST_VISIT = """UPDATE opportunities SET last_visit_at = (
    SELECT MAX(v.starts_at) FROM visits v
     WHERE v.opportunity_id = opportunities.id AND v.status <> 'cancelled')
 WHERE id IN ({ids});"""
_OPEN_STEP = """UPDATE opportunities SET open_step_due = (
    SELECT MIN(n.due_date) FROM next_steps n JOIN visits v ON v.id = n.visit_id
     WHERE v.opportunity_id = opportunities.id AND n.done = 0)
 WHERE id IN ({ids});"""

_DEALS_OF_STEP = "SELECT opportunity_id FROM visits WHERE id IN ({visits})"

TRIGGERS = {
    "stall_decision_point_added": (
        "AFTER INSERT ON decision_points",
        _MAYBE.format(ids="NEW.opportunity_id"),
    ),
    "stall_decision_point_changed": (
        "AFTER UPDATE OF opportunity_id, phase, answer ON decision_points",
        _MAYBE.format(ids="NEW.opportunity_id, OLD.opportunity_id"),
    ),
    "stall_decision_point_removed": (
        "AFTER DELETE ON decision_points",
        _MAYBE.format(ids="OLD.opportunity_id"),
    ),
    "stall_visit_added": (
        "AFTER INSERT ON visits",
        _LAST_VISIT.format(ids="NEW.opportunity_id"),
    ),
    "stall_visit_changed": (
        "AFTER UPDATE OF opportunity_id, starts_at, status ON visits",
        _LAST_VISIT.format(ids="NEW.opportunity_id, OLD.opportunity_id")
        + _OPEN_STEP.format(ids="NEW.opportunity_id, OLD.opportunity_id"),
    ),
    "stall_visit_removed": (
        "AFTER DELETE ON visits",
        _LAST_VISIT.format(ids="OLD.opportunity_id") + _OPEN_STEP.format(ids="OLD.opportunity_id"),
    ),
    "stall_next_step_added": (
        "AFTER INSERT ON next_steps",
        _OPEN_STEP.format(ids=_DEALS_OF_STEP.format(visits="NEW.visit_id")),
    ),
    "stall_next_step_changed": (
        "AFTER UPDATE OF visit_id, due_date, done ON next_steps",
        _OPEN_STEP.format(ids=_DEALS_OF_STEP.format(visits="NEW.visit_id, OLD.visit_id")),
    ),
    "stall_next_step_removed": (
        "AFTER DELETE ON next_steps",
        _OPEN_STEP.format(ids=_DEALS_OF_STEP.format(visits="OLD.visit_id")),
    ),
}


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: the table is not copied (a copy would take the triggers of
    # other migrations with it). A later migration that rebuilds one of these four tables in
    # batch mode must create the triggers again (tests/store/test_stall_migration.py checks).
    op.add_column("opportunities", sa.Column("maybe_phase", sa.String(length=40), nullable=True))
    op.add_column("opportunities", sa.Column("last_visit_at", sa.DateTime(), nullable=True))
    op.add_column("opportunities", sa.Column("open_step_due", sa.Date(), nullable=True))
    every = "SELECT id FROM opportunities"
    for statement in (_MAYBE, _LAST_VISIT, _OPEN_STEP):
        op.execute(statement.format(ids=every))
    op.create_index("ix_opportunities_pipeline", "opportunities", PIPELINE_COLUMNS, unique=False)
    op.create_index(
        "ix_opportunities_cycle",
        "opportunities",
        ["buying_cycle_stage", "account_id", "stage"],
        unique=False,
    )
    # The deal's visits with start and status: the old index on the deal alone is its prefix.
    op.create_index(
        "ix_visits_held", "visits", ["opportunity_id", "starts_at", "status"], unique=False
    )
    op.drop_index("ix_visits_opportunity_id", table_name="visits")
    for name, (when, body) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {body} END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.create_index("ix_visits_opportunity_id", "visits", ["opportunity_id"], unique=False)
    op.drop_index("ix_visits_held", table_name="visits")
    op.drop_index("ix_opportunities_cycle", table_name="opportunities")
    op.drop_index("ix_opportunities_pipeline", table_name="opportunities")
    with op.batch_alter_table("opportunities") as batch:
        batch.drop_column("open_step_due")
        batch.drop_column("last_visit_at")
        batch.drop_column("maybe_phase")
