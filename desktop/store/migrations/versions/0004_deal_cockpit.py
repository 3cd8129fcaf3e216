"""The deal cockpit: stage tasks ticked, the customer's decision points, the deal's value.

Two new tables hang off an opportunity, each row with its own uid like every row of an
account's tree: ``stage_task_checks`` (a funnel stage's task the rep ticked) and
``decision_points`` (yes / maybe / no with a note for each CVM phase). Opportunities gain the
deal's amount and currency (apart from the customer's budget) and the CVM phase and buying-cycle
position of this deal; next steps gain the day they were ticked off and a partial index of the
open ones by due date, which the across-accounts next-steps list reads.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stage_task_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=8), nullable=False),
        sa.Column("task", sa.String(length=60), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_stage_task_checks_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_task_checks")),
        sa.UniqueConstraint("opportunity_id", "task", name="one_per_task"),
        sa.UniqueConstraint("uid", name=op.f("uq_stage_task_checks_uid")),
    )
    with op.batch_alter_table("stage_task_checks") as batch:
        batch.create_index(
            batch.f("ix_stage_task_checks_opportunity_id"), ["opportunity_id"], unique=False
        )

    op.create_table(
        "decision_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("phase", sa.String(length=40), nullable=False),
        sa.Column("answer", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "answer IN ('yes', 'maybe', 'no')", name=op.f("ck_decision_points_answer_kind")
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_decision_points_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_points")),
        sa.UniqueConstraint("opportunity_id", "phase", name="one_per_phase"),
        sa.UniqueConstraint("uid", name=op.f("uq_decision_points_uid")),
    )
    with op.batch_alter_table("decision_points") as batch:
        batch.create_index(
            batch.f("ix_decision_points_opportunity_id"), ["opportunity_id"], unique=False
        )

    # Adding nullable columns (or one with a default) needs no table rebuild in SQLite.
    op.add_column("opportunities", sa.Column("deal_amount", sa.Integer(), nullable=True))
    op.add_column(
        "opportunities",
        sa.Column("deal_currency", sa.String(length=3), nullable=False, server_default="CNY"),
    )
    op.add_column("opportunities", sa.Column("cvm_phase", sa.String(length=40), nullable=True))
    op.add_column(
        "opportunities", sa.Column("buying_cycle_stage", sa.String(length=40), nullable=True)
    )
    op.add_column("next_steps", sa.Column("done_on", sa.Date(), nullable=True))
    # Only the open steps: the week's list reads them in due order without touching done ones.
    op.create_index(
        "ix_next_steps_open_due",
        "next_steps",
        ["due_date"],
        unique=False,
        sqlite_where=sa.text("done = 0"),
    )


def downgrade() -> None:
    op.drop_index("ix_next_steps_open_due", table_name="next_steps")
    with op.batch_alter_table("next_steps", recreate="always") as batch:
        batch.drop_column("done_on")
    with op.batch_alter_table("opportunities", recreate="always") as batch:
        for column in ("buying_cycle_stage", "cvm_phase", "deal_currency", "deal_amount"):
            batch.drop_column(column)
    op.drop_table("decision_points")
    op.drop_table("stage_task_checks")
