"""A name's prefix and suffix ("Dr.", "PhD") stay out of the name, in and out of vCard and CSV.

The cards are written as the phones write them: Android's vCard 2.1 (QUOTED-PRINTABLE with a
CHARSET), Apple's 3.0 (FN repeating the prefix and suffix, ``item1.`` groups), and 4.0 (RFC
6350). Our own export is read back by ``vobject``, a second library, not by our reader.
"""

from __future__ import annotations

import pytest

from desktop.export.contacts import export_contacts
from desktop.services.contact_import import commit_import, preview_import

ANDROID_21 = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;Prof. Dr.;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Prof. Dr. J=C3=BCrgen M=C3=BCller\r\n"
    "TEL;CELL;PREF:+49 171 2345678\r\n"
    "EMAIL;WORK:jm@example.de\r\n"
    "END:VCARD\r\n"
)
APPLE_30 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.4//EN\r\n"
    "N:Carter;Emily;Anne;Dr.;PhD\r\n"
    "FN:Dr. Emily Anne Carter PhD\r\n"
    "ORG:Northwind Traders;Purchasing\r\n"
    "TITLE:Head of Purchasing\r\n"
    "item1.EMAIL;type=INTERNET;type=WORK;type=pref:emily.carter@northwind.example\r\n"
    "item2.TEL;type=CELL;type=VOICE;type=pref:+1 (206) 555-0100\r\n"
    "END:VCARD\r\n"
)
V40 = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Emily Carter\r\n"
    "N:Carter;Emily;;Dr.;\r\n"
    "EMAIL;TYPE=work:emily@example.com\r\n"
    "END:VCARD\r\n"
)
NO_FN_30 = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Smith;John;;;Jr.\r\nEND:VCARD\r\n"


@pytest.fixture
def account(services):
    return services.accounts.create(name="Northwind Traders").id


@pytest.mark.parametrize(
    ("card", "name", "prefix", "suffix"),
    [
        (ANDROID_21, "Jürgen Müller", "Prof. Dr.", ""),
        (APPLE_30, "Emily Anne Carter", "Dr.", "PhD"),
        (V40, "Emily Carter", "Dr.", ""),
        (NO_FN_30, "John Smith", "", "Jr."),
    ],
)
def test_prefix_and_suffix_are_kept_apart_from_the_name(
    services, account, tmp_path, card, name, prefix, suffix
):
    path = tmp_path / "contact.vcf"
    path.write_bytes(card.encode("utf-8"))
    preview = preview_import(services, path, account)
    assert commit_import(services, preview, account) == 1
    [person] = services.contacts.for_account(account)
    assert (person.name, person.name_prefix, person.name_suffix) == (name, prefix, suffix)


def test_the_export_gives_vcard_readers_the_prefix_in_n(services, account, tmp_path):
    import vobject

    path = tmp_path / "in.vcf"
    path.write_bytes((APPLE_30 + V40).encode("utf-8"))
    commit_import(services, preview_import(services, path, account), account)
    out = tmp_path / "out.vcf"
    export_contacts(services, account, out)
    cards = {c.fn.value: c for c in vobject.readComponents(out.read_text("utf-8"))}
    assert set(cards) == {"Dr. Emily Anne Carter PhD", "Dr. Emily Carter"}
    n = cards["Dr. Emily Anne Carter PhD"].n.value
    assert (n.family, n.given, n.prefix, n.suffix) == ("Carter", "Emily Anne", "Dr.", "PhD")
    n = cards["Dr. Emily Carter"].n.value
    assert (n.family, n.given, n.prefix, n.suffix) == ("Carter", "Emily", "Dr.", "")
    # Read back by us: the same people, no "Dr. Emily" as a given name, no second prefix.
    other = services.accounts.create(name="Northwind Traders (copy)").id
    commit_import(services, preview_import(services, out, other), other)
    again = {(p.name, p.name_prefix, p.name_suffix) for p in services.contacts.for_account(other)}
    assert again == {("Emily Anne Carter", "Dr.", "PhD"), ("Emily Carter", "Dr.", "")}


def test_outlook_title_and_suffix_columns_fill_prefix_and_suffix(services, account, tmp_path):
    path = tmp_path / "outlook.csv"
    path.write_bytes(
        b'"Title","First Name","Middle Name","Last Name","Suffix","Job Title","E-mail Address"\r\n'
        b'"Dr.","Emily","","Carter","PhD","Head of Purchasing","ec@northwind.example"\r\n'
    )
    preview = preview_import(services, path, account)
    assert preview.format == "outlook"
    commit_import(services, preview, account)
    [person] = services.contacts.for_account(account)
    assert (person.name, person.name_prefix, person.name_suffix, person.title) == (
        "Emily Carter",
        "Dr.",
        "PhD",
        "Head of Purchasing",
    )
