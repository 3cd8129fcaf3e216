"""Announcing what a use case changed, so each screen can decide what to redraw.

Services publish after their transaction commits; the UI subscribes once and re-emits the
news as a Qt signal. Nothing here knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    kind: str  # account / contact / opportunity / visit / settings
    ids: frozenset[int] = field(default_factory=frozenset)
    account_id: int | None = None
    deleted: bool = False


class Notifier:
    def __init__(self) -> None:
        self._listeners: list[Callable[[Change], None]] = []

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def publish(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
