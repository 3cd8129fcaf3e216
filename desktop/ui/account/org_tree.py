"""The decision circle's org chart as a tree: one row per person under their manager.

Each row shows the person's name (and title as a second line), their roles in the chosen deal,
attitude, influence, communication style and last contact. Dropping a person on another makes
them report to that person; the tree itself never moves rows: it asks (``move_requested``), and
is redrawn from the database once the service has accepted the move.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.domain.coverage import CirclePerson
from desktop.domain.playbook import ROLE_KEYS

from ..accounts.view import NameDelegate
from ..formats import show_date

CONTACT_ROLE = Qt.ItemDataRole.UserRole
SECOND_LINE_ROLE = Qt.ItemDataRole.UserRole + 1
(COL_NAME, COL_ROLES, COL_ATTITUDE, COL_INFLUENCE, COL_STYLE, COL_LAST) = range(6)
ATTITUDE_COLOURS = {
    "supporter": "#2e7d32",
    "opponent": "#b3261e",
    "neutral": "#5f6b7a",
    "unknown": "#8a5a00",
}
ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
COLUMN_WIDTHS = {COL_NAME: 160, COL_ATTITUDE: 74, COL_INFLUENCE: 62, COL_STYLE: 82, COL_LAST: 86}


class RowLabels:
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
        self.setColumnCount(6)
        self.setItemDelegateForColumn(COL_NAME, NameDelegate(self))
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_ROLES, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            self.setColumnWidth(column, width)

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

    def fill(
        self, contacts: list[Any], parts: dict[int, CirclePerson], labels: RowLabels
    ) -> dict[int, QTreeWidgetItem]:
        """One item per person, under their manager; the tree is filled in one insert."""
        items = {c.id: person_item(c, parts.get(c.id), labels) for c in contacts}
        children: dict[int | None, list[int]] = {}
        for contact in contacts:  # by id, so people under a manager are in id order
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
        loose = [c.id for c in contacts if c.id not in placed]
        self.addTopLevelItems([items[i] for i in roots + loose])
        return items

    def all_items(self) -> list[QTreeWidgetItem]:
        """Every row, top to bottom level by level."""
        out: list[QTreeWidgetItem] = []
        top = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        stack = [item for item in top if item is not None]
        while stack:
            item = stack.pop(0)
            out.append(item)
            below = (item.child(i) for i in range(item.childCount()))
            stack.extend(child for child in below if child is not None)
        return out


def person_item(contact, part: CirclePerson | None, labels: RowLabels) -> QTreeWidgetItem:
    """One person's row: their columns, their id, their title as the name's second line."""
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
