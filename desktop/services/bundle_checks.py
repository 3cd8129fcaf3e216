"""Checking a parsed bundle's content: the JSON Schema, then what the schema cannot say.

``Checker`` walks the document along the bundle ``LAYOUT`` and collects every problem with its
JSON path: schema errors (in words, see bundle_words.py), repeated keys, text no exporter could
write out again, impossible dates and numbers, uids used twice, references to unknown contacts,
need indexes past the end, a contact listed twice where the table allows once, reports-to
loops, and values that are not keys of the playbook (bundle_keys.py). It never stops at the
first problem, so the rep sees them all at once.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Column, Date, DateTime, Float, Integer, UniqueConstraint

from desktop.domain.limits import date_in_range, unwritable_character
from desktop.domain.playbook import Playbook
from desktop.exchange.bundle_format import CONTACT_REF, LAYOUT, NEED_REF, Node, schema_path

from .bundle_keys import KeyChecker
from .bundle_schema import Check, Unsupported, compile_schema
from .bundle_words import JsonPath, describe, format_path, out_of_range, parses, path_key, show

_INT64 = (-(2**63), 2**63 - 1)
_SURROGATE = re.compile("[\ud800-\udfff]")


class Checker:
    """Collects (path, message) problems over a parsed bundle."""

    def __init__(self, playbook: Playbook | None = None) -> None:
        self.keys = KeyChecker(playbook) if playbook is not None else None
        self.problems: list[tuple[JsonPath, str]] = []
        self.schema_paths: set[JsonPath] = set()
        self.uids: dict[str, dict[str, JsonPath]] = {}
        self.contacts: dict[str, tuple[JsonPath, Any, str]] = {}  # uid -> (path, reports_to, name)
        self.contact_refs: list[tuple[JsonPath, str]] = []

    def add(self, path: JsonPath, message: str) -> None:
        self.problems.append((path, message))

    def messages(self) -> list[str]:
        seen: set[str] = set()
        out: list[str] = []
        for path, message in sorted(self.problems, key=lambda p: path_key(p[0])):
            line = f"{format_path(path)}: {message}"
            if line not in seen:
                seen.add(line)
                out.append(line)
        return out

    # JSON level

    def duplicate_keys(self, value: Any, path: JsonPath) -> None:
        """Repeated keys, and text some exporter could not write out again (lone surrogate
        escapes, control characters), in values and in keys alike."""
        if isinstance(value, str):
            self._writable(value, path)
        elif isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                self.add(path + (key,), "appears more than once in the same object")
            for key, item in value.items():
                if self._writable(key, path, as_key=True):
                    self.duplicate_keys(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self.duplicate_keys(item, path + (i,))

    def _writable(self, text: str, path: JsonPath, as_key: bool = False) -> bool:
        bad = unwritable_character(text)
        if bad is None:
            return True
        what = "a key" if as_key else "text"
        if _SURROGATE.search(text):
            self.add(path, f"{what} holds a broken character (a lone \\ud800-\\udfff escape)")
        else:
            self.add(path, f"{what} holds the control character {bad}, which files cannot hold")
        return False

    def schema(self, doc: dict[str, Any]) -> None:
        quick = _quick_check()
        if quick is not None and quick(doc):
            return  # valid: the full validator would find nothing (bundle_schema.py)
        for error in _validator().iter_errors(doc):
            for path, message in describe(error):
                self.schema_paths.add(path)
                self.add(path, message)

    # Meaning: what the schema cannot say

    def account(self, data: dict[str, Any]) -> None:
        self._node(LAYOUT, data, ("account",))
        if not isinstance(data.get("contacts", []), list):
            return  # the contacts are unknown, so every reference would look dangling
        for path, uid in self.contact_refs:
            if uid not in self.contacts and path not in self.schema_paths:
                self.add(path, f"refers to unknown contact uid {show(uid)}")
        self._reporting_lines()

    def _node(self, node: Node, data: Any, path: JsonPath) -> None:
        if not isinstance(data, dict):
            return
        for key, col in node.plain_columns:
            if key in data and path + (key,) not in self.schema_paths:
                self._value(col, data[key], path + (key,))
        if self.keys is not None:
            for where, message in self.keys.row(node.model, data, path, self.schema_paths):
                self.add(where, message)
        uid = data.get("uid")
        if isinstance(uid, str) and "uid" in dict(node.plain_columns):
            seen = self.uids.setdefault(node.table_name, {})
            if uid in seen:
                first = format_path(seen[uid])
                self.add(path + ("uid",), f"{show(uid)} is also the uid of {first}")
            else:
                seen[uid] = path
            if node.target == CONTACT_REF:
                given = data.get("name")
                name = given if isinstance(given, str) else uid
                self.contacts.setdefault(uid, (path, data.get("reports_to"), name))
        for ref in node.refs:
            value = data.get(ref.key)
            if ref.target == CONTACT_REF and isinstance(value, str):
                self.contact_refs.append((path + (ref.key,), value))
        for key, child in node.children:
            items = data.get(key)
            if isinstance(items, list):
                for i, item in enumerate(items):
                    self._node(child, item, path + (key, i))
        self._sibling_refs(node, data, path)

    def _value(self, col: Column[Any], value: Any, path: JsonPath) -> None:
        if isinstance(col.type, DateTime) and isinstance(value, str):
            parsed = parses(datetime.fromisoformat, value)
            if parsed is None:
                self.add(path, f"{show(value)} is not a valid date and time")
            elif parsed.tzinfo is not None:
                self.add(path, f"{show(value)} must not carry a timezone offset")
            elif not date_in_range(parsed):
                self.add(path, out_of_range(value))
        elif isinstance(col.type, Date) and isinstance(value, str):
            parsed_day = parses(date.fromisoformat, value)
            if parsed_day is None:
                self.add(path, f"{show(value)} is not a valid date")
            elif not date_in_range(parsed_day):
                self.add(path, out_of_range(value))
        elif isinstance(value, bool):
            return
        elif isinstance(col.type, Integer) and isinstance(value, int):
            if not _INT64[0] <= value <= _INT64[1]:
                self.add(path, f"{value} is too large")
        elif isinstance(col.type, Float) and isinstance(value, float):
            if not math.isfinite(value):
                self.add(path, f"{value} is too large")

    def _sibling_refs(self, node: Node, data: dict[str, Any], path: JsonPath) -> None:
        """Indexes into a sibling list, and rows the table allows once per (parent, contact)."""
        targets = {c.target: key for key, c in node.children if c.target}
        for key, child in node.children:
            items = data.get(key)
            if not isinstance(items, list):
                continue
            for ref in child.refs:
                if ref.target == NEED_REF:
                    self._indexes(items, ref.key, data.get(targets[NEED_REF]), path + (key,))
                elif _unique_per_parent(child, ref.column):
                    self._one_per_contact(items, ref.key, path + (key,))

    def _indexes(self, items: list[Any], key: str, targets: Any, path: JsonPath) -> None:
        count = len(targets) if isinstance(targets, list) else 0
        for i, item in enumerate(items):
            index = item.get(key) if isinstance(item, dict) else None
            if (
                not isinstance(index, int)
                or isinstance(index, bool)
                or path + (i, key) in (self.schema_paths)
            ):
                continue
            if 0 <= count <= index:
                self.add(
                    path + (i, key),
                    f"refers to need {index}, but this visit has {count} needs (counted from 0)",
                )

    def _one_per_contact(self, items: list[Any], key: str, path: JsonPath) -> None:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            uid = item.get(key) if isinstance(item, dict) else None
            if not isinstance(uid, str):
                continue
            if uid in first:
                where = format_path(path + (first[uid],))
                self.add(path + (i, key), f"contact {show(uid)} is already listed at {where}")
            else:
                first[uid] = i

    def _reporting_lines(self) -> None:
        """A contact reporting to itself, and reports-to cycles (each reported once)."""
        done: set[str] = set()
        for uid, (path, boss, _) in self.contacts.items():
            if boss == uid:
                self.add(path + ("reports_to",), "a contact cannot report to themselves")
        for start in self.contacts:
            chain: list[str] = []
            current: Any = start
            while isinstance(current, str) and current in self.contacts and current not in done:
                if current in chain:
                    cycle = chain[chain.index(current) :]
                    if len(cycle) > 1:  # told from the contact listed first
                        first = min(cycle, key=lambda u: path_key(self.contacts[u][0]))
                        at = cycle.index(first)
                        cycle = cycle[at:] + cycle[:at] + [first]
                        self.add(
                            self.contacts[first][0] + ("reports_to",),
                            "reports-to cycle: " + " → ".join(self.contacts[u][2] for u in cycle),
                        )
                    break
                chain.append(current)
                current = self.contacts[current][1]
            done.update(chain)


@cache
def _schema() -> dict[str, Any]:
    return dict(json.loads(schema_path().read_text(encoding="utf-8")))


@cache
def _validator() -> Any:
    import jsonschema  # only when importing: it is slow to load

    return jsonschema.Draft202012Validator(_schema())


@cache
def _quick_check() -> Check | None:
    try:
        return compile_schema(_schema())
    except Unsupported:  # a keyword it does not know: the full validator alone
        return None


def _unique_per_parent(node: Node, column: str) -> bool:
    """Whether the table has a unique constraint on exactly (parent key, ``column``)."""
    wanted = {node.parent_fk, column}
    return any(
        isinstance(c, UniqueConstraint) and {col.name for col in c.columns} == wanted
        for c in node.table.constraints
    )
