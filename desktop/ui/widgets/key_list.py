"""A checkable list of one playbook group (needs, priorities); optionally ranked by dragging."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from desktop.ui.context import UiContext


class KeyChecklist(QListWidget):
    """``value()`` is the checked keys, in the order shown (the rank when ``ranked``)."""

    edited = Signal()

    def __init__(
        self,
        ctx: UiContext,
        group: str,
        *,
        ranked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._group = group
        self._ranked = ranked
        self._quiet = False
        if ranked:
            self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(False)
        self.itemChanged.connect(self._item_changed)
        self.model().rowsMoved.connect(self._moved)
        self.set_value([])

    def value(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, keys: list[str] | None) -> None:
        keys = list(keys or [])
        playbook = self._ctx.services.playbook
        known = list(playbook.keys(self._group))
        order = [k for k in keys if k in known] + [k for k in known if k not in keys]
        self._quiet = True
        try:
            self.clear()
            for key in order:
                entry = playbook.entry(self._group, key)
                item = QListWidgetItem(entry.text(self._ctx.lang))
                item.setData(Qt.ItemDataRole.UserRole, key)
                flags = (
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                if self._ranked:
                    flags |= Qt.ItemFlag.ItemIsDragEnabled
                item.setFlags(flags)
                item.setCheckState(
                    Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked
                )
                tip = entry.description_text(self._ctx.lang)
                if tip:
                    item.setToolTip(tip)
                self.addItem(item)
            self._number()
        finally:
            self._quiet = False
        rows = max(self.count(), 1)
        self.setFixedHeight(
            min(rows, 8) * (self.sizeHintForRow(0) or 20) + 2 * self.frameWidth() + 4
        )

    def _number(self) -> None:
        """Ranked lists show the rank of each checked item in front of its label."""
        if not self._ranked:
            return
        playbook = self._ctx.services.playbook
        rank = 0
        was_quiet, self._quiet = self._quiet, True
        try:
            for i in range(self.count()):
                item = self.item(i)
                label = playbook.label(
                    self._group, item.data(Qt.ItemDataRole.UserRole), self._ctx.lang
                )
                if item.checkState() == Qt.CheckState.Checked:
                    rank += 1
                    item.setText(f"{rank}. {label}")
                else:
                    item.setText(label)
        finally:
            self._quiet = was_quiet

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if self._quiet:
            return
        if self._ranked:
            # A newly checked item joins the ranking after the ones already checked.
            self.set_value(self.value())
        self.edited.emit()

    def _moved(self, *_args: object) -> None:
        if self._quiet:
            return
        self._number()
        self.edited.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.set_value(self.value())
        super().changeEvent(event)
