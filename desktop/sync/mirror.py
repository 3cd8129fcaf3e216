"""An account's rows <-> its pycrdt document, by the bundle layout.

The document has one root map, ``rows``, keyed by row uid. Each row is a map of its bundle
fields plus three of ours: ``_k`` the list it belongs to ("account", "contacts", "visits", …,
the bundle's keys), ``_p`` its parent's uid and ``_o`` its place among its siblings. A FAB
statement's need travels as the need's uid (``_need``), not as an index that a concurrent insert
would shift. Long texts (columns of SQL type Text: notes, objectives, research…) are pycrdt
``Text`` edited in place by a minimal diff, so two people's additions merge character by
character; assigning a new ``Text`` over an existing one would drop the other side's edits.

A person deleted here clears the fields that named them (another person's ``reports_to``, a
need's ``contact``…; rows that cannot live without them go with them, ``_with``). The field
written empty keeps the uid it held in ``^field``; if the person comes back (edited elsewhere
meanwhile) and the field is still empty, reading relinks it. Any later write of the field
drops the mark, so a value someone chose since is never overridden.

Plain functions on plain dicts (the bundle's ``account`` body): no database here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any
from uuid import uuid4

from pycrdt import Doc, Map, Text
from sqlalchemy import Boolean, Integer
from sqlalchemy import Text as SqlText

from desktop.exchange.bundle_format import CONTACT_REF, LAYOUT, NEED_REF, Node

ROOT = "rows"
KIND, PARENT, ORDER, NEED = "_k", "_p", "_o", "_need"
GONE, EDIT, WITH = "_gone", "_e", "_with"
META = frozenset({KIND, PARENT, ORDER, GONE, EDIT, WITH})
WAS = "^"  # "^reports_to": the person the field named before their delete cleared it
ACCOUNT_KEY = "account"


@dataclass(frozen=True)
class Author:
    """Who writes: this laptop's id (to recognise its own stamps), the rep's name, when."""

    laptop: str
    by: str
    at: str


STAMP = "~"
REPLACED_KEPT = 16
# Not the rep's values: the file's own timestamps and the ids the mirror keeps.
UNSTAMPED = frozenset({"created_at", "updated_at", NEED, KIND, PARENT, ORDER})


def stamp_of(row: Map, field: str) -> list[str] | None:
    """A field's stamp: [write id, the write ids it replaced (newest first), by, at], or None."""
    raw = row.get(STAMP + field)
    try:
        value = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    ok = isinstance(value, list) and len(value) == 4 and isinstance(value[1], list)
    return value if ok else None


@dataclass(frozen=True)
class Row:
    key: str  # which list: "account", "contacts", …
    parent: str | None
    order: int
    fields: dict[str, Any]  # bundle fields (children lists left out), need refs as ``_need``


@cache
def _nodes() -> dict[str, Node]:
    """Every layout node by its bundle key (the keys are unique across the tree)."""
    found: dict[str, Node] = {ACCOUNT_KEY: LAYOUT}

    def walk(node: Node) -> None:
        for key, child in node.children:
            found[key] = child
            walk(child)

    walk(LAYOUT)
    return found


@cache
def _text_fields(key: str) -> frozenset[str]:
    node = _nodes()[key]
    return frozenset(k for k, c in node.plain_columns if isinstance(c.type, SqlText))


@cache
def _typed_fields(key: str, kind: type) -> frozenset[str]:
    node = _nodes()[key]
    return frozenset(k for k, c in node.plain_columns if isinstance(c.type, kind))


@cache
def contact_refs(key: str) -> frozenset[str]:
    """The fields of a row kind that hold a person's uid ("reports_to", "contact", …)."""
    return frozenset(r.key for r in _nodes()[key].refs if r.target == CONTACT_REF)


def _need_ref(node: Node) -> str | None:
    return next((r.key for r in node.refs if r.target == NEED_REF), None)


