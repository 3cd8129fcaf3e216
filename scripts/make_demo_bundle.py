"""Write resources/demo/demo-account.json, the demo account, from an account in a data file.

The demo is data: edit the account in Callbrief (or load the demo, change it and save), then

    python scripts/make_demo_bundle.py DATA_FILE ACCOUNT_ID --today YYYY-MM-DD

exports that account as an ordinary account bundle (docs/bundle-format.md) and makes it fit to
ship: ``exported_at`` is set to ``--today``, the day the account's dates are relative to (the
app shifts every date by the days between that day and the day the demo is loaded, see
desktop/services/demo.py); the load-time stamps ``created_at``/``updated_at`` are left out;
values the app computes — the segment code and a value statement that is just its three parts
composed — are left out so the app's own domain code computes them at load; the uids become
readable labels (``demo-contact-03``), and the rows below opportunities and visits carry none
(the importer gives them new ones). The app replaces every uid at load, so each load is a new,
independent copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.domain.value_statement import compose  # noqa: E402
from desktop.export.bundle import CONTACT_REF, LAYOUT, Node, bundle_dict  # noqa: E402

DEST = ROOT / "resources" / "demo" / "demo-account.json"
STAMPS = ("created_at", "updated_at")
LABELLED = {"accounts": "account", "contacts": "contact", "opportunities": "opportunity"}
LABELLED["visits"] = "visit"
STATEMENT_PARTS = ("vs_who", "vs_what", "vs_why")


def demo_bundle(db: Any, account_id: int, today: dt.date) -> dict[str, Any]:
    """The account ``account_id`` of ``db`` as the demo bundle, its dates relative to ``today``."""
    doc = bundle_dict(db, account_id)
    doc["exported_at"] = f"{today.isoformat()}T00:00:00Z"
    labels: dict[str, str] = {}
    _label(LAYOUT, doc["account"], labels, {})
    _tidy(LAYOUT, doc["account"], labels)
    doc["account"].pop("segment_code", None)
    return doc


def _label(node: Node, row: dict[str, Any], labels: dict[str, str], n: dict[str, int]) -> None:
    kind = LABELLED.get(node.table_name)
    if kind:
        n[kind] = n.get(kind, 0) + 1
        labels[row["uid"]] = "demo-account" if kind == "account" else f"demo-{kind}-{n[kind]:02d}"
    for key, child in node.children:
        for item in row.get(key, []):
            _label(child, item, labels, n)


def _tidy(node: Node, row: dict[str, Any], labels: dict[str, str]) -> None:
    for key in STAMPS:
        row.pop(key, None)
    if node.table_name in LABELLED:
        row["uid"] = labels[row["uid"]]
    else:
        row.pop("uid", None)
    for ref in node.refs:
        if ref.target == CONTACT_REF and row.get(ref.key) is not None:
            row[ref.key] = labels[row[ref.key]]
    if "value_statement" in row and row["value_statement"] == compose(
        row.get(part, "") for part in STATEMENT_PARTS
    ):
        del row["value_statement"]
    for key, child in node.children:
        for item in row.get(key, []):
            _tidy(child, item, labels)


def main() -> int:
    from desktop.store.database import open_database

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_file", type=Path)
    parser.add_argument("account_id", type=int)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--out", type=Path, default=DEST)
    args = parser.parse_args()
    db = open_database(args.data_file)
    try:
        doc = demo_bundle(db, args.account_id, args.today)
    finally:
        db.close()
    text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
