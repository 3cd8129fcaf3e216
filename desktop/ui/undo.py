"""Undo and redo for the edits of this session.

Every saved field change becomes a ``FieldEdit`` on the window's QUndoStack: undo writes the
old values back through the same service call, so undo is itself a saved edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

Save = Callable[[dict[str, Any]], None]


class FieldEdit(QUndoCommand):
    """Values already saved; redo/undo re-save the new/old values."""

    def __init__(self, text: str, save: Save, old: dict[str, Any], new: dict[str, Any]) -> None:
        super().__init__(text)
        self._save, self._old, self._new = save, old, new
        self._first = True

    def redo(self) -> None:
        if self._first:  # the edit was saved before it was pushed
            self._first = False
            return
        self._save(self._new)

    def undo(self) -> None:
        self._save(self._old)


class ActionCommand(QUndoCommand):
    """An action with an explicit inverse (add/remove an item, move a contact)."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._do()

    def undo(self) -> None:
        self._undo()