def flatten(body: dict[str, Any]) -> dict[str, Row]:
    """The account body of a bundle as rows by uid."""
    rows: dict[str, Row] = {}

    def walk(key: str, data: dict[str, Any], parent: str | None, order: int) -> None:
        node = _nodes()[key]
        children = {k for k, _ in node.children}
        fields = {k: v for k, v in data.items() if k not in children}
        rows[data["uid"]] = Row(key, parent, order, fields)
        for child_key, child in node.children:
            items = data.get(child_key) or []
            need_ref = _need_ref(child)
            for index, item in enumerate(items):
                if need_ref is not None:
                    item = dict(item)
                    position = item.pop(need_ref, None)
                    needs = data.get("needs") or []
                    ok = isinstance(position, int) and 0 <= position < len(needs)
                    item[NEED] = needs[position]["uid"] if ok else None
                walk(child_key, item, data["uid"], index)

    walk(ACCOUNT_KEY, body, None, 0)
    return rows


def write_rows(doc: Doc, body: dict[str, Any], author: Author | None = None) -> bytes | None:
    """Bring ``doc`` to the rows of ``body``, changing only what differs; the update made, or
    None when the document already said the same. With an ``author``, every plain field that
    changes is stamped."""
    before = doc.get_state()
    rows = flatten(body)
    root = doc.get(ROOT, type=Map)
    token = uuid4().hex[:12]
    with doc.transaction():
        removed = [u for u in alive(root) if u not in rows]
        _mark_gone(root, removed)
        for uid, row in rows.items():
            wanted = {KIND: row.key, PARENT: row.parent, ORDER: row.order, **row.fields}
            texts = _text_fields(row.key)
            if uid not in root:
                new = {k: Text(v or "") if k in texts else v for k, v in wanted.items()}
                root[uid] = Map({**new, EDIT: token})
                continue
            current = root[uid]
            changed = False
            for key in (GONE, WITH):  # a row deleted elsewhere that is here again
                if key in current:
                    del current[key]
                    changed = True
            for field, value in wanted.items():
                if field in texts:
                    changed |= _edit_text(current, field, value or "")
                elif field not in current or _plain(current[field]) != value:
                    was = current.get(field)
                    current[field] = value
                    changed = True
                    if value is None and was in removed and field in contact_refs(row.key):
                        current[WAS + field] = was  # cleared by that person's delete
                    elif WAS + field in current:
                        del current[WAS + field]  # chosen since: never relinked
                    if author is not None and field not in UNSTAMPED:
                        _stamp(current, field, author, token)
            if changed:
                current[EDIT] = token
    update = doc.get_update(before)
    return None if doc.get_state() == before else update


def _stamp(row: Map, field: str, author: Author, token: str) -> None:
    """Stamp a field we just wrote with the writes it replaced (the last few: a teammate may
    replace ours twice before we sync, and still have seen it)."""
    old = stamp_of(row, field)
    replaced = [old[0], *(old[1] or [])][:REPLACED_KEPT] if old else []
    mark = [f"{author.laptop}:{token}", replaced, author.by, author.at]
    row[STAMP + field] = json.dumps(mark, ensure_ascii=False)


def _mark_gone(root: Map, removed: list[str]) -> None:
    """Mark deleted rows with the edit token they had; what went with another row says so."""
    gone = set(removed)
    for uid in removed:
        row = root[uid]
        row[GONE] = str(row.get(EDIT) or "")
        key = row.get(KIND)
        cause = row.get(PARENT) if row.get(PARENT) in gone else None
        if cause is None and isinstance(key, str) and key in _nodes():
            cause = next((row.get(r) for r in contact_refs(key) if row.get(r) in gone), None)
        if cause is not None:
            row[WITH] = cause


def alive(root: Map) -> set[str]:
    """The uids of rows that are not deleted: never marked gone, edited since the mark, or
    gone with a row that is alive again."""
    return _alive(_plain_rows(root))


def _plain_rows(root: Map) -> dict[str, Any]:
    """The root map as plain Python, texts as str, numbers as JSON has them (an integer comes
    back as int, not as Yrs' float). One call into Yrs for the whole document (its JSON):
    reading it value by value (``Map.to_py`` too) cost a Python call per field, about 4 ms
    for an account of 10 people."""
    rows = json.loads(str(root))
    return rows if isinstance(rows, dict) else {}


def _alive(rows: dict[str, Any]) -> set[str]:
    """``alive`` over the root map as plain Python (``_plain_rows``)."""
    marks: dict[str, tuple[Any, Any, Any]] = {}
    for uid, value in rows.items():
        if isinstance(value, dict):
            marks[uid] = (value.get(GONE), str(value.get(EDIT) or ""), value.get(WITH))
    found: dict[str, bool] = {}

    def is_alive(uid: str, seen: frozenset[str]) -> bool:
        if uid not in found:
            gone, edit, cause = marks.get(uid, (True, None, None))
            if gone is None or (uid in marks and gone != edit):
                found[uid] = True
            elif isinstance(cause, str) and cause in marks and cause not in seen:
                found[uid] = is_alive(cause, seen | {uid})
            else:
                found[uid] = False
        return found[uid]

    return {uid for uid in marks if is_alive(uid, frozenset())}


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Text) else value


