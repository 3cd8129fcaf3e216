"""Team sync: values that lost a concurrent edit ("changed by someone else").

``sync_lost_values`` keeps, per shared account, a value this laptop wrote that a teammate's
concurrent edit of the same field replaced, or that a merge repair set aside: which row (uid,
kind, a label for the rep), which field, the value (JSON) and how to show it, who won and when.
The rep reviews them and restores one as a normal edit. Self-contained: no other table changes.

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-05 15:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_lost_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_uid", sa.String(length=32), nullable=False),
        sa.Column("row_uid", sa.String(length=32), nullable=False),
        sa.Column("row_kind", sa.String(length=40), nullable=False),
        sa.Column("row_label", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("shown", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=120), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_lost_values")),
    )
    op.create_index(
        op.f("ix_sync_lost_values_account_uid"), "sync_lost_values", ["account_uid"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_lost_values_account_uid"), table_name="sync_lost_values")
    op.drop_table("sync_lost_values")
