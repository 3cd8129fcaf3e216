""" "Changed by someone else": the values of ours a teammate's concurrent edit replaced.

desktop/sync keeps them in ``sync_lost_values`` while it merges (one row per value: which row
and field, the value, who won and when). Here the rep reads the list, restores one value (a
normal edit: its own transaction and a typed change, so the screens redraw and the mirror
sends it to the team), or dismisses it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Text, delete, func, select
from sqlalchemy.orm import Session

from desktop.domain.org_chart import would_create_cycle
from desktop.exchange.bundle_format import CONTACT_REF, LAYOUT, Node
from desktop.store.models import Account, Contact, SyncLostValue

from . import fields
from .base import Service
from .bundle_write import from_json_value
from .events import ChangeKind
from .field_values import Spec

_SPECS: dict[str, dict[str, Spec]] = {
    "account": fields.ACCOUNT,
    "contacts": fields.CONTACT,
    "opportunities": fields.OPPORTUNITY,
    "roles": fields.BUYING_ROLE,
    "competitors": fields.COMPETITOR,
    "visits": fields.VISIT,
    "attendees": fields.ATTENDEE,
    "questions": fields.QUESTION,
    "needs": fields.NEED,
    "fabs": fields.FAB,
    "objections": fields.OBJECTION,
    "next_steps": fields.NEXT_STEP,
}
_VISIT_KINDS = frozenset(
    {"visits", "attendees", "questions", "needs", "fabs", "objections", "next_steps"}
)


@dataclass(frozen=True)
class LostEntry:
    """One value to review: where it was, what it said, who replaced it and when."""

    id: int
    account_uid: str
    account_name: str
    row_kind: str
    row_label: str
    field: str
    label_en: str  # the field as the forms name it
    label_zh: str
    shown: str
    by: str
    at: str
    reason: str


class RestoreError(Exception):
    """The value cannot be put back; ``code`` says why, for the window's translated message:
    "gone" (not in the list any more), "row_deleted", "person_deleted", "loop", "unfit"."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code = code


@cache
def _nodes() -> dict[str, Node]:
    found: dict[str, Node] = {"account": LAYOUT}

    def walk(node: Node) -> None:
        for key, child in node.children:
            found[key] = child
            walk(child)

    walk(LAYOUT)
    return found


def _attribute(kind: str, field: str) -> tuple[str, bool]:
    """The model attribute a bundle field is stored in, and whether it holds a person's uid."""
    for ref in _nodes()[kind].refs:
        if ref.key == field:
            return ref.column, ref.target == CONTACT_REF
    return field, False


def _labels(kind: str, field: str) -> tuple[str, str]:
    attribute, _ = _attribute(kind, field)
    spec = _SPECS.get(kind, {}).get(attribute)
    if spec is not None:
        return spec.en, spec.zh
    if attribute == "reports_to_id":
        return "Reports to", "直属上级"
    plain = field.replace("_", " ").capitalize()
    return plain, plain


class LostValuesService(Service):
    def entries(self, account_uid: str | None = None) -> list[LostEntry]:
        """Every kept value, newest first (for one account or all)."""
        query = select(SyncLostValue, Account.name).outerjoin(
            Account, Account.uid == SyncLostValue.account_uid
        )
        if account_uid is not None:
            query = query.where(SyncLostValue.account_uid == account_uid)
        with self.db.read() as s:
            found = s.execute(query.order_by(SyncLostValue.id.desc())).all()
        out = []
        for row, account_name in found:
            en, zh = _labels(row.row_kind, row.field) if row.row_kind in _nodes() else ("", "")
            out.append(
                LostEntry(
                    row.id,
                    row.account_uid,
                    account_name or "",
                    row.row_kind,
                    row.row_label,
                    row.field,
                    en or row.field,
                    zh or row.field,
                    row.shown,
                    row.by,
                    row.at,
                    row.reason,
                )
            )
        return out

    def counts(self) -> dict[str, int]:
        """How many values are kept per account uid."""
        query = select(SyncLostValue.account_uid, func.count()).group_by(SyncLostValue.account_uid)
        with self.db.read() as s:
            return {uid: int(n) for uid, n in s.execute(query)}

    def dismiss(self, entry_id: int) -> None:
        """The rep has seen it and keeps the team's value."""
        with self.db.write() as s:
            s.execute(delete(SyncLostValue).where(SyncLostValue.id == entry_id))
        self.announce(ChangeKind.SETTINGS)

    def restore(self, entry_id: int) -> None:
        """Put the value back as the rep's own edit; the entry goes. RestoreError if its row
        has been deleted since or the value no longer fits (a manager link that would loop)."""
        with self.db.write() as s:
            entry = s.get(SyncLostValue, entry_id)
            if entry is None or entry.row_kind not in _nodes():
                raise RestoreError("gone", "This value is no longer in the list.")
            node = _nodes()[entry.row_kind]
            model: Any = node.model  # every model under an account has a uid (0003)
            row = s.scalar(select(model).where(model.uid == entry.row_uid))
            if row is None:
                raise RestoreError("row_deleted", f"“{entry.row_label}” has been deleted since.")
            attribute, is_person = _attribute(entry.row_kind, entry.field)
            value = self._stored_value(s, node, attribute, is_person, json.loads(entry.value))
            if attribute == "reports_to_id" and value is not None:
                chart = s.execute(
                    select(Contact.id, Contact.reports_to_id).where(
                        Contact.account_id == row.account_id
                    )
                ).all()
                if would_create_cycle({c: m for c, m in chart}, row.id, value):
                    raise RestoreError(
                        "loop",
                        f"{entry.row_label} cannot report to {entry.shown} again: "
                        "that would make the reporting lines loop.",
                    )
            current = getattr(row, attribute)
            if (
                isinstance(value, str)
                and current
                and value not in current
                and isinstance(dict(node.mapped_columns)[attribute].type, Text)
            ):  # set-aside words join what is there now rather than replace it
                value = f"{current}\n{value}"
            setattr(row, attribute, value)
            account_id = s.scalar(select(Account.id).where(Account.uid == entry.account_uid))
            kind, ident = _change_of(entry.row_kind, row)
            s.delete(entry)
        self.announce(kind, ident, account_id=account_id)

    @staticmethod
    def _stored_value(s: Session, node: Node, attribute: str, is_person: bool, value: Any) -> Any:
        if is_person:
            if value is None:
                return None
            found = s.scalar(select(Contact.id).where(Contact.uid == value))
            if found is None:
                raise RestoreError("person_deleted", "The person it named has been deleted since.")
            return found
        column = dict(node.mapped_columns)[attribute]
        try:
            return from_json_value(column, value)
        except (TypeError, ValueError) as error:
            raise RestoreError("unfit", f"The value no longer fits ({error}).") from error


def _change_of(kind: str, row: Any) -> tuple[ChangeKind, int]:
    """The typed change a restore announces, so the screens showing that row redraw."""
    if kind == "account":
        return ChangeKind.ACCOUNT, int(row.id)
    if kind == "contacts":
        return ChangeKind.CONTACT, int(row.id)
    if kind in _VISIT_KINDS:
        return ChangeKind.VISIT, int(getattr(row, "visit_id", None) or row.id)
    return ChangeKind.OPPORTUNITY, int(getattr(row, "opportunity_id", None) or row.id)
