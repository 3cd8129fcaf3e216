"""The account bundle: one JSON file with an account and everything under it.

A rep hands an account to a colleague without a server: contacts, opportunities with their
buying roles, competitors and visits, and each visit's attendees, questions, needs, FAB
statements, objections and next steps. docs/bundle-format.md describes the format and
resources/schema/bundle-v1.schema.json lists every field.

Rows are serialised generically from the table columns, so a new column travels without code
changes here. Integer keys never leave the database: parents are implied by nesting, contacts are
referred to by uid and a FAB statement's need by its index in the visit's ``needs`` list.
The format's shape (``LAYOUT``, version, schema) lives in ``desktop/exchange/bundle_format.py``,
shared with the importer (desktop/services/bundle_import.py) without either importing the other.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Date, DateTime, Float, select
from sqlalchemy.orm import Session

import desktop
from desktop.exchange.bundle_format import (  # re-exported: the format's names, as before
    CONTACT_REF,
    FORMAT,
    LAYOUT,
    NEED_REF,
    SCHEMA_FILENAME,
    VERSION,
    Node,
    Ref,
    schema_path,
)
from desktop.store.database import Database
from desktop.store.models import Account

from .atomic import write_atomically

__all__ = [
    "CONTACT_REF",
    "FORMAT",
    "LAYOUT",
    "NEED_REF",
    "SCHEMA_FILENAME",
    "VERSION",
    "BundleExportError",
    "Node",
    "Ref",
    "bundle_dict",
    "export_bundle",
    "schema_path",
    "to_json_value",
]

_IN_CHUNK = 500  # ids per IN (...) list


class BundleExportError(ValueError):
    """The account cannot be exported: it does not exist, or its rows cannot be expressed."""


def export_bundle(db: Database, account_id: int, dest: Path) -> None:
    """Write the account ``account_id`` and everything under it to ``dest``, atomically."""
    text = json.dumps(bundle_dict(db, account_id), ensure_ascii=False, indent=1, allow_nan=False)
    write_atomically(dest, lambda tmp: _write_text(tmp, text + "\n"))


def export_account(services: Any, account_id: int, dest: Path) -> None:
    """``export_bundle`` for the window and the command line, which hold the services (and
    never hand their database around): the export reads through them."""
    export_bundle(services.db, account_id, dest)


def bundle_dict(db: Database, account_id: int) -> dict[str, Any]:
    """The bundle of account ``account_id`` as a JSON-ready dict."""
    with db.read() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise BundleExportError(f"There is no account with id {account_id} to export.")
        body = _Exporter(session).rows(LAYOUT, [account])[0]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "app_version": desktop.__version__,
        "account": body,
    }


def to_json_value(column: Column[Any], value: Any) -> Any:
    """A column value in its bundle form."""
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return value.isoformat()  # naive: UTC stamps, or local wall time for Visit.starts_at
    if isinstance(column.type, Date):
        return value.isoformat()
    if isinstance(column.type, Float) and not math.isfinite(value):
        if column.nullable:
            return None  # JSON has no NaN/Infinity; only map coordinates are floats
        raise BundleExportError(f"{column.table.name}.{column.name} holds {value}.")
    return value


class _Exporter:
    """Serialises one level of rows at a time, one query per table."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.contact_uids: dict[int, str] = {}
        self.need_index: dict[int, tuple[int, int]] = {}  # need id -> (visit id, index)

    def rows(self, node: Node, objs: Sequence[Any]) -> list[dict[str, Any]]:
        if unhandled := node.unhandled_foreign_keys():
            raise BundleExportError(f"{node.table_name}: cannot export references {unhandled}.")
        if node.target == CONTACT_REF:  # before serialising: contacts refer to each other
            self.contact_uids.update((o.id, o.uid) for o in objs)
        out = [self._row(node, o) for o in objs]
        by_id = {o.id: d for o, d in zip(objs, out, strict=True)}
        for key, child in node.children:
            for d in out:
                d[key] = []
            kids = self._children(child, list(by_id))
            if child.target == NEED_REF:
                self._index_needs(child, kids)
            for kid, data in zip(kids, self.rows(child, kids), strict=True):
                by_id[getattr(kid, child.parent_fk or "")][key].append(data)
            if child.omit_empty:  # a later addition: rows without any stay as before
                for d in out:
                    if not d[key]:
                        del d[key]
        return out

    def _children(self, node: Node, parent_ids: list[int]) -> list[Any]:
        model = node.model
        fk = getattr(model, node.parent_fk or "")
        order = [model.position] if hasattr(model, "position") else []
        found: list[Any] = []
        for i in range(0, len(parent_ids), _IN_CHUNK):
            chunk = parent_ids[i : i + _IN_CHUNK]
            stmt = select(model).where(fk.in_(chunk)).order_by(fk, *order, model.id)  # type: ignore[attr-defined]  # every model in the tree has an id; Base declares none
            found.extend(self.session.scalars(stmt))
        return found

    def _index_needs(self, node: Node, needs: list[Any]) -> None:
        counts: dict[int, int] = {}
        for need in needs:
            parent = getattr(need, node.parent_fk or "")
            self.need_index[need.id] = (parent, counts.get(parent, 0))
            counts[parent] = counts.get(parent, 0) + 1

    def _row(self, node: Node, obj: Any) -> dict[str, Any]:
        refs = {r.column: r for r in node.refs}
        out: dict[str, Any] = {}
        for key, col in node.mapped_columns:
            if key in refs:
                out[refs[key].key] = self._ref(node, obj, refs[key])
            elif key != "id" and not col.foreign_keys:
                out[key] = to_json_value(col, getattr(obj, key))
        return out

    def _ref(self, node: Node, obj: Any, ref: Ref) -> Any:
        value = getattr(obj, ref.column)
        if value is None:
            return None
        if ref.target == CONTACT_REF and value in self.contact_uids:
            return self.contact_uids[value]
        if ref.target == NEED_REF and value in self.need_index:
            parent, index = self.need_index[value]
            if parent == getattr(obj, node.parent_fk or ""):
                return index
        # The models allow it, but the bundle cannot carry a link outside its own account/visit.
        raise BundleExportError(
            f"{node.table_name} row {obj.id}: {ref.column} = {value} points outside the "
            f"{'account' if ref.target == CONTACT_REF else 'visit'} being exported."
        )


def _write_text(path: Path, text: str) -> None:
    """UTF-8 with LF line ends, on disk before the rename (the only copy a colleague gets)."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
