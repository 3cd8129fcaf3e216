"""Contacts exported as CSV, XLSX and vCard 4.0, read back with csv, openpyxl and vobject."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from desktop.export.contacts import ContactExportError, export_contacts, neutralise
from desktop.export.folding import fold
from desktop.services.contact_import import commit_import, preview_import
from desktop.services.demo import load_demo

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def demo(services):
    account_id = load_demo(services.db, today=TODAY)
    opp = services.opportunities.for_account(account_id)[0]
    return account_id, opp.id


def _expected(services, account_id, opp_id, lang):
    """name → (title, manager name, role labels, attitude label, influence label)."""
    pb = services.playbook
    contacts = services.contacts.for_account(account_id)
    by_id = {c.id: c for c in contacts}
    roles = {r.contact_id: r for r in services.opportunities.get(opp_id).roles}
    out = {}
    for c in contacts:
        r = roles.get(c.id)
        out[c.name] = (
            c.title,
            by_id[c.reports_to_id].name if c.reports_to_id else "",
            [pb.label("roles", k, lang) for k in r.roles] if r else [],
            pb.label("attitudes", r.attitude, lang) if r else "",
            pb.label("influence_levels", r.influence, lang) if r and r.influence else "",
        )
    return out


def test_csv_opens_in_excel_and_carries_the_circle(services, demo, tmp_path):
    account_id, opp_id = demo
    out = tmp_path / "contacts.csv"
    assert export_contacts(services, account_id, out, lang="zh") == 10
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = _expected(services, account_id, opp_id, "zh")
    assert {r["姓名"] for r in rows} == set(expected)
    for row in rows:
        title, manager, roles, attitude, influence = expected[row["姓名"]]
        assert row["职位"] == title
        assert row["汇报对象"] == manager
        assert row["角色"].split("、") == (roles or [""])
        assert (row["态度"], row["影响力"]) == (attitude, influence)
    zhang = next(r for r in rows if r["姓名"] == "张伟")
    assert zhang["另一语言姓名"] == "David Zhang"
    assert zhang["角色"] == "技术专家、影响者" and zhang["态度"] == "反对者"


def test_cells_that_look_like_formulas_are_neutralised(services, tmp_path):
    account = services.accounts.create(name="Injection Ltd")
    services.contacts.create(
        account.id,
        name='=HYPERLINK("http://evil.example","x")',
        title="@SUM(A1:A9)",
        department="-2+3",
        phone_mobile="+1 650-253-0000",  # a foreign number keeps its "+"
        relationship_notes='line one\nline two, with a comma; and "quotes"',
    )
    csv_path, xlsx_path = tmp_path / "c.csv", tmp_path / "c.xlsx"
    export_contacts(services, account.id, csv_path)
    export_contacts(services, account.id, xlsx_path)
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        row = next(csv.DictReader(f))
    assert row["Name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["Title"] == "'@SUM(A1:A9)"
    assert row["Department"] == "'-2+3"
    # A phone number is not a formula: written as it is, no apostrophe for other programs to show.
    assert row["Mobile"] == "+1 650-253-0000"
    assert row["Relationship notes"] == 'line one\nline two, with a comma; and "quotes"'

    from openpyxl import load_workbook

    sheet = load_workbook(xlsx_path).active
    header = [c.value for c in sheet[1]]
    cells = {h: c for h, c in zip(header, sheet[2], strict=True)}
    for column, text in (
        ("Name", '=HYPERLINK("http://evil.example","x")'),
        ("Mobile", "+1 650-253-0000"),
        ("Title", "@SUM(A1:A9)"),
    ):
        cell = cells[column]
        assert cell.data_type == "s" and cell.value == text  # text, never a formula
        assert cell.quotePrefix  # Excel's own apostrophe prefix: shown as typed, not run
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_xlsx_reads_back_with_openpyxl(services, demo, tmp_path):
    from openpyxl import load_workbook

    account_id, opp_id = demo
    out = tmp_path / "contacts.xlsx"
    export_contacts(services, account_id, out, lang="en")
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in r), strict=True)) for r in sheet.iter_rows(2)]
    expected = _expected(services, account_id, opp_id, "en")
    assert {r["Name"] for r in rows} == set(expected)
    for row in rows:
        title, manager, roles, attitude, influence = expected[row["Name"]]
        assert row["Title"] == title
        assert (row["Reports to"] or "") == manager
        assert (row["Roles"] or "").split("; ") == (roles or [""])
        assert (row["Attitude"] or "", row["Influence"] or "") == (attitude, influence)
    assert sheet.freeze_panes == "B2"


def test_vcard_reads_back_with_vobject(services, demo, tmp_path):
    import vobject

    account_id, opp_id = demo
    out = tmp_path / "contacts.vcf"
    export_contacts(services, account_id, out, lang="zh")
    raw = out.read_bytes()
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    assert len(cards) == 10
    by_name = {c.fn.value: c for c in cards}
    uid_of = {name: c.uid.value for name, c in by_name.items()}
    contacts = {c.name: c for c in services.contacts.for_account(account_id)}
    expected = _expected(services, account_id, opp_id, "zh")
    for name, card in by_name.items():
        title, manager, roles, attitude, influence = expected[name]
        assert card.version.value == "4.0"
        assert card.uid.value.startswith("urn:uuid:")
        assert card.title.value == title
        assert card.org.value[0] == "苏州恒远精密制造有限公司"
        assert card.org.value[1] == contacts[name].department
        if manager:
            related = card.contents["related"][0]
            assert related.value == uid_of[manager]  # RELATED points at the manager's UID
            assert f"汇报对象:{manager}" in card.note.value
        else:
            assert "related" not in card.contents
        if roles:
            categories = card.categories.value
            assert categories[: len(roles)] == roles
            assert attitude in categories and f"影响力: {influence}" in categories
            assert card.role.value == ", ".join(roles)
    gm = by_name["王建国"]
    assert gm.n.value.family == "王" and gm.n.value.given == "建国"
    assert {t.value for t in gm.contents["tel"]} == {"0512 6588 1001", "139 1554 2088"}
    assert gm.contents["x-wechat"][0].value == "wjg_hengyuan"


def test_vcard_text_is_escaped(services, tmp_path):
    import vobject

    account = services.accounts.create(name="Acme; Shanghai, Ltd.")
    tricky = "Line one; with, punctuation\\back\nline two"
    services.contacts.create(
        account.id, name="Zhang, San", department="R;D", relationship_notes=tricky
    )
    out = tmp_path / "c.vcf"
    export_contacts(services, account.id, out)
    card = vobject.readOne(out.read_text(encoding="utf-8"))
    assert card.fn.value == "Zhang, San"
    assert card.note.value == tricky
    assert card.org.value == ["Acme; Shanghai, Ltd.", "R;D"]


def test_long_lines_fold_between_characters():
    line = "NOTE:" + "汇报对象" * 40
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(p.encode()) <= 75 for p in parts[:1])
    assert all(len(p.encode()) <= 74 for p in parts[1:])


def test_vcard_round_trip_into_another_account(services, demo, tmp_path):
    account_id, opp_id = demo
    out = tmp_path / "contacts.vcf"
    export_contacts(services, account_id, out, lang="zh")
    other = services.accounts.create(name="Copy")
    other_opp = services.opportunities.create(other.id, name="Same deal elsewhere")
    preview = preview_import(services, out, other.id, opportunity_id=other_opp.id)
    assert preview.format == "vcard" and len(preview.good_rows) == 10
    assert preview.duplicate_rows == []
    assert commit_import(services, preview, other.id) == 10
    _assert_same_circle(services, (account_id, opp_id), (other.id, other_opp.id))


def test_csv_round_trip_restores_phones_and_roles(services, demo, tmp_path):
    account_id, opp_id = demo
    out = tmp_path / "contacts.csv"
    export_contacts(services, account_id, out, lang="en")
    other = services.accounts.create(name="Copy")
    other_opp = services.opportunities.create(other.id, name="Same deal elsewhere")
    preview = preview_import(services, out, other.id, opportunity_id=other_opp.id)
    assert preview.format == "callbrief"
    assert commit_import(services, preview, other.id) == 10
    _assert_same_circle(services, (account_id, opp_id), (other.id, other_opp.id))


def _assert_same_circle(services, source, copy):
    def circle(account_id, opp_id):
        contacts = services.contacts.for_account(account_id)
        by_id = {c.id: c for c in contacts}
        roles = {r.contact_id: r for r in services.opportunities.get(opp_id).roles}
        return {
            c.name: (
                c.title,
                c.department,
                c.phone_office,
                c.phone_mobile,
                c.email,
                by_id[c.reports_to_id].name if c.reports_to_id else None,
                tuple(roles[c.id].roles) if c.id in roles else (),
                roles[c.id].attitude if c.id in roles else None,
                roles[c.id].influence if c.id in roles else None,
            )
            for c in contacts
        }

    assert circle(*copy) == circle(*source)


def test_bad_requests_write_nothing(services, demo, tmp_path):
    account_id, _ = demo
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ContactExportError, match=r"\.csv, \.xlsx or \.vcf"):
        export_contacts(services, account_id, out / "c.txt")
    other = services.accounts.create(name="Other")
    stranger = services.opportunities.create(other.id, name="Not theirs")
    with pytest.raises(ContactExportError, match="another account"):
        export_contacts(services, account_id, out / "c.csv", opportunity_id=stranger.id)
    assert list(out.iterdir()) == []


def test_cli_exports_contacts(services, demo, db_path, tmp_path, capsys):
    from desktop.cli import main

    account_id, _ = demo
    services.db.close()
    out = tmp_path / "c.vcf"
    code = main(
        [
            "--data-dir",
            str(db_path.parent),
            "export",
            "contacts",
            "--account",
            str(account_id),
            "-o",
            str(out),
            "--lang",
            "en",
        ]
    )
    assert code == 0
    assert "Wrote 10 contacts" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").count("BEGIN:VCARD") == 10


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("+86 138 0013 8000", "+86 138 0013 8000"),
        ("+86-21-6080-1000", "+86-21-6080-1000"),
        ("+1 (650) 253-0000 x12", "+1 (650) 253-0000 x12"),
        ("-12.5", "-12.5"),
        ("+86 21 6080 1000 转 8001", "+86 21 6080 1000 转 8001"),
        ("-2+3", "'-2+3"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-1+1+cmd|' /C calc'!A0", "'-1+1+cmd|' /C calc'!A0"),
        ("+SUM(1,2)", "'+SUM(1,2)"),
        ("=1+1", "'=1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Plain text", "Plain text"),
    ],
)
def test_only_what_a_spreadsheet_would_evaluate_is_neutralised(services, tmp_path, cell, written):
    from openpyxl import load_workbook

    account = services.accounts.create(name="Injection Ltd")
    services.contacts.create(account.id, name="Someone", relationship_notes=cell)
    csv_path, xlsx_path = tmp_path / "c.csv", tmp_path / "c.xlsx"
    export_contacts(services, account.id, csv_path)
    export_contacts(services, account.id, xlsx_path)
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        row = next(csv.DictReader(f))
    assert row["Relationship notes"] == written
    sheet = load_workbook(xlsx_path).active
    header = [c.value for c in sheet[1]]
    notes = sheet[2][header.index("Relationship notes")]
    assert notes.data_type == "s" and notes.value == cell  # the value as stored, in every case


def test_a_leading_tab_or_carriage_return_is_neutralised():
    # The services trim what a rep types; a cell can still begin so (an imported value).
    assert neutralise("\t=1") == "'\t=1"
    assert neutralise("\r=1") == "'\r=1"
    assert neutralise("+86 138 0013 8000") == "+86 138 0013 8000"
