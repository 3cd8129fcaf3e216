"""The ORM models: one table per thing a rep records.

Keys such as ``stage``, ``attitude`` or ``communication_style`` hold playbook keys (see
``resources/playbook/playbook.toml``); the labels shown to the rep come from the playbook, so an
organisation can rename them without touching the data. Every row of an account's tree has
a ``uid``, the same on every laptop: importing the same bundle twice updates instead of
duplicating, and a shared account's rows can be told apart wherever they were made.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .model_base import DERIVED, NAMING, Base, Timestamped, new_uid, utcnow


class Setting(Base):
    """Preferences that belong with the data (our company, the rep's name, paper size)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Account(Timestamped, Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(String(200), index=True)
    alt_name: Mapped[str] = mapped_column(String(200), default="")  # name in the other language
    industry: Mapped[str] = mapped_column(String(120), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    headcount: Mapped[int | None] = mapped_column(Integer)
    annual_revenue: Mapped[int | None] = mapped_column(Integer)  # whole units of `currency`
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    main_business: Mapped[str] = mapped_column(Text, default="")
    industry_position: Mapped[str] = mapped_column(Text, default="")
    org_structure: Mapped[str] = mapped_column(Text, default="")
    history: Mapped[str] = mapped_column(Text, default="")
    past_cooperation: Mapped[str] = mapped_column(Text, default="")
    opinion_of_us: Mapped[str] = mapped_column(Text, default="")
    category_spend: Mapped[int | None] = mapped_column(Integer)
    buying_behaviour: Mapped[str | None] = mapped_column(String(40))
    customer_type: Mapped[str | None] = mapped_column(String(40))
    pyramid_tier: Mapped[str | None] = mapped_column(String(40), index=True)
    buying_cycle_stage: Mapped[str | None] = mapped_column(String(40))
    cvm_phase: Mapped[str | None] = mapped_column(String(40))
    seg_status: Mapped[str | None] = mapped_column(String(1))
    seg_profit_tier: Mapped[str | None] = mapped_column(String(1))
    seg_recognition: Mapped[str | None] = mapped_column(String(1))
    seg_pain: Mapped[str | None] = mapped_column(String(1))
    # Derived from the four inputs above by the service on every save; stored for filtering.
    segment_code: Mapped[str] = mapped_column(String(4), default="", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="account", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    opportunities: Mapped[list[Opportunity]] = relationship(
        back_populates="account", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )


class Contact(Timestamped, Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    alt_name: Mapped[str] = mapped_column(String(120), default="")
    # "Dr.", "Prof." / "Jr.", "PhD": kept out of the name (vCard N, Outlook Title/Suffix).
    name_prefix: Mapped[str] = mapped_column(String(40), default="", server_default="")
    name_suffix: Mapped[str] = mapped_column(String(40), default="", server_default="")
    title: Mapped[str] = mapped_column(String(120), default="")
    department: Mapped[str] = mapped_column(String(120), default="")
    reports_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    phone_office: Mapped[str] = mapped_column(String(40), default="")
    phone_mobile: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    wechat: Mapped[str] = mapped_column(String(80), default="")
    communication_style: Mapped[str | None] = mapped_column(String(40))
    decision_style: Mapped[str | None] = mapped_column(String(40))
    background: Mapped[str] = mapped_column(Text, default="")
    # Playbook keys; priorities are ranked, most important first.
    priorities: Mapped[list[str]] = mapped_column(default=list)
    business_needs: Mapped[list[str]] = mapped_column(default=list)
    personal_needs: Mapped[list[str]] = mapped_column(default=list)
    needs_notes: Mapped[str] = mapped_column(Text, default="")
    relationship_notes: Mapped[str] = mapped_column(Text, default="")
    last_contact: Mapped[date | None] = mapped_column(Date)
    # Where the rep dragged the box on the decision map; None means automatic layout.
    map_x: Mapped[float | None] = mapped_column()
    map_y: Mapped[float | None] = mapped_column()

    account: Mapped[Account] = relationship(back_populates="contacts", lazy="raise")
    details: Mapped[list[ContactDetail]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="ContactDetail.position",
    )


class ContactDetail(Base):
    """One e-mail, phone or postal address of a person (revision 0008); the contact's columns
    ``email``, ``phone_office`` and ``phone_mobile`` hold the preferred ones
    (desktop/domain/contact_details.py)."""

    __tablename__ = "contact_details"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))  # email / phone / address
    type: Mapped[str] = mapped_column(String(8), default="work")  # work / mobile / home / other
    value: Mapped[str] = mapped_column(String(400))
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        CheckConstraint("kind IN ('email', 'phone', 'address')", name="detail_kind"),
        CheckConstraint("type IN ('work', 'mobile', 'home', 'other')", name="detail_type"),
    )


class Opportunity(Timestamped, Base):
    __tablename__ = "opportunities"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(8), default="A", index=True)
    probability_override: Mapped[int | None] = mapped_column(Integer)
    budget_exists: Mapped[bool | None] = mapped_column(Boolean)  # None: not known yet
    budget_amount: Mapped[int | None] = mapped_column(Integer)
    budget_currency: Mapped[str] = mapped_column(String(3), default="CNY")
    budget_source: Mapped[str] = mapped_column(Text, default="")
    budget_confirmed_by: Mapped[str] = mapped_column(String(200), default="")
    purchase_timeline: Mapped[str] = mapped_column(Text, default="")
    expected_close: Mapped[date | None] = mapped_column(Date)
    is_tender: Mapped[bool | None] = mapped_column(Boolean)
    lead_department: Mapped[str] = mapped_column(String(120), default="")
    deciding_department: Mapped[str] = mapped_column(String(120), default="")
    decision_process: Mapped[str | None] = mapped_column(String(40))  # individual / committee
    decision_steps: Mapped[list[str]] = mapped_column(default=list)
    pains: Mapped[str] = mapped_column(Text, default="")
    # {qualification key: {"answer": "yes"|"no"|"unknown", "note": str}}
    qualification: Mapped[dict[str, Any]] = mapped_column(default=dict)
    risk_notes: Mapped[str] = mapped_column(Text, default="")
    our_strengths: Mapped[str] = mapped_column(Text, default="")
    our_weaknesses: Mapped[str] = mapped_column(Text, default="")
    # The deal's value, apart from the customer's budget (revision 0004).
    deal_amount: Mapped[int | None] = mapped_column(Integer)
    deal_currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    # Where this deal's customer stands: CVM phase and buying-cycle position (playbook keys).
    cvm_phase: Mapped[str | None] = mapped_column(String(40))
    buying_cycle_stage: Mapped[str | None] = mapped_column(String(40))
    # The negotiation card, stage C onward (revision 0005): playbook negotiation_phases key.
    negotiation_phase: Mapped[str | None] = mapped_column(String(40))
    payment_terms: Mapped[str] = mapped_column(Text, default="", server_default="")
    walk_away: Mapped[str] = mapped_column(Text, default="", server_default="")
    competitor_moves: Mapped[str] = mapped_column(Text, default="", server_default="")
    countermeasure: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The stall facts (revision 0011): written by SQLite triggers on decision points, visits and
    # next steps, read by the pipeline's SQL. Derived, so never loaded, synced or exported.
    maybe_phase: Mapped[str | None] = mapped_column(String(40), deferred=True, info=dict(DERIVED))
    last_visit_at: Mapped[datetime | None] = mapped_column(
        DateTime, deferred=True, info=dict(DERIVED)
    )
    open_step_due: Mapped[date | None] = mapped_column(Date, deferred=True, info=dict(DERIVED))
    # The visit before the latest (revision 0012): a deal with one visit planned ahead is
    # judged from it without looking up its visits.
    prior_visit_at: Mapped[datetime | None] = mapped_column(
        DateTime, deferred=True, info=dict(DERIVED)
    )

    account: Mapped[Account] = relationship(back_populates="opportunities", lazy="raise")
    roles: Mapped[list[BuyingRole]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    competitors: Mapped[list[Competitor]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="Competitor.position",
    )
    stage_tasks: Mapped[list[StageTaskCheck]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    decision_points: Mapped[list[DecisionPoint]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )
    concessions: Mapped[list[Concession]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="Concession.position",
    )
    referrals: Mapped[list[Referral]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="Referral.position",
    )
    outside_influencers: Mapped[list[OutsideInfluencer]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="OutsideInfluencer.position",
    )
    visits: Mapped[list[Visit]] = relationship(
        back_populates="opportunity",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
    )

    __table_args__ = (
        CheckConstraint(
            "probability_override IS NULL OR probability_override BETWEEN 0 AND 100",
            name="probability_range",
        ),
        # The pipeline's grouped pass reads every open deal from this alone, by stage and
        # expected close (the order it sums them in: no sort).
        Index(
            "ix_opportunities_pipeline",
            "stage",
            "expected_close",
            "maybe_phase",
            "open_step_due",
            "last_visit_at",
            "prior_visit_at",
            "deal_amount",
            "probability_override",
            "account_id",
            "deal_currency",
        ),
        # Accounts with an open deal at each buying-cycle position, counted in index order.
        Index("ix_opportunities_cycle", "buying_cycle_stage", "account_id", "stage"),
        # The stalled list: each stage's largest deals first (read backwards), judged until
        # enough are found.
        Index(
            "ix_opportunities_by_amount",
            "stage",
            "deal_amount",
            "id",
            "maybe_phase",
            "open_step_due",
            "last_visit_at",
            "prior_visit_at",
            "probability_override",
            "account_id",
        ),
    )


class BuyingRole(Base):
    """A contact's part in one opportunity's decision: roles, attitude, influence."""

    __tablename__ = "buying_roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    roles: Mapped[list[str]] = mapped_column(default=list)  # playbook role keys; "coach" included
    attitude: Mapped[str] = mapped_column(String(40), default="unknown")
    influence: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str] = mapped_column(Text, default="")
    # Coach development (revision 0005): playbook coach_ladder / coach_seniority keys, the
    # trust_methods keys already used, and what to bring or ask at the next meeting.
    coach_rung: Mapped[str | None] = mapped_column(String(40))
    coach_seniority: Mapped[str | None] = mapped_column(String(40))
    trust_methods: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    coach_next: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (UniqueConstraint("opportunity_id", "contact_id", name="one_per_contact"),)

    @property
    def is_coach(self) -> bool:
        return "coach" in (self.roles or [])


class StageTaskCheck(Base):
    """A funnel stage's task (playbook key) the rep ticked for one deal (revision 0004)."""

    __tablename__ = "stage_task_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[str] = mapped_column(String(8))
    task: Mapped[str] = mapped_column(String(60))
    done_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (UniqueConstraint("opportunity_id", "task", name="one_per_task"),)


class DecisionPoint(Base):
    """The customer's answer at one CVM decision point of a deal (revision 0004)."""

    __tablename__ = "decision_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    phase: Mapped[str] = mapped_column(String(40))  # playbook cvm_phases key
    answer: Mapped[str] = mapped_column(String(8))  # yes / maybe / no
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("opportunity_id", "phase", name="one_per_phase"),
        CheckConstraint("answer IN ('yes', 'maybe', 'no')", name="answer_kind"),
    )


