"""The Decision circle tab: the org chart as a tree, each person's details and role in the deal,
and what is missing in the circle. A second view shows the same people as a map; it is built
(and its data read) the first time the rep switches to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.coverage import CirclePerson, coverage_warnings
from desktop.domain.playbook import ROLE_KEYS
from desktop.domain.validation import ValidationError
from desktop.services.fields import CONTACT
from desktop.ui.context import UiContext
from desktop.ui.widgets.tree_items import child_items, top_level_items

from ..accounts.view import NameDelegate
from ..exports import confirm_saved, file_stem, suggested_path
from ..formats import show_date
from ..msgbox import prompter
from ..tasks import run_task
from ..undo import ActionCommand
from ..widgets.records import IdRemap
from ..widgets.save_status import SaveReporter
from ..widgets.section import SectionHeader
from ..widgets.warning_list import WarningList
from .contact_form import ContactForm
from .dialogs import NewContactDialog, NewOpportunityDialog
from .first_steps import NoDealPanel
from .form_rows import scrolling
from .lazy import LazySlot
from .opportunity_picker import OpportunityPicker
from .role_editor import RoleEditor

CONTACT_ROLE = Qt.ItemDataRole.UserRole
SECOND_LINE_ROLE = Qt.ItemDataRole.UserRole + 1
(COL_NAME, COL_ROLES, COL_ATTITUDE, COL_INFLUENCE, COL_STYLE, COL_LAST) = range(6)
VIEW_LIST, VIEW_MAP = range(2)
ATTITUDE_COLOURS = {
    "supporter": "#2e7d32",
    "opponent": "#b3261e",
    "neutral": "#5f6b7a",
    "unknown": "#8a5a00",
}
SNAPSHOT_FIELDS = tuple(name for name in CONTACT if name != "reports_to_id")
ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)


class _RowLabels:
    """The playbook's words for the tree's columns, looked up once per key while filling it."""

    def __init__(self, playbook, lang: str) -> None:
        self._playbook, self._lang = playbook, lang
        self._labels: dict[tuple[str, str | None], str] = {}
        self._roles: dict[tuple[str, ...], str] = {}
        self._brushes = {k: QBrush(QColor(colour)) for k, colour in ATTITUDE_COLOURS.items()}

    def label(self, group: str, key: str | None) -> str:
        found = self._labels.get((group, key))
        if found is None:
            found = self._labels[(group, key)] = self._playbook.label(group, key, self._lang)
        return found

    def roles(self, keys: tuple[str, ...]) -> str:
        """The person's roles in the playbook's order, joined as the language writes lists."""
        found = self._roles.get(keys)
        if found is None:
            sep = "、" if self._lang == "zh" else ", "
            ordered = [k for k in ROLE_KEYS if k in keys]
            found = self._roles[keys] = sep.join(self.label("roles", k) for k in ordered)
        return found

    def brush(self, attitude: str | None) -> QBrush | None:
        return self._brushes.get(attitude) if attitude else None


class OrgTree(QTreeWidget):
    """The org chart; dropping a person on another makes them report to that person."""

    move_requested = Signal(int, object)  # contact id, new manager id or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        moving = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        position = self.dropIndicatorPosition()
        # The tree is redrawn from the database after the move: Qt must not move items itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if moving is None:
            return
        if target is None or position == QAbstractItemView.DropIndicatorPosition.OnViewport:
            manager = None
        elif position == QAbstractItemView.DropIndicatorPosition.OnItem:
            manager = target.data(0, CONTACT_ROLE)
        else:
            parent = target.parent()
            manager = parent.data(0, CONTACT_ROLE) if parent is not None else None
        contact_id = moving.data(0, CONTACT_ROLE)
        if manager != contact_id:
            self.move_requested.emit(contact_id, manager)


class CircleTab(QWidget):
    opportunity_changed = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        account_id: int,
        undo_stack: QUndoStack,
        reporter: SaveReporter,
        parent: QWidget | None = None,
        *,
        opportunity_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.account_id = account_id
        self._undo = undo_stack
        self._reporter = reporter
        self.remap = IdRemap()
        self._forms: dict[int, ContactForm] = {}
        self._roles: dict[tuple[int, int], RoleEditor] = {}
        self._contacts: list[Any] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.setSpacing(8)

        bar = QHBoxLayout()
        self.picker_label = QLabel()
        self.picker = OpportunityPicker(ctx, account_id, chosen=opportunity_id)
        self.picker_label.setBuddy(self.picker)
        self.list_button = QToolButton()
        self.map_button = QToolButton()
        self.view_group = QButtonGroup(self)
        for index, button in enumerate((self.list_button, self.map_button)):
            button.setCheckable(True)
            button.setObjectName("segmented")
            self.view_group.addButton(button, index)
        self.list_button.setChecked(True)
        self.add_button = QPushButton()
        self.delete_button = QPushButton()
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        bar.addWidget(self.picker_label)
        bar.addWidget(self.picker, 1)
        bar.addSpacing(16)
        bar.addWidget(self.list_button)
        bar.addWidget(self.map_button)
        layout.addLayout(bar)
        # The actions on a row of their own: on one row with the deal they did not fit at
        # 150 % or a large system font, and were drawn cut or over one another.
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        layout.addLayout(actions)

        self.views = QStackedWidget()
        layout.addWidget(self.views, 1)

        # The list view: tree and warnings on the left, the selected person on the right.
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.tree = OrgTree()
        self.tree.setColumnCount(6)
        self.tree.setItemDelegateForColumn(COL_NAME, NameDelegate(self.tree))
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_ROLES, QHeaderView.ResizeMode.Stretch)
        widths = {COL_NAME: 160, COL_ATTITUDE: 74, COL_INFLUENCE: 62, COL_STYLE: 82, COL_LAST: 86}
        for column, width in widths.items():
            self.tree.setColumnWidth(column, width)
        left_layout.addWidget(self.tree, 3)
        self.warnings_header = SectionHeader()
        left_layout.addWidget(self.warnings_header)
        self.warnings = WarningList()
        left_layout.addWidget(self.warnings, 2)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 8, 0)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        right_layout.addWidget(self.hint)
        self.role_stack = QStackedWidget()
        self.no_deal = NoDealPanel()  # roles belong to a deal: offers to create the first one
        self.no_deal.create_deal.connect(self.create_first_deal)
        self.role_stack.addWidget(self.no_deal)
        right_layout.addWidget(self.role_stack)
        self.form_stack = QStackedWidget()
        self.form_stack.addWidget(QWidget())
        right_layout.addWidget(self.form_stack)
        right_layout.addStretch(1)
        self.detail_scroll = scrolling(right, fit_width=True)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(self.detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 450])
        self.views.addWidget(splitter)

        self.map_slot = LazySlot(self._new_map)
        self.views.addWidget(self.map_slot)

        self.view_group.idClicked.connect(self.show_view)
        self.picker.opportunity_changed.connect(self._opportunity_changed)
        self.tree.currentItemChanged.connect(self._show_selected)
        self.tree.move_requested.connect(self.move_contact)
        self.add_button.clicked.connect(self.add_contact)
        self.import_button.clicked.connect(self.import_contacts)
        self.export_button.clicked.connect(self.export_contacts)
        self.delete_button.clicked.connect(self.delete_contact)
        ctx.hub.changed.connect(self._data_changed)
        self._retranslate()
        self.reload()

    # The map view -------------------------------------------------------------------------

    @property
    def map(self) -> QWidget:
        """The map view (a DecisionMapWidget, or a note in a build without it)."""
        return self.map_slot.widget()

    def show_view(self, index: int) -> None:
        """The list (VIEW_LIST) or the map (VIEW_MAP), as the List and Map buttons do."""
        if index == VIEW_MAP:
            self.map_slot.widget()  # built before it is shown
        self.view_group.button(index).setChecked(True)
        self.views.setCurrentIndex(index)

    def _new_map(self) -> QWidget:
        try:  # the map is built by another part of the app; the list view works without it
            from ..map.widget import DecisionMapWidget
        except ImportError:  # pragma: no cover - depends on the build
            note = QLabel(self.tr("The map view is not available in this build."))
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            note.setObjectName("muted")
            return note
        return DecisionMapWidget(self._ctx, opportunity_id=self.picker.current())

    # Loading ------------------------------------------------------------------------------

    @property
    def opportunity_id(self) -> int | None:
        return self.picker.current()

    def reload(self) -> None:
        """Re-read the people and their parts in the chosen deal; redraw tree and warnings.

        Three reads (the org chart's columns, the circle, the selected person) whatever the
        number of people; the coverage warnings are worked out from the circle already read.
        """
        services, lang = self._ctx.services, self._ctx.lang
        playbook = services.playbook
        self._contacts = services.contacts.chart(self.account_id)
        opp_id = self.opportunity_id
        circle = services.opportunities.circle(opp_id) if opp_id is not None else []
        parts = {person.contact_id: person for person in circle}
        selected = self.selected_contact()
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            items = self._build_items(parts)
            self.tree.expandAll()
            if selected in items:
                self.tree.setCurrentItem(items[selected])
            elif (
                self._contacts
                and selected is None
                and (first := self.tree.topLevelItem(0)) is not None
            ):
                self.tree.setCurrentItem(first)
        finally:
            self.tree.blockSignals(False)
        if opp_id is not None:
            self.warnings.set_warnings(coverage_warnings(circle, playbook, lang), playbook, lang)
        else:
            self.warnings.set_warnings([], playbook, lang)
            self.warnings.clear()
        self.delete_button.setEnabled(bool(self._contacts))
        self.hint.setVisible(not self._contacts)
        self._show_selected()

    def _build_items(self, parts: dict[int, CirclePerson]) -> dict[int, QTreeWidgetItem]:
        """One item per person, under their manager; the tree is filled in one insert."""
        labels = _RowLabels(self._ctx.services.playbook, self._ctx.lang)
        items = {c.id: self._item(c, parts.get(c.id), labels) for c in self._contacts}
        children: dict[int | None, list[int]] = {}
        for contact in self._contacts:  # by id, so people under a manager are in id order
            manager = contact.reports_to_id if contact.reports_to_id in items else None
            children.setdefault(manager, []).append(contact.id)
        roots = children.get(None, [])
        placed: set[int] = set()
        stack = list(roots)
        while stack:
            contact_id = stack.pop()
            placed.add(contact_id)
            below = children.get(contact_id, [])
            items[contact_id].addChildren([items[i] for i in below])
            stack.extend(below)
        # People in a reporting loop (old data) hang under no one reached: show them at the top.
        loose = [c.id for c in self._contacts if c.id not in placed]
        self.tree.addTopLevelItems([items[i] for i in roots + loose])
        return items

    def _item(self, contact, part: CirclePerson | None, labels: _RowLabels) -> QTreeWidgetItem:
        attitude = part.attitude if part is not None else None
        item = QTreeWidgetItem(
            [
                contact.name,
                labels.roles(part.roles) if part is not None else "",
                labels.label("attitudes", attitude) if attitude else "",
                labels.label("influence_levels", part.influence) if part is not None else "",
                labels.label("communication_styles", contact.communication_style),
                show_date(contact.last_contact),
            ],
        )
        item.setData(0, CONTACT_ROLE, contact.id)
        item.setData(0, SECOND_LINE_ROLE, contact.title)
        item.setToolTip(0, " · ".join(p for p in (contact.title, contact.department) if p))
        brush = labels.brush(attitude)
        if brush is not None:
            item.setForeground(COL_ATTITUDE, brush)
        item.setFlags(ITEM_FLAGS)
        return item

    def selected_contact(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, CONTACT_ROLE) if item is not None else None

    def select_contact(self, contact_id: int) -> None:
        for item in self._all_items():
            if item.data(0, CONTACT_ROLE) == contact_id:
                self.tree.setCurrentItem(item)
                return

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = top_level_items(self.tree)
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack.extend(child_items(item))
        return out

    def _show_selected(self, *_args: object) -> None:
        contact_id = self.selected_contact()
        if contact_id is None:
            self.form_stack.setCurrentIndex(0)
            self.role_stack.setCurrentIndex(0)
            return
        form = self.contact_form(contact_id)
        try:
            contact = self._ctx.services.contacts.get(contact_id)
        except ValidationError:  # deleted meanwhile: the next reload drops it from the tree
            contact = None
        if contact is not None:
            form.load(contact, self._contacts)
        self.form_stack.setCurrentWidget(form)
        opp_id = self.opportunity_id
        if opp_id is None:
            self.role_stack.setCurrentIndex(0)
            return
        editor = self.role_editor(opp_id, contact_id)
        editor.load()
        editor.set_title(self.picker.currentText().split("  ·  ")[0])
        self.role_stack.setCurrentWidget(editor)

    def contact_form(self, contact_id: int) -> ContactForm:
        first = self.remap.first(contact_id)
        form = self._forms.get(first)
        if form is None:
            form = ContactForm(self._ctx, first, self.remap, self._undo, self._reporter)
            self._forms[first] = form
            self.form_stack.addWidget(form)
        return form

    def role_editor(self, opportunity_id: int, contact_id: int) -> RoleEditor:
        first = self.remap.first(contact_id)
        editor = self._roles.get((opportunity_id, first))
        if editor is None:
            editor = RoleEditor(
                self._ctx, opportunity_id, first, self.remap, self._undo, self._reporter
            )
            self._roles[(opportunity_id, first)] = editor
            self.role_stack.addWidget(editor)
        return editor

    def current_form(self) -> ContactForm | None:
        widget = self.form_stack.currentWidget()
        return widget if isinstance(widget, ContactForm) else None

    def current_role_editor(self) -> RoleEditor | None:
        widget = self.role_stack.currentWidget()
        return widget if isinstance(widget, RoleEditor) else None

    def flush(self) -> bool:
        ok = True
        for form in self._forms.values():
            ok = form.flush() and ok
        for editor in self._roles.values():
            ok = editor.flush() and ok
        return ok

    def _opportunity_changed(self, opportunity_id: int | None) -> None:
        self.reload()
        shown = self.map_slot.built_widget()
        if shown is not None and not isinstance(shown, QLabel):  # the map, not the note
            shown.set_opportunity(opportunity_id)  # type: ignore[attr-defined]  # the map widget
        self.opportunity_changed.emit(opportunity_id)

    def choose_opportunity(self, opportunity_id: int | None) -> None:
        self.picker.choose(opportunity_id)

    def _data_changed(self, change) -> None:
        if change.kind in ("contact", "opportunity") and change.account_id in (
            self.account_id,
            None,
        ):
            if change.kind == "opportunity":
                self.picker.reload()
            self.reload()

    # Actions ------------------------------------------------------------------------------

    def add_contact(self) -> None:
        dialog = NewContactDialog(self._ctx, self.account_id, self.selected_contact(), self)
        if dialog.exec() and dialog.created_id is not None:
            self.reload()
            self.select_contact(dialog.created_id)
            form = self.current_form()
            if form is not None:
                form.fields["title"].setFocus()

    def create_first_deal(self) -> None:
        dialog = NewOpportunityDialog(self._ctx, self.account_id, self)
        if dialog.exec() and dialog.created_id is not None:
            self.picker.reload(chosen=dialog.created_id)

    def move_contact(self, contact_id: int, manager_id: int | None) -> None:
        """Put a person under another (undoable); refused moves say why in the status bar."""
        contacts = self._ctx.services.contacts
        before = contacts.get(contact_id).reports_to_id
        first, first_manager = self.remap.first(contact_id), self._first_or_none(manager_id)
        first_before = self._first_or_none(before)
        try:
            contacts.move(contact_id, manager_id)
        except ValidationError as exc:
            self._reporter.failed.emit(exc.text(self._ctx.lang))
            return

        def do() -> None:
            contacts.move(self.remap.current(first), self._current_or_none(first_manager))

        def undo() -> None:
            contacts.move(self.remap.current(first), self._current_or_none(first_before))

        self._undo.push(ActionCommand(self.tr("Move contact"), do, undo))
        self._reporter.saved.emit()

    def _first_or_none(self, contact_id: int | None) -> int | None:
        return self.remap.first(contact_id) if contact_id is not None else None

    def _current_or_none(self, first_id: int | None) -> int | None:
        return self.remap.current(first_id) if first_id is not None else None

    def delete_contact(self) -> None:
        contact_id = self.selected_contact()
        if contact_id is None:
            return
        services = self._ctx.services
        contact = services.contacts.get(contact_id)
        if not prompter.confirm(
            self,
            self.tr("Delete contact"),
            self.tr(
                "Delete {name}? The people who report to them will report to their manager. "
                "You can undo this with Ctrl+Z."
            ).format(name=contact.name),
        ):
            return
        snapshot = self._snapshot(contact)
        first = self.remap.first(contact_id)
        services.contacts.delete(contact_id)

        def redo() -> None:
            services.contacts.delete(self.remap.current(first))

        def undo() -> None:
            self._restore(first, snapshot)

        self._undo.push(ActionCommand(self.tr("Delete contact"), redo, undo))
        self._reporter.saved.emit()

    def _snapshot(self, contact) -> dict[str, Any]:
        services = self._ctx.services
        roles = []
        for opp in services.opportunities.for_account(self.account_id):
            for role in services.opportunities.get(opp.id).roles:
                if role.contact_id == contact.id:
                    roles.append(
                        (opp.id, list(role.roles or []), role.attitude, role.influence, role.notes)
                    )
        reports = [c.id for c in self._contacts if c.reports_to_id == contact.id]
        return {
            "fields": {name: getattr(contact, name) for name in SNAPSHOT_FIELDS},
            "manager": self._first_or_none(contact.reports_to_id),
            "roles": roles,
            "reports": [self.remap.first(r) for r in reports],
        }

    def _restore(self, first: int, snapshot: dict[str, Any]) -> None:
        services = self._ctx.services
        contact = services.contacts.create(
            self.account_id,
            reports_to_id=self._current_or_none(snapshot["manager"]),
            **snapshot["fields"],
        )
        self.remap.moved(self.remap.current(first), contact.id)
        for opp_id, roles, attitude, influence, notes in snapshot["roles"]:
            services.opportunities.set_role(
                opp_id, contact.id, roles=roles, attitude=attitude, influence=influence, notes=notes
            )
        for report in snapshot["reports"]:
            services.contacts.move(self.remap.current(report), contact.id)

    # Language -----------------------------------------------------------------------------

    def import_contacts(self) -> None:
        from ..contact_import_dialog import ContactImportDialog

        path = prompter.open_path(
            self,
            self.tr("Import contacts"),
            self.tr("Contacts (*.csv *.vcf *.vcard);;All files (*)"),
        )
        if not path:
            return
        dialog = ContactImportDialog(self._ctx, self.account_id, Path(path), self)
        dialog.exec()
        dialog.deleteLater()

    def export_contacts(self) -> None:
        from desktop.export.contacts import export_contacts

        services, lang = self._ctx.services, self._ctx.lang
        account = services.accounts.get(self.account_id).name
        stem = file_stem(account, self.tr("contacts"))
        path = prompter.save_path(
            self,
            self.tr("Export contacts"),
            suggested_path(stem, ".xlsx"),
            self.tr("Excel (*.xlsx);;CSV (*.csv);;vCard (*.vcf)"),
        )
        if not path:
            return
        opportunity_id = self.picker.current()

        def done(count: int) -> None:
            confirm_saved(
                self, self.tr("Export contacts"), path, self.tr("Saved %n contact(s).", "", count)
            )

        def failed(exc: BaseException) -> None:
            prompter.error(self, self.tr("Export contacts"), str(exc))

        run_task(
            lambda: export_contacts(
                services, self.account_id, Path(path), opportunity_id=opportunity_id, lang=lang
            ),
            done,
            failed,
        )

    def _retranslate(self) -> None:
        self.picker_label.setText(self.tr("&Opportunity:"))
        self.list_button.setText(self.tr("List"))
        self.map_button.setText(self.tr("Map"))
        self.tree.setAccessibleName(self.tr("People at this account"))
        self.list_button.setToolTip(self.tr("The decision circle as an org-chart list"))
        self.map_button.setToolTip(self.tr("The decision circle as a map"))
        self.add_button.setText(self.tr("Add contact…"))
        self.add_button.setToolTip(
            self.tr("Add a person at this account ({key})").format(
                key=QKeySequence("Ctrl+Shift+N").toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.delete_button.setText(self.tr("Delete contact"))
        self.import_button.setText(self.tr("Import contacts…"))
        self.import_button.setToolTip(
            self.tr("Add people from a CSV (Outlook, Google, Salesforce…) or vCard file")
        )
        self.export_button.setText(self.tr("Export contacts…"))
        self.export_button.setToolTip(
            self.tr("Save this account's people as CSV, Excel or vCard, with their roles")
        )
        self.tree.setHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Role(s) in this deal"),
                self.tr("Attitude"),
                self.tr("Influence"),
                self.tr("Style"),
                self.tr("Last contact"),
            ]
        )
        self.warnings_header.setText(self.tr("Coverage of the decision circle"))
        self.warnings.setAccessibleName(self.warnings_header.text())
        self.hint.setText(
            self.tr(
                "No people yet. Add the decision maker, the users, the technical experts, the "
                "influencers and your coach, with whom each reports to."
            )
        )
        note = self.map_slot.built_widget()
        if isinstance(note, QLabel):
            note.setText(self.tr("The map view is not available in this build."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.reload()
        super().changeEvent(event)
