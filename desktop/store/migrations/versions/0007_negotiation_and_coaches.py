"""The negotiation card and coach development of a deal (issue 16, items 3 and 4).

Opportunities gain the negotiation card's fields: the phase (playbook ``negotiation_phases``:
导入 / 交锋 / 妥协 / 协议), payment terms, the walk-away line, the competitors' moves and our
countermeasure. A new table ``concessions`` lists what was given and received, one row each with
its own uid like every row of an account's tree. A buying role gains the coach ladder (playbook
``coach_ladder``), how senior the insider is (``coach_seniority``), the trust-building methods
already used, and what to bring or ask next time. Self-contained: it only adds.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 08:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OPPORTUNITY_TEXTS = ("payment_terms", "walk_away", "competitor_moves", "countermeasure")


def upgrade() -> None:
    op.create_table(
        "concessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "direction IN ('given', 'received')", name=op.f("ck_concessions_direction_kind")
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_concessions_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_concessions")),
        sa.UniqueConstraint("uid", name=op.f("uq_concessions_uid")),
    )
    with op.batch_alter_table("concessions") as batch:
        batch.create_index(
            batch.f("ix_concessions_opportunity_id"), ["opportunity_id"], unique=False
        )

    # Nullable columns or ones with a server default need no table rebuild in SQLite.
    op.add_column(
        "opportunities", sa.Column("negotiation_phase", sa.String(length=40), nullable=True)
    )
    for name in OPPORTUNITY_TEXTS:
        op.add_column(
            "opportunities", sa.Column(name, sa.Text(), nullable=False, server_default="")
        )
    op.add_column("buying_roles", sa.Column("coach_rung", sa.String(length=40), nullable=True))
    op.add_column("buying_roles", sa.Column("coach_seniority", sa.String(length=40), nullable=True))
    op.add_column(
        "buying_roles",
        sa.Column("trust_methods", sa.JSON(), nullable=False, server_default="[]"),
    )
    op.add_column(
        "buying_roles", sa.Column("coach_next", sa.Text(), nullable=False, server_default="")
    )


def downgrade() -> None:
    with op.batch_alter_table("buying_roles", recreate="always") as batch:
        for column in ("coach_next", "trust_methods", "coach_seniority", "coach_rung"):
            batch.drop_column(column)
    with op.batch_alter_table("opportunities", recreate="always") as batch:
        for column in (*reversed(OPPORTUNITY_TEXTS), "negotiation_phase"):
            batch.drop_column(column)
    op.drop_table("concessions")
