"""The server's tables (SQLAlchemy 2 declarative) and the engine factory.

Who may open which room is decided from these rows: users, teams (with managers), territories,
and grants that give one account uid ``read`` or ``write`` to a user, a team or a territory.
Room updates live in ``room_updates``; tokens are stored only as SHA-256 digests.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    create_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

READ = "read"
WRITE = "write"


class Base(DeclarativeBase):
    """Metadata of the server schema (Alembic migrations in ``server/migrations``)."""


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Team(Base):
    __tablename__ = "teams"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)


class TeamMember(Base):
    __tablename__ = "team_members"
    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # A manager reads every account granted to the team, its territories or its members.
    is_manager: Mapped[bool] = mapped_column(Boolean, default=False)


class Territory(Base):
    __tablename__ = "territories"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))


class TerritoryMember(Base):
    __tablename__ = "territory_members"
    territory_id: Mapped[int] = mapped_column(
        ForeignKey("territories.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )


class Grant(Base):
    """One account uid shared with exactly one of: a user, a team, a territory."""

    __tablename__ = "grants"
    __table_args__ = (
        CheckConstraint(
            "(user_id IS NOT NULL)::int + (team_id IS NOT NULL)::int"
            " + (territory_id IS NOT NULL)::int = 1",
            name="grant_has_one_grantee",
        ),
        CheckConstraint("permission IN ('read', 'write')", name="grant_permission"),
        UniqueConstraint("account_uid", "user_id", "team_id", "territory_id", name="grant_once"),
        Index("ix_grants_account_uid", "account_uid"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    account_uid: Mapped[str] = mapped_column(String(64))
    permission: Mapped[str] = mapped_column(String(8))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    territory_id: Mapped[int | None] = mapped_column(
        ForeignKey("territories.id", ondelete="CASCADE")
    )


class Token(Base):
    """An access or refresh token, by its SHA-256 digest (the token itself is never stored)."""

    __tablename__ = "tokens"
    __table_args__ = (CheckConstraint("kind IN ('access', 'refresh')", name="token_kind"),)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class RoomUpdate(Base):
    """One y-websocket update of one room, in arrival order (``id``)."""

    __tablename__ = "room_updates"
    __table_args__ = (Index("ix_room_updates_room_id", "room", "id"),)
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    room: Mapped[str] = mapped_column(String(64))
    yupdate: Mapped[bytes] = mapped_column(LargeBinary)
    metadata_: Mapped[bytes] = mapped_column("metadata", LargeBinary, default=b"")
    timestamp: Mapped[float] = mapped_column(Float)


# The server's database work runs in worker threads (anyio's ``to_thread``), each on one pooled
# connection; the app lets no more threads run than this (``app.py``), so a thread never waits
# for a connection and a connection, once made, is kept. (A pool of 10 with 20 "overflow"
# connections under 40 threads opened and closed a PostgreSQL connection for most room opens
# once thousands were open; bench_team_memory.)
DB_CONNECTIONS = 20


def make_engine(database_url: str) -> Engine:
    """An engine with a pre-ping pool: a restarted PostgreSQL costs one retry, not an error."""
    return create_engine(
        database_url, pool_pre_ping=True, pool_size=DB_CONNECTIONS, max_overflow=DB_CONNECTIONS
    )


class ReviewComment(Base):
    """A manager's comment on one step of a visit plan (``step``: prepare, open, consult,
    propose, close, or ``plan`` for the plan as a whole)."""

    __tablename__ = "review_comments"
    __table_args__ = (Index("ix_review_comments_account", "account_uid", "visit_uid"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_uid: Mapped[str] = mapped_column(String(64))
    visit_uid: Mapped[str] = mapped_column(String(64))
    step: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReviewMark(Base):
    """A visit plan a manager marked "reviewed" (removed when the mark is taken back)."""

    __tablename__ = "review_marks"
    account_uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    visit_uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
