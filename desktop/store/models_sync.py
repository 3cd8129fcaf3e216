"""The team sync's bookkeeping in the data file: each shared account's CRDT state, its unsent
updates and the values a teammate's concurrent edit replaced (not part of a bundle)."""

from __future__ import annotations

from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .model_base import Base


class SyncDocument(Base):
    """A shared account's CRDT document (revision 0005): its whole state as one Yrs update.

    Kept in the data file so encryption and backups cover it; ``permission`` is what the team
    server granted ("read" or "write")."""

    __tablename__ = "sync_documents"
    account_uid: Mapped[str] = mapped_column(String(32), primary_key=True)
    state: Mapped[bytes] = mapped_column(LargeBinary, default=b"")
    permission: Mapped[str] = mapped_column(String(8), default="write")


class SyncPending(Base):
    """A local update not yet acknowledged by the team server (revision 0005)."""

    __tablename__ = "sync_pending"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_uid: Mapped[str] = mapped_column(String(32), index=True)
    yupdate: Mapped[bytes] = mapped_column(LargeBinary)


class SyncLostValue(Base):
    """A value of ours that a teammate's concurrent edit replaced, or a merge repair set aside
    (revision 0010): kept so the rep can review and restore it."""

    __tablename__ = "sync_lost_values"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_uid: Mapped[str] = mapped_column(String(32), index=True)
    row_uid: Mapped[str] = mapped_column(String(32))
    row_kind: Mapped[str] = mapped_column(String(40))  # the bundle key: "contacts", "roles", …
    row_label: Mapped[str] = mapped_column(String(200), default="")  # "王建国", "二期扩容"
    field: Mapped[str] = mapped_column(String(60))  # the bundle field: "title", "reports_to"
    value: Mapped[str] = mapped_column(Text)  # JSON, as the document held it
    shown: Mapped[str] = mapped_column(Text, default="")  # the value as the rep reads it
    by: Mapped[str] = mapped_column(String(120), default="")  # whose value won ("" unknown)
    at: Mapped[str] = mapped_column(String(32), default="")  # when it was written (UTC, ISO)
    reason: Mapped[str] = mapped_column(String(40), default="concurrent_edit")
