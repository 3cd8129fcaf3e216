"""Typed walks over a QTreeWidget's items.

Qt's ``topLevelItem(i)`` and ``child(i)`` answer None for an index out of range, so their
annotations say ``QTreeWidgetItem | None``; walking ``range(count)`` never meets that None.
These helpers walk that way once and hand back plain lists of items.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def top_level_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The tree's top-level items, in order."""
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item for item in items if item is not None]


def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The item's direct children, in order."""
    children = (item.child(i) for i in range(item.childCount()))
    return [child for child in children if child is not None]
