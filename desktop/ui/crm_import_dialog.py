"""File ▸ Import from CRM…: accounts, deals and contacts from a Salesforce or Dynamics 365 export.

The dialog shows the preview (each account, new or existing, with its deals and people) and one
combo box per stage name in the file, set to the guessed funnel stage; changing one plans again.
Import writes everything in one transaction through ``services.crm_import``; nothing is written
before. Keyboard: Tab through the stage combos, Enter imports, Esc closes.
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .context import UiContext
from .msgbox import prompter


class CrmImportDialog(QDialog):
    def __init__(self, ctx: UiContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._path = path
        self._stage_map: dict[str, str] = {}
        self.imported: list[int] = []
        self.setWindowTitle(self.tr("Import from CRM"))
        self.setAccessibleName(self.tr("Import from CRM"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.stages = QFormLayout()
        layout.addLayout(self.stages)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Accounts to import"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("New or existing"), self.tr("Deals"), self.tr("People")]
        )
        layout.addWidget(self.table)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setAccessibleName(self.tr("Import"))
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.combos: dict[str, QComboBox] = {}
        self._plan: Any = None
        self._refresh()

    def _refresh(self) -> None:
        self._plan = self._ctx.services.crm_import.preview(self._path, stage_map=self._stage_map)
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
        from desktop.services.contact_formats import ImportFileError

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
