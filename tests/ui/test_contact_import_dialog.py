"""The contact import dialog: mapping, per-row status, duplicates and the Import button."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from ui_actions import OFFSCREEN_POPUPS, choose, click

from desktop.ui.contact_import_dialog import ContactImportDialog

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)  # combo popups on the offscreen platform


def _dialog(qtbot, ctx, account_id, name):
    dialog = ContactImportDialog(ctx, account_id, DATA / name)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _column(dialog, column):
    model = dialog.rows.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


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
    choose(dialog.duplicates, "keep")  # import the duplicate too
    assert dialog.import_button.text() == "Import 4 contact(s)"
    choose(dialog.duplicates, "skip")
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
    rng = random.Random(7)  # bytes no encoding reads as words
    bad.write_bytes(b"Name\n" + bytes(rng.randrange(128, 256) for _ in range(400)))
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


def _outlook_rows(path: Path, rows: int) -> None:
    """``rows`` people; every 100th has a broken e-mail, every 250th repeats the one before."""
    lines = ["First Name,Last Name,Job Title,E-mail Address,Mobile Phone"]
    for i in range(rows):
        email = f"zhang{i}@example.cn" if i % 100 != 42 else f"zhang{i}@"
        k = i - 1 if i % 250 == 249 else i  # the same person as the row above
        lines.append(f"伟{k},张,工程师 Engineer {i},{email},138-{k // 10000:04d}-{k % 10000:04d}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def test_a_large_preview_is_a_view_over_the_rows_not_a_widget_per_row(
    qtbot, ctx, services, tmp_path
):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from desktop.ui.contact_import_dialog import DUPLICATE_BG, MAX_COLUMN, PROBLEM_BG

    account = services.accounts.create(name="大客户 Big Account")
    small, big = tmp_path / "five.csv", tmp_path / "three-thousand.csv"
    _outlook_rows(small, 5)
    _outlook_rows(big, 3000)
    few = ContactImportDialog(ctx, account.id, small)
    qtbot.addWidget(few)
    dialog = ContactImportDialog(ctx, account.id, big)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.working, timeout=60_000)
    model = dialog.rows.model()
    assert model.rowCount() == 3000
    # As many widgets as for five rows: the table asks for the rows it shows when it shows them.
    assert len(dialog.findChildren(QWidget)) == len(few.findChildren(QWidget))
    assert dialog.import_button.text() == "Import 2958 contact(s)"  # 30 bad, 12 repeats
    bad = model.index(42, dialog.COL_STATUS)  # row 44 of the file
    assert bad.data() == "E-mail does not look like an e-mail address: 'zhang42@'"
    assert bad.data(Qt.ItemDataRole.ToolTipRole) == bad.data()
    assert bad.data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BG
    repeat = model.index(249, dialog.COL_STATUS)
    assert repeat.data() == "likely duplicate of row 250 of this file"
    assert repeat.data(Qt.ItemDataRole.BackgroundRole) == DUPLICATE_BG
    assert model.index(0, dialog.COL_NAME).data() == "伟0 张"
    widths = [dialog.rows.columnWidth(c) for c in range(dialog.COL_STATUS)]
    assert max(widths) <= MAX_COLUMN  # the status column stays in sight
    dialog.rows.scrollToBottom()
    assert model.index(2999, dialog.COL_ROW).data() == "row 3001"


def test_a_file_that_cannot_be_written_is_explained_and_the_import_retried(qtbot, ctx, services):
    from sqlalchemy import event

    account = services.accounts.create(name="Kessler Automation")
    dialog = _dialog(qtbot, ctx, account.id, "outlook.csv")

    def refuse(dbapi_conn, _record) -> None:  # as for a read-only file or folder
        dbapi_conn.execute("PRAGMA query_only = ON")

    event.listen(services.db.engine, "connect", refuse)
    services.db.engine.dispose()
    click(dialog.import_button)
    assert dialog.error.isVisible() and "cannot be written" in dialog.error.text()
    assert dialog.isVisible() and dialog.imported == 0
    assert dialog.import_button.text() == "Import 3 contact(s)"
    event.remove(services.db.engine, "connect", refuse)
    services.db.engine.dispose()
    assert services.contacts.for_account(account.id) == []
    click(dialog.import_button)
    assert dialog.imported == 3
    assert len(services.contacts.for_account(account.id)) == 3


def test_a_western_outlook_file_shows_its_encoding_and_the_rep_can_change_it(
    qtbot, ctx, services, tmp_path
):
    account = services.accounts.create(name="Peña y Cía S.A.")
    path = tmp_path / "Contactos.CSV"
    header = '"First Name","Last Name","Job Title","E-mail Address","Company"'
    row = '"José","Núñez","Director de compras","jn@pena.es","Peña y Cía S.A."'
    path.write_bytes(f"{header}\r\n{row}\r\n".encode("cp1252"))  # Outlook on a Spanish Windows
    dialog = ContactImportDialog(ctx, account.id, path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.detected.text() == "Outlook CSV · cp1252"
    assert _column(dialog, dialog.COL_NAME) == ["José Núñez"]
    choose(dialog.encoding, "cp1250")  # the rep insists on Central European: read again
    assert dialog.detected.text() == "Outlook CSV · cp1250"
    assert _column(dialog, dialog.COL_NAME) == ["José Núńez"]
    choose(dialog.encoding, "utf-8")  # not UTF-8: said so, nothing to import
    assert "cannot be read as utf-8" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


def test_merge_fills_in_the_person_already_here(qtbot, ctx, services, tmp_path):
    account = services.accounts.create(name="Kessler Automation")
    services.contacts.create(account.id, name="Richard Weber")
    dialog = _dialog(qtbot, ctx, account.id, "outlook.csv")
    assert _column(dialog, dialog.COL_STATUS)[0].startswith("likely duplicate of Richard Weber")
    assert dialog.import_button.text() == "Import 2 contact(s)"
    choose(dialog.duplicates, "merge")
    assert dialog.import_button.text() == "Import 3 contact(s)"
    click(dialog.import_button)
    people = {c.name: c for c in services.contacts.for_account(account.id)}
    assert len(people) == 3  # Weber once, with what the file knew of him
    assert people["Richard Weber"].relationship_notes.startswith("Met at the Hannover Messe")


def test_a_file_from_another_company_is_told_before_import(qtbot, ctx, services):
    account = services.accounts.create(name="苏州恒远精密制造有限公司")
    dialog = _dialog(qtbot, ctx, account.id, "outlook.csv")
    assert dialog.company_warning.isVisible()
    assert "Kessler Automation (Shanghai) Co." in dialog.company_warning.text()
    assert "苏州恒远精密制造有限公司" in dialog.company_warning.text()
    same = services.accounts.create(name="Kessler Automation")
    dialog = _dialog(qtbot, ctx, same.id, "outlook.csv")
    assert not dialog.company_warning.isVisible()
