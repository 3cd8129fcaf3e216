"""Undo and redo for the edits of this session.

Every saved field change becomes a ``FieldEdit`` on the window's QUndoStack: undo writes the
old values back through the same service call, so undo is itself a saved edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

Save = Callable[[dict[str, Any]], None]


class ActionCommand(QUndoCommand):
    """An action with an explicit inverse (add/remove an item, move a contact).

    The action is done before the command is pushed, so the redo that push() calls is skipped.
    """

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
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


class FieldEdit(ActionCommand):
    """Values already saved; redo/undo re-save the new/old values."""

    def __init__(self, text: str, save: Save, old: dict[str, Any], new: dict[str, Any]) -> None:
        super().__init__(text, lambda: save(new), lambda: save(old))
