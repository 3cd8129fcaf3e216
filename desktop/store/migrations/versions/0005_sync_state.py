"""Team sync state: each shared account's CRDT document and the updates not yet sent.

``sync_documents`` holds a shared account's whole document (one Yrs update) and the permission
the team server granted; ``sync_pending`` the local updates the server has not acknowledged yet.
Both live in the data file, so encryption and backups cover them. Self-contained: it touches no
other table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 08:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_documents",
        sa.Column("account_uid", sa.String(length=32), nullable=False),
        sa.Column("state", sa.LargeBinary(), nullable=False),
        sa.Column("permission", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("account_uid", name=op.f("pk_sync_documents")),
    )
    op.create_table(
        "sync_pending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_uid", sa.String(length=32), nullable=False),
        sa.Column("yupdate", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_pending")),
    )
    op.create_index(
        op.f("ix_sync_pending_account_uid"), "sync_pending", ["account_uid"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_pending_account_uid"), table_name="sync_pending")
    op.drop_table("sync_pending")
    op.drop_table("sync_documents")
