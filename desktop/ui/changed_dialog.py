"""File ▸ Changed by someone else…: the values of ours a teammate's concurrent edit replaced.

One row per value (account, where, field, our value, who replaced it, when), newest first.
*Restore* makes the selected value ours again: a normal edit through
``services.lost_values`` (its typed change redraws the screens, team sync sends it). *Keep
theirs* drops it from the list. Keyboard: arrows choose a row, Alt+R restores, Alt+K keeps
theirs, Esc closes. Opened from the File menu and from the sync state in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.events import Origin, initiated_by

from .context import UiContext
from .msgbox import prompter

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ChangedDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setAccessibleName(self.tr("Changed by someone else"))
        self.resize(860, 420)
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Values you wrote that a teammate's edit of the same field replaced before "
                "either of you had seen the other's, and values a merge had to set aside. "
                "Restore one to make it yours again."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName(self.tr("Values changed by someone else"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Where"),
                self.tr("Field"),
                self.tr("Your value"),
                self.tr("Replaced by"),
                self.tr("When"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Nothing you wrote was replaced by someone else."))
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("&Restore my value"))
        self.restore_button.setAccessibleName(self.tr("Restore my value"))
        self.keep_button = QPushButton(self.tr("&Keep theirs"))
        self.keep_button.setAccessibleName(self.tr("Keep theirs"))
        for button in (self.restore_button, self.keep_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            self.tr("Close")
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.keep_button.clicked.connect(self.keep_selected)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        entries = self._ctx.services.lost_values.entries()
        zh = self._ctx.lang == "zh"
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            if entry.by:
                by = entry.by
            elif entry.reason == "concurrent_edit":
                by = self.tr("A teammate")
            else:
                by = self.tr("The merge (to keep the data consistent)")
            cells = (
                entry.account_name,
                entry.row_label,
                entry.label_zh if zh else entry.label_en,
                entry.shown or self.tr("(empty)"),
                by,
                entry.at.replace("T", " ")[:16],
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, entry.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not entries)
        self.table.setVisible(bool(entries))
        if entries:
            self.table.selectRow(0)
            self.table.setFocus()
        self._update_buttons()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(ID_ROLE)) if items else None

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.restore_button.setEnabled(chosen)
        self.keep_button.setEnabled(chosen)

    def restore_selected(self) -> None:
        from desktop.services.team_changes import RestoreError

        entry_id = self.selected_id()
        if entry_id is None:
            return
        try:
            with initiated_by(Origin.APP):
                self._ctx.services.lost_values.restore(entry_id)
        except RestoreError as exc:
            prompter.error(self, self.tr("Restore my value"), self._why(exc.code))
        self.reload()

    def keep_selected(self) -> None:
        entry_id = self.selected_id()
        if entry_id is not None:
            self._ctx.services.lost_values.dismiss(entry_id)
        self.reload()

    def _why(self, code: str) -> str:
        reasons = {
            "row_deleted": self.tr("What it belonged to has been deleted since."),
            "person_deleted": self.tr("The person it named has been deleted since."),
            "loop": self.tr(
                "Putting it back would make the reporting lines loop. Change the other "
                "person's manager first."
            ),
            "unfit": self.tr("It no longer fits this field."),
        }
        return reasons.get(code, self.tr("It is no longer in the list."))


class ChangedAction(QAction):
    """The File menu's "Changed by someone else…"."""

    def __init__(self, window: QWidget, ctx: UiContext) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self.dialog: ChangedDialog | None = None
        self.triggered.connect(lambda _c=False: self.open_dialog())
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("C&hanged by someone else…"))
        self.setToolTip(
            self.tr("Your values that a teammate's edit replaced: review and restore them")
        )

    def open_dialog(self) -> ChangedDialog:
        self.dialog = ChangedDialog(self._ctx, self._window)
        self.dialog.open()
        return self.dialog
