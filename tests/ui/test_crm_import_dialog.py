"""File ▸ Import from CRM…: preview, stage combos and Import, driven by keyboard and clicks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.store.models import Account, Contact, Opportunity
from desktop.ui.msgbox import prompter

# A Salesforce report exported as CSV, as Salesforce writes it (every cell quoted, CRLF).
SALESFORCE_CSV = (
    '"Account Name","Opportunity Name","Stage","Amount","Close Date","Contact: Full Name",'
    '"Title","Email","Phone","Contact Role","Primary"\r\n'
    '"Acme GmbH","Acme Line 2","Proposal/Price Quote","120,000.00","6/30/2027","Anna Weber",'
    '"Head of Production","anna.weber@acme.example","+49 89 1234567","Decision Maker","1"\r\n'
    '"Beta Ltd","Beta renewal","Closed Won","8,000.00","1/15/2027","Li Wei","Buyer",'
    '"li.wei@beta.example","","Influencer","1"\r\n'
)


def test_preview_change_a_stage_by_keyboard_then_import(
    qtbot, window, services, monkeypatch, tmp_path: Path
) -> None:
    src = tmp_path / "report.csv"
    src.write_bytes(b"\xef\xbb\xbf" + SALESFORCE_CSV.encode("utf-8"))
    monkeypatch.setattr(prompter, "open_path", lambda *_a: str(src))
    assert window.crm_import_action in window.file_menu.actions()
    window.crm_import_action.trigger()
    dialog = window.crm_import_action.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 0).text() == "Acme GmbH"
    with services.db.read() as s:
        assert s.scalars(select(Account)).all() == []  # the preview wrote nothing

    combo = dialog.combos["Closed Won"]
    assert combo.currentData() == "E" and combo.accessibleName()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # E -> F
    assert combo.currentData() == "F"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and len(dialog.imported) == 2
    with services.db.read() as s:
        stages = dict(s.execute(select(Opportunity.name, Opportunity.stage)).all())
    assert stages == {"Acme Line 2": "C", "Beta renewal": "F"}


def _excel_csv_utf8(path: Path, rows: list[list[str]]) -> None:
    """Write ``rows`` as Excel's "CSV UTF-8 (Comma delimited)" does: a byte-order mark, commas,
    CRLF line ends, quotes only where a cell needs them."""
    import csv

    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, dialect="excel").writerows(rows)


def _open(window, monkeypatch, path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(prompter, "open_path", lambda *_a: str(path))
    window.crm_import_action.trigger()
    dialog = window.crm_import_action.dialog
    assert dialog is not None and dialog.isVisible()
    # The window system makes a newly opened dialog active; offscreen needs asking.
    from PySide6.QtWidgets import QApplication

    dialog.activateWindow()
    for _ in range(100):
        if QApplication.activeWindow() is dialog:
            break
        QApplication.processEvents()
    assert QApplication.activeWindow() is dialog
    return dialog


def test_any_spreadsheet_mapped_by_keyboard_then_the_same_shape_opens_mapped(
    qtbot, window, services, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    first = tmp_path / "my accounts.csv"
    _excel_csv_utf8(first, [
        ["Customer", "Deal", "Phase", "Value", "Expected", "Person", "Position", "Mail"],
        ["Delta KG", "Delta Halle 3", "Negotiation/Review", "70000", "3/31/2027", "Uwe Brandt",
         "Werkleiter", "uwe.brandt@delta.example"],
        ["上海华东机械有限公司", "二期产线, 2027", "Prospecting", "1200000", "6/30/2027", "王建国",
         "总经理", "wang@huadong.example"],
    ])  # fmt: skip
    dialog = _open(window, monkeypatch, first)
    page = dialog.column_map
    assert dialog.pages.currentWidget() is page and dialog.next_button.isVisible()
    assert all(c.accessibleName() for c in page.combos.values())
    assert page.combos["account"].itemText(1) == "Customer"  # the BOM is not in the name

    account = page.combos["account"]
    qtbot.keyClick(account, Qt.Key.Key_Return)  # Next without an account column: said there
    assert dialog.pages.currentWidget() is page
    assert page.account_error.isVisible() and "account name" in page.account_error.text()

    # The rep picks each column by typing its first letters and Tab to the next field.
    picks = {"account": "Customer", "opportunity": "Deal", "stage": "Phase", "amount": "Value",
             "close": "Expected", "contact": "Person", "first": "", "last": "",
             "title": "Position", "email": "Mail"}  # fmt: skip
    for field, column in picks.items():
        combo = QApplication.focusWidget()
        assert combo is page.combos[field], field
        if column:
            qtbot.keyClicks(combo, column)
            assert combo.currentText() == column
        qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert not page.account_error.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Next: the preview
    assert dialog.pages.currentIndex() == 1 and dialog.back_button.isVisible()
    assert dialog.table.rowCount() == 2
    people = {dialog.table.item(r, 0).text(): dialog.table.item(r, 3).text() for r in range(2)}
    assert people == {"Delta KG": "Uwe Brandt", "上海华东机械有限公司": "王建国"}
    with services.db.read() as s:
        assert s.scalars(select(Account)).all() == []  # the preview wrote nothing
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Import
    assert not dialog.isVisible() and len(dialog.imported) == 2
    with services.db.read() as s:
        deals = {o.name: (o.stage, o.deal_amount) for o in s.scalars(select(Opportunity))}
        wang = s.scalars(select(Contact).where(Contact.name == "王建国")).one()
        assert (wang.title, wang.email) == ("总经理", "wang@huadong.example")
    assert deals == {"Delta Halle 3": ("D", 70000), "二期产线, 2027": ("A", 1200000)}

    # Next month's file: the same columns in another order opens with the rep's map.
    second = tmp_path / "my accounts 2.csv"
    _excel_csv_utf8(second, [
        ["Mail", "Person", "Customer", "Value", "Phase", "Position", "Deal", "Expected"],
        ["eva.roth@epsilon.example", "Eva Roth", "Epsilon SE", "5000", "Prospecting",
         "Einkauf", "Epsilon Test", "1/15/2027"],
    ])  # fmt: skip
    dialog = _open(window, monkeypatch, second)
    page = dialog.column_map
    assert dialog.pages.currentWidget() is page
    assert {f: c.currentText() for f, c in page.combos.items() if c.currentData()} == {
        f: c for f, c in picks.items() if c
    }
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "Eva Roth"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    with services.db.read() as s:
        eva = s.scalars(select(Contact).where(Contact.name == "Eva Roth")).one()
        assert (eva.title, eva.email) == ("Einkauf", "eva.roth@epsilon.example")
        assert s.get(Account, eva.account_id).name == "Epsilon SE"


def test_dynamics_contacts_export_is_recognised_and_joins_the_existing_account(
    qtbot, window, services, monkeypatch, tmp_path: Path
) -> None:
    from dynamics_files import dynamics_contacts_xlsx

    gamma = services.accounts.create(name="Gamma AG")
    src = dynamics_contacts_xlsx(tmp_path / "My Active Contacts.xlsx", [
        ("Petra Klein", "Gamma AG", "Head of Purchasing", "petra.klein@gamma.example",
         "+49 30 1234567", "+49 170 1234567"),
    ])  # fmt: skip
    dialog = _open(window, monkeypatch, src)
    assert dialog.pages.currentIndex() == 1  # no column map to ask for
    cells = [dialog.table.item(0, c).text() for c in range(4)]
    assert cells == ["Gamma AG", "existing", "", "Petra Klein"]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    with services.db.read() as s:
        petra = s.scalars(select(Contact)).one()
        assert (petra.account_id, petra.title) == (gamma.id, "Head of Purchasing")
        assert len(s.scalars(select(Account)).all()) == 1


def test_a_file_that_is_no_export_is_refused_in_a_dialog_and_nothing_is_written(
    qtbot, window, services, monkeypatch, tmp_path: Path
) -> None:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QMessageBox
    from reportlab.pdfgen import canvas
    from ui_actions import when_dialog

    pdf = tmp_path / "offer.pdf"
    page = canvas.Canvas(str(pdf))
    page.drawString(72, 720, "Offer for Acme GmbH")
    page.save()
    png = tmp_path / "card.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    assert image.save(str(png))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header_only = tmp_path / "header only.csv"
    _excel_csv_utf8(header_only, [["Customer", "Deal", "Phase"]])
    renamed = tmp_path / "notes.xlsx"  # a text file someone renamed
    renamed.write_text("Call Anna on Monday\r\n", encoding="utf-8")

    expected = {pdf: "not a spreadsheet", png: "not a spreadsheet", empty: "empty",
                header_only: "nothing to import", renamed: "not an Excel workbook"}  # fmt: skip
    for path, words in expected.items():
        said: list[str] = []

        def read(box: QMessageBox) -> None:
            said.append(box.text())  # noqa: B023 - read before the next file
            box.accept()

        when_dialog(QMessageBox, read)
        monkeypatch.setattr(prompter, "open_path", lambda *_a, p=path: str(p))
        window.crm_import_action.dialog = None
        window.crm_import_action.trigger()
        qtbot.waitUntil(lambda: bool(said))  # noqa: B023
        assert path.name in said[0] and words in said[0], said
        assert "Traceback" not in said[0]
        assert window.crm_import_action.dialog is None  # no preview opened
    with services.db.read() as s:
        assert s.scalars(select(Account)).all() == []
