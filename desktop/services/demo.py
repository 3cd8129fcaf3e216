"""The demo account: a bilingual bundle file, loaded through the bundle importer.

The story (resources/demo/demo-account.json): a rep at ZhiLink Cloud (智联云工) works an MES deal
at a Suzhou manufacturer, at stage C after a POC review two weeks ago, with the proposal meeting
tomorrow at 10:00. The file is an ordinary account bundle (docs/bundle-format.md, "The demo
account is a bundle") written by scripts/make_demo_bundle.py; on the way in:

- **Dates follow today.** The file's ``exported_at`` is the day its dates were written for;
  every date and time in it moves by the days between that day and ``today``, so the upcoming
  visit is always tomorrow and the past one two weeks ago.
- **Every uid is new**, so loading the demo again makes a second, independent copy (as a rep
  trying things out expects) instead of replacing the first.
- **What the app computes, it computes here too**: the segment code from its four inputs and
  each value statement the file leaves out from its three parts, with the domain's own code.

Then ``import_document`` checks it like any bundle and writes it in one transaction.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime

from desktop.domain.segment import segment_code
from desktop.domain.value_statement import compose
from desktop.exchange.bundle_format import CONTACT_REF, LAYOUT, Node
from desktop.store.database import Database

from .accounts import SEGMENT_FIELDS
from .bundle_import import import_document, read_bundle

SOURCE = "The demo account"  # names the demo in a problem report
STATEMENT_PARTS = ("vs_who", "vs_what", "vs_why")


def demo_path() -> Path:
    """The shipped demo bundle."""
    from desktop.paths import resources_dir

    return resources_dir() / "demo" / "demo-account.json"


def load_demo(db: Database, *, today: dt.date | None = None) -> int:
    """Create the demo account with its people, opportunities and visits; return the account id.

    Everything is written in one transaction: either the whole demo exists afterwards or none
    of it does. Calling it again creates a second, independent copy.
    """
    doc = demo_document(today or dt.date.today())
    return import_document(db, doc, SOURCE).account_id


def demo_document(today: dt.date) -> dict[str, Any]:
    """The demo bundle as it is imported on ``today``: dates moved, uids new, values computed."""
    doc = copy.deepcopy(_shipped())
    shift = today - dt.datetime.fromisoformat(doc["exported_at"]).date()
    _prepare(LAYOUT, doc["account"], shift, {})
    return doc


@cache
def _shipped() -> dict[str, Any]:
    return read_bundle(demo_path())


def _prepare(node: Node, row: dict[str, Any], shift: dt.timedelta, uids: dict[str, str]) -> None:
    for key, column in node.plain_columns:
        value = row.get(key)
        if key == "uid" and isinstance(value, str):
            row[key] = uids.setdefault(value, uuid.uuid4().hex)
        elif isinstance(value, str) and isinstance(column.type, DateTime):
            row[key] = (dt.datetime.fromisoformat(value) + shift).isoformat()
        elif isinstance(value, str) and isinstance(column.type, Date):
            row[key] = (dt.date.fromisoformat(value) + shift).isoformat()
    for ref in node.refs:
        if ref.target == CONTACT_REF and isinstance(row.get(ref.key), str):
            row[ref.key] = uids.setdefault(row[ref.key], uuid.uuid4().hex)
    if "segment_code" in dict(node.plain_columns):
        row["segment_code"] = segment_code(*(row.get(f) for f in SEGMENT_FIELDS))
    if "value_statement" in dict(node.plain_columns) and "value_statement" not in row:
        row["value_statement"] = compose(row.get(part) or "" for part in STATEMENT_PARTS)
    for key, child in node.children:
        for item in row.get(key, []):
            _prepare(child, item, shift, uids)


# The names screens and tests find the demo by, read from the file: the first opportunity is the
# main one, with the past POC review (done) and the upcoming proposal.
_ACCOUNT = json.loads(demo_path().read_text(encoding="utf-8"))["account"]
_MAIN, _SECOND = _ACCOUNT["opportunities"][:2]
ACCOUNT_NAME: str = _ACCOUNT["name"]
MAIN_OPPORTUNITY_NAME: str = _MAIN["name"]
SECOND_OPPORTUNITY_NAME: str = _SECOND["name"]
PAST_VISIT_TITLE: str = next(v["title"] for v in _MAIN["visits"] if v["status"] == "done")
UPCOMING_VISIT_TITLE: str = next(v["title"] for v in _MAIN["visits"] if v["status"] != "done")
