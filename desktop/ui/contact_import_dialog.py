"""The contact import dialog: what the file holds, how its columns map, and each row's fate.

It shows the detected format and encoding, the column mapping (a combo per column, to fix a
file the importer does not know), a table with every row's status (ready, a problem with its
reason, a likely duplicate, how the manager was resolved) and an Import button naming how many
people will be added. Nothing is written until Import; then only the good rows, in one go.
A large file is read and imported on a worker thread while a busy bar shows: the window never
freezes; a small one is handled at once, without a flash of progress. The row table is a view
over the preview (``ImportRowsModel``): a row's texts are made when it is painted, so a 100k-row
file costs no more widgets or items than a five-row one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.validation import ValidationError
from desktop.errors import StoreError
from desktop.services.contact_import import (
    TARGETS,
    ImportFileError,
    ImportPreview,
    ImportRow,
    commit_import,
    preview_import,
)
from desktop.ui.context import UiContext

from .tasks import run_task

# The first label is translated in the dialog (self.tr); the others are names of encodings.
ENCODINGS: tuple[tuple[str, object], ...]  # QT_TRANSLATE_NOOP is typed to return object
ENCODINGS = (("", QT_TRANSLATE_NOOP("ContactImportDialog", "Detect automatically")),)
ENCODINGS += (("utf-8", "UTF-8"), ("gb18030", "GB18030 / GBK"), ("utf-16", "UTF-16"))
ENCODINGS += (("cp1252", "Windows-1252"), ("cp1250", "Windows-1250"), ("big5", "Big5"))
ENCODINGS += (("shift_jis", "Shift-JIS"), ("latin-1", "ISO-8859-1"))
# Files above this size, or imports of more rows, run on a worker thread.
BACKGROUND_BYTES = 256 * 1024
BACKGROUND_ROWS = 2000
MAX_COLUMN = 200  # pixels; longer texts are elided, the full status is in its tooltip
PROBLEM_BG = QColor("#fdecea")
DUPLICATE_BG = QColor("#fff4d6")


COL_ROW, COL_NAME, COL_TITLE, COL_EMAIL, COL_PHONE, COL_MANAGER, COL_STATUS = range(7)
AnyIndex = QModelIndex | QPersistentModelIndex


class ImportRowsModel(QAbstractTableModel):
    """Each row of a preview and its fate, one table row per person in the file.

    Holds the preview and works a cell's text out when the view asks for it (only rows on
    screen are asked), so showing 100k rows is as quick as showing five.
    """

    def __init__(self, headers: list[str], lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._lang = lang
        self._preview: ImportPreview | None = None

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self._preview = preview
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        if parent.isValid() or self._preview is None:
            return 0
        return len(self._preview.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        preview = self._preview
        if preview is None or not index.isValid():
            return None
        row = preview.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_STATUS:
            return preview.status(row, self._lang)
        if role == Qt.ItemDataRole.BackgroundRole:
            return PROBLEM_BG if not row.ok else DUPLICATE_BG if row.is_duplicate else None
        return None

    def text(self, row: ImportRow, column: int) -> str:
        """What the table shows for ``row`` in ``column`` (on one line)."""
        assert self._preview is not None
        values = row.values
        if column == COL_ROW:
            text = row.where(self._lang)
        elif column == COL_NAME:
            text = row.name
        elif column == COL_TITLE:
            text = str(values.get("title") or "")
        elif column == COL_EMAIL:
            text = str(values.get("email") or "")
        elif column == COL_PHONE:
            text = str(values.get("phone_mobile") or values.get("phone_office") or "")
        elif column == COL_MANAGER:
            text = row.manager_name
            if row.manager_row is not None:
                text = self._preview.rows[row.manager_row].name or text
        else:
            text = self._preview.status(row, self._lang)
        return " ".join(text.split()) if "\n" in text else text


class ContactImportDialog(QDialog):
    """Preview a contacts file for an account and import its good rows."""

    COL_ROW, COL_NAME, COL_TITLE, COL_EMAIL, COL_PHONE, COL_MANAGER, COL_STATUS = range(7)

    def __init__(
        self, ctx: UiContext, account_id: int, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account_id = account_id
        self.path = Path(path)
        self.preview: ImportPreview | None = None
        self.imported = 0
        self._mapping: dict[str, str] | None = None
        self._building = False
        self.setWindowTitle(self.tr("Import contacts"))
        self.resize(1000, 640)

        self.source = QLabel(str(self.path))
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detected = QLabel()
        self.encoding = QComboBox()
        for code, label in ENCODINGS:
            self.encoding.addItem(self.tr(str(label)), code)
        self.encoding.currentIndexChanged.connect(self.refresh)
        self.opportunity = QComboBox()
        self.opportunity.addItem(self.tr("(do not import roles)"), None)
        for opp in ctx.services.opportunities.for_account(account_id):
            self.opportunity.addItem(opp.name, opp.id)
        self.opportunity.currentIndexChanged.connect(self.refresh)

        form = QFormLayout()
        form.addRow(self.tr("File"), self.source)
        form.addRow(self.tr("Recognised as"), self.detected)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Roles apply to"), self.opportunity)

        self.mapping_hint = QLabel(
            self.tr("Choose what each column holds; at least the name is needed.")
        )
        self.mapping_table = QTableWidget(0, 3)
        self.mapping_table.setTabKeyNavigation(False)  # Tab leaves; arrows move between cells
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Imports as")]
        )
        self.mapping_table.setAccessibleName(self.tr("What each column holds"))
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setMaximumHeight(200)

        headers = [
            self.tr("Row"),
            self.tr("Name"),
            self.tr("Title"),
            self.tr("E-mail"),
            self.tr("Phone"),
            self.tr("Reports to"),
            self.tr("Status"),
        ]
        self.row_model = ImportRowsModel(headers, ctx.lang, self)
        self.rows = QTableView()
        self.rows.setTabKeyNavigation(False)  # Tab leaves; arrows move between cells
        self.rows.setModel(self.row_model)
        self.rows.setAccessibleName(self.tr("People to import"))
        self.rows.verticalHeader().hide()
        # Every row one line high: the view then never measures rows it does not show.
        self.rows.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.rows.horizontalHeader().setResizeContentsPrecision(200)  # rows measured for widths
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.setWordWrap(False)
        self.rows.horizontalHeader().setSectionResizeMode(
            self.COL_STATUS, QHeaderView.ResizeMode.Stretch
        )

        # What a likely duplicate does: left out (the default), merged into the person already
        # at the account (their empty fields filled, nothing overwritten) or added as well.
        self.duplicates = QComboBox()
        self.duplicates.addItem(self.tr("Likely duplicates: skip them"), "skip")
        self.duplicates.addItem(
            self.tr("Likely duplicates: fill in the empty fields of the person already here"),
            "merge",
        )
        self.duplicates.addItem(self.tr("Likely duplicates: keep both"), "keep")
        self.duplicates.setAccessibleName(self.tr("What likely duplicates do"))
        self.duplicates.currentIndexChanged.connect(self._update_button)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        # The file names another company than this account: said before anything is written.
        self.company_warning = QLabel()
        self.company_warning.setWordWrap(True)
        self.company_warning.setStyleSheet("color: #8a5a00;")
        self.company_warning.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # "working", without a percentage
        self.busy.setAccessibleName(self.tr("Working…"))
        self.busy.setTextVisible(True)
        self.busy.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.mapping_hint)
        layout.addWidget(self.mapping_table)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.company_warning)
        layout.addWidget(self.duplicates)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.refresh()
        if self.preview and self.opportunity.count() > 1 and any(r.role for r in self.preview.rows):
            self.opportunity.setCurrentIndex(1)  # the file has roles: offer the first opportunity

    # Preview ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the file again with the chosen encoding, mapping and opportunity."""
        if self._building:
            return
        self.error.hide()
        services, path, account_id = self.ctx.services, self.path, self.account_id
        mapping, encoding = self._mapping, self.encoding.currentData() or None
        opportunity_id = self.opportunity.currentData()

        def read() -> ImportPreview:
            return preview_import(
                services, path, account_id, mapping, encoding, opportunity_id=opportunity_id
            )

        size = path.stat().st_size if path.is_file() else 0
        if size <= BACKGROUND_BYTES:
            try:
                self._previewed(read())
            except (ImportFileError, ValidationError, StoreError) as exc:
                self._failed(exc)
            return
        self._working(self.tr("Reading %1…").replace("%1", path.name))
        run_task(read, self._previewed, self._failed, owner=self)

    @property
    def working(self) -> bool:
        return self.busy.isVisible()

    def _working(self, text: str | None) -> None:
        """Show (text) or hide (None) the busy bar; nothing can be imported meanwhile."""
        self.busy.setVisible(text is not None)
        if text is not None:
            # An indeterminate bar shows no text in most styles: say what is going on above it.
            self.notes.setText(text)
            self.import_button.setEnabled(False)

    def _previewed(self, preview: ImportPreview) -> None:
        self._working(None)
        self.preview = preview
        self._show()

    def _failed(self, exc: BaseException) -> None:
        self._working(None)
        self.preview = None
        text = exc.text(self.ctx.lang) if isinstance(exc, ValidationError) else str(exc)
        self.error.setText(text)
        self.error.show()
        self._show()

    def _show(self) -> None:
        preview, lang = self.preview, self.ctx.lang
        self._building = True
        try:
            if preview is None:
                self.detected.setText("")
                self.mapping_table.setRowCount(0)
                self._show_rows(None)
                self.notes.setText("")
            else:
                self.detected.setText(f"{preview.format_label(lang)} · {preview.encoding}")
                other = (
                    "、".join(preview.other_companies)
                    if lang == "zh"
                    else ", ".join(preview.other_companies)
                )
                warning = self.tr("This file names %1, not this account (%2).")
                self.company_warning.setText(
                    warning.replace("%1", other).replace("%2", preview.account_name)
                )
                self.company_warning.setVisible(bool(other))
                self._show_mapping(preview)
                self._show_rows(preview)
                self.notes.setText("\n".join([*preview.notes_text(lang), preview.summary(lang)]))
        finally:
            self._building = False
        self._update_button()

    def _show_mapping(self, preview: ImportPreview) -> None:
        is_csv = preview.kind == "csv"
        self.mapping_table.setVisible(is_csv)
        self.mapping_hint.setVisible(is_csv)
        if is_csv and preview.needs_mapping:
            self.mapping_hint.setStyleSheet("color: #8a4b00; font-weight: bold;")
        else:
            self.mapping_hint.setStyleSheet("")
        if not is_csv:
            return
        first = preview.rows[0].source if preview.rows else {}
        self.mapping_table.setRowCount(len(preview.columns))
        for r, column in enumerate(preview.columns):
            self.mapping_table.setItem(r, 0, _item(column))
            self.mapping_table.setItem(r, 1, _item(first.get(column, "")))
            combo = QComboBox()
            for key, text in TARGETS.items():
                combo.addItem(text.get(self.ctx.lang), key)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(column, "ignore"))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.mapping_table.setCellWidget(r, 2, combo)

    def _show_rows(self, preview: ImportPreview | None) -> None:
        self.row_model.set_preview(preview)
        if preview is not None:
            # Widths from the first 200 rows, capped: one overlong title must not push the
            # status column out of sight.
            self.rows.resizeColumnsToContents()
            for column in range(self.COL_STATUS):
                self.rows.setColumnWidth(column, min(self.rows.columnWidth(column), MAX_COLUMN))
        self.rows.horizontalHeader().setSectionResizeMode(
            self.COL_STATUS, QHeaderView.ResizeMode.Stretch
        )

    def _mapping_changed(self) -> None:
        if self.preview is None or self._building:
            return
        mapping = {}
        for r, column in enumerate(self.preview.columns):
            combo = self.mapping_table.cellWidget(r, 2)
            mapping[column] = combo.currentData() if isinstance(combo, QComboBox) else "ignore"
        self._mapping = mapping
        self.refresh()

    def set_mapping(self, mapping: dict[str, str]) -> None:
        """Use this column mapping (what the combos do, for tests and callers)."""
        self._mapping = dict(mapping)
        self.refresh()

    def count_to_import(self) -> int:
        if self.preview is None:
            return 0
        mode = self.duplicates.currentData()
        count = len(self.preview.importable(mode != "keep"))
        if mode == "merge":  # people already here that a row fills in
            count += sum(1 for r in self.preview.rows if r.ok and r.duplicate_of_contact)
        return count

    def _update_button(self) -> None:
        count = self.count_to_import()
        self.import_button.setText(self.tr("Import %n contact(s)", "", count))
        self.import_button.setEnabled(count > 0)

    # Import --------------------------------------------------------------------------------------

    def _import(self) -> None:
        if self.preview is None or self.count_to_import() == 0 or self.working:
            return
        services, preview, account_id = self.ctx.services, self.preview, self.account_id
        mode, opportunity_id = self.duplicates.currentData(), self.opportunity.currentData()

        def write() -> int:
            return commit_import(
                services, preview, account_id, duplicates=mode, opportunity_id=opportunity_id
            )

        if len(preview.rows) <= BACKGROUND_ROWS:
            try:
                self._written(write())
            except (ValidationError, StoreError) as exc:  # e.g. the disk is full
                self._write_failed(exc)
            return
        self._working(self.tr("Importing %n contact(s)…", "", self.count_to_import()))
        run_task(write, self._written, self._write_failed, owner=self)

    def _written(self, count: int) -> None:
        self._working(None)
        self.imported = count
        self.accept()

    def _write_failed(self, exc: BaseException) -> None:
        self._working(None)
        text = exc.text(self.ctx.lang) if isinstance(exc, ValidationError) else str(exc)
        self.error.setText(text)
        self.error.show()
        self._show()


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(" ".join(str(text).split()) if "\n" in str(text) else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
