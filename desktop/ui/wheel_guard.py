"""The mouse wheel scrolls the page; it changes a value only in the field the rep is in.

Scrolling a long form, the pointer passes over combo boxes, spin boxes and date fields. Qt lets
each of them take the wheel (and, with its default wheel focus, the focus too), so two notches
moved a deal from stage A to C and saved it. One application-wide event filter, installed once
with the main window, stops that everywhere, dialogs included:

- such a field takes focus by click or Tab only, never by the wheel (``Qt.StrongFocus``);
- a wheel turned over it while it does not have the focus goes to the scrolling area around it,
  so the page scrolls as if the field were not there.

A field with the focus (the rep clicked into it or tabbed to it) keeps the usual behaviour.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

_VALUE_WIDGETS = (QComboBox, QAbstractSpinBox, QAbstractSlider)  # date fields are spin boxes


def _guarded(widget: QObject) -> QWidget | None:
    """The value field ``widget`` is or belongs to (a spin box's inner line edit…), if any."""
    current: QObject | None = widget
    while isinstance(current, QWidget):
        if isinstance(current, _VALUE_WIDGETS) and not isinstance(current, QScrollBar):
            return current
        if current.isWindow():
            return None
        current = current.parentWidget()
    return None


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return parent if isinstance(parent, QAbstractScrollArea) else None


class WheelGuard(QObject):
    """The event filter; see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QEvent.Type.Polish:
            field = _guarded(watched) if isinstance(watched, _VALUE_WIDGETS) else None
            if field is not None:
                _no_wheel_focus(field)
            return False
        if kind != QEvent.Type.Wheel:
            return False
        field = _guarded(watched)
        if field is None or field.hasFocus() or _popup_open(field):
            return False
        _no_wheel_focus(field)
        area = _scroll_area(field)
        if area is not None:
            wheel: QWheelEvent = event  # type: ignore[assignment]  # a Wheel event (checked above)
            viewport = area.viewport()
            forwarded = QWheelEvent(
                viewport.mapFromGlobal(wheel.globalPosition()),
                wheel.globalPosition(),
                wheel.pixelDelta(),
                wheel.angleDelta(),
                wheel.buttons(),
                wheel.modifiers(),
                wheel.phase(),
                wheel.inverted(),
                wheel.source(),
            )
            QApplication.sendEvent(viewport, forwarded)
        event.accept()
        return True  # the field never sees it


def _no_wheel_focus(field: QWidget) -> None:
    if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _popup_open(field: QWidget) -> bool:
    view = field.view() if isinstance(field, QComboBox) else None
    return view is not None and view.isVisible()


def install(app: QApplication) -> None:
    """Install the guard on ``app`` (once: the guard is the app's child, found next time)."""
    if app.findChild(WheelGuard) is None:
        app.installEventFilter(WheelGuard(app))
