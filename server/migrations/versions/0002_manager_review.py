"""Manager review: comments on a visit plan's steps and the plan's "reviewed" mark.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-05 15:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_comments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_uid", sa.String(64), nullable=False),
        sa.Column("visit_uid", sa.String(64), nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "author_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_review_comments_account", "review_comments", ["account_uid", "visit_uid"])
    op.create_table(
        "review_marks",
        sa.Column("account_uid", sa.String(64), primary_key=True),
        sa.Column("visit_uid", sa.String(64), primary_key=True),
        sa.Column(
            "reviewer_id",
            sa.Integer(),
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("review_marks")
    op.drop_index("ix_review_comments_account", table_name="review_comments")
    op.drop_table("review_comments")
