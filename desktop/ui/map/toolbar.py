"""The map screen's toolbar pieces: actions with their keys, the export menu, the warning list.

Kept apart from the screen (``widget``), which wires them to what they do; every text here is
set by the screen's ``_retranslate``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QListWidget, QMenu, QStyle, QToolButton, QWidget

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EXPORT_FORMATS = ("png", "svg", "pdf")


def keyed_action(owner: QWidget, slot: Callable[[], Any], shortcuts: Iterable[Any] = ()) -> QAction:
    """An action of ``owner`` (its keys work while the focus is inside it) calling ``slot``."""
    act = QAction(owner)
    act.triggered.connect(slot)
    if shortcuts:
        # Platforms map standard keys differently; a key listed twice would be ambiguous.
        keys = {QKeySequence(s).toString(): QKeySequence(s) for s in shortcuts}
        act.setShortcuts([k for text, k in keys.items() if text])
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    owner.addAction(act)
    return act


def export_button(
    owner: QWidget, export: Callable[[str], None]
) -> tuple[QToolButton, dict[str, QAction]]:
    """A toolbar button whose menu exports in each format, and the menu's action per format."""
    menu = QMenu(owner)
    actions: dict[str, QAction] = {}
    for fmt in EXPORT_FORMATS:
        act = menu.addAction("")
        act.triggered.connect(lambda _=False, f=fmt: export(f))
        actions[fmt] = act
    button = QToolButton(owner)
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    return button, actions


def fill_warnings(warnings: QListWidget, found: list[Any], playbook: Any, lang: str) -> None:
    """One row per coverage warning: its text, icon, advice and the person it is about."""
    style = warnings.style()
    icons = {
        "danger": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
        "caution": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
    }
    danger = QColor("#8a1c1c")
    # Added in one call and dressed in place: a large circle has a warning per person, and
    # items made here would each keep a Python object alive as long as the list.
    warnings.addItems([w.text(playbook, lang) for w in found])
    for row, w in enumerate(found):
        item = warnings.item(row)
        item.setIcon(icons.get(w.severity, icons["caution"]))
        item.setToolTip(w.advice(playbook, lang))
        item.setData(CONTACT_ID_ROLE, w.contact_id)
        if w.severity == "danger":
            item.setForeground(danger)
