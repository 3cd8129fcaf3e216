"""The account bundle: export, import into another file, and refuse every kind of bad file.

The comparison is generic: every column of every table is read through table introspection, and
integer keys are compared through what they identify (a uid, or a parent's uid and a position),
so a new column is checked without touching this file.
"""

from __future__ import annotations

import copy
import json
import os
import stat
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from rich_account import RICH_UID, TABLES, build_rich, row_counts, snapshot
from sqlalchemy import select

import desktop
from desktop.export.bundle import (
    FORMAT,
    LAYOUT,
    VERSION,
    BundleExportError,
    bundle_dict,
    export_bundle,
    schema_path,
)
from desktop.services import bundle_import
from desktop.services.bundle_import import BundleError, import_bundle
from desktop.store import search_index
from desktop.store.database import Database, open_database
from desktop.store.models import (
    Account,
    Attendee,
    BuyingRole,
    Competitor,
    Contact,
    Objection,
    Opportunity,
    Visit,
)


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "other" / "callbrief.sqlite3")
    yield database
    database.close()


@pytest.fixture
def bundle(db: Database) -> dict[str, Any]:
    return bundle_dict(db, build_rich(db))


# --- the fixture itself ---------------------------------------------------------------------


def test_fixture_sets_every_column(db: Database) -> None:
    """Each column holds a non-default value in at least one row, or the round trip proves less."""
    build_rich(db)
    with db.read() as s:
        for tb in TABLES:
            rows = [dict(r._mapping) for r in s.execute(select(tb))]
            for col in tb.columns:
                if col.info.get("derived"):
                    continue  # written by the database from other rows; no bundle carries it
                default = col.default.arg if col.default is not None else None
                if callable(default):
                    default = None

                def differs(value: Any, default: Any = default) -> bool:
                    return value not in (None, "", [], {}) and value != default

                assert any(differs(r[col.name]) for r in rows), f"{tb.name}.{col.name}"


# --- round trip -----------------------------------------------------------------------------


def test_round_trip_keeps_every_column(db: Database, other: Database, tmp_path: Path) -> None:
    dest = tmp_path / "hdjm.callbrief.json"
    export_bundle(db, build_rich(db), dest)
    result = import_bundle(other, dest)

    source = snapshot(db, RICH_UID)
    assert all(source[tb.name] for tb in TABLES), "every table has rows in the bundle"
    assert snapshot(other, RICH_UID) == source
    assert result.account_name == "华东精密机械有限公司"
    assert result.replaced is False
    assert result.counts == {
        "contacts": 4,
        "details": 8,
        "opportunities": 2,
        "roles": 3,
        "competitors": 2,
        "stage_tasks": 2,
        "decision_points": 1,
        "concessions": 2,
        "referrals": 2,
        "outside_influencers": 2,
        "visits": 2,
        "attendees": 3,
        "questions": 2,
        "needs": 3,
        "fabs": 3,
        "objections": 2,
        "next_steps": 2,
    }
    with other.read() as s:
        assert s.scalar(select(Account.uid).where(Account.id == result.account_id)) == RICH_UID


def test_import_twice_replaces_instead_of_duplicating(
    db: Database, other: Database, tmp_path: Path
) -> None:
    dest = tmp_path / "b.json"
    export_bundle(db, build_rich(db), dest)
    first = import_bundle(other, dest)
    counts = row_counts(other)
    with other.write() as s:  # local edits the second import must undo
        account = s.get(Account, first.account_id)
        assert account is not None
        account.name = "renamed"
        s.add(Contact(account_id=first.account_id, name="临时 temp"))

    second = import_bundle(other, dest)

    assert second.replaced is True
    assert second.account_id == first.account_id
    assert second.counts == first.counts
    assert row_counts(other) == counts
    assert snapshot(other, RICH_UID) == snapshot(db, RICH_UID)
    with other.read() as s:
        hits = search_index.search(s.connection(), "华东精密")
        assert [(h.kind, h.id) for h in hits] == [("account", second.account_id)]
        assert search_index.search(s.connection(), "renamed") == []
        assert search_index.search(s.connection(), "临时") == []


