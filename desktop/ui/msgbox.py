"""The one place that shows message boxes and file dialogs, so tests can drive them.

Tests replace ``Prompter`` methods on the module-level ``prompter`` instance (or answer the
real dialogs with qtbot); widgets never call QMessageBox directly.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class Prompter:
    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def passphrase(self, parent: QWidget | None, title: str, text: str) -> str | None:
        """A hidden-text prompt; None when the rep cancels."""
        value, ok = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Password)
        return value if ok else None

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        """The file to write, "" when the rep cancels. The dialog adds the filter's extension
        itself (the callers' own fallback never applies) so that its "replace the existing
        file?" question is asked about the very file that will be written."""
        dialog = QFileDialog(parent, title, suggested, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        found = re.search(r"\*\.(\w+)", filters)
        if found:
            dialog.setDefaultSuffix(found[1])
        dialog.filterSelected.connect(lambda chosen: _follow_filter(dialog, chosen))
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return ""
        return dialog.selectedFiles()[0]

    def open_path(self, parent: QWidget | None, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path


def _follow_filter(dialog: QFileDialog, chosen: str) -> None:
    found = re.search(r"\*\.(\w+)", chosen)
    if found:
        dialog.setDefaultSuffix(found[1])


prompter = Prompter()
