"""What a screen reader and a keyboard user meet: the focusable controls of a window and the
names Qt's accessibility interface gives them.

``unnamed`` lists every control that takes the keyboard focus but would be read out without a
name; ``tab_chain`` walks the focus chain as presses of Tab do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProgressBar,
    QWidget,
)


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology reads for ``widget`` (from Qt's accessibility interface)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Name).strip() if iface is not None else ""


def accessible_description(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Description).strip() if iface is not None else ""


def _internal(widget: QWidget) -> bool:
    """A part of another control (a spin box's or combo's line edit, a view's cell editor)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return True
        if isinstance(parent, QAbstractItemView) and widget is not parent:
            # The view's own viewport and scroll bars never take the focus; an editor open in
            # a cell is read with the cell's header.
            return True
        parent = parent.parentWidget()
    return False


def focusable_controls(root: QWidget) -> list[QWidget]:
    """Every control under ``root`` (itself included) that Tab or a click can focus, and the
    lists, progress bars and buttons a screen reader lists among the controls."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        # A list, a progress bar or a button is read out even when it takes no focus (search
        # results, a line edit's clear button).
        shown = isinstance(widget, QAbstractItemView | QProgressBar | QAbstractButton)
        if not shown and widget.focusPolicy() == Qt.NoFocus:
            continue
        if not widget.isEnabledTo(root.window()):
            continue
        if widget.isWindow() and widget is not root:
            continue  # a popup or dialog of its own; surveyed when it is open
        if widget.focusProxy() is not None or _internal(widget):
            continue
        if widget.inherits("QScrollBar") or type(widget) is QWidget:
            continue
        found.append(widget)
    return found


def describe(widget: QWidget) -> str:
    parents = []
    parent = widget.parentWidget()
    while parent is not None and len(parents) < 4:
        parents.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{type(widget).__name__}({widget.objectName()!r}, text={shown!r}) in " + " < ".join(
        parents
    )


def unnamed(root: QWidget) -> list[str]:
    """The focusable controls under ``root`` that have no accessible name."""
    return [describe(w) for w in focusable_controls(root) if not accessible_name(w)]


def tab_chain(start: QWidget, presses: int) -> list[QWidget]:
    """The widgets that hold the focus after each of ``presses`` Tab presses from ``start``."""
    from PySide6.QtTest import QTest

    start.setFocus(Qt.TabFocusReason)
    QApplication.processEvents()
    visited = []
    for _ in range(presses):
        focus = QApplication.focusWidget()
        assert focus is not None, "the focus left the window"
        QTest.keyClick(focus, Qt.Key_Tab)
        QApplication.processEvents()
        visited.append(QApplication.focusWidget())
    return visited
