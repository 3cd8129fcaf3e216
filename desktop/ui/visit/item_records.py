"""The pieces of a visit-item table that are not widgets: its fields, its wording, and the
references and snapshots that let undo find an item again after delete/undo gave it a new id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.services import Services
from desktop.services.visits import ITEMS

LISTS = {
    "attendee": "attendees",
    "question": "questions",
    "need": "needs",
    "fab": "fabs",
    "objection": "objections",
    "next_step": "next_steps",
}
CELL_CHARS = 90


@dataclass
class ItemField:
    """One field of the item form, and (if ``column``) one column of the table."""

    name: str  # an item attribute, or a name of the form's own (see read/write)
    label: str
    kind: str = "line"  # line / text / combo
    choices: Callable[[], list[tuple[str, Any]]] | None = None
    none_label: str | None = None  # a "none" choice first in the combo
    column: bool = True
    placeholder: str = ""
    read: Callable[[Any], Any] | None = None  # item -> form value
    write: Callable[[Any], dict[str, Any]] | None = None  # form value -> service changes
    sources: tuple[str, ...] = ()  # service field names whose errors belong to this field
    show: Callable[[Any], str] | None = None  # item -> cell text


@dataclass
class ItemTexts:
    """Undo-menu and form wording for one kind of item (already translated)."""

    add: str
    edit: str
    delete: str
    move: str
    new_hint: str  # shown above the empty form after "Add"
    title: str = ""  # the table's accessible name: the heading above it


class ItemRef:
    """An item's current id; undo of a delete re-creates the row under a new id."""

    def __init__(self, item_id: int) -> None:
        self.id = item_id


class RefBook:
    """One ItemRef per item, so every undo entry about an item follows it to its new id."""

    def __init__(self) -> None:
        self._refs: dict[int, ItemRef] = {}

    def ref(self, item_id: int) -> ItemRef:
        return self._refs.setdefault(item_id, ItemRef(item_id))

    def moved(self, ref: ItemRef, new_id: int) -> None:
        self._refs.pop(ref.id, None)
        ref.id = new_id
        self._refs[new_id] = ref


def snapshot(services: Services, visit_id: int, kind: str, item_id: int) -> tuple[dict, int]:
    """An item's stored values and its index in the visit's list, to re-create it on undo."""
    items = list(getattr(services.visits.get(visit_id), LISTS[kind]))
    item = next(i for i in items if i.id == item_id)
    specs = ITEMS[kind][1]
    values = {n: getattr(item, n) for n in specs if n != "position"}
    return values, items.index(item)


def recreate(
    services: Services, visit_id: int, kind: str, values: dict, index: int, book: RefBook, ref
) -> None:
    item = services.visits.add_item(visit_id, kind, **values)
    services.visits.move_item(kind, item.id, index)
    book.moved(ref, item.id)


def short(text: str, limit: int = CELL_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def need_label(need: Any) -> str:
    return short(need.description, 60)
