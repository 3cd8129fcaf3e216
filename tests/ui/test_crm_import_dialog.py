"""File ▸ Import from CRM…: preview, stage combos and Import, driven by keyboard and clicks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.store.models import Account, Opportunity
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
