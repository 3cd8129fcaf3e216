"""Fixtures for the visit-plan screens: the demo data, a UI context, and typing helpers."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from desktop.services.demo import PAST_VISIT_TITLE, UPCOMING_VISIT_TITLE, load_demo
from desktop.ui.context import UiContext


@pytest.fixture(scope="session", autouse=True)
def _cjk_font(qapp):
    from desktop.ui.fonts import install_cjk_font

    install_cjk_font(qapp)


@pytest.fixture
def demo(db, services):
    """The demo account: its id, the main opportunity and its two visits."""
    account_id = load_demo(db)
    opp = services.opportunities.for_account(account_id)[0]
    visits = {v.title: v for v in services.visits.for_opportunity(opp.id)}
    return SimpleNamespace(
        account_id=account_id,
        opp=opp,
        upcoming=visits[UPCOMING_VISIT_TITLE].id,
        past=visits[PAST_VISIT_TITLE].id,
        contacts={c.name: c for c in services.contacts.for_account(account_id)},
    )


@pytest.fixture
def ctx(services):
    return UiContext.build(services, "en")


def type_text(widget, text: str) -> None:
    """Type like a rep: Chinese arrives as input-method commits, the rest as key presses."""
    widget.setFocus()
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def replace_text(widget, text: str) -> None:
    """Select everything in the field, then type over it."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    elif isinstance(widget, QPlainTextEdit):
        widget.selectAll()
    type_text(widget, text)


def leave(widget) -> None:
    """Finish with a field the way a rep does: Return in a line, Tab out of a text box."""
    key = Qt.Key_Return if isinstance(widget, QLineEdit) else Qt.Key_Tab
    QTest.keyClick(widget, key)


@pytest.fixture
def ui():
    return SimpleNamespace(type=type_text, replace=replace_text, leave=leave)


@pytest.fixture
def open_view(qtbot, ctx):
    """Build a VisitPlanView as the main window would, shown and focused."""

    def make(visit_id: int, context: UiContext | None = None):
        from desktop.ui.visit.plan_view import VisitPlanView

        stack = QUndoStack()
        view = VisitPlanView(context or ctx, visit_id, stack)
        qtbot.addWidget(view)
        view.resize(1280, 900)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        assert QTest.qWaitForWindowActive(view)
        return view, stack

    return make


@pytest.fixture(autouse=True)
def _no_blocking_dialogs(monkeypatch):
    """A real message box would wait for a click forever; fail loudly instead."""
    from desktop.ui.msgbox import prompter

    def unexpected(*args):
        raise AssertionError(f"unexpected dialog: {args[1:]}")

    for name in ("error", "info", "confirm", "save_path", "open_path"):
        monkeypatch.setattr(prompter, name, unexpected)
