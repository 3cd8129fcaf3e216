"""A contact's name prefix and suffix ("Dr.", "Prof.", "Jr.", "PhD"), kept apart from the name.

vCard's N property and Outlook's "Title"/"Suffix" columns carry them; they used to end up in the
name ("Dr. Emily Carter") or be dropped. Two text columns, blank by default: adding them needs
no table rebuild in SQLite.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 08:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_COLUMNS = ("name_prefix", "name_suffix")


def upgrade() -> None:
    for column in _COLUMNS:
        op.add_column(
            "contacts",
            sa.Column(column, sa.String(length=40), nullable=False, server_default=""),
        )


def downgrade() -> None:
    with op.batch_alter_table("contacts", recreate="always") as batch:
        for column in reversed(_COLUMNS):
            batch.drop_column(column)
