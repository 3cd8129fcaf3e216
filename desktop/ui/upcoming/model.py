"""The upcoming-visits model: every visit of the period as a row, read from SQL a page at a time.

The day counts come first, from one GROUP BY over the starts_at index (``upcoming_days``). With
them the model knows how many rows the list has and where each day's heading falls before it
reads a single visit, so the scrollbar spans the whole fortnight. A visit's row is read when Qt
first asks for it, to paint it: its 100-visit page comes from ``VisitService.upcoming_page``,
readiness included. Opening the screen, dragging the scrollbar to next Sunday and refreshing
after a change each read the pages on screen, whether the fortnight holds ten visits or
fifteen thousand.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from desktop.services.visit_calendar import UpcomingRow
from desktop.ui.context import UiContext
from desktop.ui.formats import show_long_date, show_time

PAGE = 100
CACHED_PAGES = 50  # pages kept in memory (5,000 visits); the least recently drawn goes first
# Roles as plain ints: Qt asks data() a dozen times per cell painted, and comparing an int with
# a PySide6 enum member costs ~5 µs against ~0.03 µs for two ints.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
FONT = int(Qt.ItemDataRole.FontRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
VISIT_ROLE = int(Qt.ItemDataRole.UserRole)  # the visit id of a visit row; None on a heading
VISIT_ROLES = frozenset((DISPLAY, FOREGROUND, TOOLTIP, VISIT_ROLE))
HEADING_FLAGS = Qt.ItemFlag.ItemIsEnabled
VISIT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
(COL_TIME, COL_ACCOUNT, COL_OPPORTUNITY, COL_TITLE, COL_PLACE, COL_STATUS, COL_READY) = range(7)
HEADING_COLOUR = "#1f3a5f"
HEADING_BACKGROUND = "#eef2f7"


def readiness_colour(percent: int) -> str:
    if percent >= 80:
        return "#2e7d32"
    if percent >= 50:
        return "#8a5a00"
    return "#b3261e"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


@dataclass(frozen=True)
class ShownRow:
    """A visit row as the list shows it: each cell's text and the heading of its day."""

    model: UpcomingModel
    row: int

    @property
    def visit_id(self) -> int:
        return int(self.model.index(self.row, 0).data(VISIT_ROLE))

    def text(self, column: int) -> str:
        return str(self.model.index(self.row, column).data() or "")

    def heading(self) -> str:
        return self.model.heading_of(self.row)


