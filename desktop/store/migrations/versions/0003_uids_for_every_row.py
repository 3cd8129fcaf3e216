"""A uid on every row of an account's tree: buying roles, competitors and the visit's lists.

Accounts, contacts, opportunities and visits had one; their child rows did not, so a bundle
could not say which attendee or objection it meant, and two laptops sharing an account could
not tell their rows apart. Existing rows get a random 32-hex-digit uid (the form ``new_uid``
writes). SQLite cannot add a NOT NULL column without a default, so each table gets the column,
is filled, and is then rebuilt once with the column NOT NULL and unique.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 18:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Written out, not imported: a migration must keep doing what it did when it shipped.
TABLES = (
    "buying_roles",
    "competitors",
    "attendees",
    "planned_questions",
    "needs",
    "fab_statements",
    "objections",
    "next_steps",
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("uid", sa.String(length=32), nullable=True))
        op.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16)))")
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.alter_column("uid", existing_type=sa.String(length=32), nullable=False)
            batch.create_unique_constraint(op.f(f"uq_{table}_uid"), ["uid"])


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.drop_constraint(op.f(f"uq_{table}_uid"), type_="unique")
            batch.drop_column("uid")
