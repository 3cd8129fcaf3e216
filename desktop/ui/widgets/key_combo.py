"""A combo box of one playbook group: the key is stored, the label in the rep's language shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.domain.playbook import Entry
from desktop.ui.context import UiContext

NONE_TEXT = "—"

Detail = Callable[[Entry, str], str]


class KeyCombo(QComboBox):
    """Items carry the playbook key as data; descriptions show as tooltips."""

    def __init__(
        self,
        ctx: UiContext,
        group: str,
        *,
        allow_none: bool = True,
        detail: Detail | None = None,
        none_text: Callable[[], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._none_text = none_text
        self._group = group
        self._allow_none = allow_none
        self._detail = detail
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.currentIndexChanged.connect(self._show_tip)
        self._fill()

    @property
    def group(self) -> str:
        return self._group

    def _fill(self) -> None:
        current = self.currentData()
        lang = self._ctx.lang
        self.blockSignals(True)
        try:
            self.clear()
            if self._allow_none:
                self.addItem(self._none_text() if self._none_text else NONE_TEXT, None)
            for entry in self._ctx.services.playbook.group(self._group):
                text = entry.text(lang)
                if self._detail is not None:
                    text = self._detail(entry, lang)
                self.addItem(text, entry.key)
                tip = entry.description_text(lang) or entry.extra_text("decision_point", lang)
                if tip:
                    self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            index = self.findData(current)
            self.setCurrentIndex(index if index >= 0 else 0)
        finally:
            self.blockSignals(False)
        self._show_tip()

    def set_key(self, key: str | None) -> None:
        index = self.findData(key)
        self.setCurrentIndex(index if index >= 0 else 0)

    def key(self) -> str | None:
        return self.currentData()

    def _show_tip(self, *_args: object) -> None:
        tip = (
            self.itemData(self.currentIndex(), Qt.ItemDataRole.ToolTipRole)
            if self.currentIndex() >= 0
            else ""
        )
        self.setToolTip(tip or "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._fill()
        super().changeEvent(event)
