"""The window's Save dialog asks before replacing a file — the very file that will be written.

The rep types a name without its extension ("brief"); the export writes "brief.pdf". The
dialog adds the extension itself, so when "brief.pdf" already exists it asks first, instead of
the export replacing it silently after an all-clear given for "brief".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from desktop.ui.msgbox import prompter


def test_saving_over_an_existing_file_is_asked_about_first(qtbot, tmp_path):
    existing = tmp_path / "brief.pdf"
    existing.write_bytes(b"%PDF- the rep's earlier brief")
    asked: list[str] = []

    def answer_the_question(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        asked.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.LeftButton)

    def type_the_name(button: QMessageBox.StandardButton) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog), dialog
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        edit.setText("brief")
        QTimer.singleShot(200, lambda: answer_the_question(button))
        qtbot.keyClick(edit, Qt.Key_Return)

    QTimer.singleShot(300, lambda: type_the_name(QMessageBox.No))
    QTimer.singleShot(900, lambda: QApplication.activeModalWidget().reject())
    refused = prompter.save_path(None, "Export brief PDF", str(tmp_path / "x.pdf"), "PDF (*.pdf)")
    assert refused == ""
    assert asked and "brief.pdf" in asked[0]

    QTimer.singleShot(300, lambda: type_the_name(QMessageBox.Yes))
    chosen = prompter.save_path(None, "Export brief PDF", str(tmp_path / "x.pdf"), "PDF (*.pdf)")
    assert chosen == str(existing)
    assert len(asked) == 2
    assert existing.read_bytes() == b"%PDF- the rep's earlier brief"  # asking wrote nothing
