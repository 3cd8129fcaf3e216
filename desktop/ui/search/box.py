"""Search as you type: accounts, contacts and opportunities from the full-text index.

The results list floats under the box as a child of the window (not a separate popup window),
so the box keeps the keyboard focus while the rep types: Up/Down move through the hits, Enter
opens the highlighted one, Escape closes the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.ui.context import UiContext
from desktop.ui.widgets.tree_items import child_items, top_level_items

from ..widgets.a11y import name_inner_buttons
from ..widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from desktop.services.queries import SearchHit

TYPING_PAUSE_MS = 120
LIMIT = 30
HIT_ROLE = Qt.ItemDataRole.UserRole
KINDS = ("account", "contact", "opportunity")


class SearchResults(QTreeWidget):
    """Hits grouped under a heading per kind; headings cannot be selected."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setAccessibleName(self.tr("Search results"))
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box keeps the keyboard
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.hide()

    def hits(self) -> list[QTreeWidgetItem]:
        return [hit for group in top_level_items(self) for hit in child_items(group)]

    def step(self, step: int) -> None:
        items = self.hits()
        if not items:
            return
        current = self.currentItem()
        index = items.index(current) if current in items else -1
        index = max(0, min(len(items) - 1, index + step))
        self.setCurrentItem(items[index])
        self.scrollToItem(items[index])


class SearchBox(Retranslating, QLineEdit):
    open_hit = Signal(object)  # SearchHit

    def __init__(self, ctx: UiContext, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._window = window
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(280)
        self.results = SearchResults(window)
        self.results.itemClicked.connect(self._clicked)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self.textChanged.connect(self._timer.start)
        # Typed while the data file is still opening: search as soon as it is open.
        ctx.hub.ready.connect(self._timer.start)
        self._retranslate()

    # Searching ----------------------------------------------------------------------------

    def run_search(self) -> None:
        self._timer.stop()
        text = self.text().strip()
        if not text:
            self.results.hide()
            return
        if not self._ctx.ready:
            return  # the hub's ready signal runs the search again
        hits = self._ctx.services.queries.search(text, limit=LIMIT)
        self._fill(hits)
        self._place()
        self.results.show()
        self.results.raise_()

    def _fill(self, hits: list[SearchHit]) -> None:
        self.results.clear()
        titles = {
            "account": self.tr("Accounts"),
            "contact": self.tr("Contacts"),
            "opportunity": self.tr("Opportunities"),
        }
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(max(heading_font.pointSizeF() - 1, 7))
        grey = QBrush(QColor("#6b7684"))
        for kind in KINDS:
            of_kind = [h for h in hits if h.kind == kind]
            if not of_kind:
                continue
            group = QTreeWidgetItem(self.results, [titles[kind].upper(), ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFont(0, heading_font)
            group.setForeground(0, grey)
            group.setFirstColumnSpanned(True)
            for hit in of_kind:
                item = QTreeWidgetItem(group, [hit.title, hit.subtitle])
                item.setData(0, HIT_ROLE, hit)
                item.setForeground(1, grey)
                item.setToolTip(0, f"{hit.title}\n{hit.subtitle}" if hit.subtitle else hit.title)
            group.setExpanded(True)
        if not hits:
            empty = QTreeWidgetItem(self.results, [self.tr("No matches"), ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            empty.setFirstColumnSpanned(True)
        else:
            self.results.step(1)

    def _place(self) -> None:
        corner = self.mapTo(self._window, QPoint(0, self.height() + 2))
        width = max(self.width() + 200, 520)
        width = min(width, self._window.width() - corner.x() - 8)
        rows = len(self.results.hits()) + self.results.topLevelItemCount()
        row_height = max(self.results.sizeHintForRow(0), 24) if rows else 24
        height = min(rows * row_height + 12, 440)
        self.results.setGeometry(corner.x(), corner.y(), max(width, 300), max(height, 40))

    def _open(self, item: QTreeWidgetItem | None) -> None:
        hit = item.data(0, HIT_ROLE) if item is not None else None
        if hit is None:
            return
        self.results.hide()
        self.clear()
        self.open_hit.emit(hit)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self._open(item)

    # Keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if self.results.isVisible():
            if key == Qt.Key.Key_Down:
                self.results.step(1)
                return
            if key == Qt.Key.Key_Up:
                self.results.step(-1)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():  # typed faster than the pause: search first
                    self.run_search()
                self._open(self.results.currentItem())
                return
            if key == Qt.Key.Key_Escape:
                self.results.hide()
                return
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.run_search()
            self._open(self.results.currentItem())
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        # Later, so that a click on a hit still lands before the list goes away.
        QTimer.singleShot(150, self, self._hide_unless_focused)
        super().focusOutEvent(event)

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.results.hide()

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search accounts, people, deals…  (Ctrl+F)"))
        self.setAccessibleName(self.tr("Search"))
        name_inner_buttons(self, self.tr("Clear"))
