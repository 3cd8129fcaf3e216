"""The account bundle: one JSON file with an account and everything under it.

A rep hands an account to a colleague without a server: contacts, opportunities with their
buying roles, competitors and visits, and each visit's attendees, questions, needs, FAB
statements, objections and next steps. docs/bundle-format.md describes the format and
resources/schema/bundle-v1.schema.json lists every field.

Rows are serialised generically from the table columns, so a new column travels without code
changes here. Integer keys never leave the database: parents are implied by nesting, contacts are
referred to by uid and a FAB statement's need by its index in the visit's ``needs`` list.
``LAYOUT`` below is shared with the importer (desktop/services/bundle_import.py).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Date, DateTime, Float, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

import desktop
from desktop.store.database import Database
from desktop.store.models import (
    Account,
    Attendee,
    Base,
    BuyingRole,
    Competitor,
    Contact,
    DecisionPoint,
    FabStatement,
    Need,
    NextStep,
    Objection,
    Opportunity,
    PlannedQuestion,
    StageTaskCheck,
    Visit,
)

from .atomic import write_atomically

FORMAT = "callbrief-bundle"
VERSION = 1
SCHEMA_FILENAME = f"bundle-v{VERSION}.schema.json"
_IN_CHUNK = 500  # ids per IN (...) list


class BundleExportError(ValueError):
    """The account cannot be exported: it does not exist, or its rows cannot be expressed."""


@dataclass(frozen=True)
class Ref:
    """An integer foreign key carried as a reference the receiving file can resolve."""

    column: str  # the column in the table, e.g. "reports_to_id"
    key: str  # the field in the bundle, e.g. "reports_to"
    target: str  # "contact": a contact uid; "need": an index into the visit's needs


@dataclass(frozen=True)
class Node:
    """One kind of row in the bundle: its model, how it hangs off its parent, what is under it."""

    model: type[Base]
    parent_fk: str | None = None  # implied by nesting, never written
    refs: tuple[Ref, ...] = ()
    children: tuple[tuple[str, Node], ...] = ()  # (bundle key == relationship name, node)
    target: str | None = None  # what refs of this target kind point at

    @property
    def table_name(self) -> str:
        return str(self.model.__table__.name)

    @cached_property
    def mapped_columns(self) -> tuple[tuple[str, Column[Any]], ...]:
        """(attribute key, column) for every column of the table, in table order."""
        mapper = sa_inspect(self.model)
        by_column = {prop.columns[0]: prop.key for prop in mapper.column_attrs}
        return tuple((by_column[col], col) for col in self.model.__table__.columns)

    @cached_property
    def plain_columns(self) -> tuple[tuple[str, Column[Any]], ...]:
        """The columns carried as they are: all but the integer keys."""
        return tuple((k, c) for k, c in self.mapped_columns if k != "id" and not c.foreign_keys)

    def fields(self) -> list[str]:
        """The bundle fields of one row, in the order they are written."""
        refs = {r.column: r.key for r in self.refs}
        out: list[str] = []
        for key, col in self.mapped_columns:
            if key in refs:
                out.append(refs[key])
            elif key != "id" and not col.foreign_keys:
                out.append(key)
        return out + [key for key, _ in self.children]

    def unhandled_foreign_keys(self) -> list[str]:
        """Integer references the format does not know how to carry (should be empty)."""
        known = {self.parent_fk, *(r.column for r in self.refs)}
        return [k for k, c in self.mapped_columns if c.foreign_keys and k not in known]

    def walk(self) -> Iterator[Node]:
        yield self
        for _, child in self.children:
            yield from child.walk()


CONTACT_REF = "contact"
NEED_REF = "need"


def _by_uid(column: str, key: str = "contact") -> tuple[Ref, ...]:
    return (Ref(column, key, CONTACT_REF),)


VISIT_NODE = Node(
    Visit,
    "opportunity_id",
    children=(
        ("attendees", Node(Attendee, "visit_id", _by_uid("contact_id"))),
        ("questions", Node(PlannedQuestion, "visit_id", _by_uid("target_contact_id", "target"))),
        ("needs", Node(Need, "visit_id", _by_uid("contact_id"), target=NEED_REF)),
        ("fabs", Node(FabStatement, "visit_id", (Ref("need_id", "need_index", NEED_REF),))),
        ("objections", Node(Objection, "visit_id")),
        ("next_steps", Node(NextStep, "visit_id")),
    ),
)
OPPORTUNITY_NODE = Node(
    Opportunity,
    "account_id",
    children=(
        ("roles", Node(BuyingRole, "opportunity_id", _by_uid("contact_id"))),
        ("competitors", Node(Competitor, "opportunity_id")),
        ("stage_tasks", Node(StageTaskCheck, "opportunity_id")),
        ("decision_points", Node(DecisionPoint, "opportunity_id")),
        ("visits", VISIT_NODE),
    ),
)
CONTACT_NODE = Node(
    Contact, "account_id", _by_uid("reports_to_id", "reports_to"), target=CONTACT_REF
)
# The whole format: the account at the root. Order matters: contacts come before anything that
# refers to them, needs before the FAB statements that refer to them.
LAYOUT = Node(Account, children=(("contacts", CONTACT_NODE), ("opportunities", OPPORTUNITY_NODE)))


def schema_path() -> Path:
    """Where the JSON Schema of the current format version lives."""
    from desktop.paths import resources_dir

    return resources_dir() / "schema" / SCHEMA_FILENAME


def export_bundle(db: Database, account_id: int, dest: Path) -> None:
    """Write the account ``account_id`` and everything under it to ``dest``, atomically."""
    text = json.dumps(bundle_dict(db, account_id), ensure_ascii=False, indent=1, allow_nan=False)
    write_atomically(dest, lambda tmp: _write_text(tmp, text + "\n"))


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
        return out

    def _children(self, node: Node, parent_ids: list[int]) -> list[Any]:
        model = node.model
        fk = getattr(model, node.parent_fk or "")
        order = [model.position] if hasattr(model, "position") else []
        found: list[Any] = []
        for i in range(0, len(parent_ids), _IN_CHUNK):
            chunk = parent_ids[i : i + _IN_CHUNK]
            stmt = select(model).where(fk.in_(chunk)).order_by(fk, *order, model.id)
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