def test_reimport_into_the_source_replaces_in_place(db: Database, tmp_path: Path) -> None:
    dest = tmp_path / "b.json"
    account_id = build_rich(db)
    export_bundle(db, account_id, dest)
    before = snapshot(db, RICH_UID)
    result = import_bundle(db, dest)
    assert (result.account_id, result.replaced) == (account_id, True)
    assert snapshot(db, RICH_UID) == before
    assert snapshot(db, "d" * 32)["contacts"], "the other account is untouched"


def test_minimal_bundle_takes_column_defaults(other: Database, tmp_path: Path) -> None:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": "2025-06-01T08:00:00Z",
        "app_version": "0.0.1",
        "account": {
            "uid": "m1",
            "name": "Minimal",
            "contacts": [{"uid": "mc1", "name": "Ann"}],
            "opportunities": [
                {
                    "uid": "mo1",
                    "name": "Deal",
                    "roles": [{"contact": "mc1"}],
                    "visits": [{"uid": "mv1", "fabs": [{}]}],
                }
            ],
        },
    }
    src = tmp_path / "min.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    result = import_bundle(other, src)
    assert result.counts["fabs"] == 1
    with other.read() as s:
        account = s.get(Account, result.account_id)
        assert account is not None and account.currency == "CNY"
        visit = s.scalars(select(Visit)).one()
        assert (visit.duration_min, visit.status, visit.checklist) == (60, "draft", {})
        assert s.scalars(select(BuyingRole)).one().attitude == "unknown"


