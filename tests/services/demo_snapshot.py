"""What a user sees of the demo account, in a form independent of ids, uids and the day it loaded.

The demo account is exported with the bundle exporter (every column of every row under the
account), then normalised: each uid becomes ``<table>#<n>`` in the order the rows come, so
references still say who is meant; ``created_at``/``updated_at`` (stamped at load) are dropped;
and every other date or time becomes an offset from the day the demo was loaded
(``today+1 10:00:00``). Two loads on different days of the same demo give equal snapshots.

tests/fixtures/demo/demo-snapshot.json was written with this module from the demo as it was
built in code before it became a bundle file, so the move is checked to have lost nothing.
Since then it has grown only by additions made on purpose (the deal cockpit's deal values, stage
tasks, decision points and next steps, issue 16), each written into the demo file and here, and
by one repair: two qualification answers were filed under keys the playbook does not have
(``risk_acceptable``, ``decision_maker_known``), so no screen showed them; they are under the
playbook's ``delivery_risk`` (answered "no": the risk is contained) and ``decision_person``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime

from desktop.export.bundle import CONTACT_REF, LAYOUT, Node, bundle_dict

STAMPS = ("created_at", "updated_at")  # written at load time, not part of the demo's content


def snapshot(db: Any, account_id: int, today: dt.date) -> dict[str, Any]:
    account = bundle_dict(db, account_id)["account"]
    labels: dict[str, str] = {}
    counters: dict[str, int] = {}
    _label_uids(LAYOUT, account, labels, counters)
    return _normalise(LAYOUT, account, labels, today)


def _label_uids(node: Node, row: dict[str, Any], labels: dict[str, str], n: dict[str, int]) -> None:
    uid = row.get("uid")
    if isinstance(uid, str):
        n[node.table_name] = n.get(node.table_name, 0) + 1
        labels[uid] = f"{node.table_name}#{n[node.table_name]}"
    for key, child in node.children:
        for item in row.get(key, []):
            _label_uids(child, item, labels, n)


def _normalise(
    node: Node, row: dict[str, Any], labels: dict[str, str], today: dt.date
) -> dict[str, Any]:
    columns = dict(node.plain_columns)
    refs = {ref.key for ref in node.refs if ref.target == CONTACT_REF}
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key in STAMPS:
            continue
        if key == "uid" or key in refs:
            out[key] = labels.get(value, value) if value is not None else None
        elif key in columns and isinstance(value, str):
            out[key] = _relative(columns[key].type, value, today)
        elif key in dict(node.children):
            child = dict(node.children)[key]
            out[key] = [_normalise(child, item, labels, today) for item in value]
        else:
            out[key] = value
    return out


def _relative(kind: Any, value: str, today: dt.date) -> str:
    if isinstance(kind, DateTime):
        stamp = dt.datetime.fromisoformat(value)
        return f"today{(stamp.date() - today).days:+d} {stamp.time().isoformat()}"
    if isinstance(kind, Date):
        return f"today{(dt.date.fromisoformat(value) - today).days:+d}"
    return value


def main() -> None:
    """Rewrite the fixture from the demo as it loads now: ``python -m tests.services.demo_snapshot``
    from the repository root, only when the demo is meant to change."""
    import json
    import tempfile
    from pathlib import Path

    from desktop.services.demo import load_demo
    from desktop.store.database import open_database

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "demo" / "demo-snapshot.json"
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "callbrief.sqlite3")
        try:
            data = snapshot(db, load_demo(db, today=today), today)
        finally:
            db.close()
    fixture.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"Wrote {fixture}")


if __name__ == "__main__":
    main()
