"""Acting on the window as a rep does: typing (Chinese too), picking, answering dialogs.

Dialogs opened with ``exec()`` are answered by ``when_dialog``: it waits until the dialog is
the active modal window, then acts on it (typing, clicking OK).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

# Combo popups on the offscreen platform say these; they are not our warnings.
OFFSCREEN_POPUPS = r"This plugin does not support (grabbing the keyboard|raise\(\))"


def type_text(widget: QWidget, text: str) -> None:
    """Type like a rep: Chinese arrives as input-method commits, the rest as key presses."""
    widget.setFocus()
    for number, line in enumerate(text.split("\n")):
        if number:
            QTest.keyClick(widget, Qt.Key_Return)
        if line.isascii():
            QTest.keyClicks(widget, line)
        else:
            event = QInputMethodEvent()
            event.setCommitString(line)
            QApplication.sendEvent(widget, event)


def replace_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    elif isinstance(widget, QPlainTextEdit):
        widget.selectAll()
    type_text(widget, text)


def enter(widget: QLineEdit, text: str) -> None:
    """Replace a line's text and press Return, which saves it."""
    replace_text(widget, text)
    QTest.keyClick(widget, Qt.Key_Return)


def when_dialog(kind: type, act: Callable[[QWidget], None], timeout_ms: int = 5000) -> None:
    """Answer the next dialog of ``kind`` with ``act`` once it is showing.

    If it never shows up, nothing happens; if it shows but ``act`` leaves it open, it is
    closed after the timeout so a broken test fails instead of hanging (at once if ``act``
    raises).
    """
    waited = {"ms": 0}

    def showing() -> QWidget | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                return widget
        return None

    def check() -> None:
        dialog = showing()
        if dialog is not None and not waited.get("acted"):
            waited["acted"] = True
            try:
                act(dialog)
            except BaseException:
                dialog.reject()  # the test fails with the error instead of hanging in exec()
                raise
        if waited.get("acted") and showing() is None:
            return
        waited["ms"] += 20
        if waited["ms"] < timeout_ms:
            QTimer.singleShot(20, check)
        elif showing() is not None:
            showing().reject()  # type: ignore[union-attr]

    QTimer.singleShot(0, check)


def choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    """Open the combo's list and click the item carrying ``data``, as a rep would."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.showPopup()
    view = combo.view()
    model_index = view.model().index(index, combo.modelColumn(), view.rootIndex())
    view.scrollTo(model_index)
    QTest.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(model_index).center())
    assert combo.currentIndex() == index


def click(button) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(button, Qt.LeftButton)


def shortcut(window: QWidget, key: Qt.Key, modifiers=Qt.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """Press a window shortcut; like a rep, the window is active first (a dialog just closed)."""
    window.activateWindow()
    deadline = 100
    while QApplication.activeWindow() is not window and deadline:
        QApplication.processEvents()
        QTest.qWait(10)
        deadline -= 1
    QTest.keyClick(window, key, modifiers)


def tick(box) -> None:  # type: ignore[no-untyped-def]
    """Toggle a check box from the keyboard (Space), as a rep tabbing through the form does."""
    box.setFocus()
    QTest.keyClick(box, Qt.Key_Space)