class UpcomingModel(QAbstractTableModel):
    total_changed = Signal(int)

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._start = self._end = date.today()
        self._days: list[date] = []  # the days that have visits, in order
        self._counts: list[int] = []  # visits on each of them
        self._heads: list[int] = []  # the row of each day's heading
        self._firsts: list[int] = []  # the place of each day's first visit among all visits
        self._rows = 0
        self._total = 0
        self._pages: OrderedDict[int, list[UpcomingRow]] = OrderedDict()
        self.pages_read = 0  # since the last reload
        self._bold: QFont | None = None

    # Loading ------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return self._total

    @property
    def period(self) -> tuple[date, date]:
        return self._start, self._end

    def reload(self, start: date, end: date) -> None:
        """Count the period's visits again, day by day; pages are read as they are drawn."""
        days = self._ctx.services.visits.upcoming_days(start, end)
        self.beginResetModel()
        self._start, self._end = start, end
        self._days = [day for day, _ in days]
        self._counts = [count for _, count in days]
        self._heads, self._firsts = [], []
        row = offset = 0
        for count in self._counts:
            self._heads.append(row)
            self._firsts.append(offset)
            row += count + 1
            offset += count
        self._rows, self._total = row, offset
        self._pages.clear()
        self.pages_read = 0
        self.endResetModel()
        self.total_changed.emit(self._total)

    def _locate(self, row: int) -> tuple[int, int | None]:
        """The day a row belongs to (its index), and the row's place among all the visits;
        None for the place when the row is the day's heading."""
        day = bisect_right(self._heads, row) - 1
        return day, (None if self._heads[day] == row else row - day - 1)

    def _row_at(self, place: int) -> int:
        return place + bisect_right(self._firsts, place)  # the headings up to its own

    def visit_at(self, place: int) -> UpcomingRow | None:
        """The visit at ``place`` (0 = soonest), its page read if it has not been."""
        number, within = divmod(place, PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._ctx.services.visits.upcoming_page(
                self._start, self._end, number * PAGE, PAGE
            )
            self.pages_read += 1
            self._pages[number] = page
            if len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        # Short only if visits went away since the count: the refresh that follows fixes it.
        return page[within] if within < len(page) else None

    def is_read(self, row: int) -> bool:
        """Whether a row can be shown without reading its page (headings always can)."""
        place = self._locate(row)[1]
        return place is None or place // PAGE in self._pages

    # Reading ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 7

    def is_heading(self, row: int) -> bool:
        return self._locate(row)[1] is None

    def heading_rows(self) -> list[int]:
        return list(self._heads)

    def visit_rows(self) -> list[ShownRow]:
        heads = set(self._heads)
        return [ShownRow(self, row) for row in range(self._rows) if row not in heads]

    def heading_of(self, row: int) -> str:
        """The heading text of the day a row belongs to."""
        return self._heading_text(self._locate(row)[0]) if self._rows else ""

    def row_of(self, visit_id: int, near: int = -1) -> int:
        """The row of a visit among those read (``near`` is checked first), or -1."""
        if 0 <= near < self._rows and self.index(near, 0).data(VISIT_ROLE) == visit_id:
            return near
        for number, page in self._pages.items():
            for within, visit in enumerate(page):
                if visit.id == visit_id:
                    return self._row_at(number * PAGE + within)
        return -1

    def match(
        self,
        start: QModelIndex | QPersistentModelIndex,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchWrap,
    ) -> list[QModelIndex]:
        """Type-to-find (QAbstractItemView.keyboardSearch) looks among the rows already read:
        Qt's own match would read every page of the fortnight on a keystroke."""
        text = str(value).casefold()
        rows = list(range(start.row(), self._rows))
        if flags & Qt.MatchFlag.MatchWrap:
            rows += range(0, start.row())
        found: list[QModelIndex] = []
        for row in rows:
            if not self.is_read(row):
                continue
            index = self.index(row, start.column())
            shown = str(self.data(index, role) or "").casefold()
            if shown.startswith(text) if flags & Qt.MatchFlag.MatchStartsWith else text in shown:
                found.append(index)
                if 0 < hits <= len(found):
                    break
        return found

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return HEADING_FLAGS if self.is_heading(index.row()) else VISIT_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        day, place = self._locate(index.row())
        if place is None:
            return self._heading_data(day, index.column(), role)
        if role not in VISIT_ROLES:
            return None  # before reading the page: Qt asks for roles no visit cell has
        visit = self.visit_at(place)
        return None if visit is None else self._visit_data(visit, index.column(), role)

    def _heading_text(self, day: int) -> str:
        return f"{self._day_title(self._days[day])}  ·  {self.count_text(self._counts[day])}"

    def _heading_data(self, day: int, column: int, role: int) -> Any:
        if role == DISPLAY and column == 0:
            return self._heading_text(day)
        if role == FONT:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == FOREGROUND:
            return QColor(HEADING_COLOUR)
        if role == BACKGROUND:
            return QColor(HEADING_BACKGROUND)
        return None

    def _visit_data(self, row: UpcomingRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self._display(row, column)
        if role == VISIT_ROLE:
            return row.id
        if role == FOREGROUND and column == COL_READY:
            return QColor(readiness_colour(row.readiness_percent))
        if role == TOOLTIP:
            if column == COL_READY:
                return self.tr("Plan readiness")
            return {
                COL_ACCOUNT: row.account_name,
                COL_OPPORTUNITY: row.opportunity_name,
                COL_TITLE: row.title,
                COL_PLACE: row.place,
            }.get(column)  # in full: the columns are often too narrow
        return None

    def _display(self, row: UpcomingRow, column: int) -> str:
        if column == COL_TIME:
            return show_time(row.starts_at)
        if column == COL_ACCOUNT:
            return row.account_name
        if column == COL_OPPORTUNITY:
            return row.opportunity_name
        if column == COL_TITLE:
            return row.title
        if column == COL_PLACE:
            return row.place.splitlines()[0] if row.place else ""
        if column == COL_STATUS:
            return self._ctx.services.playbook.label("visit_statuses", row.status, self._ctx.lang)
        return f"{row.readiness_percent}%"

    def _day_title(self, day: date) -> str:
        name = show_long_date(day)
        if day == self._start:
            return self.tr("Today · {date}").format(date=name)
        if day == self._start + timedelta(days=1):
            return self.tr("Tomorrow · {date}").format(date=name)
        return name

    def count_text(self, count: int) -> str:
        text = self.tr("1 visit") if count == 1 else self.tr("{count} visits")
        return text.format(count=f"{count:,}")

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            self.tr("Time"),
            self.tr("Account"),
            self.tr("Opportunity"),
            self.tr("Title"),
            self.tr("Place"),
            self.tr("Status"),
            self.tr("Readiness"),
        )
        return titles[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self._rows - 1, 6))
