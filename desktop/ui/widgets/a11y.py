"""Accessible names from the labels a rep sees, kept in step with their text.

Qt reads a field's name from its buddy label only when the label is the field's sibling; our
form rows put each field in a box with its error line, so the screen reader found no name.
``FieldLabel`` is the row label that names its buddy itself, whenever its text or buddy changes
(a retranslate sets the text again, so the name follows the language). ``auto_name`` gives a
field without a label a fallback name (its placeholder); a name set explicitly by a screen is
never overwritten by either. ``tab_to_toolbar`` puts a toolbar's buttons in the Tab order, and
``name_inner_buttons`` names the buttons Qt adds inside controls.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAccessible, Qt, QTextDocumentFragment  # Qt.mightBeRichText
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton, QWidget

AUTO_NAME = "callbriefAutoName"  # the name last given automatically, to tell it from explicit


def plain(text: str) -> str:
    """A label's text as it is read out: no markup, mnemonic ampersands or trailing colon."""
    if Qt.mightBeRichText(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = re.sub(r"&(.)", r"\1", text)
    return " ".join(text.split()).rstrip(":：").strip()


def auto_name(widget: QWidget, name: str) -> None:
    """Name ``widget`` unless a screen named it explicitly."""
    current = widget.accessibleName()
    if current and current != widget.property(AUTO_NAME):
        return
    name = plain(name)
    widget.setAccessibleName(name)
    widget.setProperty(AUTO_NAME, name)


class FieldLabel(QLabel):
    """A form row's label: its buddy's accessible name is always the label's text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self._name_buddy()

    def setBuddy(self, buddy: QWidget) -> None:  # noqa: N802 - Qt API
        super().setBuddy(buddy)
        self._name_buddy()

    def _name_buddy(self) -> None:
        buddy: QWidget | None = self.buddy()
        if buddy is not None and buddy.focusProxy() is not None:
            buddy = buddy.focusProxy()  # a row of several fields: the label names the first
        if buddy is not None and self.text():
            auto_name(buddy, self.text())


def tab_to_toolbar(toolbar: QToolBar) -> None:
    """Let Tab reach the toolbar's buttons. Qt's toolbars take no focus, which leaves an action
    without a shortcut (Export to calendar, the map's Export menu) out of a keyboard's reach."""
    for button in toolbar.findChildren(QToolButton):
        if button.objectName() != "qt_toolbar_ext_button":
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)


def name_inner_buttons(parent: QWidget, name: str) -> None:
    """Name the buttons Qt puts inside a control without a name: a line edit's clear button,
    a toolbar's » for what does not fit. Buttons that have a name (their text) keep it."""
    for button in parent.findChildren(QToolButton):
        iface = QAccessible.queryAccessibleInterface(button)
        unnamed = iface is None or not iface.text(QAccessible.Text.Name).strip()
        if unnamed or button.property(AUTO_NAME) == button.accessibleName():
            auto_name(button, name)
