"""Issue 15: the contacts exports carry every e-mail, phone and address with its type.

XLSX is read back with openpyxl, vCard with vobject, CSV with the csv module; each then goes
back in through the import into another account and comes out with the same details."""

from __future__ import annotations

import csv

import pytest

from desktop.domain.contact_details import Detail
from desktop.export.contacts import export_contacts
from desktop.services.contact_import import commit_import, preview_import

DETAILS = [
    Detail("email", "work", "wang@hengyuan.example", preferred=True),
    Detail("email", "home", "wangjg@163.com"),
    Detail("phone", "work", "0512 6588 1001", preferred=True),
    Detail("phone", "mobile", "139 1554 2088"),
    Detail("phone", "home", "0512 6700 0000"),
    Detail("phone", "other", "+49 89 12345600"),
    Detail("address", "work", "星湖街 328 号, 苏州, 江苏 215123", preferred=True),
    Detail("address", "home", "人民路 100 号, 苏州"),
]


@pytest.fixture
def person(services):
    account = services.accounts.create(name="苏州恒远精密制造有限公司")
    wang = services.contacts.create(account.id, name="王建国", title="总经理")
    services.contact_details.replace(wang.id, DETAILS)
    return account.id, wang.id


def _typed(services, contact_id):
    """(kind, type, value, preferred) of each detail, kind by kind in stored order."""
    details = services.contact_details.details(contact_id)
    ordered = sorted(details, key=lambda d: ("email", "phone", "address").index(d.kind))
    return [(d.kind, d.type, d.value, d.preferred) for d in ordered]


def _round_trip(services, path):
    other = services.accounts.create(name="Copy").id
    preview = preview_import(services, path, other)
    assert commit_import(services, preview, other) == 1
    return services.contacts.for_account(other)[0].id


def test_xlsx_has_the_preferred_values_in_their_columns_and_the_rest_typed(
    services, person, tmp_path
):
    from openpyxl import load_workbook

    account_id, _ = person
    out = tmp_path / "contacts.xlsx"
    export_contacts(services, account_id, out, lang="en")
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, (c.value for c in sheet[2]), strict=True))
    assert (row["E-mail"], row["Office phone"], row["Mobile"]) == (
        "wang@hengyuan.example",
        "0512 6588 1001",
        "139 1554 2088",
    )
    assert row["More phones"] == "Home: 0512 6700 0000\nOther: +49 89 12345600"
    assert row["More e-mails"] == "Home: wangjg@163.com"
    assert row["Addresses"] == "Work: 星湖街 328 号, 苏州, 江苏 215123\nHome: 人民路 100 号, 苏州"


def test_csv_in_chinese_carries_the_types_and_reads_back(services, person, tmp_path):
    account_id, wang = person
    out = tmp_path / "contacts.csv"
    export_contacts(services, account_id, out, lang="zh")
    with open(out, encoding="utf-8-sig", newline="") as f:
        row = next(csv.DictReader(f))
    assert row["更多电话"] == "住宅: 0512 6700 0000\n其他: +49 89 12345600"
    assert row["地址"] == "工作: 星湖街 328 号, 苏州, 江苏 215123\n住宅: 人民路 100 号, 苏州"
    assert _typed(services, _round_trip(services, out)) == _typed(services, wang)


def test_vcard_writes_every_value_typed_with_pref(services, person, tmp_path):
    import vobject

    account_id, wang = person
    out = tmp_path / "contacts.vcf"
    export_contacts(services, account_id, out)
    card = vobject.readOne(out.read_text(encoding="utf-8"))
    tels = [(t.value, t.params.get("TYPE"), t.params.get("PREF")) for t in card.contents["tel"]]
    assert tels == [
        ("0512 6588 1001", ["work", "voice"], ["1"]),
        ("139 1554 2088", ["cell", "voice"], None),
        ("0512 6700 0000", ["home", "voice"], None),
        ("+49 89 12345600", ["voice"], None),
    ]
    emails = [(e.value, e.params.get("TYPE")) for e in card.contents["email"]]
    assert emails == [("wang@hengyuan.example", ["work"]), ("wangjg@163.com", ["home"])]
    streets = [(a.value.street, a.params.get("TYPE")) for a in card.contents["adr"]]
    assert streets == [
        ("星湖街 328 号, 苏州, 江苏 215123", ["work"]),
        ("人民路 100 号, 苏州", ["home"]),
    ]
    assert _typed(services, _round_trip(services, out)) == _typed(services, wang)
