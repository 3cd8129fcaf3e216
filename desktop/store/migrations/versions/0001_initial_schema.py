"""Initial schema: accounts, decision circle, opportunities, visit plans, search index.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 18:13:54.963827
"""

import sqlalchemy as sa
from alembic import op

# The search table and its triggers are written out here, not imported: a migration must keep
# doing what it did when it shipped, whatever later code says.
FTS_CREATE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, body, account_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
)
FTS_TRIGGERS = [
    f"CREATE TRIGGER {table}_search_ad AFTER DELETE ON {table} BEGIN "
    f"DELETE FROM search_fts WHERE rowid = old.id * 4 + {code}; END"
    for table, code in (("accounts", 0), ("contacts", 1), ("opportunities", 2))
]


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("alt_name", sa.String(length=200), nullable=False),
        sa.Column("industry", sa.String(length=120), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=True),
        sa.Column("annual_revenue", sa.Integer(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("main_business", sa.Text(), nullable=False),
        sa.Column("industry_position", sa.Text(), nullable=False),
        sa.Column("org_structure", sa.Text(), nullable=False),
        sa.Column("history", sa.Text(), nullable=False),
        sa.Column("past_cooperation", sa.Text(), nullable=False),
        sa.Column("opinion_of_us", sa.Text(), nullable=False),
        sa.Column("category_spend", sa.Integer(), nullable=True),
        sa.Column("buying_behaviour", sa.String(length=40), nullable=True),
        sa.Column("customer_type", sa.String(length=40), nullable=True),
        sa.Column("pyramid_tier", sa.String(length=40), nullable=True),
        sa.Column("buying_cycle_stage", sa.String(length=40), nullable=True),
        sa.Column("cvm_phase", sa.String(length=40), nullable=True),
        sa.Column("seg_status", sa.String(length=1), nullable=True),
        sa.Column("seg_profit_tier", sa.String(length=1), nullable=True),
        sa.Column("seg_recognition", sa.String(length=1), nullable=True),
        sa.Column("seg_pain", sa.String(length=1), nullable=True),
        sa.Column("segment_code", sa.String(length=4), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("uid", name=op.f("uq_accounts_uid")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_accounts_pyramid_tier"), ["pyramid_tier"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_accounts_segment_code"), ["segment_code"], unique=False
        )

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("alt_name", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("department", sa.String(length=120), nullable=False),
        sa.Column("reports_to_id", sa.Integer(), nullable=True),
        sa.Column("phone_office", sa.String(length=40), nullable=False),
        sa.Column("phone_mobile", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("wechat", sa.String(length=80), nullable=False),
        sa.Column("communication_style", sa.String(length=40), nullable=True),
        sa.Column("decision_style", sa.String(length=40), nullable=True),
        sa.Column("background", sa.Text(), nullable=False),
        sa.Column("priorities", sa.JSON(), nullable=False),
        sa.Column("business_needs", sa.JSON(), nullable=False),
        sa.Column("personal_needs", sa.JSON(), nullable=False),
        sa.Column("needs_notes", sa.Text(), nullable=False),
        sa.Column("relationship_notes", sa.Text(), nullable=False),
        sa.Column("last_contact", sa.Date(), nullable=True),
        sa.Column("map_x", sa.Double(), nullable=True),
        sa.Column("map_y", sa.Double(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_contacts_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reports_to_id"],
            ["contacts.id"],
            name=op.f("fk_contacts_reports_to_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
        sa.UniqueConstraint("uid", name=op.f("uq_contacts_uid")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_account_id"), ["account_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contacts_reports_to_id"), ["reports_to_id"], unique=False
        )

    op.create_table(
        "opportunities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("stage", sa.String(length=8), nullable=False),
        sa.Column("probability_override", sa.Integer(), nullable=True),
        sa.Column("budget_exists", sa.Boolean(), nullable=True),
        sa.Column("budget_amount", sa.Integer(), nullable=True),
        sa.Column("budget_currency", sa.String(length=3), nullable=False),
        sa.Column("budget_source", sa.Text(), nullable=False),
        sa.Column("budget_confirmed_by", sa.String(length=200), nullable=False),
        sa.Column("purchase_timeline", sa.Text(), nullable=False),
        sa.Column("expected_close", sa.Date(), nullable=True),
        sa.Column("is_tender", sa.Boolean(), nullable=True),
        sa.Column("lead_department", sa.String(length=120), nullable=False),
        sa.Column("deciding_department", sa.String(length=120), nullable=False),
        sa.Column("decision_process", sa.String(length=40), nullable=True),
        sa.Column("decision_steps", sa.JSON(), nullable=False),
        sa.Column("pains", sa.Text(), nullable=False),
        sa.Column("qualification", sa.JSON(), nullable=False),
        sa.Column("risk_notes", sa.Text(), nullable=False),
        sa.Column("our_strengths", sa.Text(), nullable=False),
        sa.Column("our_weaknesses", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "probability_override IS NULL OR probability_override BETWEEN 0 AND 100",
            name=op.f("ck_opportunities_probability_range"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_opportunities_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunities")),
        sa.UniqueConstraint("uid", name=op.f("uq_opportunities_uid")),
    )
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunities_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_opportunities_stage"), ["stage"], unique=False)

    op.create_table(
        "buying_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("attitude", sa.String(length=40), nullable=False),
        sa.Column("influence", sa.String(length=40), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_buying_roles_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_buying_roles_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buying_roles")),
        sa.UniqueConstraint("opportunity_id", "contact_id", name="one_per_contact"),
    )
    with op.batch_alter_table("buying_roles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_buying_roles_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_buying_roles_opportunity_id"), ["opportunity_id"], unique=False
        )

    op.create_table(
        "competitors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("strengths", sa.Text(), nullable=False),
        sa.Column("weaknesses", sa.Text(), nullable=False),
        sa.Column("has_insider", sa.Boolean(), nullable=True),
        sa.Column("insider_level", sa.String(length=200), nullable=False),
        sa.Column("our_strengths", sa.Text(), nullable=False),
        sa.Column("our_weaknesses", sa.Text(), nullable=False),
        sa.Column("strategy", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_competitors_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_competitors")),
    )
    with op.batch_alter_table("competitors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_competitors_opportunity_id"), ["opportunity_id"], unique=False
        )

    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("research_notes", sa.Text(), nullable=False),
        sa.Column("objective", sa.Text(), nullable=False),
        sa.Column("best_commitment", sa.Text(), nullable=False),
        sa.Column("min_commitment", sa.Text(), nullable=False),
        sa.Column("info_needed", sa.Text(), nullable=False),
        sa.Column("logistics", sa.Text(), nullable=False),
        sa.Column("vs_who", sa.Text(), nullable=False),
        sa.Column("vs_what", sa.Text(), nullable=False),
        sa.Column("vs_why", sa.Text(), nullable=False),
        sa.Column("value_statement", sa.Text(), nullable=False),
        sa.Column("reference", sa.Text(), nullable=False),
        sa.Column("consult_notes", sa.Text(), nullable=False),
        sa.Column("next_action", sa.String(length=40), nullable=True),
        sa.Column("next_action_detail", sa.Text(), nullable=False),
        sa.Column("close_technique", sa.String(length=40), nullable=True),
        sa.Column("close_plan", sa.Text(), nullable=False),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.Column("quick_notes", sa.Text(), nullable=False),
        sa.Column("report_outcome", sa.Text(), nullable=False),
        sa.Column("report_commitment", sa.String(length=40), nullable=True),
        sa.Column("report_commitment_notes", sa.Text(), nullable=False),
        sa.Column("report_stage_before", sa.String(length=8), nullable=True),
        sa.Column("report_stage_after", sa.String(length=8), nullable=True),
        sa.Column("report_completed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "duration_min BETWEEN 5 AND 1440", name=op.f("ck_visits_duration_range")
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunities.id"],
            name=op.f("fk_visits_opportunity_id_opportunities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
        sa.UniqueConstraint("uid", name=op.f("uq_visits_uid")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_visits_opportunity_id"), ["opportunity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visits_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_status"), ["status"], unique=False)

    op.create_table(
        "attendees",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("meeting_role", sa.String(length=120), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_attendees_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_attendees_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendees")),
    )
    with op.batch_alter_table("attendees", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendees_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendees_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "needs",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("clarity", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_needs_contact_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_needs_visit_id_visits"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs")),
    )
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_needs_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "next_steps",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_next_steps_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_next_steps")),
    )
    with op.batch_alter_table("next_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_next_steps_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "objections",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=True),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("nature", sa.String(length=40), nullable=True),
        sa.Column("timing", sa.String(length=40), nullable=True),
        sa.Column("method", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_objections_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objections")),
    )
    with op.batch_alter_table("objections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_objections_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "planned_questions",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("framework", sa.String(length=16), nullable=False),
        sa.Column("step", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target_contact_id", sa.Integer(), nullable=True),
        sa.Column("asked", sa.Boolean(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["target_contact_id"],
            ["contacts.id"],
            name=op.f("fk_planned_questions_target_contact_id_contacts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_planned_questions_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_questions")),
    )
    with op.batch_alter_table("planned_questions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_planned_questions_visit_id"), ["visit_id"], unique=False
        )

    op.create_table(
        "fab_statements",
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("need_id", sa.Integer(), nullable=True),
        sa.Column("feature", sa.Text(), nullable=False),
        sa.Column("advantage", sa.Text(), nullable=False),
        sa.Column("benefit", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["need_id"],
            ["needs.id"],
            name=op.f("fk_fab_statements_need_id_needs"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_fab_statements_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fab_statements")),
    )
    with op.batch_alter_table("fab_statements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fab_statements_visit_id"), ["visit_id"], unique=False)

    op.execute(FTS_CREATE)
    for sql in FTS_TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table("fab_statements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fab_statements_visit_id"))

    op.drop_table("fab_statements")
    with op.batch_alter_table("planned_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planned_questions_visit_id"))

    op.drop_table("planned_questions")
    with op.batch_alter_table("objections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_objections_visit_id"))

    op.drop_table("objections")
    with op.batch_alter_table("next_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_next_steps_visit_id"))

    op.drop_table("next_steps")
    with op.batch_alter_table("needs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_needs_visit_id"))

    op.drop_table("needs")
    with op.batch_alter_table("attendees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendees_visit_id"))
        batch_op.drop_index(batch_op.f("ix_attendees_contact_id"))

    op.drop_table("attendees")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visits_status"))
        batch_op.drop_index(batch_op.f("ix_visits_starts_at"))
        batch_op.drop_index(batch_op.f("ix_visits_opportunity_id"))

    op.drop_table("visits")
    with op.batch_alter_table("competitors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_competitors_opportunity_id"))

    op.drop_table("competitors")
    with op.batch_alter_table("buying_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_buying_roles_opportunity_id"))
        batch_op.drop_index(batch_op.f("ix_buying_roles_contact_id"))

    op.drop_table("buying_roles")
    with op.batch_alter_table("opportunities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opportunities_stage"))
        batch_op.drop_index(batch_op.f("ix_opportunities_account_id"))

    op.drop_table("opportunities")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_reports_to_id"))
        batch_op.drop_index(batch_op.f("ix_contacts_account_id"))

    op.drop_table("contacts")
    op.drop_table("settings")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_segment_code"))
        batch_op.drop_index(batch_op.f("ix_accounts_pyramid_tier"))
        batch_op.drop_index(batch_op.f("ix_accounts_name"))

    op.drop_table("accounts")
