"""Writing a checked bundle: its account and every row under it, in the caller's transaction.

An account with the same uid is deleted first (the database cascades to everything under it)
and the new rows keep its id, so open windows still find it. Rows refer to each other by ids
assigned here before insert — contacts by uid, FAB statements by the index of a need — with
foreign keys checked at commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, DateTime, Float, delete, func, select, text
from sqlalchemy.orm import Session

from desktop.exchange.bundle_format import CONTACT_REF, LAYOUT, Node
from desktop.store.models import Account


@dataclass(frozen=True)
class ImportResult:
    account_id: int
    account_name: str
    replaced: bool  # an account with the same uid was there and has been replaced
    counts: dict[str, int]  # rows imported per list: {"contacts": 4, "visits": 2, …}


def write_account(session: Session, doc: dict[str, Any]) -> ImportResult:
    written = add_account(session, doc, {})
    session.flush()
    return written.result()


@dataclass(frozen=True)
class AddedAccount:
    """An account added to the session, not flushed yet: its result once it is."""

    account: Account
    replaced: bool
    counts: dict[str, int]

    def result(self) -> ImportResult:
        return ImportResult(self.account.id, self.account.name, self.replaced, self.counts)


def add_account(
    session: Session, doc: dict[str, Any], next_ids: dict[type[Any], int]
) -> AddedAccount:
    """Add a checked bundle's account to the session without flushing. ``next_ids`` carries
    the next free id per table from one account to the next, so several accounts can be added
    and flushed together (a sync batch): ids are then not read back from the file in between."""
    data = doc["account"]
    existing = session.scalar(select(Account.id).where(Account.uid == data["uid"]))
    if existing is not None:
        # The database cascades the delete to everything under the account and its search rows.
        session.execute(delete(Account).where(Account.id == existing))
    # Rows refer to each other by pre-assigned ids; check those references at commit.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    builder = _Builder(session, next_ids)
    builder.reserve_contacts(data.get("contacts", []))
    account = builder.build(LAYOUT, data, {})
    if existing is not None:
        account.id = existing  # keep the id, so open windows still find the account
    session.add(account)
    return AddedAccount(account, existing is not None, builder.counts)


class _Builder:
    """Turns checked bundle dicts into ORM objects, resolving uids and indexes to ids."""

    def __init__(self, session: Session, next_ids: dict[type[Any], int]) -> None:
        self.session = session
        self.next_ids = next_ids
        self.contact_ids: dict[str, int] = {}
        self.counts: dict[str, int] = {key: 0 for node in LAYOUT.walk() for key, _ in node.children}

    def new_id(self, model: type[Any]) -> int:
        if model not in self.next_ids:
            self.next_ids[model] = (self.session.scalar(select(func.max(model.id))) or 0) + 1
        self.next_ids[model] += 1
        return self.next_ids[model] - 1

    def reserve_contacts(self, contacts: list[dict[str, Any]]) -> None:
        model = next(n.model for n in LAYOUT.walk() if n.target == CONTACT_REF)
        for contact in contacts:
            self.contact_ids[contact["uid"]] = self.new_id(model)

    def build(self, node: Node, data: dict[str, Any], siblings: dict[str, list[Any]]) -> Any:
        values = {
            key: from_json_value(col, data[key]) for key, col in node.plain_columns if key in data
        }
        for ref in node.refs:
            target = data.get(ref.key)
            if target is None:
                continue
            if ref.target == CONTACT_REF:
                values[ref.column] = self.contact_ids[target]
            else:
                values[ref.column] = siblings[ref.target][target].id
        if node.target == CONTACT_REF:
            values["id"] = self.contact_ids[data["uid"]]
        elif node.target is not None:
            values["id"] = self.new_id(node.model)  # referred to by index; needs an id now
        built: dict[str, list[Any]] = {}
        for key, child in node.children:
            items = data.get(key, [])
            self.counts[key] += len(items)
            built[key] = [self.build(child, item, _targets(node, built)) for item in items]
        return node.model(**values, **built)


def _targets(node: Node, built: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The already built child lists that index references point into, by target kind."""
    return {c.target: built[key] for key, c in node.children if c.target and key in built}


def from_json_value(column: Column[Any], value: Any) -> Any:
    """A checked bundle value in its column form."""
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    if isinstance(column.type, Float):
        return float(value)
    return value
