"""File ▸ Import from CRM…: accounts, deals and contacts from a CRM export or any spreadsheet.

A Salesforce or Dynamics 365 export opens on the preview; any other spreadsheet first shows the
column-mapping step (crm_column_map.py), then the preview, with Back to change the map. The
preview shows each account, new or existing, with its deals and people, and one combo box per
stage name in the file, set to the guessed funnel stage; changing one plans again. Import writes
everything in one transaction through ``services.crm_import`` (which then remembers the column
map for files of the same shape); nothing is written before. Keyboard: Tab through the combos,
Enter goes on (Next, then Import), Esc closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.contact_formats import ImportFileError

from .context import UiContext
from .crm_column_map import CrmColumnMap
from .msgbox import prompter


class CrmImportDialog(QDialog):
    def __init__(self, ctx: UiContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._path = path
        self._stage_map: dict[str, str] = {}
        self.imported: list[int] = []
        shape = ctx.services.crm_import.shape(path)  # ImportFileError: the caller says why
        # None for a known export: its columns are read by name, no map needed.
        self._mapping: dict[str, str] | None = None
        self.setWindowTitle(self.tr("Import from CRM"))
        self.setAccessibleName(self.tr("Import from CRM"))
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        self.column_map = CrmColumnMap(shape.header, shape.mapping)
        self.pages.addWidget(self.column_map)
        preview = QWidget()
        preview.setAccessibleName(self.tr("Preview"))
        box = QVBoxLayout(preview)
        box.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.stages = QFormLayout()
        box.addLayout(self.stages)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Accounts to import"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("New or existing"), self.tr("Deals"), self.tr("People")]
        )
        box.addWidget(self.table)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        box.addWidget(self.problems)
        self.pages.addWidget(preview)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.back_button = self._button(self.tr("&Back"), self.tr("Back to the column map"))
        self.back_button.clicked.connect(self._back)
        self.next_button = self._button(self.tr("&Next"), self.tr("Next: preview"))
        self.next_button.clicked.connect(self._next)
        self.import_button = self._button(self.tr("&Import"), self.tr("Import"))
        self.import_button.clicked.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.combos: dict[str, QComboBox] = {}
        self._plan: Any = None
        if shape.fmt is None:
            self._show_page(0)
        else:
            self._refresh()
            self._show_page(1)

    def _button(self, text: str, name: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAccessibleName(name)
        return button

    def _show_page(self, index: int) -> None:
        """Show the map (0) or the preview (1); Enter presses the page's way on."""
        self.pages.setCurrentIndex(index)
        mapped = self._mapping is not None
        self.back_button.setVisible(index == 1 and mapped)
        self.next_button.setVisible(index == 0)
        self.import_button.setVisible(index == 1)
        (self.next_button if index == 0 else self.import_button).setDefault(True)
        if index == 0:
            next(iter(self.column_map.combos.values())).setFocus()

    def _next(self) -> None:
        """Plan with the rep's column map; a map that cannot be read is said on the map page."""
        if not self.column_map.check():
            return
        self._mapping = self.column_map.mapping()
        self._clear_stages()  # other columns, other stage names
        try:
            self._refresh()
        except ImportFileError as exc:
            self.column_map.problem.setText(str(exc))
            return
        self.column_map.problem.setText("")
        self._show_page(1)

    def _back(self) -> None:
        self._show_page(0)

    def _clear_stages(self) -> None:
        self._stage_map = {}
        self.combos = {}
        while self.stages.rowCount():
            self.stages.removeRow(0)

    def _refresh(self) -> None:
        self._plan = self._ctx.services.crm_import.preview(
            self._path, stage_map=self._stage_map, mapping=self._mapping
        )
        summary = self._plan.summary()
        lang = self._ctx.lang
        playbook = self._ctx.services.playbook
        if not self.combos:
            for stage, key in summary["stage_map"].items():
                combo = QComboBox()
                combo.setAccessibleName(self.tr("Funnel stage for %1").replace("%1", stage))
                for funnel_key in playbook.keys("funnel_stages"):
                    label = playbook.label("funnel_stages", funnel_key, lang)
                    combo.addItem(f"{funnel_key} · {label}", funnel_key)
                combo.setCurrentIndex(max(0, combo.findData(key)))
                combo.currentIndexChanged.connect(
                    lambda _i, s=stage, c=combo: self._stage_changed(s, c)
                )
                self.combos[stage] = combo
                self.stages.addRow(stage, combo)
        accounts = summary["accounts"]
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            state = self.tr("existing") if account["matched"] else self.tr("new")
            cells = (account["name"], state, ", ".join(account["opportunities"]),
                     ", ".join(account["contacts"]))  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.summary.setText(
            self.tr("%1: %2 accounts. Nothing is written until you press Import.")
            .replace("%1", self._path.name)
            .replace("%2", str(len(accounts)))
        )
        self.problems.setText("\n".join(summary["problems"]))
        self.import_button.setEnabled(not self._plan.blocking() and bool(accounts))

    def _stage_changed(self, stage: str, combo: QComboBox) -> None:
        self._stage_map[stage] = str(combo.currentData())
        self._refresh()

    def _import(self) -> None:
        self.imported = self._ctx.services.crm_import.run(self._plan)
        self.accept()


class CrmImportAction(QAction):
    """The File menu's "Import from CRM…": asks for the file, then opens the dialog."""

    def __init__(self, window: QWidget, ctx: UiContext) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self.dialog: CrmImportDialog | None = None
        self.triggered.connect(lambda _c=False: self.choose())
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Import from &CRM…"))
        self.setToolTip(
            self.tr("Accounts, deals and contacts from a Salesforce, Dynamics 365 or other export")
        )

    def choose(self) -> None:
        title = self.tr("Import from CRM")
        name = prompter.open_path(self._window, title, self.tr("CRM exports (*.csv *.xlsx)"))
        if not name:
            return
        try:
            self.dialog = CrmImportDialog(self._ctx, Path(name), self._window)
        except ImportFileError as exc:  # unreadable or unknown: say why, nothing written
            prompter.error(self._window, title, str(exc))
            return
        self.dialog.open()
