"""The Backups dialog: every backup with its date, kind, size and check; back up now; restore.

Each listed backup is checked again (SQLite's full integrity check) on a worker when the dialog
opens, so "Verified" means verified now, not only when it was made. Restoring asks first, keeps
the replaced file beside the data file, and emits ``restored`` so the window reloads its views.

Wiring (main window, a "Backups…" menu action)::

    from .backups_dialog import BackupsDialog

    dialog = BackupsDialog(services.backups, self)
    dialog.exec()  # the service announces ChangeKind.RESTORED after a restore: views reload
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import StoreError
from desktop.services.backups import BackupInfo, BackupService

from .formats import show_datetime
from .msgbox import prompter
from .tasks import run_task

COL_DATE, COL_KIND, COL_SIZE, COL_CHECK = range(4)
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_label(dialog: QWidget, kind: str) -> str:
    if kind == "auto":
        return QCoreApplication.translate("BackupsDialog", "Automatic")
    if kind == "manual":
        return QCoreApplication.translate("BackupsDialog", "Manual")
    if kind.startswith("pre-migration"):
        return QCoreApplication.translate("BackupsDialog", "Before an upgrade")
    return QCoreApplication.translate("BackupsDialog", "Other")


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class BackupsDialog(QDialog):
    restored = Signal(object)  # RestoreResult
    checked = Signal()  # every listed backup has been checked

    def __init__(self, service: BackupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Backups"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Callbrief backs up your data file after changes (at most every 10 minutes) and "
                "when you quit, and keeps about a year of backups. Each one is checked."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move between cells
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Kind"), self.tr("Size"), self.tr("Check")]
        )
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CHECK, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.location = QLabel(self.tr("Folder: %1").replace("%1", str(service.folder)))
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setWordWrap(True)
        layout.addWidget(self.location)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._pending_checks = 0
        self.reload()

    # Listing --------------------------------------------------------------------------------

    def reload(self) -> None:
        listed = self.service.list()
        self.table.setRowCount(len(listed))
        for row, info in enumerate(listed):
            made = QTableWidgetItem(show_datetime(info.created))
            made.setData(PATH_ROLE, str(info.path))
            self.table.setItem(row, COL_DATE, made)
            self.table.setItem(row, COL_KIND, QTableWidgetItem(kind_label(self, info.kind)))
            size = QTableWidgetItem(size_text(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, COL_SIZE, size)
            self.table.setItem(row, COL_CHECK, QTableWidgetItem(self.tr("Checking…")))
        if listed:
            self.table.selectRow(0)
        self._update_buttons()
        self._check(listed)

    def _check(self, listed: list[BackupInfo]) -> None:
        self._pending_checks = len(listed)
        if not listed:
            self.checked.emit()
        for info in listed:
            self._check_one(info.path)

    def _check_one(self, path: Path) -> None:
        run_task(
            lambda: self.service.verify(path),
            lambda problems: self._show_check(path, problems),
            lambda exc: self._show_check(path, [str(exc)]),
            owner=self,
        )

    def _show_check(self, path: object, problems: list[str]) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL_DATE)
            if item is not None and item.data(PATH_ROLE) == str(path):
                if problems:
                    cell = QTableWidgetItem("✗ " + self.tr("Damaged: cannot be restored"))
                    cell.setToolTip(problems[0])
                    cell.setForeground(Qt.GlobalColor.red)
                else:
                    cell = QTableWidgetItem("✓ " + self.tr("Verified"))
                    cell.setForeground(Qt.GlobalColor.darkGreen)
                self.table.setItem(row, COL_CHECK, cell)
        self._pending_checks -= 1
        if self._pending_checks == 0:
            self.checked.emit()

    def selected_path(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), COL_DATE)
        return str(item.data(PATH_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_path() is not None)

    # Actions --------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        try:
            self.service.back_up_now()
        except (StoreError, OSError) as exc:
            prompter.error(self, self.tr("Backups"), str(exc))
            return
        self.reload()

    def restore_selected(self) -> None:
        from pathlib import Path

        chosen = self.selected_path()
        if chosen is None:
            return
        item = self.table.item(self.table.currentRow(), COL_DATE)
        made = item.text() if item is not None else ""
        question = self.tr(
            "Replace your current data with the backup made %1?\n\nEverything changed since "
            "then is taken out of use. Your current file is not deleted: it is kept beside the "
            "data file, so nothing is lost."
        ).replace("%1", made)
        if not prompter.confirm(self, self.tr("Restore a backup"), question):
            return
        try:
            result = self.service.restore(Path(chosen))
        except (StoreError, OSError) as exc:
            prompter.error(self, self.tr("Restore a backup"), str(exc))
            return
        kept = (
            self.tr("Your previous file was kept as %1.").replace("%1", str(result.replaced))
            if result.replaced
            else ""
        )
        prompter.info(
            self,
            self.tr("Restore a backup"),
            self.tr("The backup made %1 is now your data.").replace("%1", made) + " " + kept,
        )
        self.restored.emit(result)
        self.reload()
