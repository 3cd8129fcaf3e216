"""Referrals "1+2" and influencers outside the account (issue 16, items 10 and 6).

A new table ``referrals``: the referrals asked of a handed-over customer, each with the name
and note of whom they would introduce and, once received, the uid of the new account they
brought. A new table ``outside_influencers``: a deal's influencers who are not the account's
people, a person of another company or a colleague on our own side. Both rows have their own
uid like every row of an account's tree. Self-contained: it only adds.

Revision ID: 0009
Revises: 0007 (the integrator chains it after 0008)
Create Date: 2026-12-05 15:30:00
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _common(table: str) -> list[Any]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f(f"fk_{table}_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("uid", name=op.f(f"uq_{table}_uid")),
    ]


def upgrade() -> None:
    op.create_table(
        "referrals",
        *_common("referrals"),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("account_uid", sa.String(length=32), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "outside_influencers",
        *_common("outside_influencers"),
        sa.Column("side", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("contact_uid", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "side IN ('other', 'ours')", name=op.f("ck_outside_influencers_side_kind")
        ),
    )
    for table in ("referrals", "outside_influencers"):
        with op.batch_alter_table(table) as batch:
            batch.create_index(batch.f(f"ix_{table}_opportunity_id"), ["opportunity_id"])


def downgrade() -> None:
    op.drop_table("outside_influencers")
    op.drop_table("referrals")
