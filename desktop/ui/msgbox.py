"""The one place that shows message boxes and file dialogs, so tests can drive them.

Tests replace ``Prompter`` methods on the module-level ``prompter`` instance (or answer the
real dialogs with qtbot); widgets never call QMessageBox directly.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class Prompter:
    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent, title, text, QMessageBox.Yes | QMessageBox.No, QMessageBox.No
        )
        return answer == QMessageBox.Yes

    def passphrase(self, parent: QWidget | None, title: str, text: str) -> str | None:
        """A hidden-text prompt; None when the rep cancels."""
        value, ok = QInputDialog.getText(parent, title, text, QLineEdit.Password)
        return value if ok else None

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path

    def open_path(self, parent: QWidget | None, title: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path


prompter = Prompter()
