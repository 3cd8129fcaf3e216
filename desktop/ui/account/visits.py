"""The Visits tab: the chosen opportunity's visits and planning a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.services.events import ChangeKind
from desktop.ui.context import UiContext
from desktop.ui.widgets.tree_items import top_level_items

from ..formats import show_datetime
from ..upcoming.model import readiness_colour
from .dialogs import NewVisitDialog
from .tab import AccountTab

ID_ROLE = Qt.ItemDataRole.UserRole


class VisitsTab(AccountTab):
    open_visit = Signal(int)
    opportunity_changed = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        account_id: int,
        parent: QWidget | None = None,
        *,
        opportunity_id: int | None = None,
    ) -> None:
        super().__init__(ctx, account_id, parent)
        layout = self.page_layout()
        bar = QHBoxLayout()
        self.picker_label, self.picker = self.deal_picker(opportunity_id)
        self.new_button = QPushButton()
        self.new_button.setObjectName("primary")
        self.open_button = QPushButton()
        bar.addWidget(self.picker_label)
        bar.addWidget(self.picker)
        bar.addStretch(1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.table = QTreeWidget()
        self.table.setColumnCount(4)
        self.table.setRootIsDecorated(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(2, 120)
        self.table.setColumnWidth(3, 100)
        layout.addWidget(self.table, 1)
        self.empty = self.guidance()
        layout.addWidget(self.empty)

        self.picker.opportunity_changed.connect(self._picked)
        self.table.itemActivated.connect(self._activated)
        self.new_button.clicked.connect(self.new_visit)
        self.open_button.clicked.connect(self.open_selected)
        self.listen()
        self._retranslate()
        self.reload()

    @property
    def opportunity_id(self) -> int | None:
        return self.picker.current()

    def reload(self) -> None:
        services, lang = self._ctx.services, self._ctx.lang
        opp_id = self.opportunity_id
        self.table.clear()
        visits = services.visits.for_opportunity(opp_id) if opp_id is not None else []
        for visit in visits:
            percent = services.visits.readiness(visit.id).percent
            when = show_datetime(visit.starts_at)
            item = QTreeWidgetItem(
                self.table,
                [
                    when,
                    visit.title,
                    services.playbook.label("visit_statuses", visit.status, lang),
                    f"{percent}%",
                ],
            )
            item.setData(0, ID_ROLE, visit.id)
            item.setForeground(3, QBrush(QColor(readiness_colour(percent))))
        self.new_button.setEnabled(opp_id is not None)
        self.open_button.setEnabled(bool(visits))
        self.empty.setVisible(not visits)

    def visit_ids(self) -> list[int]:
        return [item.data(0, ID_ROLE) for item in top_level_items(self.table)]

    def choose_opportunity(self, opportunity_id: int | None) -> None:
        self.picker.choose(opportunity_id)

    def _picked(self, opportunity_id: int | None) -> None:
        self.reload()
        self.opportunity_changed.emit(opportunity_id)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_visit.emit(int(item.data(0, ID_ROLE)))

    def open_selected(self) -> None:
        item = self.table.currentItem() or self.table.topLevelItem(0)
        if item is not None:
            self._activated(item, 0)

    def new_visit(self) -> None:
        opp_id = self.opportunity_id
        if opp_id is None:
            return
        dialog = NewVisitDialog(self._ctx, opp_id, self)
        if dialog.exec() and dialog.created_id is not None:
            self.reload()
            self.open_visit.emit(dialog.created_id)

    def _data_changed(self, change) -> None:
        if change.kind is ChangeKind.OPPORTUNITY and change.account_id in (self.account_id, None):
            self.picker.reload()
            self.reload()
        elif change.kind is ChangeKind.VISIT:
            self.reload()

    def _retranslate(self) -> None:
        self.picker_label.setText(self.tr("&Opportunity:"))
        self.new_button.setText(self.tr("New visit…"))
        self.open_button.setText(self.tr("Open plan"))
        self.table.setAccessibleName(self.tr("Visits"))
        self.table.setHeaderLabels(
            [self.tr("Date"), self.tr("Title"), self.tr("Status"), self.tr("Readiness")]
        )
        self.empty.setText(
            self.tr(
                "No visits for this opportunity yet. Plan one: it starts with the date and place."
            )
        )
