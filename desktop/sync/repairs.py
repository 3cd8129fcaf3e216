"""The repairs a merge needed, kept in the account's shared document so that every rep is told.

desktop/sync/invariants.py repairs a merged document the same way on every laptop, but only a
laptop whose merge breaks a rule makes a repair. Once one laptop has sent the repaired rows,
the others receive a document that is whole again and would never learn that an edit of
theirs was undone. So a laptop that repairs also writes what it did into the document's
``repairs`` map (``record``), and every laptop tells its rep each entry it has not told yet
(``untold``; the ids told are kept in the data file, ``TeamSyncService.told_repairs``):
each rep exactly once, whatever the order of the syncs.

* **One key per repair, the same on every laptop.** ``repair_id`` hashes the rule, the rows
  involved (the people of the loop; the two buying-role rows folded), the row and field
  changed and the value undone. Two laptops making the same repair of the same merge write the
  same key with the same value, and the map merges them into one entry.
* **An entry is one JSON string** (rule, row, field, the value undone, the English line and
  the names it cites): written once, never edited.
* **Entries are never pruned.** One is a few hundred bytes and a repair needs two offline edits
  that clash: a handful in an account's life. Pruning by age would need a clock every laptop
  agrees on, and a laptop offline for longer than that age would miss its notice.
* **A read-only grant writes nothing** (the server refuses a read-only laptop's changes): such
  a laptop tells its rep of the repairs it makes itself and of those the writers recorded.
* **An account received for the first time** tells only of the repairs this laptop makes on
  it: the entries already there are about edits made before it had the account, and are
  marked told without a word.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from pycrdt import Doc, Map

from .invariants import Notice

ROOT = "repairs"


def repair_id(notice: Notice) -> str:
    """The repair's key: the same for the same repair on every laptop."""
    what = [notice.rule, sorted(notice.uids), notice.row_uid, notice.field, notice.lost]
    canonical = json.dumps(what, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{notice.rule}:{hashlib.sha256(canonical.encode()).hexdigest()[:24]}"


def record(doc: Doc[Any], notices: Iterable[Notice]) -> None:
    """Write ``notices`` into ``doc``'s ``repairs`` map (an entry already there is left)."""
    entries = {repair_id(n): n for n in notices}
    root = doc.get(ROOT, type=Map)
    missing = {key: n for key, n in entries.items() if key not in root}
    if not missing:
        return
    with doc.transaction():
        for key, notice in missing.items():
            root[key] = json.dumps(_entry(notice), ensure_ascii=False)


def recorded(doc: Doc[Any]) -> dict[str, Notice]:
    """Every repair the document holds, by id (an entry this version cannot read is left out)."""
    found: dict[str, Notice] = {}
    for key, raw in json.loads(str(doc.get(ROOT, type=Map)) or "{}").items():
        notice = _notice(raw)
        if notice is not None:
            found[key] = notice
    return found


def untold(
    made: list[Notice], held: dict[str, Notice], told: set[str], first: bool
) -> tuple[dict[str, Notice], set[str]]:
    """What to tell the rep: the repairs this laptop ``made`` now and those the document
    ``held`` (``recorded``) that are not in ``told``, by id, the ones made first in the order
    made, the others by rule, row and field. And the ids to mark told without a word: on an
    account's ``first`` receive, what the document held before."""
    mine = {repair_id(n): n for n in made}
    silent = {key for key in held if key not in mine and key not in told} if first else set()
    others = sorted(
        (key for key in held if key not in mine and key not in silent),
        key=lambda k: (held[k].rule, held[k].row_uid, held[k].field, k),
    )
    tell = {key: n for key, n in mine.items() if key not in told}
    tell.update((key, held[key]) for key in others if key not in told)
    return tell, silent


def _entry(notice: Notice) -> dict[str, Any]:
    return {
        "rule": notice.rule,
        "row": notice.row_uid,
        "field": notice.field,
        "lost": notice.lost,
        "text": notice.text,
        "names": list(notice.names),
        "uids": list(notice.uids),
    }


def _notice(raw: Any) -> Notice | None:
    try:
        data = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    try:
        names = tuple(str(n) for n in data.get("names") or ())
        uids = tuple(str(u) for u in data.get("uids") or ())
        return Notice(
            str(data["rule"]),
            str(data["row"]),
            str(data.get("field") or ""),
            data.get("lost"),
            str(data.get("text") or ""),
            names,
            uids,
        )
    except (KeyError, TypeError):
        return None
