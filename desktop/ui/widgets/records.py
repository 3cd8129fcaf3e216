"""Helpers between stored records and forms: shown-as views of a record, ids that survive undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Shown:
    """A record as a form shows it: some fields converted (a list of lines as text, say)."""

    def __init__(self, record: Any, **convert: Callable[[Any], Any]) -> None:
        self._record = record
        self._convert = convert

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._record, name)
        fn = self._convert.get(name)
        return fn(value) if fn else value


class IdRemap:
    """Undoing a delete re-creates the row under a new id; edits recorded earlier follow it."""

    def __init__(self) -> None:
        self._current: dict[int, int] = {}  # first id -> id now
        self._first: dict[int, int] = {}  # id now -> first id

    def current(self, first_id: int) -> int:
        return self._current.get(first_id, first_id)

    def first(self, current_id: int) -> int:
        return self._first.get(current_id, current_id)

    def moved(self, old_current: int, new_current: int) -> None:
        first = self.first(old_current)
        self._current[first] = new_current
        self._first[new_current] = first


def lines_to_text(lines: list[str] | None) -> str:
    return "\n".join(lines or [])


def yes_no_word(value: bool | None) -> str:
    """A stored yes/no/unknown flag as the word the forms' combos hold and the services read."""
    return "unknown" if value is None else ("yes" if value else "no")


def text_to_lines(text: str | list[str] | None) -> list[str]:
    if isinstance(text, list):
        return text
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
