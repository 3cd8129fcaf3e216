"""Issue 12: a property-based (Hypothesis stateful) test of the form binding, on the Profile tab.

A rep types valid and refused values across the fields, moves the focus, undoes and redoes,
saves now (Ctrl+S) and closes the window at random moments. Whenever everything typed has been
flushed the database holds, for each field, the last value that was accepted; a refused value
stays on screen, marked, and the status bar says it is not saved; whatever the status bar calls
saved is in the database; undo and redo move between values that were accepted, and the screen
always shows what is stored.

What is accepted is asked of the services' own field rules (``fields.clean``), so the test holds
whatever the parsers accept or refuse. A save the typing pause triggers on its own may land at
any moment; the checks allow for it: a refused field's stored value is one of the values it was
given since the last flush, and is exact whenever the field's text is accepted.
"""

from __future__ import annotations

import itertools
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from ui_actions import OFFSCREEN_POPUPS

from desktop.domain.validation import ValidationError
from desktop.services import fields as field_rules
from desktop.store.models import Account

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)

# What a rep might type into each field: valid values, refused ones, empty, Chinese.
TEXTS: dict[str, list[str]] = {
    "name": ["Acme", "Acme Group", "宁波精密机械", ""],
    "city": ["Shanghai", "宁波", ""],
    "headcount": ["800", "1,250", "lots", "12", ""],
    "annual_revenue": ["120000000", "xyz", "86,000,000", ""],
    "category_spend": ["5000000", "a lot", ""],
    "main_business": ["Industrial pumps", "泵和阀门\nValves", ""],
}
FIELDS = sorted(TEXTS)
SAVED = "All changes saved"


def accepted(name: str, text: str, playbook) -> tuple[bool, Any]:  # type: ignore[no-untyped-def]
    """(True, stored value) if the services accept ``text`` for ``name``, else (False, None)."""
    try:
        return True, field_rules.clean(Account, field_rules.ACCOUNT, {name: text}, playbook)[name]
    except ValidationError:
        return False, None


def shown(widget: QWidget) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()  # type: ignore[attr-defined]


def type_over(widget: QWidget, text: str) -> None:
    """Select the field's text and type over it; the text arrives as one input-method commit
    (as Chinese does), so no typing pause falls in the middle of a word."""
    widget.setFocus()
    widget.selectAll()  # type: ignore[attr-defined]
    if text:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)
    else:
        QTest.keyClick(widget, Qt.Key_Delete)


