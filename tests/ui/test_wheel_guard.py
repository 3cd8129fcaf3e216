"""Issue 12, defect 2: the mouse wheel scrolls a form; it never turns a field the rep is not in.

The wheel events are real QWheelEvents delivered through the application, as the window system
would deliver them, over a combo box, a spin box and a date field inside scrolling pages.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ui_actions import OFFSCREEN_POPUPS

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)

NOTCH = 120  # one notch of a mouse wheel, in eighths of a degree


def wheel(widget: QWidget, notches: int = -1) -> None:
    """Turn the wheel over the middle of ``widget`` (negative: towards the rep, page down)."""
    local = QPointF(widget.rect().center())
    event = QWheelEvent(
        local,
        QPointF(widget.mapToGlobal(local.toPoint())),
        QPoint(0, 0),
        QPoint(0, notches * NOTCH),
        Qt.NoButton,
        Qt.NoModifier,
        Qt.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def enclosing_scroll_area(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def test_wheel_over_a_profile_combo_scrolls_the_page_and_changes_nothing(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    window.resize(1000, 420)  # the profile no longer fits: its page scrolls
    page = window.open_account(account.id)
    combo = page.profile.fields["customer_type"]
    qtbot.waitUntil(combo.isVisible)
    page.profile.fields["name"].setFocus()
    area = enclosing_scroll_area(combo)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    before = combo.currentIndex()

    wheel(combo, -2)

    assert combo.currentIndex() == before
    assert services.accounts.get(account.id).customer_type is None
    assert window.undo_stack.count() == 0
    assert bar.value() > 0  # the page scrolled instead
    assert combo.focusPolicy() == Qt.StrongFocus  # the wheel cannot give it the focus either


def test_wheel_over_the_stage_of_a_deal_leaves_the_stage(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    opp = services.opportunities.create(account.id, name="Pumps")
    window.resize(1000, 420)
    page = window.open_account(account.id)
    page.show_tab(2)
    form = page.opportunities.form(opp.id)
    stage = form.stage
    qtbot.waitUntil(stage.isVisible)
    form.fields["name"].setFocus()
    bar = enclosing_scroll_area(stage).verticalScrollBar()
    bar.setValue(0)
    stored = services.opportunities.get(opp.id).stage

    wheel(stage, -2)
    wheel(stage, -2)

    assert services.opportunities.get(opp.id).stage == stored
    assert stage.key() == stored
    assert bar.value() > 0


def test_a_focused_combo_still_takes_the_wheel(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    page = window.open_account(account.id)
    combo = page.profile.fields["customer_type"]
    qtbot.waitUntil(combo.isVisible)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    before = combo.currentIndex()
    wheel(combo, -1)
    assert combo.currentIndex() == before + 1
    assert services.accounts.get(account.id).customer_type == combo.currentData()


def test_spin_boxes_and_date_fields_in_any_window_ignore_the_wheel_unless_focused(qtbot, window):
    dialog = QWidget()  # a window of its own, as a dialog is
    qtbot.addWidget(dialog)
    content = QWidget()
    rows = QVBoxLayout(content)
    spin, date = QSpinBox(), QDateEdit(QDate(2027, 3, 15))
    spin.setValue(5)
    rows.addWidget(spin)
    rows.addWidget(date)
    rows.addSpacing(2000)
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    QVBoxLayout(dialog).addWidget(area)
    dialog.resize(300, 200)
    dialog.show()
    qtbot.waitExposed(dialog)

    wheel(spin, 3)  # up: would add 3
    wheel(date, 1)
    assert spin.value() == 5 and date.date() == QDate(2027, 3, 15)

    wheel(spin.findChild(QWidget), -3)  # over its inner text field, still the spin box
    assert spin.value() == 5
    assert area.verticalScrollBar().value() > 0
