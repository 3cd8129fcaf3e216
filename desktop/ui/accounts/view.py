"""The account list screen: a heading, the filter bar and the SQL-paged table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.events import ChangeKind
from desktop.ui.context import UiContext

from .filters import AccountFilterBar
from .model import ALT_NAME_ROLE, COL_NAME, ID_ROLE, AccountTableModel


class NameDelegate(QStyledItemDelegate):
    """The account name, then its name in the other language in grey."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        alt = index.data(ALT_NAME_ROLE)
        if not alt:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        metrics = painter.fontMetrics()
        main = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), main
        )
        used = metrics.horizontalAdvance(main) + metrics.horizontalAdvance("  ")
        if used < rect.width():
            rest = rect.adjusted(used, 0, 0, 0)
            painter.setPen(opt.palette.color(role) if selected else QColor("#7a8594"))
            elided = metrics.elidedText(alt, Qt.TextElideMode.ElideRight, rest.width())
            painter.drawText(
                rest, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided
            )
        painter.restore()


class AccountListView(QWidget):
    open_account = Signal(int)
    new_account = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)

        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.count = QLabel(self)
        self.count.setObjectName("muted")
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_account)
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.filters = AccountFilterBar(ctx, self)
        layout.addWidget(self.filters)

        self.model = AccountTableModel(ctx, self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move between cells
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_NAME, NameDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((420, 190, 110, 110, 80, 170, 130)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)

        self.filters.changed.connect(self.model.set_filter)
        self.model.total_changed.connect(self._show_count)
        ctx.hub.changed.connect(self._data_changed)
        # Opened on a StartView: the same first page, with the rest to scroll to, and any
        # filter or sorting chosen meanwhile applied.
        ctx.hub.ready.connect(self.refresh)
        self._retranslate()
        self._show_count(self.model.total)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_account.emit(int(index.data(ID_ROLE)))

    def _data_changed(self, change) -> None:
        if change.kind in (ChangeKind.ACCOUNT, ChangeKind.OPPORTUNITY, ChangeKind.VISIT):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def refresh(self) -> None:
        self._stale = False
        self.model.reload()

    def showEvent(self, event) -> None:  # noqa: N802
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _show_count(self, total: int) -> None:
        text = self.tr("1 account") if total == 1 else self.tr("{count} accounts")
        self.count.setText(text.format(count=f"{total:,}"))

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Accounts"))
        self.new_button.setText(self.tr("New account…"))
        self.new_button.setToolTip(self.tr("Create an account (Ctrl+N)"))
        self.table.setAccessibleName(self.tr("Accounts"))
        self._show_count(self.model.total)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.retranslate()
        super().changeEvent(event)
