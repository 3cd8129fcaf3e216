"""Several e-mails, phones and postal addresses per person (issue 15, "Any contact file").

A new table ``contact_details``: one row per e-mail, phone or address of a contact, with its
type (work, mobile, home, other), whether it is the preferred one of its kind, its position, and
a uid like every row of an account's tree. The contact's ``email``, ``phone_office`` and
``phone_mobile`` columns stay, holding the preferred values (desktop/domain/contact_details.py),
so search and every reader of those columns keep working. Existing values are copied into the
new table: the e-mail (work, preferred), the office phone (work, preferred) and the mobile
(mobile; preferred when there is no office phone).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 15:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_NEW_UID = "lower(hex(randomblob(16)))"


def upgrade() -> None:
    op.create_table(
        "contact_details",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=400), nullable=False),
        sa.Column("preferred", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('email', 'phone', 'address')", name=op.f("ck_contact_details_detail_kind")
        ),
        sa.CheckConstraint(
            "type IN ('work', 'mobile', 'home', 'other')",
            name=op.f("ck_contact_details_detail_type"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_details_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_details")),
        sa.UniqueConstraint("uid", name=op.f("uq_contact_details_uid")),
    )
    with op.batch_alter_table("contact_details") as batch:
        batch.create_index(batch.f("ix_contact_details_contact_id"), ["contact_id"], unique=False)
    columns = "uid, contact_id, kind, type, value, preferred, position"
    op.execute(
        f"INSERT INTO contact_details ({columns}) SELECT {_NEW_UID}, id, 'email', 'work', "
        "email, 1, 0 FROM contacts WHERE trim(email) != ''"
    )
    op.execute(
        f"INSERT INTO contact_details ({columns}) SELECT {_NEW_UID}, id, 'phone', 'work', "
        "phone_office, 1, 1 FROM contacts WHERE trim(phone_office) != ''"
    )
    op.execute(
        f"INSERT INTO contact_details ({columns}) SELECT {_NEW_UID}, id, 'phone', 'mobile', "
        "phone_mobile, trim(phone_office) = '', 2 FROM contacts WHERE trim(phone_mobile) != '' "
        "AND phone_mobile != phone_office"
    )


def downgrade() -> None:
    op.drop_table("contact_details")
