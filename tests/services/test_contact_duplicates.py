"""Likely duplicates on import: the same name at the same account, and skip, merge or keep."""

from __future__ import annotations

import pytest

from desktop.services.contact_import import commit_import, preview_import

# An iPhone card of someone met at a trade fair: a name and a title, no number, no e-mail.
PHONE_EXPORT = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.4//EN\r\n"
    "N:Carter;Emily;;Dr.;\r\nFN:Dr. Emily Carter\r\nTITLE:Head of Purchasing\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.4//EN\r\n"
    "N:王;建国;;;\r\nFN:王建国\r\nORG:恒远精密;总经办\r\n"
    "item1.EMAIL;type=INTERNET;type=WORK:wjg@hengyuan.example\r\n"
    "END:VCARD\r\n"
)


@pytest.fixture
def account(services):
    return services.accounts.create(name="Northwind Traders").id


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "iPhone contacts.vcf"
    path.write_bytes(PHONE_EXPORT.encode("utf-8"))
    return path


def test_importing_the_same_phone_export_again_adds_nobody(services, account, export):
    assert commit_import(services, preview_import(services, export, account), account) == 2
    again = preview_import(services, export, account)
    assert [again.status(r, "en") for r in again.rows] == [
        "likely duplicate of Emily Carter, already at this account",
        "likely duplicate of 王建国, already at this account",
    ]
    assert commit_import(services, again, account) == 0  # skip is the default
    assert len(services.contacts.for_account(account)) == 2


def test_merge_fills_empty_fields_and_keeps_what_is_there(services, account, export):
    known = services.contacts.create(
        account, name="Emily Carter", title="Purchasing", phone_mobile="+1 206 555 0100"
    )
    services.contacts.create(account, name="王建国")
    preview = preview_import(services, export, account)
    assert commit_import(services, preview, account, duplicates="merge") == 0
    assert preview.merged == 2
    people = {c.name: c for c in services.contacts.for_account(account)}
    assert len(people) == 2
    emily = people["Emily Carter"]
    assert emily.id == known.id
    assert emily.title == "Purchasing"  # not overwritten by the file's "Head of Purchasing"
    assert emily.phone_mobile == known.phone_mobile
    assert emily.name_prefix == "Dr."  # filled in: it was empty
    assert people["王建国"].email == "wjg@hengyuan.example"
    assert people["王建国"].department == "总经办"


def test_keep_adds_a_second_person(services, account, export):
    services.contacts.create(account, name="Emily Carter")
    preview = preview_import(services, export, account)
    assert commit_import(services, preview, account, duplicates="keep") == 2
    names = sorted(c.name for c in services.contacts.for_account(account))
    assert names == ["Emily Carter", "Emily Carter", "王建国"]


def test_cli_duplicates_option(services, account, export, db_path, capsys):
    from desktop.cli import main

    services.contacts.create(account, name="Emily Carter")
    services.db.close()
    args = ["--data-dir", str(db_path.parent), "import", "contacts", str(export)]
    args += ["--account", str(account), "--yes"]
    # 王建国's card names 恒远精密, not Northwind Traders: told, nothing written, unless asked.
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "names company '恒远精密', not the account 'Northwind Traders'" in err
    args.append("--any-company")
    assert main([*args, "--duplicates", "merge"]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 contacts" in out and "1 people already there filled in" in out
    assert main([*args, "--duplicates", "skip"]) == 0
    assert "Imported 0 contacts" in capsys.readouterr().out
    assert main([*args, "--duplicates", "keep"]) == 0
    assert "Imported 2 contacts" in capsys.readouterr().out
