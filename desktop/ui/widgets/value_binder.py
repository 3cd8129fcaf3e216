"""Binding widgets FormBinder does not know (checklists, the qualification grid) to a save.

Same contract as ``desktop.ui.binding.FormBinder``: a change is saved at once, a refused value
stays on screen with the message at the field, and each saved change goes on the undo stack.
A bound widget offers ``value()``, ``set_value(v)`` and an ``edited`` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.validation import ValidationError

from ..undo import FieldEdit


class ValueBinder(QObject):
    saved = Signal(dict)
    failed = Signal(str)

    def __init__(
        self,
        save: Callable[[dict[str, Any]], Any],
        undo_stack: QUndoStack | None,
        lang: Callable[[], str],
        parent: QObject | None = None,
        description: str = "",
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._undo = undo_stack
        self._lang = lang
        self._description = description
        self._widgets: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._values: dict[str, Any] = {}
        self._pending: set[str] = set()
        self._loading = False

    def bind(self, name: str, widget: QWidget, error_label: QLabel | None = None) -> None:
        self._widgets[name] = widget
        if error_label is not None:
            error_label.setWordWrap(True)
            error_label.setStyleSheet("color: #c62828;")
            error_label.hide()
            self._errors[name] = error_label
        widget.edited.connect(lambda n=name: self._edited(n))  # type: ignore[attr-defined]

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def load(self, record: Any) -> None:
        self._loading = True
        try:
            for name, widget in self._widgets.items():
                value = getattr(record, name)
                self._values[name] = value
                if name not in self._pending:
                    widget.set_value(value)  # type: ignore[attr-defined]
        finally:
            self._loading = False

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self._pending.add(name)
        self.flush()

    def flush(self) -> bool:
        if not self._pending:
            return True
        names = sorted(self._pending)
        new = {n: self._widgets[n].value() for n in names}  # type: ignore[attr-defined]
        old = {n: self._values.get(n) for n in names}
        if new == old:
            self._pending.clear()
            return True
        try:
            self._save(new)
        except ValidationError as exc:
            by_field = exc.by_field(self._lang())
            for field, message in by_field.items():
                label = self._errors.get(field)
                if label is not None:
                    label.setText(message)
                    label.show()
            self.failed.emit(exc.text(self._lang()))
            return False
        self._pending.clear()
        self._values.update(new)
        for n in names:
            if n in self._errors:
                self._errors[n].hide()
        if self._undo is not None:
            self._undo.push(FieldEdit(self._description, self._replay, old, new))
        self.saved.emit(new)
        return True

    def _replay(self, values: dict[str, Any]) -> None:
        self._save(values)
        self._values.update(values)
        self._loading = True
        try:
            for name, value in values.items():
                self._widgets[name].set_value(value)  # type: ignore[attr-defined]
        finally:
            self._loading = False
        self.saved.emit(values)
