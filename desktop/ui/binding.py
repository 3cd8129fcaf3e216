"""Binding form widgets to a service call: save as the rep types, show errors at the field.

A ``FormBinder`` watches its widgets. A change is saved shortly after the rep stops typing, when
the field loses focus, when a choice is picked, or when ``flush()`` is called (before the view
changes or the window closes). A refused value stays in the field, marked, with the message
beside it — nothing is lost and nothing half-saved. Each field stands on its own: a refused
field stays pending (and is tried again at each flush) while every other changed field of the
form is saved; the mark goes as soon as the field holds a value that is saved or is back to the
stored one. ``problems()`` says what is still not saved, for the status bar. Each saved change
is pushed on the undo stack with the values it replaced.

A save the environment refuses (disk full, read-only or missing folder, the file locked by
another program for too long: a ``StoreError``) is treated the same way: the text stays on
screen, the plain message is shown at the field and through ``failed``, the change stays
pending, and it is tried again after ``RETRY_MS`` or at the next ``flush()``.

Each save (and each undo or redo of one) runs as its ``initiator``: the change the service
announces carries that token, so the screen owning the form can skip reloading what the form
already shows, while every other screen showing the value redraws.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.domain.messages import Message
from desktop.domain.validation import ValidationError
from desktop.errors import StoreError
from desktop.services.events import ScreenToken, initiated_by

from .formats import show_date, show_datetime
from .undo import FieldEdit

TYPING_PAUSE_MS = 700
RETRY_MS = 5000  # after a refused save (disk full, locked…), try again this much later
INVALID_STYLE = "border: 1px solid #c62828; background: #fff5f5;"


def display(value: Any) -> str:
    """How a stored value is shown in a text field."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return show_datetime(value)
    if isinstance(value, date):
        return show_date(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return str(value)


def _is_value_widget(widget: QWidget) -> bool:
    """A composite editor (checklist, ranked list, grid) offering value(), set_value(v) and an
    ``edited`` signal; it is saved as soon as it reports an edit."""
    return all(hasattr(widget, a) for a in ("value", "set_value", "edited")) and not isinstance(
        widget, QLineEdit | QPlainTextEdit | QComboBox | QCheckBox
    )


class FormBinder(QObject):
    """Keeps a set of widgets and one record in step."""

    saved = Signal(dict)  # the changes just saved
    failed = Signal(str)  # a message for the status bar

    def __init__(
        self,
        save: Callable[[dict[str, Any]], Any],
        undo_stack: QUndoStack | None,
        lang: Callable[[], str],
        parent: QObject | None = None,
        description: str = "",
        place: Callable[[], str] | None = None,
        initiator: ScreenToken | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.initiator = initiator or ScreenToken(description or "form")
        self._undo = undo_stack
        self._lang = lang
        self._description = description
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._values: dict[str, Any] = {}  # what the database holds, as last loaded or saved
        self._loading = False
        self._pending: set[str] = set()  # changed on screen, not yet saved
        self._refused: dict[str, Message] = {}  # refused by the service: why (still pending)
        self._store_failed: dict[str, str] = {}  # the save failed (disk full…): why
        self._place = place
        self._finished: str | None = None  # the field whose Return or leaving is saving now
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush)

    # Wiring ---------------------------------------------------------------------------------

    def bind(self, name: str, widget: QWidget, error_label: QLabel | None = None) -> None:
        if not self._widgets:
            # Field messages follow the interface language: the first field tells us when
            # it changes (a QObject that is not a widget gets no LanguageChange of its own).
            widget.installEventFilter(self)
        self._widgets[name] = widget
        if error_label is not None:
            error_label.setWordWrap(True)
            error_label.setStyleSheet("color: #c62828;")
            error_label.hide()
            self._errors[name] = error_label
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _t, n=name: self._touched(n))
            widget.editingFinished.connect(lambda n=name: self._commit_now(n))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda n=name: self._touched(n))
            widget.installEventFilter(self)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(lambda _i, n=name: self._commit_now(n))
        elif isinstance(widget, QCheckBox):
            widget.clicked.connect(lambda _c, n=name: self._commit_now(n))
        elif _is_value_widget(widget):
            widget.edited.connect(lambda n=name: self._commit_now(n))  # type: ignore[attr-defined]  # a value widget: duck-typed
        else:
            raise TypeError(f"cannot bind {type(widget).__name__}")

    def widget(self, name: str) -> QWidget:
        return self._widgets[name]

    def stored(self, name: str) -> Any:
        """The value the database holds for ``name``, as last loaded or saved."""
        return self._values.get(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and self._refused:
            QTimer.singleShot(0, self, self.retranslate)
        if event.type() == QEvent.Type.FocusOut:
            for name, widget in self._widgets.items():
                if widget is watched and name in self._pending:
                    self._commit_now(name)
        return False

    # Values ---------------------------------------------------------------------------------

    def load(self, record: Any, force: bool = False) -> None:
        """Show ``record``'s values; a field the rep is still editing keeps their text."""
        self._loading = True
        try:
            for name, widget in self._widgets.items():
                value = getattr(record, name)
                self._values[name] = value
                if name in self._pending and not force:
                    continue
                self._show(widget, value)
                self._refused.pop(name, None)
                self._store_failed.pop(name, None)
                self._show_errors(name)
        finally:
            self._loading = False

    @staticmethod
    def _show(widget: QWidget, value: Any) -> None:
        if isinstance(widget, QLineEdit):
            if widget.text() != display(value):
                widget.setText(display(value))
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != display(value):
                widget.setPlainText(display(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else 0)
        elif isinstance(widget, QCheckBox):
            if widget.isTristate():
                state = {
                    True: Qt.CheckState.Checked,
                    False: Qt.CheckState.Unchecked,
                    None: Qt.CheckState.PartiallyChecked,
                }
                widget.setCheckState(state[value])
            else:
                widget.setChecked(bool(value))
        elif _is_value_widget(widget):
            widget.set_value(value)  # type: ignore[attr-defined]  # a value widget: duck-typed

    @staticmethod
    def _read(widget: QWidget) -> Any:
        if _is_value_widget(widget):
            return widget.value()  # type: ignore[attr-defined]  # a value widget: duck-typed
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            if widget.isTristate() and widget.checkState() == Qt.CheckState.PartiallyChecked:
                return None
            return widget.isChecked()
        raise TypeError(type(widget).__name__)

    # Saving ---------------------------------------------------------------------------------

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def problems(self) -> list[str]:
        """What is not saved, in the rep's language: one line per refused field."""
        lang = self._lang()
        out = []
        for name in self._widgets:
            if name in self._refused:
                out.append(self._refused[name].text(lang))
            elif name in self._store_failed:
                out.append(self._store_failed[name])
        return list(dict.fromkeys(out))

    def place(self) -> str:
        """Where the form is (a tab, a deal), for the status bar; empty if not told."""
        return self._place() if self._place is not None else ""

    def _touched(self, name: str) -> None:
        if self._loading:
            return
        self._pending.add(name)
        self._timer.start()

    def _commit_now(self, name: str) -> None:
        if self._loading:
            return
        self._pending.add(name)
        self._finished = name  # the rep is done with it (Return, leaving): show it tidied
        try:
            self.flush()
        finally:
            self._finished = None

    def flush(self) -> bool:
        """Save every pending change now; False if a field was refused or the save failed.

        Each field stands on its own: the fields the service refuses stay on screen, marked
        and pending, and every other changed field is saved all the same. A refused value
        never blocks, delays or wipes the valid edits made beside it.
        """
        self._timer.stop()
        if not self._pending:
            return True
        new = {n: self._read(self._widgets[n]) for n in sorted(self._pending)}
        was_refused = bool(self._refused or self._store_failed)
        for n in [n for n in new if display(new[n]) == display(self._values.get(n))]:
            # Back to what the database holds (a refused value corrected by hand to the
            # stored one): nothing to save, and nothing wrong any more.
            del new[n]
            self._pending.discard(n)
            self._refused.pop(n, None)
            self._store_failed.pop(n, None)
            self._show_errors(n)
        refused: dict[str, Message] = {}
        saved_any = False
        while new:
            # What the fields held before: the save's change notice may reload this form.
            old = {n: self._values.get(n) for n in new}
            try:
                with initiated_by(self.initiator):
                    result = self._save(new)
            except ValidationError as exc:
                named = {e.field: e.message for e in reversed(exc.errors) if e.field in new}
                if not named:
                    # A rule about fields not in this change (or about no field): the change
                    # cannot be split further, so every field in it is refused with the reason.
                    for n in new:
                        refused[n] = exc.errors[0].message  # a ValidationError names one
                    break
                refused.update(named)
                new = {n: v for n, v in new.items() if n not in named}
                continue
            except StoreError as exc:
                # Nothing was written (the transaction rolled back): keep every change pending
                # and on screen, say why, and try again later.
                for n in new:
                    self._store_failed[n] = str(exc)
                    self._show_errors(n)
                self._mark_refused(refused)
                self.failed.emit(str(exc))
                self._retry.start()
                return False
            self._accept(old, new, result)
            saved_any = True
            break
        self._mark_refused(refused)
        if refused:
            self.failed.emit(" ".join(m.text(self._lang()) for m in refused.values()))
            return False
        self._retry.stop()
        if was_refused and not (self._refused or self._store_failed) and not saved_any:
            self.saved.emit({})  # nothing to write, but nothing is unsaved any more either
        return True

    def _accept(self, old: dict[str, Any], new: dict[str, Any], result: Any) -> None:
        """``new`` is saved over ``old``: remember it, clear its marks, offer its undo, tell
        the window."""
        stored = {n: getattr(result, n, new[n]) for n in new} if result is not None else new
        self._values.update(stored)
        for n in new:
            self._pending.discard(n)
            self._refused.pop(n, None)
            self._store_failed.pop(n, None)
            self._show_errors(n)
        self._show_normalised(stored)
        if self._undo is not None:
            self._undo.push(FieldEdit(self._description, self._replay, old, stored))
        self.saved.emit(stored)

    def _mark_refused(self, refused: dict[str, Message]) -> None:
        """Refused fields stay pending (tried again at the next flush) and marked."""
        for n, message in refused.items():
            self._refused[n] = message
            self._store_failed.pop(n, None)
            self._show_errors(n)

    def reshow(self) -> None:
        """Show the stored values of line fields again (after a language change: dates change
        their form); a field with unsaved typing keeps it."""
        self._loading = True
        try:
            for name, widget in self._widgets.items():
                if isinstance(widget, QLineEdit) and name in self._values:
                    if name not in self._pending:
                        self._show(widget, self._values[name])
        finally:
            self._loading = False

    def _show_normalised(self, stored: dict[str, Any]) -> None:
        """Show what was stored ("1.2亿" → "120,000,000") in the fields the rep is done with
        (left, or pressed Return in); a field saved during a typing pause keeps its text."""
        self._loading = True
        try:
            for name, value in stored.items():
                widget = self._widgets[name]
                done = name == self._finished or not widget.hasFocus()
                if isinstance(widget, QLineEdit) and done:
                    self._show(widget, value)
        finally:
            self._loading = False

    def _replay(self, values: dict[str, Any]) -> None:
        """Undo/redo: save the values, then show them."""
        try:
            with initiated_by(self.initiator):
                result = self._save(values)
        except StoreError as exc:
            self.failed.emit(str(exc))
            return
        self._values.update(values)
        self._loading = True
        try:
            for name, value in values.items():
                shown = getattr(result, name, value) if result is not None else value
                self._show(self._widgets[name], shown)
                self._pending.discard(name)
                self._refused.pop(name, None)
                self._store_failed.pop(name, None)
                self._show_errors(name)
        finally:
            self._loading = False
        self.saved.emit(values)

    def _show_errors(self, name: str) -> None:
        """Mark ``name`` as its state says, and its error line with every problem it shows.

        Two fields can share one error line (an amount and its currency): the line lists the
        problems of both, and hides only when neither has one.
        """
        lang = self._lang()

        def problem(n: str) -> str:
            if n in self._refused:
                return self._refused[n].text(lang)
            return self._store_failed.get(n, "")

        widget = self._widgets.get(name)
        message = problem(name)
        # A composite editor shows its message in the label only: a style sheet on it would
        # draw a red border round every child.
        if widget is not None and not _is_value_widget(widget):
            if message:
                widget.setStyleSheet(INVALID_STYLE)
                widget.setToolTip(message)
            elif widget.styleSheet():
                widget.setStyleSheet("")
                widget.setToolTip("")
        label = self._errors.get(name)
        if label is None:
            return
        sharing = [n for n, other in self._errors.items() if other is label]
        texts = list(dict.fromkeys(t for t in (problem(n) for n in sharing) if t))
        if texts:
            label.setText(" ".join(texts))
            label.show()
        else:
            label.clear()
            label.hide()

    def retranslate(self) -> None:
        """Show the messages of refused fields again, in the language now chosen."""
        for name in self._refused:
            self._show_errors(name)
