"""Writing a sync batch's brand-new accounts with Core INSERTs instead of ORM objects.

A first sync receives hundreds of accounts the file has never had. Building an ORM object for
each of their rows and letting the unit of work sort them out cost about 2.5 ms an account; here
the checked bundles become plain rows (the same values ``bundle_write`` gives its objects, the
same ids it would assign) and each table gets one ``executemany`` INSERT for the whole batch,
parents before children, so the stall-fact triggers (migration 0011) see a deal's visits and
next steps after the deal itself. The search entries are written from the same rows by
``search_index.write_row_entries``, which makes the text the ORM hook makes.

Only accounts whose uid is not in the file come here (``new_uids``): replacing one deletes it
first, which the ORM path does. The caller holds the savepoint: an IntegrityError rolls the
whole batch back and it is written again account by account (sync_batch.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from desktop.exchange.bundle_format import CONTACT_REF, LAYOUT, Node
from desktop.store.models import Account, Contact, Opportunity
from desktop.store.search_index import write_row_entries

from .bundle_write import ImportResult, from_json_value

_NODES = tuple(LAYOUT.walk())  # parents before children: the order the rows are inserted in
_INDEXED = (Account, Contact, Opportunity)  # their rows need ids now, for the search entries


def new_uids(session: Session, uids: Sequence[str]) -> set[str]:
    """The account uids of ``uids`` that the file does not have yet."""
    found: set[str] = set()
    for start in range(0, len(uids), 500):
        chunk = list(uids[start : start + 500])
        found.update(session.scalars(select(Account.uid).where(Account.uid.in_(chunk))))
    return set(uids) - found


def insert_accounts(
    session: Session, docs: dict[str, dict[str, Any]], next_ids: dict[type[Any], int]
) -> dict[str, ImportResult]:
    """Insert the checked bundles ``docs`` (by account uid, none of them in the file) and their
    search entries in the caller's transaction; ``next_ids`` as in ``bundle_write.add_account``."""
    rows = _Rows(session, next_ids)
    written = {uid: rows.account(doc["account"]) for uid, doc in docs.items()}
    # Rows refer to each other by pre-assigned ids; check those references at commit.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    for node in _NODES:
        for group in _same_keys(rows.by_node[id(node)]):
            session.execute(insert(node.table), group)
    by_table = {node.model: rows.by_node[id(node)] for node in _NODES if node.model in _INDEXED}
    write_row_entries(
        session.connection(), by_table[Account], by_table[Contact], by_table[Opportunity]
    )
    return written


class _Rows:
    """Checked bundle dicts as rows by node, with the ids ``bundle_write._Builder`` assigns."""

    def __init__(self, session: Session, next_ids: dict[type[Any], int]) -> None:
        self.session = session
        self.next_ids = next_ids
        # By id(node): a frozen Node hashes its whole subtree on every lookup.
        self.by_node: dict[int, list[dict[str, Any]]] = {id(node): [] for node in _NODES}
        self.defaults = {id(node): _scalar_defaults(node) for node in _NODES}

    def new_id(self, model: type[Any]) -> int:
        if model not in self.next_ids:
            self.next_ids[model] = (self.session.scalar(select(func.max(model.id))) or 0) + 1
        self.next_ids[model] += 1
        return self.next_ids[model] - 1

    def account(self, data: dict[str, Any]) -> ImportResult:
        contact_node = next(n for n in _NODES if n.target == CONTACT_REF)
        contacts = {c["uid"]: self.new_id(contact_node.model) for c in data.get("contacts", [])}
        counts = {key: 0 for node in _NODES for key, _ in node.children}
        row = self.add(LAYOUT, data, {}, None, contacts, counts)
        return ImportResult(row["id"], row["name"], False, counts)

    def add(
        self,
        node: Node,
        data: dict[str, Any],
        siblings: dict[str, list[int]],
        parent_id: int | None,
        contacts: dict[str, int],
        counts: dict[str, int],
    ) -> dict[str, Any]:
        row = dict(self.defaults[id(node)])
        row.update(
            (col.key, from_json_value(col, data[key]))
            for key, col in node.plain_columns
            if key in data
        )
        for ref in node.refs:
            target = data.get(ref.key)
            if target is None:
                continue
            is_contact = ref.target == CONTACT_REF
            row[ref.column] = contacts[target] if is_contact else siblings[ref.target][target]
        if node.parent_fk is not None:
            row[node.parent_fk] = parent_id
        if node.target == CONTACT_REF:
            row["id"] = contacts[data["uid"]]
        elif node.target is not None or node.children or node.model in _INDEXED:
            row["id"] = self.new_id(node.model)
        self.by_node[id(node)].append(row)
        targets: dict[str, list[int]] = {}
        for key, child in node.children:
            items = data.get(key, [])
            counts[key] += len(items)
            added = [self.add(child, item, targets, row["id"], contacts, counts) for item in items]
            if child.target is not None:
                targets[child.target] = [r["id"] for r in added]
        return row


def _scalar_defaults(node: Node) -> dict[str, Any]:
    """The plain columns' constant defaults (``""``, ``0``…): filled in before the bundle's
    values so every row of a table has the same keys and the search text sees what the ORM
    object would hold. Callable defaults (uid, timestamps, empty lists) are left to the INSERT."""
    defaults: dict[str, Any] = {}
    for _key, col in node.plain_columns:
        default = col.default
        if default is not None and default.is_scalar:
            defaults[col.key] = default.arg  # type: ignore[attr-defined]  # a ScalarElementColumnDefault's value
    return defaults


def _same_keys(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """``rows`` grouped by their set of keys, in order: one executemany needs the same keys in
    every row (a bundle written before a field existed may leave it out)."""
    groups: dict[frozenset[str], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(frozenset(row), []).append(row)
    return list(groups.values())
