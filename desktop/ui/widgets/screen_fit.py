"""Sizing a window to the screen it opens on, so its buttons never end up off screen.

A dialog asks for the size it would like; on a small laptop screen (1366×768, less the panel)
it gets what is available instead, and its content scrolls while the buttons stay visible.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for the window frame (title bar and borders) that the size does not include.
FRAME_ALLOWANCE = QSize(16, 48)


def available_rect(widget: QWidget) -> QRect:
    """The usable area (without task bars) of the screen ``widget`` or its parent is on."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> QSize:
    """Resize ``widget`` to ``width``×``height``, or to what the screen has room for."""
    room = available_rect(widget).size() - FRAME_ALLOWANCE
    size = QSize(min(width, room.width()), min(height, room.height()))
    widget.resize(size)
    return size
