"""The form binder: typing saves, bad input is marked at the field, undo restores."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.binding import FormBinder


def make_form(qtbot, services, account_id):
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    name, headcount, error = QLineEdit(), QLineEdit(), QLabel()
    for w in (name, headcount, error):
        layout.addWidget(w)
    stack = QUndoStack(form)
    binder = FormBinder(
        lambda values: services.accounts.update(account_id, **values), stack, lambda: "en", form
    )
    binder.bind("name", name)
    binder.bind("headcount", headcount, error)
    binder.load(services.accounts.get(account_id))
    form.show()
    return form, binder, stack, name, headcount, error


def test_typing_then_leaving_the_field_saves(qtbot, services):
    account = services.accounts.create(name="Acme", headcount=10)
    form, binder, stack, name, headcount, error = make_form(qtbot, services, account.id)
    headcount.setFocus()
    headcount.selectAll()
    qtbot.keyClicks(headcount, "1,250")
    qtbot.keyClick(headcount, Qt.Key_Return)
    assert services.accounts.get(account.id).headcount == 1250
    assert stack.count() == 1


def test_bad_value_is_kept_and_explained_and_nothing_is_saved(qtbot, services):
    account = services.accounts.create(name="Acme", headcount=10)
    form, binder, stack, name, headcount, error = make_form(qtbot, services, account.id)
    headcount.setFocus()
    headcount.selectAll()
    qtbot.keyClicks(headcount, "lots")
    qtbot.keyClick(headcount, Qt.Key_Return)
    assert headcount.text() == "lots"
    assert error.isVisible() and "whole number" in error.text()
    assert services.accounts.get(account.id).headcount == 10
    assert stack.count() == 0


def test_undo_and_redo_write_through(qtbot, services):
    account = services.accounts.create(name="Acme")
    form, binder, stack, name, headcount, error = make_form(qtbot, services, account.id)
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Acme Group")
    qtbot.keyClick(name, Qt.Key_Return)
    assert services.accounts.get(account.id).name == "Acme Group"
    stack.undo()
    assert services.accounts.get(account.id).name == "Acme"
    assert name.text() == "Acme"
    stack.redo()
    assert services.accounts.get(account.id).name == "Acme Group"


def test_pause_in_typing_saves_without_leaving_the_field(qtbot, services):
    account = services.accounts.create(name="Acme")
    form, binder, stack, name, headcount, error = make_form(qtbot, services, account.id)
    name.setFocus()
    qtbot.keyClicks(name, " Ltd")
    qtbot.waitUntil(lambda: services.accounts.get(account.id).name == "Acme Ltd", timeout=3000)
