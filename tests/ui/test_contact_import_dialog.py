"""The contact import dialog: mapping, per-row status, duplicates and the Import button."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_actions import OFFSCREEN_POPUPS, choose, click, tick

from desktop.ui.contact_import_dialog import ContactImportDialog

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)  # combo popups on the offscreen platform


def _dialog(qtbot, ctx, account_id, name):
    dialog = ContactImportDialog(ctx, account_id, DATA / name)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _column(dialog, column):
    return [dialog.rows.item(r, column).text() for r in range(dialog.rows.rowCount())]


def test_outlook_file_shows_problems_and_imports_the_good_rows(qtbot, ctx, services):
    account = services.accounts.create(name="Kessler Automation")
    dialog = _dialog(qtbot, ctx, account.id, "outlook.csv")
    assert dialog.detected.text() == "Outlook CSV · utf-8"
    assert _column(dialog, dialog.COL_NAME) == [
        "Richard Weber",
        "Mei Lin",
        "Tom Becker",
        "Anna Schulz",
        "Mei Lin",
    ]
    status = _column(dialog, dialog.COL_STATUS)
    assert status[2] == "E-mail does not look like an e-mail address: 'tom.becker@'"
    assert status[4] == "likely duplicate of row 3 of this file"
    assert dialog.import_button.text() == "Import 3 contact(s)"
    tick(dialog.skip_duplicates)  # import the duplicate too
    assert dialog.import_button.text() == "Import 4 contact(s)"
    tick(dialog.skip_duplicates)
    click(dialog.import_button)
    assert dialog.imported == 3
    assert len(services.contacts.for_account(account.id)) == 3


def test_an_unknown_csv_is_mapped_with_the_combos(qtbot, ctx, services):
    account = services.accounts.create(name="Kessler GmbH")
    dialog = _dialog(qtbot, ctx, account.id, "odd_semicolon.csv")
    assert dialog.mapping_table.isVisible()
    assert not dialog.import_button.isEnabled()
    assert "choose which column is the name" in dialog.notes.text()
    columns = [dialog.mapping_table.item(r, 0).text() for r in range(3)]
    assert columns == ["Kontakt", "Funktion", "Bereich"]
    assert dialog.mapping_table.item(0, 1).text() == "Klaus Richter"  # the first value, to help
    choose(dialog.mapping_table.cellWidget(0, 2), "name")
    choose(dialog.mapping_table.cellWidget(1, 2), "title")
    assert _column(dialog, dialog.COL_TITLE) == ["Werksleiter", "Einkauf", "Instandhaltung"]
    assert dialog.import_button.isEnabled()
    click(dialog.import_button)
    names = {c.name for c in services.contacts.for_account(account.id)}
    assert names == {"Klaus Richter", "Petra Vogel", "Jens Krüger"}


def test_vcard_roles_go_to_the_chosen_opportunity(qtbot, ctx, services):
    account = services.accounts.create(name="Kessler GmbH")
    opp = services.opportunities.create(account.id, name="Retrofit")
    dialog = _dialog(qtbot, ctx, account.id, "nextcloud_v4.vcf")
    assert not dialog.mapping_table.isVisible()
    assert dialog.opportunity.currentData() == opp.id  # the file has roles: offered at once
    click(dialog.import_button)
    assert dialog.imported == 3
    assert {r.attitude for r in services.opportunities.get(opp.id).roles} >= {"opponent"}


def test_an_unreadable_file_is_explained(qtbot, ctx, services, tmp_path):
    account = services.accounts.create(name="X")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"Name\n\x80\x80\xff\n")
    dialog = ContactImportDialog(ctx, account.id, bad)
    qtbot.addWidget(dialog)
    assert "could not work out its text encoding" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_a_large_file_is_read_and_imported_without_freezing_the_window(
    qtbot, ctx, services, tmp_path
):
    account = services.accounts.create(name="大客户 Big Account")
    big = tmp_path / "outlook-big.csv"
    lines = ["First Name,Last Name,Job Title,E-mail Address,Mobile Phone"]
    lines += [
        f"伟{i},张,工程师 Engineer {i},zhang{i}@example.cn,138-{i // 10000:04d}-{i % 10000:04d}"
        for i in range(5000)
    ]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    assert big.stat().st_size > 256 * 1024
    dialog = ContactImportDialog(ctx, account.id, big)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.working  # the window is free while the file is read
    assert dialog.notes.text() == f"Reading {big.name}…"
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.working, timeout=60_000)
    assert dialog.import_button.text() == "Import 5000 contact(s)"
    click(dialog.import_button)
    assert dialog.working
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=120_000)
    assert dialog.imported == 5000
    assert len(services.contacts.for_account(account.id)) == 5000
