"""Which of this laptop's values a merge replaced without their writer having seen them.

Every plain field written over an older value carries a stamp (desktop/sync/mirror.py):
``[write id, ids it replaced (newest first), by, at]``. Before an exchange the document holds
our last write of a field; after it, if the field holds someone else's write whose replaced
ids do not include ours, that teammate never saw our value: two concurrent edits of the same
field, and ours lost. Those values are returned as ``Lost`` for the "changed by someone else"
list. A teammate who replaced our value *after* receiving it is not a conflict and is not
listed. Texts are not stamped: concurrent text edits merge character by character.

Repairs made by desktop/sync/invariants.py (a manager link cut, a role's notes set aside) are
listed the same way, with the rule as the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pycrdt import Doc, Map

from .invariants import Notice
from .mirror import KIND, ROOT, STAMP, _nodes, _plain, alive, contact_refs, stamp_of

CONCURRENT = "concurrent_edit"


@dataclass(frozen=True)
class Lost:
    row_uid: str
    row_kind: str
    row_label: str
    field: str
    value: Any  # as the document held it (JSON)
    shown: str  # as the rep reads it: a person's name rather than their uid
    by: str
    at: str
    reason: str = CONCURRENT

    def as_row(self) -> dict[str, Any]:
        return dict(self.__dict__)


def lost_values(before: Doc, after: Doc, laptop: str) -> list[Lost]:
    """Our values in ``before`` that concurrent edits replaced in the merged ``after``."""
    old_root, new_root = before.get(ROOT, type=Map), after.get(ROOT, type=Map)
    if not len(old_root):
        return []  # nothing of ours before (a first sync): nothing replaced
    living = alive(new_root)
    names = _names(new_root)
    found: list[Lost] = []
    for uid, old in old_root.items():
        if not isinstance(old, Map) or uid not in living:
            continue
        new = new_root[uid]
        for key in list(old.keys()):
            if not key.startswith(STAMP):
                continue
            field = key[len(STAMP) :]
            mine, won = stamp_of(old, field), stamp_of(new, field)
            if mine is None or not str(mine[0]).startswith(f"{laptop}:"):
                continue  # not our write: its writer's laptop lists it
            if won is None or won[0] == mine[0] or mine[0] in (won[1] or []):
                continue  # ours stands, or the teammate saw ours before replacing it
            value = _plain(old.get(field))
            if value == _plain(new.get(field)):
                continue
            kind = str(new.get(KIND) or "")
            shown = _shown(kind, field, value, names)
            label = _label(new, names)
            found.append(Lost(uid, kind, label, field, value, shown, str(won[2]), str(won[3])))
    return found


def from_notices(notices: list[Notice], doc: Doc) -> list[Lost]:
    """The repairs that set a value aside, as entries of the same list."""
    if not any(notice.field for notice in notices):
        return []  # the usual case: reading every person's name from Yrs would be wasted
    root = doc.get(ROOT, type=Map)
    names = _names(root)
    found: list[Lost] = []
    for notice in notices:
        if not notice.field or notice.row_uid not in root:
            continue
        row = root[notice.row_uid]
        kind = str(row.get(KIND) or "")
        shown = _shown(kind, notice.field, notice.lost, names)
        label = _label(row, names)
        found.append(
            Lost(notice.row_uid, kind, label, notice.field, notice.lost, shown, "", "", notice.rule)
        )
    return found


def _names(root: Map) -> dict[str, str]:
    out: dict[str, str] = {}
    for uid, row in root.items():
        if isinstance(row, Map) and row.get(KIND) == "contacts":
            out[uid] = str(row.get("name") or "")
    return out


def _label(row: Map, names: dict[str, str]) -> str:
    """What the rep calls the row: its name or title, or the person it is about."""
    for field in ("name", "title", "topic", "question", "text"):
        value = row.get(field)
        if value:
            return str(_plain(value))[:200]
    for field in ("contact", "target"):
        if row.get(field) in names:
            return names[str(row.get(field))]
    return ""


def _shown(kind: str, field: str, value: Any, names: dict[str, str]) -> str:
    if kind in _nodes() and field in contact_refs(kind) and isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
