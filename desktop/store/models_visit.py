"""The tables of a visit plan: the visit itself and the rows each of its steps keeps (attendees,
questions, needs, FAB statements, objections, next steps)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

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
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .model_base import Base, Timestamped, new_uid

if TYPE_CHECKING:
    from .models import Opportunity


class Visit(Timestamped, Base):
    """A visit plan: the five steps of the visit model, then the call report."""

    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    # Indexed with its start and status (ix_visits_held, revision 0011), below.
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunities.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # local wall time
    timezone: Mapped[str] = mapped_column(String(64), default="")  # IANA name, e.g. Asia/Shanghai
    duration_min: Mapped[int] = mapped_column(Integer, default=60)
    place: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    # Prepare
    research_notes: Mapped[str] = mapped_column(Text, default="")
    objective: Mapped[str] = mapped_column(Text, default="")
    best_commitment: Mapped[str] = mapped_column(Text, default="")
    min_commitment: Mapped[str] = mapped_column(Text, default="")
    info_needed: Mapped[str] = mapped_column(Text, default="")
    logistics: Mapped[str] = mapped_column(Text, default="")
    # Open: the value statement in its three parts, plus the proof that backs it
    vs_who: Mapped[str] = mapped_column(Text, default="")
    vs_what: Mapped[str] = mapped_column(Text, default="")
    vs_why: Mapped[str] = mapped_column(Text, default="")
    value_statement: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(Text, default="")
    # Consult
    consult_notes: Mapped[str] = mapped_column(Text, default="")
    # Propose
    next_action: Mapped[str | None] = mapped_column(String(40))
    next_action_detail: Mapped[str] = mapped_column(Text, default="")
    # Close
    close_technique: Mapped[str | None] = mapped_column(String(40))
    close_plan: Mapped[str] = mapped_column(Text, default="")
    # {step key: [checked checklist item keys]}
    checklist: Mapped[dict[str, Any]] = mapped_column(default=dict)
    quick_notes: Mapped[str] = mapped_column(Text, default="")  # typed during the meeting
    # Call report
    report_outcome: Mapped[str] = mapped_column(Text, default="")
    report_commitment: Mapped[str | None] = mapped_column(String(40))  # playbook outcome key
    report_commitment_notes: Mapped[str] = mapped_column(Text, default="")
    report_stage_before: Mapped[str | None] = mapped_column(String(8))
    report_stage_after: Mapped[str | None] = mapped_column(String(8))
    report_completed_at: Mapped[datetime | None] = mapped_column(DateTime)

    opportunity: Mapped[Opportunity] = relationship(back_populates="visits", lazy="raise")
    attendees: Mapped[list[Attendee]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="Attendee.position",
    )
    questions: Mapped[list[PlannedQuestion]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="PlannedQuestion.position",
    )
    needs: Mapped[list[Need]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise", order_by="Need.position"
    )
    fabs: Mapped[list[FabStatement]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="FabStatement.position",
    )
    objections: Mapped[list[Objection]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="Objection.position",
    )
    next_steps: Mapped[list[NextStep]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="NextStep.position",
    )

    __table_args__ = (
        CheckConstraint("duration_min BETWEEN 5 AND 1440", name="duration_range"),
        # A deal's visits, and whether one was held in a time window, read from the index alone
        # (the pipeline's stall test probes it for deals whose latest visit is still to come).
        Index("ix_visits_held", "opportunity_id", "starts_at", "status"),
    )


class VisitChild:
    """Columns shared by the ordered lists that hang off a visit."""

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Attendee(VisitChild, Base):
    """Someone in the meeting: a customer contact, or a member of our team (contact_id NULL)."""

    __tablename__ = "attendees"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120), default="")  # our team member's name
    meeting_role: Mapped[str] = mapped_column(String(120), default="")  # e.g. "presents the demo"


class PlannedQuestion(VisitChild, Base):
    __tablename__ = "planned_questions"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    framework: Mapped[str] = mapped_column(String(16), default="eric")  # eric / spin / type
    step: Mapped[str] = mapped_column(String(40), default="explore")  # key within the framework
    text: Mapped[str] = mapped_column(Text)
    target_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    asked: Mapped[bool] = mapped_column(Boolean, default=False)
    answer: Mapped[str] = mapped_column(Text, default="")


class Need(VisitChild, Base):
    __tablename__ = "needs"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(String(16), default="business")  # business / personal
    clarity: Mapped[str] = mapped_column(String(16), default="implicit")  # implicit / explicit
    category: Mapped[str | None] = mapped_column(String(40))  # business or personal need key


class FabStatement(VisitChild, Base):
    __tablename__ = "fab_statements"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    need_id: Mapped[int | None] = mapped_column(
        ForeignKey("needs.id", ondelete="SET NULL"), index=True
    )
    feature: Mapped[str] = mapped_column(Text, default="")
    advantage: Mapped[str] = mapped_column(Text, default="")
    benefit: Mapped[str] = mapped_column(Text, default="")


class Objection(VisitChild, Base):
    __tablename__ = "objections"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    step: Mapped[str | None] = mapped_column(String(40))  # visit step where it is expected
    type: Mapped[str] = mapped_column(String(40), default="need")
    nature: Mapped[str | None] = mapped_column(String(40))
    timing: Mapped[str | None] = mapped_column(String(40))
    method: Mapped[str | None] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)  # the objection as the customer would say it
    response: Mapped[str] = mapped_column(Text, default="")
    resolved: Mapped[bool | None] = mapped_column(Boolean)  # filled in after the visit


class NextStep(VisitChild, Base):
    __tablename__ = "next_steps"
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_date: Mapped[date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_on: Mapped[date | None] = mapped_column(Date)  # the day it was ticked off (0004)

    # The open steps by due date (revision 0004): the week's list across every account reads
    # only these, in order, however many steps are done.
    __table_args__ = (Index("ix_next_steps_open_due", "due_date", sqlite_where=text("done = 0")),)
