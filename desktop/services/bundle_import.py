"""Importing an account bundle: check the whole file, then write it in one transaction.

Every problem in the file is collected before anything is written — unreadable bytes, bad JSON,
the wrong format or version, every JSON Schema error, duplicate uids, dangling references,
reports-to cycles, impossible dates, uids that belong to another account — and reported together
with its location as a JSON path (``account.contacts[3].reports_to: …``). A clean file is
written in one ``db.write()`` transaction; an account with the same uid is replaced. The format
is described in docs/bundle-format.md; the layout and column handling are shared with
desktop/export/bundle.py.
"""

from __future__ import annotations

import codecs
import difflib
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    UniqueConstraint,
    delete,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from desktop.domain.input_files import InputFileError, read_limited
from desktop.domain.limits import EARLIEST, LATEST, date_in_range, unwritable_character
from desktop.export.bundle import (
    CONTACT_REF,
    FORMAT,
    LAYOUT,
    NEED_REF,
    VERSION,
    Node,
    schema_path,
)
from desktop.store.database import Database
from desktop.store.models import Account

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 32  # the format itself needs about 10 levels
MAX_REPORTED = 200  # problems listed; the rest are counted
_INT64 = (-(2**63), 2**63 - 1)

JsonPath = tuple[str | int, ...]


class BundleError(Exception):
    """The bundle cannot be imported; ``problems`` says where and why, one line each."""

    def __init__(self, problems: list[str], source: str = "The bundle") -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        shown = self.problems[:MAX_REPORTED]
        lines = [f"{self.source} cannot be imported; nothing was changed:"]
        lines += [f"- {p}" for p in shown]
        if len(self.problems) > len(shown):
            lines.append(f"- … and {len(self.problems) - len(shown)} more problems")
        return "\n".join(lines)


@dataclass(frozen=True)
class ImportResult:
    account_id: int
    account_name: str
    replaced: bool  # an account with the same uid was there and has been replaced
    counts: dict[str, int]  # rows imported per list: {"contacts": 4, "visits": 2, …}


def import_bundle(db: Database, src: Path) -> ImportResult:
    """Check ``src`` completely, then write its account into ``db`` in one transaction."""
    checked = _check_file(src)
    if checked.problems:
        if checked.uids:  # also name the uids that clash with the database
            with db.read() as session:
                checked.problems += _conflicts(session, checked.uids)
        raise BundleError(checked.problems, src.name)
    with db.write() as session:
        if conflicts := _conflicts(session, checked.uids):
            raise BundleError(conflicts, src.name)  # rolls back; nothing was written yet
        return _write(session, checked.doc)


def read_bundle(src: Path) -> dict[str, Any]:
    """The checked document in ``src`` (no database involved); raises BundleError."""
    checked = _check_file(src)
    if checked.problems:
        raise BundleError(checked.problems, src.name)
    return checked.doc


# --- reading and checking -------------------------------------------------------------------


@dataclass
class _Checked:
    doc: Any = None
    problems: list[str] = field(default_factory=list)
    uids: dict[str, dict[str, JsonPath]] = field(default_factory=dict)  # table -> uid -> path


class _DupDict(dict[str, Any]):
    """A JSON object in which some key appeared more than once (the last value is kept)."""

    duplicates: list[str]


_SURROGATE = re.compile("[\ud800-\udfff]")


