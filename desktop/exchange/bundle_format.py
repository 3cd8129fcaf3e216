"""The bundle format's shape, shared by the exporter and the importer.

``LAYOUT`` is the tree of an account bundle (docs/bundle-format.md): which table each level
holds, how a row hangs off its parent, and which integer keys travel as references (a contact's
uid, a need's index). ``desktop/export/bundle.py`` writes bundles from it and
``desktop/services/bundle_import.py`` reads them back by it; keeping it here, outside both,
means neither layer imports the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy import inspect as sa_inspect

from desktop.store.models import (
    Account,
    Attendee,
    Base,
    BuyingRole,
    Competitor,
    Concession,
    Contact,
    ContactDetail,
    DecisionPoint,
    FabStatement,
    Need,
    NextStep,
    Objection,
    Opportunity,
    OutsideInfluencer,
    PlannedQuestion,
    Referral,
    StageTaskCheck,
    Visit,
)

FORMAT = "callbrief-bundle"
VERSION = 1
SCHEMA_FILENAME = f"bundle-v{VERSION}.schema.json"


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
    # Left out of a row that has none (an optional list added after bundles were shipped).
    omit_empty: bool = False

    @property
    def table(self) -> Table:
        """The model's table (declared as a FromClause; every model here maps one Table)."""
        table = self.model.__table__
        assert isinstance(table, Table)
        return table

    @property
    def table_name(self) -> str:
        return str(self.table.name)

    @cached_property
    def mapped_columns(self) -> tuple[tuple[str, Column[Any]], ...]:
        """(attribute key, column) for every column of the table, in table order, but those the
        database derives (``DERIVED``): they are no part of an account's content."""
        mapper = sa_inspect(self.model)
        by_column: dict[Any, str] = {prop.columns[0]: prop.key for prop in mapper.column_attrs}
        return tuple(
            (by_column[col], col) for col in self.table.columns if not col.info.get("derived")
        )

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
        ("concessions", Node(Concession, "opportunity_id")),
        ("referrals", Node(Referral, "opportunity_id")),
        ("outside_influencers", Node(OutsideInfluencer, "opportunity_id")),
        ("visits", VISIT_NODE),
    ),
)
CONTACT_NODE = Node(
    Contact,
    "account_id",
    _by_uid("reports_to_id", "reports_to"),
    children=(("details", Node(ContactDetail, "contact_id", omit_empty=True)),),  # 0008
    target=CONTACT_REF,
)
# The whole format: the account at the root. Order matters: contacts come before anything that
# refers to them, needs before the FAB statements that refer to them.
LAYOUT = Node(Account, children=(("contacts", CONTACT_NODE), ("opportunities", OPPORTUNITY_NODE)))


def schema_path() -> Path:
    """Where the JSON Schema of the current format version lives."""
    from desktop.paths import resources_dir

    return resources_dir() / "schema" / SCHEMA_FILENAME
