"""A page that scrolls as one: text boxes and tables inside it do not swallow the wheel.

A long form holds text boxes and tables that can scroll themselves. Scrolling the page with the
wheel, the pointer passes over them; each took the wheel for itself (a box with one line too
many kept it for good), so reaching the competitors took some seventy notches. Inside a
``PageScrollArea`` such a box scrolls itself only while the rep works in it (it has the focus);
otherwise the wheel scrolls the page, as on a web page or a sheet of paper.

``page_scroll()`` is the one way a screen makes its page scroll: the account tabs, the visit
steps, the call report and visit mode all build their scroll area through it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
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


class FittingScroll(PageScrollArea):
    """Scrolls up and down only, and asks for the width its content needs: beside a splitter
    it then gets room for its fields instead of cutting them off at the right (150 %)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is not None:
            bar = self.verticalScrollBar().sizeHint().width()
            hint.setWidth(max(hint.width(), content.minimumSizeHint().width() + bar))
        return hint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # another form shown: its width may differ
        return super().eventFilter(watched, event)


def page_scroll(
    content: QWidget,
    *,
    fit_width: bool = False,
    tab_to_fields: bool = True,
    name: str | None = None,
) -> PageScrollArea:
    """A page that scrolls as one (inner boxes keep the wheel only when focused).

    ``fit_width``: up and down only, as wide as the content asks (beside a splitter).
    ``tab_to_fields``: Tab goes straight to the page's fields, never to the area itself, and
    the area scrolls to the field with the focus. ``name``: the accessible name of the page.
    """
    area = FittingScroll(content) if fit_width else PageScrollArea(content)
    if fit_width:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if tab_to_fields:
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if name is not None:
        area.setAccessibleName(name)
    return area