class _NonFinite(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    dups: list[str] = []
    for key, value in pairs:
        if key in out:
            dups.append(key)
        out[key] = value
    if not dups:
        return out
    marked = _DupDict(out)
    marked.duplicates = dups
    return marked


def _reject_constant(name: str) -> Any:
    raise _NonFinite(name)


def _check_file(src: Path) -> _Checked:
    result = _Checked()
    name = src.name or str(src)

    def fail(message: str) -> _Checked:
        result.problems.append(f"{name}: {message}")
        return result

    # The bytes.
    if not src.exists() and not src.is_symlink():
        return fail("there is no such file")
    try:
        raw = read_limited(src, MAX_BYTES, "bundle")
    except InputFileError as exc:
        result.problems.append(str(exc))
        return result
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0  # some editors add one
    try:
        content = raw[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = bom + exc.start
        line = raw.count(b"\n", 0, at) + 1
        return fail(f"is not UTF-8 text (byte 0x{raw[at]:02x} at offset {at}, line {line})")
    if not content.strip():
        return fail("is empty")
    # The JSON.
    if too_deep := _too_deep(content):
        line, column = too_deep
        return fail(f"is nested deeper than {MAX_DEPTH} levels (line {line}, column {column})")
    try:
        doc = json.loads(content, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        return fail(f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
    except _NonFinite as exc:
        return fail(f"is not valid JSON: {exc} is not a number JSON allows")
    except RecursionError:
        return fail(f"is nested deeper than {MAX_DEPTH} levels")
    except ValueError:  # Python refuses integers of thousands of digits
        return fail("is not valid JSON: it holds a number too long to read")
    result.doc = doc
    # The header: if it is wrong, nothing else is worth reporting.
    if not isinstance(doc, dict):
        return _at(result, (), f"must be a JSON object, found {_kind(doc)}")
    if doc.get("format") != FORMAT:
        found = doc.get("format")
        what = "is missing" if found is None else f"is {_show(found)}, not {_show(FORMAT)}"
        return _at(result, ("format",), f"{what}; this is not a Callbrief bundle")
    version = doc.get("version")
    if version is None:
        return _at(result, ("version",), "is missing")
    if not isinstance(version, int) or isinstance(version, bool):
        return _at(result, ("version",), f"must be a whole number, found {_show(version)}")
    if version > VERSION:
        return _at(
            result,
            ("version",),
            f"format version {version} was made by a newer Callbrief; this one reads up to "
            f"version {VERSION}. Update Callbrief to import it",
        )
    if version != VERSION:
        return _at(result, ("version",), f"format version {version} is not supported")
    # The content.
    checker = _Checker()
    checker.duplicate_keys(doc, ())
    checker.schema(doc)
    if isinstance(doc.get("account"), dict):
        checker.account(doc["account"])
    exported = doc.get("exported_at")
    if isinstance(exported, str) and not _parses(datetime.fromisoformat, exported):
        checker.add(("exported_at",), f"{_show(exported)} is not an ISO 8601 date and time")
    result.problems = checker.messages()
    result.uids = checker.uids
    return result


def _at(result: _Checked, path: JsonPath, message: str) -> _Checked:
    result.problems.append(f"{format_path(path)}: {message}")
    return result


_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _too_deep(content: str) -> tuple[int, int] | None:
    """(line, column) where nesting first exceeds MAX_DEPTH, scanning past strings."""
    depth = 0
    for match in _TOKEN.finditer(content):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                pos = match.start()
                line = content.count("\n", 0, pos) + 1
                return line, pos - content.rfind("\n", 0, pos)
        elif token in "]}":
            depth -= 1
    return None


class _Checker:
    """Collects (path, message) problems over a parsed bundle."""

    def __init__(self) -> None:
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
        for path, message in sorted(self.problems, key=lambda p: _path_key(p[0])):
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
        for error in _validator().iter_errors(doc):
            for path, message in _describe(error):
                self.schema_paths.add(path)
                self.add(path, message)

    # Meaning: what the schema cannot say

    def account(self, data: dict[str, Any]) -> None:
        self._node(LAYOUT, data, ("account",))
        if not isinstance(data.get("contacts", []), list):
            return  # the contacts are unknown, so every reference would look dangling
        for path, uid in self.contact_refs:
            if uid not in self.contacts and path not in self.schema_paths:
                self.add(path, f"refers to unknown contact uid {_show(uid)}")
        self._reporting_lines()

    def _node(self, node: Node, data: Any, path: JsonPath) -> None:
        if not isinstance(data, dict):
            return
        for key, col in node.plain_columns:
            if key in data and path + (key,) not in self.schema_paths:
                self._value(col, data[key], path + (key,))
        uid = data.get("uid")
        if isinstance(uid, str) and "uid" in dict(node.plain_columns):
            seen = self.uids.setdefault(node.table_name, {})
            if uid in seen:
                first = format_path(seen[uid])
                self.add(path + ("uid",), f"{_show(uid)} is also the uid of {first}")
            else:
                seen[uid] = path
            if node.target == CONTACT_REF:
                name = data.get("name") if isinstance(data.get("name"), str) else uid
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
            parsed = _parses(datetime.fromisoformat, value)
            if parsed is None:
                self.add(path, f"{_show(value)} is not a valid date and time")
            elif parsed.tzinfo is not None:
                self.add(path, f"{_show(value)} must not carry a timezone offset")
            elif not date_in_range(parsed):
                self.add(path, _out_of_range(value))
        elif isinstance(col.type, Date) and isinstance(value, str):
            parsed_day = _parses(date.fromisoformat, value)
            if parsed_day is None:
                self.add(path, f"{_show(value)} is not a valid date")
            elif not date_in_range(parsed_day):
                self.add(path, _out_of_range(value))
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
                self.add(path + (i, key), f"contact {_show(uid)} is already listed at {where}")
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
                        first = min(cycle, key=lambda u: _path_key(self.contacts[u][0]))
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


# --- schema errors in words -----------------------------------------------------------------

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
    "object": "an object",
    "array": "a list",
}


@cache
def _validator() -> Any:
    import jsonschema  # only when importing: it is slow to load

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _unique_per_parent(node: Node, column: str) -> bool:
    """Whether the table has a unique constraint on exactly (parent key, ``column``)."""
    wanted = {node.parent_fk, column}
    return any(
        isinstance(c, UniqueConstraint) and {col.name for col in c.columns} == wanted
        for c in node.model.__table__.constraints
    )


def _describe(error: Any) -> Iterator[tuple[JsonPath, str]]:
    path: JsonPath = tuple(error.absolute_path)
    value, kind, arg = error.instance, error.validator, error.validator_value
    if kind == "additionalProperties" and isinstance(value, dict):
        known = list(error.schema.get("properties", {}))
        for key in value:
            if key not in known:
                hint = difflib.get_close_matches(key, known, n=1)
                tail = f"; did you mean {_show(hint[0])}?" if hint else ""
                yield path + (key,), f"unknown field (not part of format version {VERSION}){tail}"
    elif kind == "required" and isinstance(value, dict):
        for key in arg:
            if key not in value:
                yield path + (key,), "is required but missing"
    elif kind == "type":
        wanted = [arg] if isinstance(arg, str) else list(arg)
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        yield path, f"must be {words}, found {_kind(value)}"
    elif kind == "maxLength":
        yield path, f"is {len(value)} characters long; at most {arg} are allowed"
    elif kind == "minLength":
        yield path, "must not be empty" if arg == 1 else f"must be at least {arg} characters"
    elif kind in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        if low is not None and high is not None:
            yield path, f"{value} is out of range: must be between {low} and {high}"
        elif low is not None:
            yield path, f"{value} is out of range: must be at least {low}"
        else:
            yield path, f"{value} is out of range: must be at most {high}"
    elif kind == "pattern":
        what = "date and time (YYYY-MM-DDTHH:MM:SS)" if "T" in arg else "date (YYYY-MM-DD)"
        yield path, f"{_show(value)} is not a {what}"
    elif kind == "const":
        yield path, f"must be {_show(arg)}, found {_show(value)}"
    elif kind == "enum":
        yield path, f"must be one of {', '.join(map(_show, arg))}, found {_show(value)}"
    else:
        yield path, error.message[:200]


# --- writing --------------------------------------------------------------------------------


# What each kind of row is called in a message.
_KIND_NAMES = {
    "contacts": "a contact",
    "opportunities": "an opportunity",
    "buying_roles": "a buying role",
    "competitors": "a competitor",
    "stage_task_checks": "a stage task",
    "decision_points": "a decision point",
    "visits": "a visit",
    "attendees": "an attendee",
    "planned_questions": "a planned question",
    "needs": "a need",
    "fab_statements": "a FAB statement",
    "objections": "an objection",
    "next_steps": "a next step",
}


def _owner_queries() -> Iterator[tuple[Node, Any]]:
    """For every kind of row under an account: (its node, a query of its uids with the uid and
    name of the account that owns each), joined up the tree along the parent keys."""

    def walk(path: list[Node]) -> Iterator[tuple[Node, Any]]:
        node = path[-1]
        if len(path) > 1:
            stmt = select(node.model.uid, Account.uid, Account.name)
            for child, parent in zip(reversed(path[1:]), reversed(path[:-1]), strict=True):
                link = getattr(child.model, child.parent_fk or "")
                stmt = stmt.join(parent.model, link == parent.model.id)
            yield node, stmt
        for _, child in node.children:
            yield from walk([*path, child])

    yield from walk([LAYOUT])


def _conflicts(session: Session, uids: dict[str, dict[str, JsonPath]]) -> list[str]:
    """uids in the bundle that already belong to rows of another account."""
    accounts = list(uids.get("accounts", {}))
    own = accounts[0] if accounts else None
    problems: list[str] = []
    for node, stmt in _owner_queries():
        wanted = uids.get(node.table_name, {})
        for chunk in _chunks(list(wanted), 500):
            for uid, account_uid, account_name in session.execute(
                stmt.where(node.model.uid.in_(chunk))
            ):
                if account_uid != own:
                    problems.append(
                        f"{format_path(wanted[uid] + ('uid',))}: {_show(uid)} is already the uid "
                        f"of {_KIND_NAMES[node.table_name]} of another account, "
                        f"{_show(account_name)}"
                    )
    return problems


def _write(session: Session, doc: dict[str, Any]) -> ImportResult:
    data = doc["account"]
    existing = session.scalar(select(Account.id).where(Account.uid == data["uid"]))
    if existing is not None:
        # The database cascades the delete to everything under the account and its search rows.
        session.execute(delete(Account).where(Account.id == existing))
    # Rows refer to each other by pre-assigned ids; check those references at commit.
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    builder = _Builder(session)
    builder.reserve_contacts(data.get("contacts", []))
    account = builder.build(LAYOUT, data, {})
    if existing is not None:
        account.id = existing  # keep the id, so open windows still find the account
    session.add(account)
    session.flush()
    return ImportResult(account.id, account.name, existing is not None, builder.counts)


class _Builder:
    """Turns checked bundle dicts into ORM objects, resolving uids and indexes to ids."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.next_ids: dict[type[Any], int] = {}
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


# --- small helpers --------------------------------------------------------------------------

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def format_path(path: Iterable[str | int]) -> str:
    """``("account", "contacts", 3, "uid")`` -> ``account.contacts[3].uid``; the root is ``$``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENTIFIER.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or "$"


def _path_key(path: JsonPath) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


def _show(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {_show(value)}"
    return "a list" if isinstance(value, list) else "an object"


def _out_of_range(value: str) -> str:
    return f"{_show(value)} is outside {EARLIEST.isoformat()} to {LATEST.isoformat()}"


def _parses(parse: Any, value: str) -> Any:
    try:
        return parse(value)
    except ValueError:
        return None


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