def test_keys_are_checked_against_the_files_own_playbook(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    """A team playbook with a fourth objection nature: its bundles import where that playbook
    is in use, and are refused (naming the key) where the bundled playbook is."""
    from desktop.domain.playbook import default_playbook_path, load_playbook
    from desktop.services.registry import Services

    toml = default_playbook_path().read_text(encoding="utf-8")
    extra = '[[objection_natures]]\nkey = "stall"\nlabel = { en = "Stall", zh = "拖延" }\n\n'
    custom = tmp_path / "team.toml"
    custom.write_text(toml.replace("[[objection_natures]]", extra + "[[objection_natures]]", 1))
    doc = copy.deepcopy(bundle)
    doc["account"]["opportunities"][0]["visits"][0]["objections"][0]["nature"] = "stall"
    doc["account"]["buying_behaviour"] = ""  # an optional key left empty is not set, not wrong
    src = tmp_path / "team-bundle.json"
    src.write_text(_dumped(doc), encoding="utf-8")

    with pytest.raises(BundleError, match='nature: "stall" is not a key'):
        Services.build(other, load_playbook(default_playbook_path())).bundles.import_file(src)
    assert all(n == 0 for n in row_counts(other).values())

    result = Services.build(other, load_playbook(custom)).bundles.import_file(src)
    with other.read() as s:
        assert "stall" in s.scalars(select(Objection.nature)).all()
        assert s.get(Account, result.account_id).buying_behaviour == ""


# --- the file and its schema ----------------------------------------------------------------


def test_exported_file(db: Database, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    dest = tmp_path / "out" / "b.json"
    dest.write_text("old", encoding="utf-8")  # overwritten, atomically
    export_bundle(db, build_rich(db), dest)

    raw = dest.read_text(encoding="utf-8")
    assert raw.startswith('{\n "format": "callbrief-bundle",\n "version": 1,')
    assert "华东精密机械有限公司" in raw  # ensure_ascii=False
    assert [p.name for p in dest.parent.iterdir()] == ["b.json"]  # no temporary left
    doc = json.loads(raw)
    assert doc["app_version"] == desktop.__version__
    assert datetime.fromisoformat(doc["exported_at"]).utcoffset() is not None
    names = [c["name"] for c in doc["account"]["contacts"]]
    assert names == ["王磊", "Liu Fang 刘芳", "王建国", "Sun Hao"]  # in id order

    def keys(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            for k, v in value.items():
                yield k
                yield from keys(v)
        elif isinstance(value, list):
            for v in value:
                yield from keys(v)

    assert not [k for k in keys(doc) if k == "id" or k.endswith("_id")], "no integer keys"
    contacts = {c["uid"]: c for c in doc["account"]["contacts"]}
    assert contacts["c" * 31 + "4"]["reports_to"] == "c" * 31 + "3"
    visit = doc["account"]["opportunities"][0]["visits"][0]
    assert [f["need_index"] for f in visit["fabs"]] == [None, 1]
    assert visit["needs"][1]["description"] == "追溯 traceability"
    assert visit["starts_at"] == "2025-06-03T14:30:00"
    assert visit["report_completed_at"] == "2025-06-03T08:45:01.000005"


def test_exported_file_validates_against_the_schema(db: Database, tmp_path: Path) -> None:
    import jsonschema

    dest = tmp_path / "b.json"
    export_bundle(db, build_rich(db), dest)
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(dest.read_text(encoding="utf-8")))


def test_schema_matches_the_models() -> None:
    """Field names, lengths and nullability in the schema follow the tables."""
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    assert schema["properties"]["format"] == {"const": FORMAT}
    assert schema["properties"]["version"] == {"const": VERSION}

    def check(node: Any, definition: dict[str, Any]) -> None:
        assert definition["additionalProperties"] is False
        props = definition["properties"]
        assert list(props) == node.fields(), node.table_name
        for key, col in node.plain_columns:
            types = props[key].get("type")
            if types is not None:
                assert ("null" in types) == bool(col.nullable), f"{node.table_name}.{key}"
            length = getattr(col.type, "length", None)
            assert props[key].get("maxLength") == length, f"{node.table_name}.{key}"
        for key, child in node.children:
            ref = props[key]["items"]["$ref"].rsplit("/", 1)[1]
            check(child, schema["$defs"][ref])

    check(LAYOUT, schema["$defs"]["account"])


def test_layout_covers_every_table_and_reference() -> None:
    nodes = list(LAYOUT.walk())
    assert {n.table_name for n in nodes} == {tb.name for tb in TABLES}
    assert all(n.unhandled_foreign_keys() == [] for n in nodes)


def test_exported_file_can_be_handed_on_and_missing_folders_are_named(
    db: Database, tmp_path: Path
) -> None:
    account_id = build_rich(db)
    out = tmp_path / "out"
    out.mkdir()
    old = os.umask(0o022)
    try:
        export_bundle(db, account_id, out / "b.json")
    finally:
        os.umask(old)
    # An ordinary file (like every other export), not mkstemp's private one.
    assert stat.S_IMODE((out / "b.json").stat().st_mode) == 0o644
    with pytest.raises(OSError, match="the folder .*missing does not exist"):
        export_bundle(db, account_id, out / "missing" / "b.json")
    assert [p.name for p in out.iterdir()] == ["b.json"]


def test_export_of_a_missing_account_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(BundleExportError, match="no account with id 999"):
        export_bundle(db, 999, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


# --- malformed bundles ----------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], Any]  # returns bytes, or a document to dump


def _set(path: str, value: Any) -> Mutation:
    """Set ``value`` at a dotted path such as ``account.contacts.0.name``."""

    def mutate(doc: dict[str, Any]) -> dict[str, Any]:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = doc
        for part in parents:
            target = target[part]
        target[last] = value(doc) if callable(value) else value
        return doc

    return mutate


def _dumped(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _without(key: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> dict[str, Any]:
        del doc[key]
        return doc

    return mutate


def _cycle(doc: dict[str, Any]) -> dict[str, Any]:
    # Contacts are [王磊, 刘芳, 王建国, Sun Hao], each reporting to the one before in the
    # line 王建国 ← 刘芳 ← 王磊 ← Sun Hao; now 王建国 reports to Sun Hao.
    doc["account"]["contacts"][2]["reports_to"] = doc["account"]["contacts"][3]["uid"]
    return doc


C = "account.contacts"
O0 = "account.opportunities[0]"
V0 = f"{O0}.visits[0]"

MALFORMED: list[tuple[str, Mutation, str]] = [
    ("not_json", lambda d: b"hello, world", "b.json: is not valid JSON: Expecting value at line 1"),
    (
        "truncated_json",
        lambda d: _dumped(d)[:5000].encode(),
        "b.json: is not valid JSON: ",
    ),
    ("empty_file", lambda d: b"  \n", "b.json: is empty"),
    ("non_utf8", lambda d: _dumped(d).encode("gb18030"), "b.json: is not UTF-8 text (byte 0x"),
    ("deeply_nested", _set("account.notes", _nested(200)), "is nested deeper than 32 levels"),
    ("not_an_object", lambda d: [d], "$: must be a JSON object, found a list"),
    (
        "wrong_format",
        _set("format", "callbrief-backup"),
        'format: is "callbrief-backup", not "callbrief-bundle"; this is not a Callbrief bundle',
    ),
    ("version_99", _set("version", 99), "version: format version 99 was made by a newer Callbrief"),
    ("version_text", _set("version", "1"), 'version: must be a whole number, found "1"'),
    ("missing_account", _without("account"), "account: is required but missing"),
    (
        "unknown_field",
        _set(f"{C}.1.nmae", "typo"),
        f'{C}[1].nmae: unknown field (not part of format version 1); did you mean "name"?',
    ),
    (
        "wrong_type",
        _set("account.headcount", "1200"),
        'account.headcount: must be a whole number or null, found text "1200"',
    ),
    (
        "list_expected",
        _set("account.contacts", {}),
        "account.contacts: must be a list, found an object",
    ),
    (
        "unknown_contact_ref",
        _set("account.opportunities.0.roles.0.contact", "nobody"),
        f'{O0}.roles[0].contact: refers to unknown contact uid "nobody"',
    ),
    (
        "unknown_reports_to",
        _set(f"{C}.3.reports_to", "ghost"),
        f'{C}[3].reports_to: refers to unknown contact uid "ghost"',
    ),
    (
        "reports_to_cycle",
        _cycle,
        f"{C}[0].reports_to: reports-to cycle: 王磊 → Liu Fang 刘芳 → 王建国 → Sun Hao → 王磊",
    ),
    (
        "reports_to_self",
        _set(f"{C}.1.reports_to", lambda d: d["account"]["contacts"][1]["uid"]),
        f"{C}[1].reports_to: a contact cannot report to themselves",
    ),
    (
        "duplicate_uid",
        _set(f"{C}.2.uid", lambda d: d["account"]["contacts"][0]["uid"]),
        f'{C}[2].uid: "{"c" * 31}3" is also the uid of {C}[0]',
    ),
    (
        "duplicate_role",
        _set(
            "account.opportunities.0.roles.1.contact",
            lambda d: d["account"]["opportunities"][0]["roles"][0]["contact"],
        ),
        f'{O0}.roles[1].contact: contact "{"c" * 31}1" is already listed at {O0}.roles[0]',
    ),
    (
        "need_index_out_of_range",
        _set("account.opportunities.0.visits.0.fabs.0.need_index", 5),
        f"{V0}.fabs[0].need_index: refers to need 5, but this visit has 2 needs",
    ),
    (
        "impossible_date",
        _set("account.opportunities.0.expected_close", "2025-02-30"),
        f'{O0}.expected_close: "2025-02-30" is not a valid date',
    ),
    (
        "date_in_wrong_form",
        _set("account.opportunities.0.visits.0.next_steps.0.due_date", "17/06/2025"),
        f'{V0}.next_steps[0].due_date: "17/06/2025" is not a date (YYYY-MM-DD)',
    ),
    (
        "impossible_datetime",
        _set("account.opportunities.0.visits.0.starts_at", "2025-06-03T25:00:00"),
        f'{V0}.starts_at: "2025-06-03T25:00:00" is not a valid date and time',
    ),
    (
        "datetime_with_offset",
        _set("account.created_at", "2025-06-03T14:30:00+08:00"),
        'account.created_at: "2025-06-03T14:30:00+08:00" is not a date and time',
    ),
    (
        "string_too_long",
        _set(f"{C}.0.name", "王" * 121),
        f"{C}[0].name: is 121 characters long; at most 120 are allowed",
    ),
    (
        "probability_out_of_range",
        _set("account.opportunities.0.probability_override", 150),
        f"{O0}.probability_override: 150 is out of range: must be between 0 and 100",
    ),
    (
        "duration_out_of_range",
        _set("account.opportunities.0.visits.0.duration_min", 2),
        f"{V0}.duration_min: 2 is out of range: must be between 5 and 1440",
    ),
    (
        "bad_qualification_answer",
        _set("account.opportunities.0.qualification.budget.answer", "maybe"),
        f'{O0}.qualification.budget.answer: must be one of "yes", "no", "unknown"',
    ),
    # Values that must be keys of the playbook (bundle_keys.py): named with the allowed keys.
    (
        "objection_nature_not_a_key",
        _set("account.opportunities.0.visits.0.objections.0.nature", "real"),
        f'{V0}.objections[0].nature: "real" is not a key of the playbook group objection_natures;'
        ' allowed keys: "genuine", "excuse", "hidden"',
    ),
    (
        "objection_method_not_a_key",
        _set("account.opportunities.0.visits.0.objections.0.method", "LSCPA"),
        f'{V0}.objections[0].method: "LSCPA" is not a key of the playbook group objection_methods;'
        ' allowed keys: "ignore", "compensate", "reframe", "inquire", "yes_if", "direct_rebuttal"',
    ),
    (
        "role_not_a_key",
        _set("account.opportunities.0.roles.0.roles", ["decision_maker", "Economic Buyer"]),
        f'{O0}.roles[0].roles[1]: "Economic Buyer" is not a key of the playbook group roles;'
        ' allowed keys: "decision_maker", "user", "technical_expert", "influencer", "coach"',
    ),
    (
        "attitude_not_a_key",
        _set("account.opportunities.0.roles.1.attitude", "Supporter"),
        f'{O0}.roles[1].attitude: "Supporter" is not a key of the playbook group attitudes',
    ),
    (
        "stage_not_a_key",
        _set("account.opportunities.0.stage", "Won"),
        f'{O0}.stage: "Won" is not a key of the playbook group funnel_stages;'
        ' allowed keys: "A", "B", "C", "D", "E", "F"',
    ),
    (
        "required_key_empty",
        _set("account.opportunities.0.stage", ""),
        f'{O0}.stage: "" is not a key of the playbook group funnel_stages',
    ),
    (
        "contact_style_not_a_key",
        _set(f"{C}.0.communication_style", "analytical"),
        f'{C}[0].communication_style: "analytical" is not a key of the playbook group'
        ' communication_styles; allowed keys: "controlling", "analyzing",',
    ),
    (
        "visit_status_not_a_key",
        _set("account.opportunities.0.visits.0.status", "reported"),
        f'{V0}.status: "reported" is not a key of the playbook group visit_statuses',
    ),
    (
        "stage_task_not_a_key",
        _set("account.opportunities.0.stage_tasks.0.task", "a_lunch"),
        f'{O0}.stage_tasks[0].task: "a_lunch" is not a key of the stage tasks; allowed keys:'
        ' "a_qualify", "a_team",',
    ),
    (
        "decision_point_phase_not_a_key",
        _set("account.opportunities.0.decision_points.0.phase", "grow"),
        f'{O0}.decision_points[0].phase: "grow" is not a key of the playbook group cvm_phases',
    ),
    (
        "qualification_item_not_a_key",
        _set("account.opportunities.0.qualification.budgett", {"answer": "yes", "note": ""}),
        f'{O0}.qualification.budgett: "budgett" is not a key of the playbook group'
        " qualification_items",
    ),
    (
        "checklist_item_not_a_key",
        _set("account.opportunities.0.visits.0.checklist.open", ["shake_hands"]),
        f'{V0}.checklist.open[0]: "shake_hands" is not a key of the checklist of visit step'
        ' "open"; allowed keys: ',
    ),
    (
        "account_key_not_a_key",
        _set("account.pyramid_tier", "top"),
        'account.pyramid_tier: "top" is not a key of the playbook group pyramid_tiers;'
        ' allowed keys: "key", "ordinary", "small"',
    ),
    (
        "not_a_number",
        lambda d: _dumped(d).replace('"map_x": 121.5', '"map_x": NaN').encode(),
        "b.json: is not valid JSON: NaN is not a number JSON allows",
    ),
    (
        "duplicate_key",
        lambda d: _dumped(d).replace('"version": 1,', '"version": 1, "version": 1,', 1).encode(),
        "version: appears more than once in the same object",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [pytest.param(m, e, id=i) for i, m, e in MALFORMED]
)
def test_malformed_bundle_is_refused_and_nothing_written(
    bundle: dict[str, Any], other: Database, tmp_path: Path, mutate: Mutation, expected: str
) -> None:
    produced = mutate(copy.deepcopy(bundle))
    src = tmp_path / "b.json"
    src.write_bytes(produced if isinstance(produced, bytes) else _dumped(produced).encode())
    assert all(n == 0 for n in row_counts(other).values())

    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)

    assert any(expected in p for p in caught.value.problems), caught.value.problems
    assert expected in str(caught.value)
    assert all(n == 0 for n in row_counts(other).values())


def test_all_problems_are_reported_together(bundle: dict[str, Any], other: Database, tmp_path):
    doc = copy.deepcopy(bundle)
    doc["account"]["contacts"][0]["name"] = "x" * 121
    doc["account"]["contacts"][1]["email"] = 5
    doc["account"]["opportunities"][0]["roles"][0]["contact"] = "nobody"
    doc["account"]["opportunities"][0]["visits"][0]["needs"][0]["extra"] = True
    src = tmp_path / "many.json"
    src.write_text(_dumped(doc), encoding="utf-8")

    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)

    assert len(caught.value.problems) == 4, caught.value.problems
    lines = str(caught.value).splitlines()
    assert lines[0] == "many.json cannot be imported; nothing was changed:"
    assert lines[1:] == [f"- {p}" for p in caught.value.problems]
    assert all(n == 0 for n in row_counts(other).values())


def test_uid_of_another_account_is_refused(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    taken = bundle["account"]["contacts"][1]["uid"]
    with other.write() as s:
        s.add(Account(uid="x" * 32, name="别人的客户", contacts=[Contact(uid=taken, name="Z")]))
    before = row_counts(other)
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")

    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)

    assert caught.value.problems == [
        f'{C}[1].uid: "{taken}" is already the uid of a contact of another account, "别人的客户"'
    ]
    assert row_counts(other) == before


def test_uid_of_a_row_deep_in_another_account_is_refused(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    # Every row of an account's tree has a uid; one already used by another account's
    # objection is named plainly instead of failing on the database's unique constraint.
    taken = bundle["account"]["opportunities"][0]["visits"][0]["objections"][0]["uid"]
    with other.write() as s:
        visit = Visit(uid="v" * 32, objections=[Objection(uid=taken, text="Too dear")])
        s.add(
            Account(
                uid="x" * 32,
                name="别人的客户",
                opportunities=[Opportunity(name="O", visits=[visit])],
            )
        )
    before = row_counts(other)
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")

    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)

    assert caught.value.problems == [
        f'{V0}.objections[0].uid: "{taken}" is already the uid of an objection of another '
        'account, "别人的客户"'
    ]
    assert row_counts(other) == before


def test_rows_without_a_uid_get_one_of_their_own(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    # A version 1 bundle from before child rows carried uids still imports.
    for opportunity in bundle["account"]["opportunities"]:
        children = [*opportunity["roles"], *opportunity["competitors"]]
        for visit in opportunity["visits"]:
            for key in ("attendees", "questions", "needs", "fabs", "objections", "next_steps"):
                children += visit[key]
        for child in children:
            del child["uid"]
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")
    import_bundle(other, src)
    with other.read() as s:
        uids = [*s.scalars(select(Objection.uid)), *s.scalars(select(Attendee.uid))]
        uids += [*s.scalars(select(BuyingRole.uid)), *s.scalars(select(Competitor.uid))]
    assert len(uids) > 8 and len(set(uids)) == len(uids)
    assert all(len(u) == 32 and int(u, 16) >= 0 for u in uids)


def test_clashing_uids_are_reported_with_file_problems(
    bundle: dict[str, Any], other: Database, tmp_path: Path
) -> None:
    visit_uid = bundle["account"]["opportunities"][0]["visits"][0]["uid"]
    with other.write() as s:
        s.add(
            Account(
                uid="x" * 32,
                name="Other",
                opportunities=[Opportunity(name="O", visits=[Visit(uid=visit_uid)])],
            )
        )
    bundle["account"]["website"] = 7
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")
    with pytest.raises(BundleError) as caught:
        import_bundle(other, src)
    assert [p.split(":")[0] for p in caught.value.problems] == ["account.website", f"{V0}.uid"]


def test_not_a_file(other: Database, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="there is no such file"):
        import_bundle(other, tmp_path / "missing.json")
    with pytest.raises(BundleError, match="is a folder, not a bundle"):
        import_bundle(other, tmp_path)


def test_size_limit(
    bundle: dict[str, Any], other: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle_import, "MAX_BYTES", 1024)
    src = tmp_path / "b.json"
    src.write_text(_dumped(bundle), encoding="utf-8")
    with pytest.raises(BundleError, match="is [0-9,]+ bytes; a bundle may be at most 1,024 bytes"):
        import_bundle(other, src)
    assert all(n == 0 for n in row_counts(other).values())