class Concession(Base):
    """Something given or received in a deal's negotiation (revision 0005)."""

    __tablename__ = "concessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[str] = mapped_column(String(8))  # given / received
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (CheckConstraint("direction IN ('given', 'received')", name="direction_kind"),)


class Referral(Base):
    """A referral asked of a handed-over customer, "1+2" (revision 0009).

    Open while ``account_uid`` is empty (a name and a note of whom they would introduce);
    received once it names the new account they brought. The link is the account's uid, not
    its id: the new account may be in a colleague's file, and a bundle carries it as it is.
    """

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    account_uid: Mapped[str | None] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)


class OutsideInfluencer(Base):
    """An influencer of a deal who is not one of the account's people (revision 0009): a person
    of another company (``side`` "other", optionally a contact of another account by uid) or a
    colleague on our own side ("ours"). Influencer is their only role in the circle."""

    __tablename__ = "outside_influencers"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    side: Mapped[str] = mapped_column(String(8))  # other / ours
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    contact_uid: Mapped[str | None] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (CheckConstraint("side IN ('other', 'ours')", name="side_kind"),)


class Competitor(Base):
    __tablename__ = "competitors"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    strengths: Mapped[str] = mapped_column(Text, default="")
    weaknesses: Mapped[str] = mapped_column(Text, default="")
    has_insider: Mapped[bool | None] = mapped_column(Boolean)
    insider_level: Mapped[str] = mapped_column(String(200), default="")
    our_strengths: Mapped[str] = mapped_column(Text, default="")
    our_weaknesses: Mapped[str] = mapped_column(Text, default="")
    strategy: Mapped[str] = mapped_column(Text, default="")


# The visit's and the team sync's tables live in their own modules; importing them here registers
# them with Base and keeps `from desktop.store.models import Visit` working everywhere.
from .models_sync import SyncDocument, SyncLostValue, SyncPending  # noqa: E402
from .models_visit import (  # noqa: E402
    Attendee,
    FabStatement,
    Need,
    NextStep,
    Objection,
    PlannedQuestion,
    Visit,
    VisitChild,
)

__all__ = [
    "NAMING",
    "Base",
    "Timestamped",
    "new_uid",
    "utcnow",
    "Setting",
    "Account",
    "Contact",
    "ContactDetail",
    "Opportunity",
    "BuyingRole",
    "StageTaskCheck",
    "DecisionPoint",
    "Concession",
    "Referral",
    "OutsideInfluencer",
    "Competitor",
    "SyncDocument",
    "SyncPending",
    "SyncLostValue",
    "Visit",
    "VisitChild",
    "Attendee",
    "PlannedQuestion",
    "Need",
    "FabStatement",
    "Objection",
    "NextStep",
]
