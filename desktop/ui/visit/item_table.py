"""An editable list of one kind of visit item: questions, needs, FABs, objections, team.

The table shows the items; the form beside it edits the selected one, saving as the rep types
(a ``FormBinder``). "Add" opens an empty form: the item is created the first time what the rep
typed is accepted (so no placeholder rows reach the database). Add, delete, move and every edit
are undoable; undo goes through the service and finds the item again even after delete/undo
gave it a new id. The fields, wording and undo references are in ``item_records``; their
names stay importable from here.
"""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.validation import FieldError, ValidationError
from desktop.ui.binding import FormBinder
from desktop.ui.context import UiContext
from desktop.ui.undo import ActionCommand, FieldEdit

from .common import add_field, combo, fill_combo, form_layout, line_edit, muted, text_edit
from .item_records import (
    CELL_CHARS,
    LISTS,
    ItemField,
    ItemRef,
    ItemTexts,
    RefBook,
    need_label,
    recreate,
    short,
    snapshot,
)

__all__ = [
    "CELL_CHARS",
    "LISTS",
    "ItemField",
    "ItemRef",
    "ItemTable",
    "ItemTexts",
    "RefBook",
    "need_label",
    "recreate",
    "short",
    "snapshot",
]


class ItemTable(QWidget):
    """A table of one kind of visit item with an edit form beside it."""

    current_changed = Signal(object)  # the selected item, or None

    def __init__(
        self,
        ctx: UiContext,
        undo_stack: QUndoStack | None,
        visit_id: int,
        kind: str,
        fields: list[ItemField],
        texts: ItemTexts,
        *,
        defaults: Callable[[], dict[str, Any]] | None = None,  # form values of a new item
        row_filter: Callable[[Any], bool] | None = None,
        vertical: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.visit_id = visit_id
        self.kind = kind
        self.fields = fields
        self.texts = texts
        self._defaults = defaults or (lambda: {})
        self._filter = row_filter or (lambda _item: True)
        self._book = RefBook()
        self._all: list[Any] = []  # every item of this kind, in order
        self._items: list[Any] = []  # the ones shown
        self._ref: ItemRef | None = None  # the item in the form
        self._creating = False
        self._shown_once = False

        self.table = QTableWidget(0, len(self._columns()))
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move between cells
        self.table.setHorizontalHeaderLabels([f.label for f in self._columns()])
        self.table.setAccessibleName(texts.title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(120)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # The free-text columns share the width; choices take what they need.
        columns = self._columns()
        has_text = any(f.kind == "text" for f in columns)
        for col, f in enumerate(columns):
            stretch = f.kind == "text" or (not has_text and col == len(columns) - 1)
            mode = (
                QHeaderView.ResizeMode.Stretch
                if stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(col, mode)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(texts.add)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.up_button.setToolTip(self.tr("Move the selected row up (Alt+Up)"))
        self.down_button.setToolTip(self.tr("Move the selected row down (Alt+Down)"))
        self.add_button.clicked.connect(self.start_new)
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        # The form.
        self.binder = FormBinder(self._save, None, lambda: ctx.lang, self, texts.edit)
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        self.form_hint = muted()
        editor_layout.addWidget(self.form_hint)
        form = form_layout()
        self._widgets: dict[str, QWidget] = {}
        self._combos: dict[str, QComboBox] = {}  # the "combo" fields' widgets, typed as such
        for f in fields:
            widget = self._make_widget(f)
            self._widgets[f.name] = widget
            if isinstance(widget, QComboBox):
                self._combos[f.name] = widget
            add_field(form, self.binder, f.name, f.label, widget)
        editor_layout.addLayout(form)
        editor_layout.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        for keys, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.move_current(s))
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_current)
        self._update_state()

    # Building -------------------------------------------------------------------------------

    def _columns(self) -> list[ItemField]:
        return [f for f in self.fields if f.column]

    def _make_widget(self, f: ItemField) -> QWidget:
        if f.kind == "combo":
            return combo(f.choices() if f.choices else [], f.none_label)
        if f.kind == "text":
            return text_edit(f.placeholder)
        return line_edit(f.placeholder)

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    # Showing --------------------------------------------------------------------------------

    def set_items(self, items: list[Any]) -> None:
        """Show the visit's items of this kind (all of them; the filter picks the rows)."""
        for f in self.fields:
            if f.kind == "combo" and f.choices is not None:
                fill_combo(self._combos[f.name], f.choices(), f.none_label)
        self._all = list(items)
        self._items = [i for i in items if self._filter(i)]
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            for col, f in enumerate(self._columns()):
                text = self._cell(f, item)
                cell = QTableWidgetItem(short(text))
                cell.setToolTip(text)
                if f.name == "need_id" and getattr(item, "need_id", 0) is None:
                    cell.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, col, cell)
        self.table.clearSelection()
        if self._ref is None and not self._creating and not self._shown_once and self._items:
            self._ref = self._book.ref(self._items[0].id)  # open on the first row
        self._shown_once = self._shown_once or bool(self._items)
        row = self._row_of(self._ref.id) if self._ref is not None else -1
        if row >= 0:
            self._select_row(row)
        self.table.blockSignals(False)
        if self._ref is not None and row < 0:  # deleted elsewhere
            self._ref = None
        self._load_form(force=False)
        self._update_state()
        self.current_changed.emit(self.current_item())

    def _cell(self, f: ItemField, item: Any) -> str:
        if f.show is not None:
            return f.show(item)
        value = f.read(item) if f.read else getattr(item, f.name)
        if f.kind == "combo":
            widget = self._combos[f.name]
            index = widget.findData(value)
            return widget.itemText(index) if index >= 0 and value is not None else ""
        return "" if value is None else str(value)

    def _row_of(self, item_id: int) -> int:
        return next((r for r, i in enumerate(self._items) if i.id == item_id), -1)

    def _select_row(self, row: int) -> None:
        self.table.selectionModel().select(
            self.table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentCell(row, 0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def current_item(self) -> Any | None:
        if self._ref is None:
            return None
        return next((i for i in self._items if i.id == self._ref.id), None)

    def current_id(self) -> int | None:
        return self._ref.id if self._ref is not None else None

    def items(self) -> list[Any]:
        return list(self._items)

    def _view(self, item: Any | None) -> SimpleNamespace:
        """The form's values for ``item`` (blank for a new one)."""
        values: dict[str, Any] = {}
        for f in self.fields:
            if item is None:
                values[f.name] = self._defaults().get(f.name, "" if f.kind != "combo" else None)
            else:
                values[f.name] = f.read(item) if f.read else getattr(item, f.name)
        return SimpleNamespace(**values)

    def _load_form(self, force: bool) -> None:
        item = self.current_item()
        self.binder.load(self._view(item), force=force)

    def _update_state(self) -> None:
        has = self._ref is not None
        self.editor.setEnabled(has or self._creating)
        self.delete_button.setEnabled(has)
        row = self._row_of(self._ref.id) if self._ref is not None else -1
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self._items) - 1)
        if self._creating:
            self.form_hint.setText(self.texts.new_hint)
            self.form_hint.show()
        else:
            self.form_hint.hide()

    # Selecting ------------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        self.binder.flush()  # what was typed belongs to the row being left
        rows = {i.row() for i in self.table.selectedIndexes()}
        row = min(rows) if rows else -1
        self._creating = False
        self._ref = self._book.ref(self._items[row].id) if row >= 0 else None
        self._load_form(force=True)
        self._update_state()
        self.current_changed.emit(self.current_item())

    def select_item(self, item_id: int) -> None:
        row = self._row_of(item_id)
        if row >= 0:
            self.table.selectRow(row)

    def start_new(self) -> None:
        """Empty the form for a new item; it is saved once its required text is typed."""
        self.binder.flush()
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self._ref = None
        self._creating = True
        self._load_form(force=True)
        self._update_state()
        self.current_changed.emit(None)
        typed = [self._widgets[f.name] for f in self.fields if f.kind != "combo"]
        if typed:
            typed[0].setFocus()

    # Saving ---------------------------------------------------------------------------------

    def _changes(self, values: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        by_name = {f.name: f for f in self.fields}
        for name, value in values.items():
            f = by_name[name]
            out.update(f.write(value) if f.write else {name: value})
        return out

    def _form_values(self) -> dict[str, Any]:
        values = {}
        for f in self.fields:
            widget = self._widgets[f.name]
            if isinstance(widget, QLineEdit):
                values[f.name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                values[f.name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                values[f.name] = widget.currentData()
        return values

    def _remap(self, exc: ValidationError) -> ValidationError:
        """Errors about service fields shown on the form field that edits them."""
        owner = {s: f.name for f in self.fields for s in f.sources}
        return ValidationError(
            [FieldError(owner.get(e.field, e.field), e.message) for e in exc.errors]
        )

    def _save(self, values: dict[str, Any]) -> Any:
        services = self.ctx.services
        try:
            if self._ref is None:
                return self._create(values)
            ref = self._ref
            item = self.current_item()
            old = {n: (self._view(item).__dict__[n]) for n in values} if item else {}
            result = services.visits.update_item(self.kind, ref.id, **self._changes(values))
        except ValidationError as exc:
            raise self._remap(exc) from None
        if self.undo_stack is not None and item is not None:
            kind, changes = self.kind, self._changes

            def replay(v: dict[str, Any]) -> None:
                services.visits.update_item(kind, ref.id, **changes(v))

            self.undo_stack.push(FieldEdit(self.texts.edit, replay, old, dict(values)))
        return result

    def _create(self, values: dict[str, Any]) -> Any:
        services = self.ctx.services
        form = self._form_values()
        form.update(values)
        changes = self._changes(form)
        item = services.visits.add_item(self.visit_id, self.kind, **changes)
        ref = self._book.ref(item.id)
        self._ref = ref
        self._creating = False
        if self.undo_stack is not None:
            self.undo_stack.push(self._add_command(ref))
        row = self._row_of(item.id)
        if row >= 0:
            self.table.blockSignals(True)
            self._select_row(row)
            self.table.blockSignals(False)
        self._update_state()
        # The binder is still finishing this save; sync the other fields right after.
        QTimer.singleShot(0, self._after_create)
        return item

    def _after_create(self) -> None:
        if self._ref is not None:
            self._load_form(force=False)
            self.current_changed.emit(self.current_item())

    def _add_command(self, ref: ItemRef) -> ActionCommand:
        services, visit_id, kind, book = self.ctx.services, self.visit_id, self.kind, self._book
        kept: dict[str, Any] = {}

        def undo() -> None:
            kept["values"], kept["index"] = snapshot(services, visit_id, kind, ref.id)
            services.visits.delete_item(kind, ref.id)

        def redo() -> None:
            recreate(services, visit_id, kind, kept["values"], kept["index"], book, ref)

        return ActionCommand(self.texts.add, redo, undo)

    def add_many(self, rows: list[dict[str, Any]]) -> None:
        """Add several items at once (e.g. from the question bank): one undo step."""
        if not rows:
            return
        services = self.ctx.services
        if self.undo_stack is not None:
            self.undo_stack.beginMacro(self.texts.add)
        try:
            last = None
            for values in rows:
                last = services.visits.add_item(self.visit_id, self.kind, **values)
                if self.undo_stack is not None:
                    self.undo_stack.push(self._add_command(self._book.ref(last.id)))
        finally:
            if self.undo_stack is not None:
                self.undo_stack.endMacro()
        if last is not None:
            self.select_item(last.id)

    def delete_current(self) -> None:
        if self._ref is None:
            return
        self.binder.flush()
        services, visit_id, kind, book = self.ctx.services, self.visit_id, self.kind, self._book
        ref = self._ref
        values, index = snapshot(services, visit_id, kind, ref.id)
        row = self._row_of(ref.id)
        self._ref = None
        services.visits.delete_item(kind, ref.id)
        if self.undo_stack is not None:

            def undo() -> None:
                recreate(services, visit_id, kind, values, index, book, ref)

            def redo() -> None:
                services.visits.delete_item(kind, ref.id)

            self.undo_stack.push(ActionCommand(self.texts.delete, redo, undo))
        if self._items:
            self.table.selectRow(min(row, len(self._items) - 1))

    def move_current(self, step: int) -> None:
        if self._ref is None:
            return
        row = self._row_of(self._ref.id)
        target = row + step
        if row < 0 or not 0 <= target < len(self._items):
            return
        self.binder.flush()
        services, kind, ref = self.ctx.services, self.kind, self._ref
        ids = [i.id for i in self._all]
        old_index = ids.index(ref.id)
        new_index = ids.index(self._items[target].id)
        services.visits.move_item(kind, ref.id, new_index)
        if self.undo_stack is not None:
            self.undo_stack.push(
                ActionCommand(
                    self.texts.move,
                    lambda: services.visits.move_item(kind, ref.id, new_index),
                    lambda: services.visits.move_item(kind, ref.id, old_index),
                )
            )
        self._update_state()

    def flush(self) -> bool:
        return self.binder.flush()
