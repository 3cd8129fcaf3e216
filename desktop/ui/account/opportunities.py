"""The Opportunities tab: the account's deals on the left, the chosen one's form on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.events import ChangeKind
from desktop.ui.context import UiContext

from ..widgets.page_scroll import page_scroll
from ..widgets.save_status import SaveReporter
from .dialogs import NewOpportunityDialog
from .opportunity_form import OpportunityForm
from .tab import AccountTab

ID_ROLE = Qt.ItemDataRole.UserRole


class OpportunitiesTab(AccountTab):
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
        self._forms: dict[int, OpportunityForm] = {}

        layout = self.page_layout(horizontal=True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        left_layout.addWidget(self.list, 1)
        self.new_button = QPushButton()
        left_layout.addWidget(self.new_button)
        splitter.addWidget(left)
        self.stack = QStackedWidget()
        self.empty = self.guidance(centred=True)
        self.stack.addWidget(self.empty)
        self.scroll_area = page_scroll(self.stack)
        splitter.addWidget(self.scroll_area)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([260, 900])

        self.list.currentItemChanged.connect(self._show_current)
        self.new_button.clicked.connect(self.new_opportunity)
        self.listen()
        self._retranslate()
        self.reload(opportunity_id)

    def reload(self, selected: int | None = None) -> None:
        """Refill the list, keeping the chosen deal (or ``selected``, or the first)."""
        services, lang = self._ctx.services, self._ctx.lang
        if selected is None:
            selected = self.current_id()
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for opp in services.opportunities.for_account(self.account_id):
                percent = services.opportunities.probability(opp)
                stage = services.playbook.label("funnel_stages", opp.stage, lang)
                text = f"{opp.name}\n{opp.stage} · {stage} · {percent}%"
                if services.deals.stalls(opp.id):  # a "maybe" at a decision point
                    text += "  " + self.tr("⚑ stalled")
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, opp.id)
                self.list.addItem(item)
                if opp.id == selected:
                    self.list.setCurrentItem(item)
            if self.list.currentItem() is None and self.list.count():
                self.list.setCurrentRow(0)
        finally:
            self.list.blockSignals(False)
        self._show_current()

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def choose(self, opportunity_id: int | None) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == opportunity_id:
                self.list.setCurrentRow(row)
                return

    def form(self, opportunity_id: int) -> OpportunityForm:
        form = self._forms.get(opportunity_id)
        if form is None:
            form = OpportunityForm(self._ctx, opportunity_id, self._undo, self._reporter)
            self._forms[opportunity_id] = form
            self.stack.addWidget(form)
            self.scroll_area.guard()  # its text boxes and tables leave the wheel to the page
        return form

    def current_form(self) -> OpportunityForm | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, OpportunityForm) else None

    def _show_current(self, *_args: object) -> None:
        opp_id = self.current_id()
        if opp_id is None:
            self.stack.setCurrentWidget(self.empty)
        else:
            form = self.form(opp_id)
            self.stack.setCurrentWidget(form)
        self.opportunity_changed.emit(opp_id)

    def flush(self) -> bool:
        ok = True
        for form in self._forms.values():
            ok = form.flush() and ok
        return ok

    def new_opportunity(self) -> None:
        dialog = NewOpportunityDialog(self._ctx, self.account_id, self)
        if dialog.exec() and dialog.created_id is not None:
            self.reload()
            self.choose(dialog.created_id)

    def _data_changed(self, change) -> None:
        if change.kind is not ChangeKind.OPPORTUNITY:
            return
        if change.account_id not in (self.account_id, None):
            return
        gone = [i for i in change.ids if i in self._forms] if change.deleted else []
        for opp_id in gone:
            self._forms.pop(opp_id).deleteLater()
        self.reload()  # the list: a name or stage saved in a form shows there too
        for opp_id in change.ids:
            form = self._forms.get(opp_id)
            # A form's own save is already on screen in it: reload it for others' changes only.
            if form is not None and not change.deleted and not change.is_from(form.token):
                form.reload()

    def _retranslate(self) -> None:
        self.new_button.setText(self.tr("New opportunity…"))
        self.list.setAccessibleName(self.tr("Opportunities"))
        self.empty.setText(
            self.tr("No opportunities yet. Create one to track its stage, budget and competitors.")
        )
