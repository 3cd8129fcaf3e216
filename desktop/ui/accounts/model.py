"""The account list model: rows come from SQL in 200-row pages; sorting is an ORDER BY.

Qt asks ``canFetchMore``/``fetchMore`` as the rep scrolls, so only what is on screen (and a
little more) is ever read; a header click re-runs the query with a new ORDER BY. Nothing sorts
or filters in Python, so 100k accounts cost what 200 do.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.services.account_rows import ROW_SORTS, AccountFilter, AccountRow, is_opening_query
from desktop.ui.context import UiContext
from desktop.ui.formats import show_datetime

COLUMNS = ROW_SORTS  # each column sorts by its own key
COL_NAME, COL_INDUSTRY, COL_CITY, COL_TIER, COL_SEGMENT, COL_STAGE, COL_NEXT_VISIT = range(7)
CHUNK = 200
# Plain ints: Qt asks data() for every role of every painted cell, and comparing PySide6 enum
# members costs microseconds each (a quarter of a 200-row paint).
ID_ROLE = int(Qt.ItemDataRole.UserRole)
ALT_NAME_ROLE = ID_ROLE + 1
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
ROLES = frozenset((ID_ROLE, ALT_NAME_ROLE, DISPLAY, TOOLTIP, ALIGNMENT))
LEFT_CENTRED = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)


class AccountTableModel(QAbstractTableModel):
    total_changed = Signal(int)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter = AccountFilter()
        self._sort = "name"
        self._descending = False
        self._rows: list[AccountRow] = []
        self._total = 0
        self.reload()

    # Loading ------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, flt: AccountFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def reload(self) -> None:
        if not self._ctx.ready and not is_opening_query(self._filter, self._sort, self._descending):
            return  # a StartView knows only the first page; the view reloads once it is open
        queries = self._ctx.services.queries
        self.beginResetModel()
        self._total = queries.count_accounts(self._filter)
        self._rows = queries.account_rows(
            self._filter, self._sort, self._descending, offset=0, limit=CHUNK
        )
        self.endResetModel()
        self.total_changed.emit(self._total)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        # Before the data file is open only the first page is known (a StartView).
        return not parent.isValid() and len(self._rows) < self._total and self._ctx.ready

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid():
            return
        more = self._ctx.services.queries.account_rows(
            self._filter, self._sort, self._descending, offset=len(self._rows), limit=CHUNK
        )
        if not more:
            self._total = len(self._rows)  # rows went away since the count
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key, descending = COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return  # the view asks once when sorting is switched on: the rows are in order
        self._sort, self._descending = key, descending
        self.reload()

    # Reading ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def account_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, account_id: int) -> int:
        for index, row in enumerate(self._rows):
            if row.id == account_id:
                return index
        return -1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        role = int(role)
        if role not in ROLES or not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == ALT_NAME_ROLE:
            return row.alt_name if column == COL_NAME else None
        if role == TOOLTIP and column == COL_NAME and row.alt_name:
            return f"{row.name}\n{row.alt_name}"
        if role == ALIGNMENT and column in (COL_SEGMENT, COL_NEXT_VISIT):
            return LEFT_CENTRED
        return None

    def _display(self, row: AccountRow, column: int) -> str:
        playbook, lang = self._ctx.services.playbook, self._ctx.lang
        if column == COL_NAME:
            return row.name
        if column == COL_INDUSTRY:
            return row.industry
        if column == COL_CITY:
            return row.city
        if column == COL_TIER:
            return playbook.label("pyramid_tiers", row.tier, lang)
        if column == COL_SEGMENT:
            return row.segment
        if column == COL_STAGE:
            if row.best_stage is None:
                return ""
            return f"{row.best_stage} · {playbook.label('funnel_stages', row.best_stage, lang)}"
        if column == COL_NEXT_VISIT:
            return show_datetime(row.next_visit, lang)
        return ""

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Account"),
            self.tr("Industry"),
            self.tr("City"),
            self.tr("Tier"),
            self.tr("Segment"),
            self.tr("Best open stage"),
            self.tr("Next visit"),
        )
        return titles[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 6))
