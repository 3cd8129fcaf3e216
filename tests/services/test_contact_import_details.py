"""Issue 15: every e-mail, phone and address of a contact file kept with its type, and the
manager and assistant a card names. The files are written as Outlook (vCard 2.1, CSV on a
Western European Windows), Apple Contacts (vCard 3.0), Nextcloud (vCard 4.0, sabre/vobject)
and Google Contacts (CSV with ":::"-joined values and "E-mail 1 - Type" columns) write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services.contact_import import commit_import, preview_import

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


@pytest.fixture
def account(services):
    return services.accounts.create(name="Kessler Automation GmbH").id


def _imported(services, account_id, name):
    """(the person's details as (kind, type, value, preferred), their manager's name)."""
    people = {c.name: c for c in services.contacts.for_account(account_id)}
    by_id = {c.id: c.name for c in people.values()}
    person = people[name]
    details = services.contact_details.details(person.id)
    manager = by_id.get(person.reports_to_id) if person.reports_to_id else None
    return [(d.kind, d.type, d.value, d.preferred) for d in details], manager


def test_outlook_vcard_21_keeps_every_phone_address_and_email_and_the_assistant(services, account):
    preview = preview_import(services, DATA / "outlook_v21_details.vcf", account)
    assert commit_import(services, preview, account) == 3
    details, manager = _imported(services, account, "Emily Carter")
    assert details == [
        ("phone", "work", "+49 89 12345600", True),
        ("phone", "work", "+49 89 12345601", False),
        ("phone", "mobile", "+49 171 2345678", False),
        ("phone", "home", "+49 89 7654321", False),  # the fax is not a phone a rep calls
        ("address", "work", "Leopoldstraße 12, München, Bayern, 80802, Deutschland", True),
        ("address", "home", "Hauptstr. 5, Freising, 85354, Deutschland", False),
        ("email", "other", "emily.carter@kessler.example", True),
        ("email", "other", "emily@carter-family.example", False),
    ]
    assert manager == "Hans Weber"  # X-MS-MANAGER
    assert _imported(services, account, "Anna Schmidt")[1] == "Emily Carter"  # X-MS-ASSISTANT
    emily = next(c for c in services.contacts.for_account(account) if c.name == "Emily Carter")
    assert (emily.phone_office, emily.phone_mobile) == ("+49 89 12345600", "+49 171 2345678")
    assert emily.email == "emily.carter@kessler.example"


def test_apple_vcard_30_reads_types_labels_pref_and_related_names(services, account):
    preview = preview_import(services, DATA / "iphone_v3_details.vcf", account)
    wei = preview.rows[0]
    # The assistant (Li Na) is not in this file: said in the preview, nothing is guessed.
    assert preview.row_remarks(wei, "en") == ["assistant “Li Na” is not in this file; not linked"]
    commit_import(services, preview, account)
    details, manager = _imported(services, account, "Wei Zhang")
    assert details == [
        ("email", "work", "wei.zhang@kessler.example", True),
        ("email", "home", "zhangwei@163.com", False),
        ("phone", "mobile", "139 1554 2088", True),  # type=pref
        ("phone", "work", "0512 6588 1001", False),
        ("phone", "other", "0512 6588 1002", False),  # item1.X-ABLabel:_$!<Other>!$_
        ("phone", "home", "0512 6700 0000", False),
        ("address", "work", "星湖街 328 号, 苏州, 江苏, 215123, 中国", True),
    ]
    assert manager == "Emily Carter"  # X-ABRELATEDNAMES labelled _$!<Manager>!$_


def test_vcard_40_reads_pref_numbers_tel_uris_and_related(services, account):
    preview = preview_import(services, DATA / "nextcloud_v4_details.vcf", account)
    commit_import(services, preview, account)
    details, _ = _imported(services, account, "Li Na")
    assert details == [
        ("email", "home", "lina@qq.com", False),
        ("email", "work", "li.na@kessler.example", True),  # PREF=1
        ("phone", "work", "0512 6588 1003", False),
        ("phone", "mobile", "138 0013 8000", True),  # PREF=1 beats PREF=2
        ("address", "home", "人民路 100 号, 苏州, 江苏, 215000, 中国", True),
    ]
    # RELATED;TYPE=x-assistant: Zhou Min reports to Li Na; a spouse is no reporting line.
    assert _imported(services, account, "Zhou Min")[1] == "Li Na"


def test_outlook_csv_reads_business_mobile_home_other_phones_emails_and_addresses(
    services, account
):
    preview = preview_import(services, DATA / "outlook_cp1252_details.csv", account)
    assert (preview.format, preview.encoding) == ("outlook", "cp1252")
    commit_import(services, preview, account)
    details, _ = _imported(services, account, "Jürgen Groß")
    assert details == [
        ("phone", "work", "+49 89 12345600", True),  # Business Phone
        ("phone", "work", "+49 89 12345601", False),  # Business Phone 2
        ("phone", "home", "+49 89 7654321", False),
        ("phone", "mobile", "+49 171 2345678", False),
        ("phone", "other", "+49 8161 12345", False),  # Business Fax left out
        ("email", "work", "juergen.gross@kessler.example", True),
        ("email", "other", "j.gross@gmx.example", False),
        ("address", "work", "Leopoldstraße 12, München, Bayern, 80802, Deutschland", True),
        ("address", "home", "Hauptstr. 5, Freising, 85354, Deutschland", False),
    ]
    assert _imported(services, account, "Anna Schmidt")[1] == "Jürgen Groß"  # Assistant's Name


def test_google_csv_splits_joined_values_and_reads_their_types(services, account):
    preview = preview_import(services, DATA / "google_multi_values.csv", account)
    assert preview.format == "google"
    commit_import(services, preview, account)
    details, _ = _imported(services, account, "王建国")
    assert details == [
        ("email", "work", "wangjianguo@hengyuan.example", True),  # "* Work": the primary one
        ("email", "work", "wjg@hengyuan.example", False),
        ("email", "home", "wangjg@163.com", False),
        ("phone", "mobile", "139 1554 2088", False),
        ("phone", "mobile", "138 0013 8000", False),
        ("phone", "work", "0512 6588 1001", True),  # "Work Fax" left out
        ("address", "work", "星湖街 328 号\n苏州, 江苏 215123\n中国", True),
    ]
    assert _imported(services, account, "刘芳")[1] == "王建国"  # Relation: Assistant


def test_a_merged_duplicate_gains_the_values_it_lacked_and_keeps_its_preferred_ones(
    services, account
):
    existing = services.contacts.create(
        account, name="Wei Zhang", email="wei.zhang@kessler.example", phone_office="0512-6588-1001"
    )
    preview = preview_import(services, DATA / "iphone_v3_details.vcf", account)
    commit_import(services, preview, account, duplicates="merge")
    details = services.contact_details.details(existing.id)
    assert [(d.kind, d.value, d.preferred) for d in details] == [
        ("email", "wei.zhang@kessler.example", True),
        ("phone", "0512 6588 1001", True),
        ("phone", "139 1554 2088", False),  # the empty mobile field was filled first
        ("email", "zhangwei@163.com", False),
        ("phone", "0512 6588 1002", False),
        ("phone", "0512 6700 0000", False),
        ("address", "星湖街 328 号, 苏州, 江苏, 215123, 中国", True),
    ]
    assert services.contacts.get(existing.id).phone_mobile == "139 1554 2088"


def test_imported_people_are_found_by_every_email_and_phone(services, account):
    """The import writes search entries in bulk; a person is found by a second mobile and a
    second e-mail, and a rebuild from the tables (the path every other save takes) agrees."""
    from desktop.store import search_index

    commit_import(
        services, preview_import(services, DATA / "google_multi_values.csv", account), account
    )

    def found(query: str) -> list[str]:
        return [h.title for h in services.queries.search(query) if h.kind == "contact"]

    assert found("13800138000") == ["王建国"]  # the second mobile
    assert found("wangjg@163.com") == ["王建国"]  # the home e-mail

    def entries() -> list[tuple]:
        with services.db.read() as s:
            return sorted(s.connection().exec_driver_sql("SELECT rowid, * FROM search_fts"))

    written = entries()
    with services.db.write() as s:
        search_index.rebuild(s.connection())
    assert entries() == written


@pytest.mark.parametrize("variables", [7, 20, 999])  # 1, 2 (and a short last one), 142 a time
def test_details_written_in_multi_row_statements_are_all_stored_in_order(
    services, monkeypatch, variables
):
    """The details go in as multi-row INSERTs (``_insert_rows``): however many rows a statement
    holds, every person gets the same details as when each row has a statement of its own."""
    from desktop.services import contact_import_writing as writing

    def stored(account_id: int) -> list[tuple]:
        people = sorted(services.contacts.for_account(account_id), key=lambda c: c.name)
        return [
            (c.name, [(d.kind, d.type, d.value, d.preferred) for d in details])
            for c in people
            for details in [services.contact_details.details(c.id)]
        ]

    monkeypatch.setattr(writing, "_MAX_VARIABLES", 7)
    one = services.accounts.create(name="One row a statement").id
    commit_import(services, preview_import(services, DATA / "google_multi_values.csv", one), one)
    monkeypatch.setattr(writing, "_MAX_VARIABLES", variables)
    many = services.accounts.create(name="Several rows a statement").id
    commit_import(services, preview_import(services, DATA / "google_multi_values.csv", many), many)
    assert stored(many) == stored(one)
    assert sum(len(d) for _, d in stored(many)) > 3  # enough rows to span statements


def test_multi_row_insert_still_checks_the_details_constraints(services):
    import sqlalchemy.exc

    from desktop.services.contact_import_writing import _DETAIL_COLUMNS, _insert_rows
    from desktop.store.models import ContactDetail

    account = services.accounts.create(name="Checks")
    person = services.contacts.create(account_id=account.id, name="王建国")
    good = ("a" * 32, person.id, "phone", "work", "1", False, 0)
    bad = ("b" * 32, person.id, "fax", "work", "2", False, 1)  # not a kind the table takes
    with pytest.raises(sqlalchemy.exc.IntegrityError), services.db.write() as s:
        _insert_rows(s.connection(), ContactDetail.__table__, _DETAIL_COLUMNS, [good, bad])
