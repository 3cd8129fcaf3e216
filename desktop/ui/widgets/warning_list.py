"""Decision-circle coverage warnings: a severity icon and colour, the text, advice on hover."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from desktop.domain.coverage import Warning

COLOURS = {"danger": "#b3261e", "caution": "#8a5a00"}


class WarningList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._empty = True
        self.set_warnings([], None, "en")

    def set_warnings(self, warnings: list[Warning], playbook, lang: str) -> None:
        self.clear()
        self._empty = not warnings
        if not warnings:
            item = QListWidgetItem(
                self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton), ""
            )
            item.setText(self.tr("Every role in the decision circle is covered."))
            item.setForeground(QBrush(QColor("#2e7d32")))
            self.addItem(item)
            return
        for warning in warnings:
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if warning.severity == "danger"
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            item = QListWidgetItem(self.style().standardIcon(icon), warning.text(playbook, lang))
            item.setForeground(QBrush(QColor(COLOURS.get(warning.severity, "#333333"))))
            item.setToolTip(warning.advice(playbook, lang))
            item.setData(Qt.ItemDataRole.UserRole, warning.code)
            item.setData(Qt.ItemDataRole.UserRole + 1, warning.severity)
            self.addItem(item)

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count()) if not self._empty]

    def codes(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if not self._empty
        ]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and self._empty:
            self.set_warnings([], None, "en")
        super().changeEvent(event)
