"""Hostile input: every validator and importer, fed random and nasty input, either accepts it or
refuses it with its documented error — never a crash, never a half-written change.

Inputs: random bytes, wrong encodings, 10 MB fields, deeply nested JSON, emoji, right-to-left
text, control characters and spreadsheet formulas. The number of inputs tried per importer is
recorded for docs/reliability.md; ``scripts/reliability.py --long`` tries many more.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import record, scale

from desktop.domain.validation import ValidationError
from desktop.services import fields
from desktop.store import models

SETTINGS = settings(
    max_examples=scale(60, 1500),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)

BIG = "长" * 10_000_000  # a 10 MB field (30 MB of UTF-8)
NASTY = [
    "",
    " ",
    "😀👍🏽👨‍👩‍👧‍👦",  # emoji, skin tone, a family joined by zero-width joiners
    "\u202eevil.exe\u202c",  # right-to-left override
    "مرحبا بالعالم",  # Arabic (right-to-left)
    "שלום",  # Hebrew
    "\x00\x01\x07\x08\x1b[31mred\x1b[0m\x7f",  # control characters and a terminal escape
    "line\r\nbreak\rcarriage\nreturn",
    '=HYPERLINK("http://x.example","click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "'quoted",
    '"double"',
    "a,b;c\td",
    "Robert'); DROP TABLE contacts;--",
    "e\u0301\u0301\u0301",  # combining accents
    "\u200b\u200c\u200d\ufeff",  # zero-width characters and a BOM
    "𠜎𠜱𠝹𠱓",  # CJK outside the basic plane
    "张伟 Zhang Wei",
    "1" * 400,
    "9" * 30,
    "1e309",
    "NaN",
    "2025-02-30",
    "0000-00-00 25:61",
    "+86 (138) 0013-8000",
    "x@y",
    "someone@例子.中国",
]
TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(NASTY), min_size=2, max_size=6).map("".join),
    st.text(st.characters(codec="utf-8", categories=("Cc", "Cf", "Zs", "Mn", "So")), max_size=50),
)

GROUPS = {
    name: value
    for name, value in vars(fields).items()
    if name.isupper()
    and isinstance(value, dict)
    and value
    and all(isinstance(s, fields.Spec) for s in value.values())
}
MODELS = {
    "ACCOUNT": models.Account,
    "CONTACT": models.Contact,
    "OPPORTUNITY": models.Opportunity,
    "BUYING_ROLE": models.BuyingRole,
    "COMPETITOR": models.Competitor,
    "VISIT": models.Visit,
    "ATTENDEE": models.Attendee,
    "QUESTION": models.PlannedQuestion,
    "NEED": models.Need,
    "FAB": models.FabStatement,
    "OBJECTION": models.Objection,
    "NEXT_STEP": models.NextStep,
}


def typed(kind: str) -> st.SearchStrategy[Any]:
    """What a widget of this kind hands over besides typed text."""
    return {
        "int": st.integers(min_value=-(2**70), max_value=2**70),
        "float": st.floats(allow_nan=True, allow_infinity=True),
        "date": st.dates(),
        "datetime": st.datetimes(),
        "bool": st.one_of(st.booleans(), st.none()),
        "flag": st.booleans(),
        "keys": st.lists(TEXT, max_size=5),
        "lines": st.lists(TEXT, max_size=5),
        "json": st.dictionaries(st.text(max_size=10), TEXT, max_size=5),
    }.get(kind, TEXT)


def changes_for(group: dict[str, fields.Spec]) -> st.SearchStrategy[dict[str, Any]]:
    names = sorted(group)
    return st.lists(st.sampled_from(names), min_size=1, max_size=6, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries(
            {n: st.one_of(TEXT, st.none(), typed(group[n].kind)) for n in chosen}
        )
    )


def test_every_spec_group_is_covered():
    assert set(GROUPS) == set(MODELS)


@pytest.mark.parametrize("group", sorted(MODELS))
def test_validators_accept_or_explain_every_input(playbook, group):
    tried = [0]

    @SETTINGS
    @given(changes=changes_for(GROUPS[group]), creating=st.booleans())
    def check(changes: dict[str, Any], creating: bool) -> None:
        tried[0] += 1
        try:
            out = fields.clean(MODELS[group], GROUPS[group], changes, playbook, creating=creating)
        except ValidationError as exc:
            for lang in ("en", "zh"):
                assert exc.text(lang).strip()
                assert set(exc.by_field(lang)) <= set(changes) | set(GROUPS[group])
            return
        assert set(out) == set(changes)

    check()
    record("input", importer=f"fields.clean {group}", tried=tried[0], crashes=0)


def row_snapshot(db_path: Path, table: str, ident: int) -> tuple:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(f"SELECT * FROM {table} WHERE id = ?", (ident,)).fetchone()
    finally:
        con.close()


@pytest.mark.parametrize(
    ("group", "service", "table"),
    [
        ("ACCOUNT", "accounts", "accounts"),
        ("CONTACT", "contacts", "contacts"),
        ("OPPORTUNITY", "opportunities", "opportunities"),
    ],
)
def test_saving_hostile_values_is_all_or_nothing(services, group, service, table):
    from desktop.services.demo import load_demo

    load_demo(services.db)
    tried = [0]
    big = [0]

    @SETTINGS
    @given(changes=changes_for(GROUPS[group]), big_field=st.booleans())
    def check(changes: dict[str, Any], big_field: bool) -> None:
        tried[0] += 1
        if big_field and tried[0] % 20 == 0:  # now and then one 10 MB text field
            text_fields = [n for n in GROUPS[group] if GROUPS[group][n].kind == "text"]
            changes[text_fields[tried[0] % len(text_fields)]] = BIG
            big[0] += 1
        changes.pop("reports_to_id", None)  # an id, not text: checked by its own tests
        before = row_snapshot(services.db.path, table, 1)
        try:
            getattr(services, service).update(1, **changes)
        except ValidationError:
            assert row_snapshot(services.db.path, table, 1) == before
            return
        stored = getattr(services, service).get(1)
        for name, value in changes.items():
            if GROUPS[group][name].kind == "text" and isinstance(value, str):
                assert getattr(stored, name) in (value, value.strip())

    check()
    record("input", importer=f"{service}.update", tried=tried[0], ten_mb_fields=big[0], crashes=0)


# --- the account bundle importer --------------------------------------------------------------


@pytest.fixture
def bundle_text(services, tmp_path) -> str:
    from desktop.export.bundle import export_bundle
    from desktop.services.demo import load_demo

    account_id = load_demo(services.db)
    export_bundle(services.db, account_id, tmp_path / "demo.json")
    return (tmp_path / "demo.json").read_text(encoding="utf-8")


def table_digest(db_path: Path) -> list:
    con = sqlite3.connect(db_path)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_fts_%'"
            )
        ]
        return [(n, hash(tuple(con.execute(f'SELECT * FROM "{n}"')))) for n in sorted(names)]
    finally:
        con.close()


def paths_in(doc: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            found += paths_in(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            found += paths_in(v, (*prefix, i))
    return found


def replace_at(doc: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(doc, dict):
        return {**doc, head: replace_at(doc[head], rest, value)}
    copy = list(doc)
    copy[head] = replace_at(doc[head], rest, value)
    return copy


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "latin-1", "cp1252"]


def test_the_bundle_importer_refuses_bad_files_whole(services, bundle_text, tmp_path):
    from desktop.services.bundle_import import BundleError, import_bundle

    doc = json.loads(bundle_text)
    targets = paths_in(doc)
    tried = {"random bytes": 0, "mutated bundle": 0, "deep nesting": 0, "wrong encoding": 0}
    outcomes = {"imported": 0, "refused": 0}
    src = tmp_path / "in.json"

    def attempt(data: bytes, kind: str) -> None:
        tried[kind] += 1
        src.write_bytes(data)
        before = table_digest(services.db.path)
        try:
            import_bundle(services.db, src)
        except BundleError as exc:
            assert str(exc).startswith("in.json cannot be imported; nothing was changed")
            assert table_digest(services.db.path) == before
            outcomes["refused"] += 1
            return
        outcomes["imported"] += 1
        con = sqlite3.connect(services.db.path)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.close()

    @SETTINGS
    @given(data=st.binary(max_size=4000))
    def random_bytes(data: bytes) -> None:
        attempt(data, "random bytes")

    @SETTINGS
    @given(
        where=st.sampled_from(targets),
        value=JSON_VALUES,
        encoding=st.sampled_from(ENCODINGS),
        cut=st.one_of(st.none(), st.integers(0, 2000)),
    )
    def mutated(where: tuple, value: Any, encoding: str, cut: int | None) -> None:
        text = json.dumps(replace_at(doc, where, value), ensure_ascii=False)
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        if encoding not in ("utf-8", "utf-8-sig"):
            tried["wrong encoding"] += 1
        attempt(data[:cut] if cut is not None else data, "mutated bundle")

    @SETTINGS
    @given(depth=st.integers(30, 50_000), opener=st.sampled_from(["[", '{"a":']))
    def deep(depth: int, opener: str) -> None:
        closer = "]" if opener == "[" else "}"
        attempt((opener * depth + "1" + closer * depth).encode(), "deep nesting")

    random_bytes()
    mutated()
    deep()
    attempt(bundle_text.replace('"notes": "', '"notes": "' + BIG, 1).encode(), "mutated bundle")
    record(
        "input",
        importer="account bundle",
        tried=sum(tried.values()),
        kinds=tried,
        outcomes=outcomes,
        crashes=0,
    )


def test_a_bundle_with_a_lone_surrogate_escape_is_refused(services, bundle_text, tmp_path):
    from desktop.services.bundle_import import BundleError, import_bundle

    src = tmp_path / "surrogate.json"
    src.write_text(bundle_text.replace('"notes": "', '"notes": "\\ud800', 1), encoding="utf-8")
    with pytest.raises(BundleError):
        import_bundle(services.db, src)


# --- the CSV and vCard contact importers ------------------------------------------------------

CSV_HEADERS = [
    [
        "First Name",
        "Last Name",
        "E-mail Address",
        "Mobile Phone",
        "Job Title",
        "Company",
        "Department",
        "Notes",
        "Manager's Name",
    ],  # Outlook
    [
        "Name",
        "Given Name",
        "Family Name",
        "E-mail 1 - Value",
        "Phone 1 - Value",
        "Organization 1 - Title",
        "Notes",
    ],  # Google
    ["姓名", "职位", "部门", "手机", "电子邮件", "汇报对象", "备注"],  # Callbrief, Chinese
    ["Name", "Title", "Reports to", "Mobile", "E-mail", "Notes"],  # Callbrief, English
    ["foo", "bar", "baz"],  # unknown columns
]


def contacts_of(db_path: Path, account_id: int) -> list[tuple]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(
            "SELECT id, name FROM contacts WHERE account_id = ? ORDER BY id", (account_id,)
        ).fetchall()
    finally:
        con.close()


def run_contact_import(services, path: Path, account_id: int, outcomes: dict[str, int]) -> None:
    from desktop.services.contact_formats import ImportFileError
    from desktop.services.contact_import import commit_import, preview_import

    before = contacts_of(services.db.path, account_id)
    try:
        preview = preview_import(services, path, account_id)
    except ImportFileError as exc:
        assert str(exc)
        outcomes["refused file"] += 1
        assert contacts_of(services.db.path, account_id) == before
        return
    for row in preview.rows:
        for lang in ("en", "zh"):
            preview.row_problems(row, lang)
            preview.status(row, lang)
    preview.summary("en")
    wanted = len(preview.importable())
    try:
        added = commit_import(services, preview, account_id)
    except ValidationError:
        assert contacts_of(services.db.path, account_id) == before
        outcomes["refused rows"] += 1
        return
    assert added == wanted
    assert len(contacts_of(services.db.path, account_id)) == len(before) + added
    outcomes["imported" if added else "nothing to import"] += 1


def encode_any(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")


def test_the_csv_importer_survives_hostile_files(services, tmp_path):
    account = services.accounts.create(name="Importer test")
    tried = [0]
    outcomes = {"imported": 0, "nothing to import": 0, "refused file": 0, "refused rows": 0}
    path = tmp_path / "contacts.csv"

    @SETTINGS
    @given(
        header=st.sampled_from(CSV_HEADERS),
        rows=st.lists(st.lists(TEXT, min_size=0, max_size=10), max_size=8),
        delimiter=st.sampled_from([",", ";", "\t"]),
        encoding=st.sampled_from(ENCODINGS),
        noise=st.one_of(st.none(), st.binary(max_size=200)),
    )
    def check(header, rows, delimiter, encoding, noise) -> None:
        tried[0] += 1
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
        data = encode_any(out.getvalue(), encoding)
        if noise is not None:
            cut = len(data) // 2
            data = data[:cut] + noise + data[cut:]
        path.write_bytes(data)
        run_contact_import(services, path, account.id, outcomes)

    @SETTINGS
    @given(data=st.binary(max_size=3000))
    def random_bytes(data: bytes) -> None:
        tried[0] += 1
        path.write_bytes(data)
        run_contact_import(services, path, account.id, outcomes)

    check()
    random_bytes()
    # One 10 MB cell.
    path.write_text(f"Name,Notes\r\nZhang,{BIG[:3_000_000]}\r\n", encoding="utf-8")
    run_contact_import(services, path, account.id, outcomes)
    tried[0] += 1
    record("input", importer="contacts CSV", tried=tried[0], outcomes=outcomes, crashes=0)


def vcard(props: list[tuple[str, str]], version: str) -> str:
    lines = ["BEGIN:VCARD", f"VERSION:{version}"]
    lines += [f"{name}:{value}" for name, value in props]
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


PROPS = [
    "FN",
    "N",
    "TEL;TYPE=cell",
    "EMAIL",
    "TITLE",
    "ORG",
    "NOTE",
    "RELATED;TYPE=supervisor",
    "X-ABRELATEDNAMES",
    "ADR",
    "NICKNAME",
    "PHOTO;ENCODING=b",
    "item1.TEL",
    "FN;CHARSET=GBK",
]


def test_the_vcard_importer_survives_hostile_files(services, tmp_path):
    account = services.accounts.create(name="Importer test")
    tried = [0]
    outcomes = {"imported": 0, "nothing to import": 0, "refused file": 0, "refused rows": 0}
    path = tmp_path / "contacts.vcf"

    @SETTINGS
    @given(
        cards=st.lists(
            st.tuples(
                st.lists(st.tuples(st.sampled_from(PROPS), TEXT), max_size=8),
                st.sampled_from(["2.1", "3.0", "4.0", "9", ""]),
            ),
            min_size=1,
            max_size=5,
        ),
        encoding=st.sampled_from(ENCODINGS),
        damage=st.one_of(st.none(), st.integers(0, 500)),
        fold=st.booleans(),
    )
    def check(cards, encoding, damage, fold) -> None:
        tried[0] += 1
        text = "".join(vcard(props, version) for props, version in cards)
        if fold:
            text = text.replace("A", "\r\n A")
        if damage is not None:
            text = text[:damage] + text[damage * 2 :]  # a chunk lost in the middle
        path.write_bytes(encode_any(text, encoding))
        run_contact_import(services, path, account.id, outcomes)

    check()
    record("input", importer="contacts vCard", tried=tried[0], outcomes=outcomes, crashes=0)


def test_formulas_come_in_as_text_and_go_out_neutralised(services, tmp_path):
    """A hostile cell imported from a CSV is kept as the rep's text, and every export a
    spreadsheet opens shows it as text instead of running it."""
    from openpyxl import load_workbook

    from desktop.export.contacts import export_contacts

    account = services.accounts.create(name="Formula test")
    formulas = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@IMPORTXML(1)"]
    rows = "".join(f'"Person {i}","{f}"\r\n' for i, f in enumerate(formulas))
    src = tmp_path / "in.csv"
    src.write_text("Name,Title\r\n" + rows, encoding="utf-8")
    outcomes = {"imported": 0, "nothing to import": 0, "refused file": 0, "refused rows": 0}
    run_contact_import(services, src, account.id, outcomes)
    assert outcomes["imported"] == 1
    titles = {c.title for c in services.contacts.for_account(account.id)}
    assert titles == set(formulas)  # kept as typed, not altered on the way in
    export_contacts(services, account.id, tmp_path / "out.csv")
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
        cells = [cell for row in csv.reader(fh) for cell in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert {f"'{f}" for f in formulas} <= set(cells)
    export_contacts(services, account.id, tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx").active
    values = [c for row in sheet.iter_rows() for c in row if c.value in formulas]
    assert len(values) == len(formulas) and all(c.data_type == "s" for c in values)
    record("input", importer="formula injection round trip", tried=len(formulas), crashes=0)


def test_dates_and_numbers_from_text_never_crash(playbook):
    """Typed dates and numbers in every shape a rep or a file produces."""
    samples = [
        "2025-02-28",
        "2025-02-30",
        "28/02/2025",
        "２０２５-０２-２８",
        "20250228",
        "1,234",
        "1_000",
        "١٢٣",
        "12e3",
        str(2**80),
        "-0",
        "∞",
        date.today().isoformat(),
        datetime.now().isoformat(),
    ]
    for value in samples:
        for name in ("last_contact", "reports_to_id", "map_x"):
            try:
                fields.clean(models.Contact, fields.CONTACT, {name: value}, playbook)
            except ValidationError:
                pass
