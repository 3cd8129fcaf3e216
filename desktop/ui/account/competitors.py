"""The competitors of one opportunity: a table with add, edit and delete, all undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.validation import ValidationError
from desktop.services.fields import COMPETITOR
from desktop.ui.context import UiContext

from ..msgbox import prompter
from ..undo import ActionCommand
from ..widgets.records import IdRemap
from ..widgets.save_status import SaveReporter
from .dialogs import CompetitorDialog

FIELDS = tuple(name for name in COMPETITOR if name != "position")
ID_ROLE = Qt.ItemDataRole.UserRole


def _short(text: str, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class CompetitorTable(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        opportunity_id: int,
        undo_stack: QUndoStack,
        reporter: SaveReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.opportunity_id = opportunity_id
        self._undo = undo_stack
        self._reporter = reporter
        self.remap = IdRemap()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move between cells
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Only the name fits its text: an insider's note sized to its text left the strengths,
        # weaknesses and strategy a few characters wide. Rows re-fit their wrapped text when
        # the columns change width (the table is filled before it is laid out).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        # As tall as its rows: the page scrolls, the table never scrolls inside it.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.setMinimumHeight(90)
        self.table.itemActivated.connect(lambda _item: self.edit_selected())
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self._retranslate()
        self.reload()

    def reload(self) -> None:
        competitors = self._ctx.services.opportunities.get(self.opportunity_id).competitors
        selected = self.selected_id()
        self.table.setRowCount(len(competitors))
        yes_no = {True: self.tr("Yes"), False: self.tr("No"), None: self.tr("Unknown")}
        for row, comp in enumerate(competitors):
            insider = yes_no[comp.has_insider]
            if comp.has_insider and comp.insider_level:
                insider = f"{insider} · {comp.insider_level}"
            cells = [comp.name, comp.strengths, comp.weaknesses, insider, comp.strategy]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(_short(text))
                item.setToolTip(text)
                item.setData(ID_ROLE, comp.id)
                self.table.setItem(row, column, item)
            if comp.id == selected:
                self.table.selectRow(row)
        self.table.resizeRowsToContents()
        has_rows = bool(competitors)
        self.edit_button.setEnabled(has_rows)
        self.delete_button.setEnabled(has_rows)

    def names(self) -> list[str]:
        items = (self.table.item(r, 0) for r in range(self.table.rowCount()))
        return [item.text() if item is not None else "" for item in items]

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(ID_ROLE) if item is not None else None

    def _values_of(self, competitor_id: int) -> dict[str, Any]:
        for comp in self._ctx.services.opportunities.get(self.opportunity_id).competitors:
            if comp.id == competitor_id:
                return {name: getattr(comp, name) for name in FIELDS}
        return {}

    def _ask(self, values: dict[str, Any] | None, save) -> bool:
        """Show the dialog until the values are accepted by ``save`` or the rep cancels."""
        dialog = CompetitorDialog(self._ctx, values, self)
        while dialog.exec():
            try:
                save(dialog.values())
            except ValidationError as exc:
                dialog.show_errors(exc)
                continue
            return True
        return False

    def add(self) -> None:
        services = self._ctx.services.opportunities
        created: dict[str, Any] = {}

        def save(values: dict[str, Any]) -> None:
            created["values"] = values
            created["id"] = services.add_competitor(self.opportunity_id, **values).id

        if not self._ask(None, save):
            return
        first = created["id"]

        def redo() -> None:
            new = services.add_competitor(self.opportunity_id, **created["values"]).id
            self.remap.moved(self.remap.current(first), new)

        def undo() -> None:
            services.delete_competitor(self.remap.current(first))

        self._undo.push(ActionCommand(self.tr("Add competitor"), redo, undo))
        self._reporter.saved.emit()
        self.reload()

    def edit_selected(self) -> None:
        competitor_id = self.selected_id()
        if competitor_id is None:
            return
        services = self._ctx.services.opportunities
        first = self.remap.first(competitor_id)
        old = self._values_of(competitor_id)
        changed: dict[str, Any] = {}

        def save(values: dict[str, Any]) -> None:
            services.update_competitor(competitor_id, **values)
            changed.update(values)

        if not self._ask(old, save) or changed == old:
            return
        self._undo.push(
            ActionCommand(
                self.tr("Edit competitor"),
                lambda: services.update_competitor(self.remap.current(first), **changed),
                lambda: services.update_competitor(self.remap.current(first), **old),
            )
        )
        self._reporter.saved.emit()
        self.reload()

    def delete_selected(self) -> None:
        competitor_id = self.selected_id()
        if competitor_id is None:
            return
        services = self._ctx.services.opportunities
        values = self._values_of(competitor_id)
        if not prompter.confirm(
            self,
            self.tr("Delete competitor"),
            self.tr("Delete the competitor {name}? You can undo this with Ctrl+Z.").format(
                name=values.get("name", "")
            ),
        ):
            return
        first = self.remap.first(competitor_id)
        services.delete_competitor(competitor_id)

        def undo() -> None:
            new = services.add_competitor(self.opportunity_id, **values).id
            self.remap.moved(self.remap.current(first), new)

        self._undo.push(
            ActionCommand(
                self.tr("Delete competitor"),
                lambda: services.delete_competitor(self.remap.current(first)),
                undo,
            )
        )
        self._reporter.saved.emit()
        self.reload()

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Competitor"),
                self.tr("Their strengths"),
                self.tr("Their weaknesses"),
                self.tr("Insider"),
                self.tr("Our strategy"),
            ]
        )
        self.table.setAccessibleName(self.tr("Competitors"))
        self.add_button.setText(self.tr("Add competitor…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.reload()
        super().changeEvent(event)