def _edit_text(row: Map, field: str, new: str) -> bool:
    """Make ``row[field]`` read ``new`` by one delete and one insert where they differ; True if
    it changed."""
    if not isinstance(row.get(field), Text):
        row[field] = Text(new)  # not shared yet (an older document): nothing to merge with
        return True
    text = row[field]
    old = str(text)
    if old == new:
        return False
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    # pycrdt's Text indexes by UTF-8 bytes: a character index would land inside 中文.
    at = len(old[:start].encode())
    gone = len(old[start : len(old) - end].encode())
    if gone:
        del text[at : at + gone]
    inserted = new[start : len(new) - end]
    if inserted:
        text.insert(at, inserted)
    return True


def read_rows(doc: Doc) -> dict[str, Any] | None:
    """The account body the document holds (None if it has no account yet)."""
    root = _plain_rows(doc.get(ROOT, type=Map))
    flat: dict[str, Row] = {}
    living = _alive(root)
    for uid, value in root.items():
        if not isinstance(value, dict) or uid not in living:
            continue
        data = dict(value)
        key, parent, order = data.get(KIND), data.get(PARENT), data.get(ORDER, 0)
        if key not in _nodes():
            continue
        for mark in [k for k in data if k.startswith(WAS)]:
            field, person = mark[len(WAS) :], data[mark]
            if data.get(field) is None and person in living:
                data[field] = person  # they came back: the link their delete cleared too
        data = {
            k: v
            for k, v in data.items()
            if k not in META and not k.startswith(STAMP) and not k.startswith(WAS)
        }
        flat[uid] = Row(key, parent, int(order or 0), _typed(key, data))
    account = next((u for u, r in flat.items() if r.key == ACCOUNT_KEY), None)
    if account is None:
        return None
    by_parent: dict[str, list[str]] = {}
    for uid, row in flat.items():
        if row.parent is not None:
            by_parent.setdefault(row.parent, []).append(uid)
    contacts = {u for u, r in flat.items() if r.key == "contacts" and r.parent == account}
    return _build(ACCOUNT_KEY, account, flat, by_parent, contacts)


def _typed(key: str, data: dict[str, Any]) -> dict[str, Any]:
    """Numbers come back from Yrs as floats: integer columns get their ints back."""
    for field in _typed_fields(key, Integer) - _typed_fields(key, Boolean):
        if isinstance(data.get(field), float):
            data[field] = int(data[field])
    return data


def _build(
    key: str,
    uid: str,
    flat: dict[str, Row],
    by_parent: dict[str, list[str]],
    contacts: set[str],
) -> dict[str, Any]:
    node = _nodes()[key]
    data = dict(flat[uid].fields)
    for child_key, child in node.children:
        kids = [u for u in by_parent.get(uid, []) if flat[u].key == child_key]
        kids.sort(key=lambda u: (flat[u].order, u))
        items = [_build(child_key, u, flat, by_parent, contacts) for u in kids]
        kept = [i for i in items if _resolve(child, i, contacts)]
        if kept or not child.omit_empty:  # as the bundle writes it (exchange/bundle_format)
            data[child_key] = kept
    if "fabs" in data:  # needs are built by now: their uids back to indexes
        need_ref = _need_ref(_nodes()["fabs"]) or "need_index"
        positions = {n["uid"]: i for i, n in enumerate(data.get("needs", []))}
        for fab in data["fabs"]:
            fab[need_ref] = positions.get(fab.pop(NEED, None))
    return data


def _resolve(node: Node, item: dict[str, Any], contacts: set[str]) -> bool:
    """Drop a reference to a person deleted elsewhere; a row that needs one goes with it."""
    for ref in node.refs:
        if ref.target == NEED_REF or item.get(ref.key) in (None, *contacts):
            continue
        column = dict(node.mapped_columns)[ref.column]
        if not column.nullable:
            return False
        item[ref.key] = None
    return True
