"""A page that scrolls as one: text boxes and tables inside it do not swallow the wheel.

A long form holds text boxes and tables that can scroll themselves. Scrolling the page with the
wheel, the pointer passes over them; each took the wheel for itself (a box with one line too
many kept it for good), so reaching the competitors took some seventy notches. Inside a
``PageScrollArea`` such a box scrolls itself only while the rep works in it (it has the focus);
otherwise the wheel scrolls the page, as on a web page or a sheet of paper.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QFrame, QScrollArea, QWidget

_GUARDED = "_callbriefPageWheel"


class _PageWheel(QObject):
    """Sends the wheel of an unfocused inner scroller to the page's scroll bar."""

    def __init__(self, page: QScrollArea) -> None:
        super().__init__(page)
        self._page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.Wheel or not isinstance(event, QWheelEvent):
            return False
        inner = watched.parent()  # the viewport's or the scroll bar's scroller
        while inner is not None and not isinstance(inner, QAbstractScrollArea):
            inner = inner.parent()
        if (
            inner is None
            or inner.hasFocus()
            or event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            return False  # the rep is working in it, or zooming: its own wheel
        QApplication.sendEvent(self._page.verticalScrollBar(), event)
        return True


class PageScrollArea(QScrollArea):
    """A scroll area for a whole page; ``guard()`` after adding content built later."""

    def __init__(self, content: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._wheel = _PageWheel(self)
        if content is not None:
            self.setWidget(content)

    def guard(self) -> None:
        """Pass the wheel of every scroller inside the page to the page (idempotent)."""
        content = self.widget()
        if content is None:
            return
        for inner in content.findChildren(QAbstractScrollArea):
            for part in (inner.viewport(), inner.verticalScrollBar(), inner.horizontalScrollBar()):
                if not part.property(_GUARDED):
                    part.installEventFilter(self._wheel)
                    part.setProperty(_GUARDED, True)

    def showEvent(self, event) -> None:  # noqa: N802
        self.guard()  # content built since it was last shown
        super().showEvent(event)
