"""Importing contacts from real-world CSV and vCard files: preview, problems, duplicates, commit."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop.domain.validation import ValidationError
from desktop.services.contact_import import ImportFileError, commit_import, preview_import
from desktop.services.events import Change

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


@pytest.fixture
def account(services):
    return services.accounts.create(name="苏州恒远精密制造有限公司").id


def _people(services, account_id):
    contacts = services.contacts.for_account(account_id)
    by_id = {c.id: c for c in contacts}
    return {c.name: (by_id[c.reports_to_id].name if c.reports_to_id else None, c) for c in contacts}


def _status(preview, lang="en"):
    return {row.number: preview.status(row, lang) for row in preview.rows}


def test_outlook_export(services, account):
    preview = preview_import(services, DATA / "outlook.csv", account)
    assert (preview.format, preview.encoding) == ("outlook", "utf-8")
    assert preview.mapping["Job Title"] == "title"
    assert preview.mapping["Title"] == "name_prefix"  # Outlook's "Title" is Mr./Dr., not the job
    names = [row.name for row in preview.rows]
    assert names == ["Richard Weber", "Mei Lin", "Tom Becker", "Anna Schulz", "Mei Lin"]
    problems = [p for row in preview.rows for p in preview.row_problems(row, "en")]
    assert problems == ["row 4: E-mail does not look like an e-mail address: 'tom.becker@'"]
    status = _status(preview)
    assert status[6] == "likely duplicate of row 3 of this file"  # same name, same e-mail
    assert "row 4 has problems" in status[5]  # Anna's manager is the refused row
    assert [r.number for r in preview.importable()] == [2, 3, 5]

    changes: list[Change] = []
    services.notifier.subscribe(changes.append)
    assert commit_import(services, preview, account) == 3
    people = _people(services, account)
    assert set(people) == {"Richard Weber", "Mei Lin", "Anna Schulz"}
    assert people["Mei Lin"][0] == "Richard Weber"
    weber = people["Richard Weber"][1]
    assert weber.relationship_notes == (
        "Met at the Hannover Messe booth.\nPrefers e-mail; assistant books his calendar."
    )
    # Phones come in tidied: Chinese numbers in the national form.
    assert (weber.phone_office, weber.phone_mobile) == ("021 6080 1000", "139 1701 2231")
    assert [c.kind for c in changes] == ["contact"]  # one transaction, announced once


def test_google_contacts_export(services, account):
    preview = preview_import(services, DATA / "google.csv", account)
    assert preview.format == "google"
    rows = {row.number: row for row in preview.rows}
    wang = rows[2].values
    assert wang["name"] == "王建国"  # family name first for Chinese names
    assert wang["alt_name"] == "Jianguo Wang"
    assert (wang["phone_mobile"], wang["phone_office"]) == ("139 1554 2088", "0512 6588 1001")
    assert wang["email"] == "wangjianguo@hengyuan-precision.com.cn"  # the first of " ::: "
    assert rows[4].values["phone_mobile"] == "137 1234 5678"
    assert "phone_office" not in rows[4].values  # the fax number is not a phone
    assert preview.row_problems(rows[5], "en") == ["row 5: Enter Name."]
    assert commit_import(services, preview, account) == 3
    people = _people(services, account)
    assert people["刘芳"][0] == "王建国" and people["周敏"][0] == "刘芳"  # "Relation: Manager"


def test_salesforce_report_refuses_bad_rows_with_a_reason(services, account):
    preview = preview_import(services, DATA / "salesforce.csv", account)
    assert preview.format == "salesforce"
    problems = {row.number: preview.row_problems(row, "en") for row in preview.rows}
    assert problems[2] == [
        "row 2: Mobile has no digits: it does not look like a phone number: "
        '\'=HYPERLINK("http://evil.example","call")\''
    ]
    assert problems[4] == []  # an extension is part of a phone number
    assert preview.rows[2].values["phone_office"] == "0512 6588 1040 ext. 12"
    assert problems[3] == []
    assert commit_import(services, preview, account) == 2
    assert set(_people(services, account)) == {"Lei Wang", "Xiaoyan Zhao"}


def test_salesforce_data_loader_links_managers_by_id(services, account):
    preview = preview_import(services, DATA / "salesforce_dataloader.csv", account)
    assert preview.format == "salesforce"
    assert preview.mapping["ReportsToId"] == "manager_ref"
    commit_import(services, preview, account)
    assert _people(services, account)["Zhiqiang Huang"][0] == "David Zhang"


def test_an_unknown_csv_asks_for_a_mapping(services, account):
    path = DATA / "odd_semicolon.csv"
    preview = preview_import(services, path, account)
    assert (preview.format, preview.delimiter, preview.needs_mapping) == ("other", ";", True)
    assert preview.notes_text("en") == [
        "No column holds the name: choose which column is the name."
    ]
    assert preview.importable() == []
    mapping = {
        "Kontakt": "name",
        "Funktion": "title",
        "Bereich": "department",
        "Tel. Büro": "phone_office",
        "Handy": "phone_mobile",
        "Vorgesetzter": "reports_to",
        "Bemerkung": "notes",
    }
    preview = preview_import(services, path, account, mapping)
    assert preview.mapping["E-Mail"] == "email"  # columns not named keep their detection
    assert len(preview.importable()) == 3
    commit_import(services, preview, account)
    people = _people(services, account)
    assert people["Petra Vogel"][0] == "Klaus Richter"
    richter = people["Klaus Richter"][1]
    assert richter.relationship_notes == "Entscheidet,\naber erst nach Audit"  # quoted newline
    assert richter.phone_mobile == "+49 171 5550101"  # libphonenumber's German grouping


def test_unknown_mapping_target_is_refused(services, account):
    with pytest.raises(ImportFileError, match="unknown import field"):
        preview_import(services, DATA / "odd_semicolon.csv", account, {"Kontakt": "shoe_size"})


def test_gbk_file_from_chinese_excel(services, account):
    preview = preview_import(services, DATA / "gbk_excel.csv", account)
    assert preview.encoding == "gb18030"
    assert [row.name for row in preview.rows] == ["王建国", "李娜", "孙浩", "吴涛"]
    assert [row.number for row in preview.rows] == [2, 3, 4, 6]  # the blank row 5 is skipped
    assert preview.row_problems(preview.rows[2], "zh") == [
        "第 4 行: 电子邮件不像是电子邮件地址: 'sunhao@hengyuan-precision'"
    ]
    assert preview.status(preview.rows[3], "zh") == "上级(第 4 行)有问题不会导入,导入后不设上级"
    with pytest.raises(ImportFileError, match="cannot be read as utf-8"):
        preview_import(services, DATA / "gbk_excel.csv", account, encoding="utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_other_encodings_of_the_same_file(services, account, tmp_path, codec):
    text = (DATA / "gbk_excel.csv").read_bytes().decode("gbk")
    path = tmp_path / "contacts.csv"
    path.write_bytes(text.encode(codec))  # utf-16 writes a BOM; utf-16-le does not
    preview = preview_import(services, path, account)
    assert [row.name for row in preview.rows] == ["王建国", "李娜", "孙浩", "吴涛"]


def test_undecodable_and_unreadable_files_are_refused(services, account, tmp_path):
    bad = tmp_path / "bad.csv"
    # Bytes no text encoding reads as words (any single-byte code page decodes them, into noise).
    rng = random.Random(7)
    noise = bytes(rng.randrange(128, 256) for _ in range(400))
    bad.write_bytes(b"Name,Email\n" + noise)
    with pytest.raises(ImportFileError, match="could not work out its text encoding"):
        preview_import(services, bad, account)
    with pytest.raises(ImportFileError, match="there is no contacts file at"):
        preview_import(services, tmp_path / "missing.csv", account)
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(ImportFileError):
        preview_import(services, empty, account)


def test_iphone_vcard_3_with_folding_and_quoted_printable(services, account):
    preview = preview_import(services, DATA / "iphone_v3.vcf", account)
    assert preview.kind == "vcard"
    rows = {row.number: row for row in preview.rows}
    zhou = rows[1].values
    assert zhou["name"] == "周敏"
    assert zhou["title"] == (
        "采购经理 Purchasing Manager, responsible for supplier qualification and the "
        "annual tender calendar"
    )
    assert zhou["department"] == "采购部"
    assert (zhou["phone_mobile"], zhou["phone_office"]) == ("137 1234 5678", "0512 6588 1050")
    assert zhou["relationship_notes"] == "负责邀请招标, 控制比价和付款条款\n上次见面: 展会"
    assert rows[1].manager_name == "刘芳"  # the related name labelled Manager, not the sister
    huang = rows[2].values
    assert (huang["name"], huang["title"], huang["department"]) == (
        "黄志强",
        "IT系统架构师",
        "信息技术部",
    )
    assert huang["relationship_notes"] == "恒远的采购对接人。\n喜欢"  # QP soft line break joined
    assert rows[2].manager_name == "张伟"  # X-MS-MANAGER
    assert preview.row_problems(rows[3], "en") == [
        "card 3: E-mail does not look like an e-mail address: 'li.na@'"
    ]
    wu = rows[4].values
    assert wu == {
        "name": "吴涛",
        "phone_office": "0512 6700 1234",
        "relationship_notes": "周五下午不方便。",
    }
    # The account already has 刘芳: 周敏 reports to her after the import.
    liu = services.contacts.create(account, name="刘芳", title="财务总监")
    assert (
        commit_import(services, preview_import(services, DATA / "iphone_v3.vcf", account), account)
        == 3
    )
    people = _people(services, account)
    assert people["周敏"][0] == "刘芳" and people["周敏"][1].reports_to_id == liu.id
    assert people["黄志强"][0] is None  # 张伟 is nowhere: imported without a manager


def test_vcard_4_from_another_app_with_roles(services, account):
    opp = services.opportunities.create(account, name="Retrofit line 3")
    preview = preview_import(services, DATA / "nextcloud_v4.vcf", account, opportunity_id=opp.id)
    rows = {row.number: row for row in preview.rows}
    richter = rows[1].values
    assert (richter["phone_office"], richter["phone_mobile"]) == (
        "+49 711 400100",
        "+49 171 5550101",
    )
    assert richter["department"] == "Produktion"
    assert richter["relationship_notes"] == (
        "Entscheidet; aber erst nach dem Audit.\nBevorzugt Termine am Vormittag."
    )
    assert rows[2].values["wechat"] == "petra_vogel_de"  # IMPP weixin:
    assert all(row.ok for row in preview.rows)
    assert commit_import(services, preview, account) == 3
    people = _people(services, account)
    assert people["Petra Vogel"][0] == "Klaus Richter"  # RELATED urn:uuid of card 1
    assert people["Jens Krüger"][0] == "Klaus Richter"  # RELATED as text
    roles = {r.contact_id: r for r in services.opportunities.get(opp.id).roles}
    assert roles[people["Klaus Richter"][1].id].roles == ["decision_maker"]  # CATEGORIES
    assert roles[people["Petra Vogel"][1].id].attitude == "opponent"
    assert people["Jens Krüger"][1].id not in roles


def test_duplicates_against_the_account_are_skipped_unless_asked(services, account):
    services.contacts.create(account, name="王建国", phone_mobile="139 1554 2088")
    services.contacts.create(account, name="李娜", email="LINA@hengyuan-precision.com.cn")
    # Same name, nothing else in common: at one account, still likely the same person (issue 15).
    services.contacts.create(account, name="吴涛")
    preview = preview_import(services, DATA / "gbk_excel.csv", account)
    status = _status(preview)
    assert status[2] == "likely duplicate of 王建国, already at this account"
    assert status[3].startswith("likely duplicate of 李娜")
    assert status[6].startswith("likely duplicate of 吴涛, already at this account")
    assert commit_import(services, preview, account) == 0  # 孙浩 has a problem
    preview = preview_import(services, DATA / "gbk_excel.csv", account)
    assert commit_import(services, preview, account, skip_duplicates=False) == 3
    assert len(services.contacts.for_account(account)) == 3 + 3


def test_a_skipped_duplicate_manager_stands_for_the_existing_person(services, account):
    boss = services.contacts.create(account, name="王建国", phone_mobile="139-1554-2088")
    preview = preview_import(services, DATA / "gbk_excel.csv", account)
    commit_import(services, preview, account)
    li = next(c for c in services.contacts.for_account(account) if c.name == "李娜")
    assert li.reports_to_id == boss.id


def test_a_loop_in_the_file_is_broken_with_a_note(services, account, tmp_path):
    path = tmp_path / "loop.csv"
    path.write_text("Name,Manager\nA Li,B Wu\nB Wu,A Li\nC Ma,A Li\n", encoding="utf-8")
    preview = preview_import(services, path, account)
    status = _status(preview)
    assert status[3] == "reporting to row 2 would make a loop; imported without a manager"
    commit_import(services, preview, account)
    people = _people(services, account)
    assert (people["A Li"][0], people["B Wu"][0], people["C Ma"][0]) == ("B Wu", None, "A Li")


def test_nothing_is_written_without_commit_or_when_the_account_is_gone(services, account):
    preview = preview_import(services, DATA / "outlook.csv", account)
    assert services.contacts.for_account(account) == []
    services.accounts.delete(account)
    with pytest.raises(ValidationError):
        commit_import(services, preview, account)


def test_roles_need_an_opportunity_of_the_same_account(services, account):
    other = services.accounts.create(name="Other")
    stranger = services.opportunities.create(other.id, name="Theirs")
    with pytest.raises(ValidationError):
        preview_import(services, DATA / "nextcloud_v4.vcf", account, opportunity_id=stranger.id)
    preview = preview_import(services, DATA / "nextcloud_v4.vcf", account)
    assert "choose an opportunity" in " ".join(preview.notes_text("en"))


def test_cli_previews_then_imports(services, account, db_path, capsys):
    from desktop.cli import main

    services.db.close()
    args = [
        "--data-dir",
        str(db_path.parent),
        "import",
        "contacts",
        str(DATA / "outlook.csv"),
        "--account",
        str(account),
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "row 4: E-mail does not look like an e-mail address: 'tom.becker@'" in out
    assert "row 6: likely duplicate of row 3 of this file" in out
    assert "Warning: " in out and "names company 'Kessler Automation (Shanghai) Co." in out
    assert "Nothing was written" in out
    # The file's people work at Kessler Automation, not at this account: refused, one line.
    assert main(args + ["--yes"]) == 1
    err = capsys.readouterr().err
    assert "not the account '苏州恒远精密制造有限公司'" in err and "--any-company" in err
    assert main(args + ["--yes", "--any-company"]) == 0
    assert "Imported 3 contacts" in capsys.readouterr().out
    assert main([*args[:4], str(DATA / "missing.csv"), *args[5:]]) == 1
    assert "there is no contacts file" in capsys.readouterr().err


# A large file --------------------------------------------------------------------------------

HEADS = ["Richard Weber", "周敏", "Anna Schulz", "黄志强", "Tom Becker", "刘芳"]
FAMILY, GIVEN = "王李张刘陈杨黄赵", "伟芳娜敏静丽强磊军洋"


def _big_outlook_file(path: Path, rows: int) -> dict[str, set[int]]:
    """An Outlook export of ``rows`` people (names repeat, as in any large company) with bad
    rows, repeats of earlier rows and of people already at the account planted at known
    places; returns the planted row numbers by kind."""
    planted: dict[str, set[int]] = {"bad": set(), "dup_row": set(), "dup_contact": set()}
    lines = [
        "First Name,Last Name,Company,Department,Job Title,Business Phone,Mobile Phone,"
        "E-mail Address,Manager's Name,Notes"
    ]
    for i in range(rows):
        number = i + 2  # the header is row 1
        given, family = GIVEN[i % 10] + GIVEN[i // 10 % 10], FAMILY[i // 100 % 8]
        phone, email = f"139{i:08d}", f"p{i}@hengyuan-precision.com.cn"
        manager = HEADS[i % 6] if i >= 6 else ""
        if i < 6:  # the heads of department: everyone else reports to one of them
            head = HEADS[i]
            given, _, family = head.partition(" ") if " " in head else (head[1:], "", head[0])
        if i % 500 == 7:
            email = email.split("@")[0] + "@"
            planted["bad"].add(number)
        elif i % 250 == 100:  # the row of 50 rows ago again, the mobile written another way
            j = i - 50
            given, family = GIVEN[j % 10] + GIVEN[j // 10 % 10], FAMILY[j // 100 % 8]
            phone, email = f"+86 139-{j:08d}", ""
            planted["dup_row"].add(number)
        elif i in (1500, 2500):  # someone already at the account
            given, family, email = "建国", "王", "WJG@hengyuan-precision.com.cn"
            planted["dup_contact"].add(number)
        notes = '"Met at the fair.\n展会上认识"' if i % 97 == 0 else ""
        lines.append(
            f"{given},{family},恒远精密,采购部,采购经理 Buyer {i},0512-6588-{i % 10000:04d},"
            f"{phone},{email},{manager},{notes}"
        )
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
    return planted


def test_a_large_file_keeps_every_check_and_is_written_at_once(services, account, tmp_path):
    known = services.contacts.create(account, name="王建国", email="wjg@hengyuan-precision.com.cn")
    path = tmp_path / "outlook-3000.csv"
    planted = _big_outlook_file(path, 3000)
    preview = preview_import(services, path, account)
    assert (preview.format, len(preview.rows)) == ("outlook", 3000)
    rows = {row.number: row for row in preview.rows}
    assert {r.number for r in preview.problem_rows} == planted["bad"]
    assert preview.row_problems(rows[9], "en") == [
        "row 9: E-mail does not look like an e-mail address: 'p7@'"
    ]
    for number in planted["dup_row"]:
        assert preview.status(rows[number], "en") == (
            f"likely duplicate of row {number - 50} of this file"
        )
    for number in planted["dup_contact"]:
        assert rows[number].duplicate_of_contact == (known.id, "王建国")
    duplicates = {r.number for r in preview.duplicate_rows}
    assert duplicates == planted["dup_row"] | planted["dup_contact"]
    # Same name as row 2 (names repeat) but nothing else in common: not a duplicate.
    same_name = [r for r in preview.rows if r.name == rows[1002].name]
    assert len(same_name) > 1 and not rows[1002].is_duplicate
    assert rows[101].manager_row == 3 and preview.rows[3].name == "黄志强"

    changes: list[Change] = []
    services.notifier.subscribe(changes.append)
    wanted = len(preview.importable())
    assert wanted == 3000 - len(planted["bad"]) - len(duplicates)
    assert commit_import(services, preview, account) == wanted
    assert [c.kind for c in changes] == ["contact"] and len(changes[0].ids) == wanted
    people = {c.name: c for c in services.contacts.for_account(account)}
    assert len(services.contacts.for_account(account)) == wanted + 1
    assert people["周敏"].reports_to_id == people["Richard Weber"].reports_to_id is None
    everyone = services.contacts.for_account(account)
    by_id = {c.id: c for c in everyone}
    buyer = next(c for c in everyone if c.title == "采购经理 Buyer 1201")
    assert by_id[buyer.reports_to_id].name == "周敏"  # row 1203 reports to 周敏
    assert next(c for c in everyone if c.email == "p96@hengyuan-precision.com.cn") and any(
        c.relationship_notes == "Met at the fair.\n展会上认识" for c in everyone
    )
    # The new people are found by name, by title and by phone digits, like anyone else.
    hits = services.queries.search("Buyer 2999")
    assert [h.title for h in hits if h.kind == "contact"][:1] == [rows[3001].name]
    hits = services.queries.search("13900002345")
    assert [(h.kind, h.id) for h in hits] == [
        ("contact", next(c.id for c in everyone if c.phone_mobile == "139 0000 2345"))
    ]
    assert any(h.kind == "contact" for h in services.queries.search("黄志强"))


def test_imported_index_entries_are_what_the_index_itself_writes(services, account, tmp_path):
    """The import writes search entries itself (in bulk); a rebuild from the tables, which
    goes through the same code as every other save, must find nothing to change."""
    from desktop.store import search_index

    path = tmp_path / "outlook-300.csv"
    _big_outlook_file(path, 300)
    commit_import(services, preview_import(services, path, account), account)

    def entries() -> list[tuple]:
        with services.db.read() as s:
            return list(s.connection().exec_driver_sql("SELECT rowid, * FROM search_fts"))

    written = entries()
    assert len(written) == 1 + len(services.contacts.for_account(account))  # and the account
    with services.db.write() as s:
        search_index.rebuild(s.connection())
    assert sorted(entries()) == sorted(written)


def test_a_full_disk_during_a_large_import_leaves_nothing_behind(services, account, tmp_path):
    import sqlite3

    from sqlalchemy import event

    from desktop.store.errors import DiskFullError

    path = tmp_path / "outlook-3000.csv"
    _big_outlook_file(path, 3000)
    preview = preview_import(services, path, account)

    def counts() -> tuple[int, int]:
        con = sqlite3.connect(services.db.path)
        try:
            contacts = con.execute("SELECT count(*) FROM contacts").fetchone()[0]
            return contacts, con.execute("SELECT count(*) FROM search_fts").fetchone()[0]
        finally:
            con.close()

    before = counts()

    def full(dbapi_conn, _record) -> None:  # the file may not grow: SQLite's "disk is full"
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 20}")

    event.listen(services.db.engine, "connect", full)
    services.db.engine.dispose()
    with pytest.raises(DiskFullError, match="is full"):
        commit_import(services, preview, account)
    assert counts() == before
    event.remove(services.db.engine, "connect", full)
    services.db.engine.dispose()
    assert commit_import(services, preview, account) == len(preview.importable())