class ProfileEditing(RuleBasedStateMachine):
    def __init__(self, qtbot, make_services) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.qtbot = qtbot
        self.services = make_services()
        self.account_id = self.services.accounts.create(name="Acme").id
        stored = self.services.accounts.get(self.account_id)
        # Per field: what is on screen, every value ever accepted, and what the database may
        # hold right now (one value once flushed; several while a typed edit may have been
        # saved by the typing pause or not).
        self.text = {n: shown_value(getattr(stored, n)) for n in FIELDS}
        self.history = {n: {getattr(stored, n)} for n in FIELDS}
        self.may_hold = {n: {getattr(stored, n)} for n in FIELDS}
        self.window = None
        self._open()

    # The window ---------------------------------------------------------------------------

    def _open(self) -> None:
        from desktop.ui.context import UiContext
        from desktop.ui.main_window import MainWindow

        self.window = MainWindow(UiContext.build(self.services, "en"))
        self.window.resize(1100, 700)
        self.window.show()
        self.qtbot.waitExposed(self.window)
        self.page = self.window.open_account(self.account_id)
        self.fields = self.page.profile.fields
        self.errors = self.page.profile.facts.errors

    def _close(self) -> None:
        """Quit; a refused value still on screen is discarded when the window asks."""
        from desktop.ui.msgbox import prompter

        original = prompter.confirm
        prompter.confirm = lambda *_args: True  # "Close anyway and discard that change?"
        try:
            self.window.close()
        finally:
            prompter.confirm = original
        self.window.deleteLater()
        self.window = None
        self.qtbot.wait(1)

    def teardown(self) -> None:
        try:
            if self.window is not None:
                self._close()  # closing saves what is typed, as at any other moment
                self._settle_after_flush()
        finally:
            self.services.db.close()

    # Rules ----------------------------------------------------------------------------------

    @rule(data=st.data(), name=st.sampled_from(FIELDS))
    def type_text(self, data, name: str) -> None:  # type: ignore[no-untyped-def]
        """Type over a field and leave it as it is (pending, or saved by the typing pause)."""
        text = data.draw(st.sampled_from(TEXTS[name]))
        type_over(self.fields[name], text)
        self.text[name] = text
        ok, value = accepted(name, text, self.services.playbook)
        if ok:
            self.may_hold[name].add(value)
            self.history[name].add(value)

    @rule(data=st.data(), name=st.sampled_from([n for n in FIELDS if n != "main_business"]))
    def enter_text(self, data, name: str) -> None:  # type: ignore[no-untyped-def]
        """Type over a single-line field and press Return, which saves the form."""
        text = data.draw(st.sampled_from(TEXTS[name]))
        type_over(self.fields[name], text)
        QTest.keyClick(self.fields[name], Qt.Key_Return)
        self.text[name] = text
        ok, value = accepted(name, text, self.services.playbook)
        if ok:
            self.may_hold[name].add(value)
            self.history[name].add(value)

    @rule(name=st.sampled_from(FIELDS))
    def move_focus(self, name: str) -> None:
        """Click into another field (leaving one saves it)."""
        self.fields[name].setFocus()

    @rule()
    def save_now(self) -> None:
        """Ctrl+S: every pending edit is saved now; then everything is checked."""
        self.window.save_action.trigger()
        self._check_flushed()

    @rule()
    def undo(self) -> None:
        self._check_undo_redo(self.window.undo_action)

    @rule()
    def redo(self) -> None:
        self._check_undo_redo(self.window.redo_action)

    @rule()
    def undo_then_redo(self) -> None:
        """Undo and redo together change nothing."""
        self.window.flush_all()
        self._check_flushed()
        before = self._stored()
        if not self.window.undo_stack.canUndo():
            return
        self.window.undo_action.trigger()
        self.window.redo_action.trigger()
        assert self._stored() == before
        self._after_replay()

    @rule(now=st.integers(0, 3))
    def close_and_reopen(self, now: int) -> None:
        """Quit (discarding refused values when asked) and start again on the same data.

        Only one time in four: reopening is the slowest step, and the others need the room.
        """
        if now:
            return
        self._close()
        self._settle_after_flush()
        self._open()
        stored = self.services.accounts.get(self.account_id)
        for name in FIELDS:
            self.text[name] = shown_value(getattr(stored, name))
            assert shown(self.fields[name]) == self.text[name], name
            assert not self.errors[name].isVisible(), name

    # Checks ---------------------------------------------------------------------------------

    @invariant()
    def screen_keeps_what_was_typed(self) -> None:
        if self.window is None:
            return
        for name in FIELDS:
            on_screen = shown(self.fields[name])
            if on_screen != self.text[name]:
                # Once saved, a field may show the value back as stored ("1,250" as "1250").
                ok, value = accepted(name, self.text[name], self.services.playbook)
                assert ok and on_screen == shown_value(value), (name, self.text[name], on_screen)

    def _stored(self) -> dict[str, Any]:
        stored = self.services.accounts.get(self.account_id)
        return {n: getattr(stored, n) for n in FIELDS}

    def _settle_after_flush(self) -> None:
        """Everything typed was flushed: each accepted text is stored exactly, each refused
        field holds a value it was given since the last flush."""
        stored = self._stored()
        for name in FIELDS:
            ok, value = accepted(name, self.text[name], self.services.playbook)
            if ok:
                assert stored[name] == value, (name, self.text[name], stored[name])
            else:
                assert stored[name] in self.may_hold[name], (name, stored[name])
            self.history[name].add(stored[name])
            self.may_hold[name] = {stored[name]}

    def _check_flushed(self) -> None:
        self._settle_after_flush()
        refused = [n for n in FIELDS if not accepted(n, self.text[n], self.services.playbook)[0]]
        status = self.window.save_label.text()
        for name in FIELDS:
            assert self.errors[name].isVisible() == (name in refused), name
        if refused:
            assert status.startswith("Not saved"), status
            assert status != SAVED
        elif status:
            assert status == SAVED, status
        if status == SAVED:  # nothing the status bar calls saved is missing
            stored = self._stored()
            for name in FIELDS:
                assert stored[name] == accepted(name, self.text[name], self.services.playbook)[1]

    def _check_undo_redo(self, action) -> None:  # type: ignore[no-untyped-def]
        self.window.flush_all()  # what the window does before undo/redo
        self._check_flushed()
        action.trigger()
        self._after_replay()

    def _after_replay(self) -> None:
        """After undo/redo each field shows what is stored, a value it once had, unmarked; or
        still holds its refused text, marked."""
        stored = self._stored()
        for name in FIELDS:
            assert stored[name] in self.history[name], (name, stored[name])
            on_screen = shown(self.fields[name])
            if self.errors[name].isVisible():
                assert on_screen == self.text[name]
                assert not accepted(name, on_screen, self.services.playbook)[0]
            else:
                # What is shown means what is stored ("120000000" or "120,000,000").
                ok, value = accepted(name, on_screen, self.services.playbook)
                assert ok and value == stored[name], (name, on_screen, stored[name])
                self.text[name] = on_screen
            self.may_hold[name] = {stored[name]}


def shown_value(value: Any) -> str:
    from desktop.ui.binding import display

    return display(value)


def test_the_profile_keeps_every_accepted_edit(qtbot, tmp_path):
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.store.database import open_database

    folders = itertools.count()

    def make_services():  # type: ignore[no-untyped-def]
        path = tmp_path / f"run{next(folders)}" / "callbrief.sqlite3"
        return Services.build(open_database(path), default_playbook())

    run_state_machine_as_test(
        lambda: ProfileEditing(qtbot, make_services),
        settings=settings(
            max_examples=int(os.environ.get("BINDING_EXAMPLES", "30")),
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
