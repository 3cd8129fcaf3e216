"""Issue 15: several e-mails, phones and postal addresses per person, through the one door."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.domain.contact_details import Detail
from desktop.domain.validation import ValidationError
from desktop.services.events import ChangeKind


@pytest.fixture
def person(services):
    account = services.accounts.create(name="恒远精密")
    return services.contacts.create(
        account.id, name="王磊", email="wang@hengyuan.cn", phone_office="0512-6588-1001"
    )


def test_a_person_keeps_every_value_with_its_type_and_one_preferred_per_kind(services, person):
    seen = []
    services.notifier.subscribe(seen.append)
    stored = services.contact_details.replace(
        person.id,
        [
            Detail("email", "work", "wang@hengyuan.cn"),
            Detail("email", "home", "wanglei@163.com", preferred=True),
            Detail("phone", "work", "0512-6588-1001"),
            Detail("phone", "mobile", "13915542088", preferred=True),
            Detail("phone", "home", "+1 650 253 0000"),
            Detail("address", "work", "苏州工业园区星湖街 328 号"),
        ],
    )
    assert seen[-1].kind is ChangeKind.CONTACT and person.id in seen[-1].ids
    again = services.contact_details.details(person.id)
    assert again == stored
    assert [(d.kind, d.type, d.value, d.preferred) for d in again] == [
        ("email", "work", "wang@hengyuan.cn", False),
        ("email", "home", "wanglei@163.com", True),
        ("phone", "work", "0512 6588 1001", False),
        ("phone", "mobile", "139 1554 2088", True),
        ("phone", "home", "+1 650-253-0000", False),
        ("address", "work", "苏州工业园区星湖街 328 号", True),
    ]
    assert all(len(d.uid) == 32 for d in again)
    # The old columns hold the preferred values, so search and the org chart still find them.
    contact = services.contacts.get(person.id)
    assert contact.email == "wanglei@163.com"
    assert contact.phone_mobile == "139 1554 2088"
    assert contact.phone_office == "0512 6588 1001"


def test_editing_keeps_the_uids_of_the_details_that_stay(services, person):
    first = services.contact_details.details(person.id)
    kept = [d for d in first if d.kind == "email"]
    stored = services.contact_details.replace(
        person.id, [*kept, Detail("phone", "other", "021 6000 0000")]
    )
    assert stored[0].uid == kept[0].uid
    assert [d.value for d in stored] == ["wang@hengyuan.cn", "021 6000 0000"]
    assert services.contacts.get(person.id).phone_office == "021 6000 0000"


def test_a_bad_email_or_a_phone_without_digits_is_refused_and_nothing_changes(services, person):
    before = services.contact_details.details(person.id)
    with pytest.raises(ValidationError) as err:
        services.contact_details.replace(
            person.id,
            [
                Detail("email", "work", "not an address"),
                Detail("phone", "mobile", "after six"),
                Detail("phone", "work", "139 1554 2088"),
            ],
        )
    assert set(err.value.by_field()) == {"details.0", "details.1"}
    assert "e-mail" in err.value.by_field()["details.0"]
    assert services.contact_details.details(person.id) == before


def test_the_form_fields_for_email_and_phones_move_the_details_along(services, person):
    services.contact_details.replace(
        person.id,
        [
            Detail("email", "work", "wang@hengyuan.cn", preferred=True),
            Detail("email", "home", "wanglei@163.com"),
        ],
    )
    services.contacts.update(person.id, email="lei.wang@hengyuan.cn", phone_mobile="13915542088")
    details = services.contact_details.details(person.id)
    assert [(d.kind, d.type, d.value, d.preferred) for d in details] == [
        ("email", "work", "lei.wang@hengyuan.cn", True),
        ("email", "home", "wanglei@163.com", False),
        ("phone", "mobile", "139 1554 2088", True),
    ]
    services.contacts.update(person.id, email="")
    assert services.contacts.get(person.id).email == "wanglei@163.com"


def test_deleting_a_person_deletes_their_details(services, person, db_path):
    services.contacts.delete(person.id)
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT count(*) FROM contact_details").fetchone() == (0,)
    finally:
        con.close()


def test_a_value_longer_than_its_column_is_refused(services, person):
    with pytest.raises(ValidationError) as err:
        services.contact_details.replace(person.id, [Detail("phone", "work", "1" * 41)])
    assert "41" in err.value.by_field()["details.0"]


def test_remembered_phones_and_addresses_clean_as_the_field_rules_do(playbook):
    """Phones and addresses are cleaned once per (kind, type, value) and remembered: a value
    seen again, under another type or kind, or after it failed, gets what the rules give."""
    from desktop.services import contact_details as service
    from desktop.services.field_values import Bad, clean_one

    service._CLEANED.clear()
    values = ["0512-6588-1001", " 13915542088 ", "苏州", "x" * 401, "call me", "+86 139 1554 2088"]
    details = [
        Detail(kind, kind_type, value)
        for value in values
        for kind, kind_type in (("phone", "work"), ("phone", "mobile"), ("address", "work"))
    ]

    def expected(d: Detail) -> str | tuple:
        spec = service._TYPED_SPECS.get((d.kind, d.type)) or service._SPECS[d.kind]
        try:
            return str(clean_one(spec, d.value, service._MAX_LEN[d.kind], playbook)[0])
        except Bad as bad:
            return (bad.code, bad.params)

    for _ in range(3):  # the first time fills the cache, the others read it
        for d in details:
            spec = service._TYPED_SPECS.get((d.kind, d.type)) or service._SPECS[d.kind]
            try:
                got: str | tuple = service._clean_detail(spec, d)
            except Bad as bad:
                got = (bad.code, bad.params)
            assert got == expected(d), d
    assert service._CLEANED  # they were remembered
