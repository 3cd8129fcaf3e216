"""The Decision circle tab: the org chart as a tree, each person's details and role in the deal,
and what is missing in the circle. A second view shows the same people as a map; it is built
(and its data read) the first time the rep switches to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.coverage import coverage_warnings
from desktop.domain.validation import ValidationError
from desktop.services.events import ChangeKind
from desktop.ui.context import UiContext

from ..exports import confirm_saved, file_stem, suggested_path
from ..msgbox import prompter
from ..tasks import run_task
from ..undo import ActionCommand
from ..widgets.page_scroll import page_scroll
from ..widgets.records import IdRemap
from ..widgets.save_status import SaveReporter
from ..widgets.section import SectionHeader
from ..widgets.warning_list import WarningList
from . import contact_undo
from .contact_form import ContactForm
from .contact_undo import current_or_none, first_or_none
from .dialogs import NewContactDialog, NewOpportunityDialog
from .first_steps import NoDealPanel
from .lazy import LazySlot
from .org_tree import CONTACT_ROLE, OrgTree, RowLabels
from .outside_panel import OutsidePanel
from .role_editor import RoleEditor
from .tab import AccountTab

VIEW_LIST, VIEW_MAP = range(2)


class CircleTab(AccountTab):
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
        super().__init__(ctx, account_id, parent)
        self._undo = undo_stack
        self._reporter = reporter
        self.remap = IdRemap()
        self._forms: dict[int, ContactForm] = {}
        self._roles: dict[tuple[int, int], RoleEditor] = {}
        self._contacts: list[Any] = []

        layout = self.page_layout()

        bar = QHBoxLayout()
        self.picker_label, self.picker = self.deal_picker(opportunity_id)
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
        left_layout.addWidget(self.tree, 3)
        self.warnings_header = SectionHeader()
        left_layout.addWidget(self.warnings_header)
        self.warnings = WarningList()
        left_layout.addWidget(self.warnings, 2)
        # Issue 16 item 6: influencers in another company or on our side, not counted above.
        self.outside = OutsidePanel(ctx)
        left_layout.addWidget(self.outside)
        # On a small screen at a large display scale the column is taller than the window:
        # it scrolls rather than squeezing its buttons below their text.
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setAccessibleName(self.tr("Decision circle"))
        left_scroll.setWidget(left)
        splitter.addWidget(left_scroll)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 8, 0)
        self.hint = self.guidance()
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
        self.detail_scroll = page_scroll(right, fit_width=True)
        splitter.addWidget(self.detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 470])
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
        self.listen()
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
            labels = RowLabels(services.playbook, lang)
            items = self.tree.fill(self._contacts, parts, labels)
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
        self.outside.show_deal(opp_id)
        self.delete_button.setEnabled(bool(self._contacts))
        self.hint.setVisible(not self._contacts)
        self._show_selected()

    def selected_contact(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, CONTACT_ROLE) if item is not None else None

    def select_contact(self, contact_id: int) -> None:
        for item in self._all_items():
            if item.data(0, CONTACT_ROLE) == contact_id:
                self.tree.setCurrentItem(item)
                return

    def _all_items(self) -> list[QTreeWidgetItem]:
        return self.tree.all_items()

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
        if change.kind in (ChangeKind.CONTACT, ChangeKind.OPPORTUNITY) and change.account_id in (
            self.account_id,
            None,
        ):
            if change.kind is ChangeKind.OPPORTUNITY:
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
        first, first_manager = self.remap.first(contact_id), first_or_none(self.remap, manager_id)
        first_before = first_or_none(self.remap, before)
        try:
            contacts.move(contact_id, manager_id)
        except ValidationError as exc:
            self._reporter.failed.emit(exc.text(self._ctx.lang))
            return

        def do() -> None:
            contacts.move(self.remap.current(first), current_or_none(self.remap, first_manager))

        def undo() -> None:
            contacts.move(self.remap.current(first), current_or_none(self.remap, first_before))

        self._undo.push(ActionCommand(self.tr("Move contact"), do, undo))
        self._reporter.saved.emit()

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
        snapshot = contact_undo.snapshot(
            services, self.account_id, contact, self._contacts, self.remap
        )
        first = self.remap.first(contact_id)
        services.contacts.delete(contact_id)

        def redo() -> None:
            services.contacts.delete(self.remap.current(first))

        def undo() -> None:
            contact_undo.restore(services, self.account_id, first, snapshot, self.remap)

        self._undo.push(ActionCommand(self.tr("Delete contact"), redo, undo))
        self._reporter.saved.emit()

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
