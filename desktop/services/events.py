"""Announcing what a use case changed, and who asked for it, so each screen can decide what
to redraw.

Modelled on Anki's operations (``OpChanges`` plus the ``handler`` that started the op):

- ``ChangeKind`` names what changed: rows of one kind (account, contact, opportunity, visit,
  settings), or the file as a whole (restored from a backup, encrypted, backed up).
- ``Change`` carries the kind, the ids, the account, whether the rows were deleted, and the
  ``initiator``: a screen's own ``ScreenToken`` or a named ``Origin`` (``cli``, ``import``,
  ``demo``, ``restore``, ``sync``…).
- A screen that saves runs the service call inside ``initiated_by(its_token)``; every change
  the call announces carries that token, so the screen can skip reloading what it already
  shows (``change.is_from(token)``) while every other screen redraws.

Services publish only after their transaction commits (``Service.announce``). The UI subscribes
once and re-emits each change as a Qt signal. Nothing here knows about Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum


class ChangeKind(StrEnum):
    """What a change touched. A ``StrEnum``: it prints, logs and compares as its value."""

    ACCOUNT = "account"
    CONTACT = "contact"
    OPPORTUNITY = "opportunity"
    VISIT = "visit"
    SETTINGS = "settings"
    RESTORED = "restored"  # the data file was replaced by a backup: every screen reloads
    ENCRYPTED = "encrypted"  # the file and its backups were encrypted (no row changed)
    BACKED_UP = "backed_up"  # a backup was made (no row changed)


#: Kinds that change rows a rep sees (an automatic backup is due after any of them).
ROW_KINDS = frozenset(
    {
        ChangeKind.ACCOUNT,
        ChangeKind.CONTACT,
        ChangeKind.OPPORTUNITY,
        ChangeKind.VISIT,
        ChangeKind.SETTINGS,
    }
)


class Origin(StrEnum):
    """Initiators that are not a screen."""

    APP = "app"  # the window itself, not one screen (first launch, menus)
    CLI = "cli"  # the command line
    IMPORT = "import"  # a bundle or contact import
    DEMO = "demo"  # loading the demo account
    RESTORE = "restore"  # restoring a backup
    BACKUP = "backup"  # a backup (manual or automatic)
    ENCRYPTION = "encryption"  # converting the file to an encrypted one
    SYNC = "sync"  # another laptop's changes (the team issue)


@dataclass(frozen=True, eq=False)
class ScreenToken:
    """An opaque initiator a screen owns: equal only to itself. ``name`` is for logs."""

    name: str = "screen"

    def __repr__(self) -> str:
        return f"ScreenToken({self.name!r}, {id(self):#x})"


Initiator = Origin | ScreenToken

_current: ContextVar[Initiator | None] = ContextVar("callbrief_initiator", default=None)


def current_initiator() -> Initiator | None:
    """Who the service call running now is for (None when nobody said)."""
    return _current.get()


@contextmanager
def initiated_by(initiator: Initiator | None) -> Iterator[None]:
    """Every change announced inside the block carries ``initiator``.

    A context variable, so it follows the call (and a worker started with a copy of the
    context: see desktop/ui/tasks.py) without adding a parameter to every service method.
    ``None`` leaves the current initiator as it is.
    """
    if initiator is None:
        yield
        return
    token = _current.set(initiator)
    try:
        yield
    finally:
        _current.reset(token)


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    ids: frozenset[int] = field(default_factory=frozenset)
    account_id: int | None = None
    deleted: bool = False
    initiator: Initiator | None = None

    def __post_init__(self) -> None:
        # A plain string ("contact") is accepted and made the enum: an unknown one fails here,
        # at the service that announced it, not in some screen later.
        if not isinstance(self.kind, ChangeKind):
            object.__setattr__(self, "kind", ChangeKind(self.kind))
        if not isinstance(self.ids, frozenset):
            object.__setattr__(self, "ids", frozenset(self.ids))

    def is_from(self, initiator: Initiator | None) -> bool:
        """True if ``initiator`` caused this change (a screen asks about its own token)."""
        return initiator is not None and self.initiator is initiator

    @property
    def touches_rows(self) -> bool:
        return self.kind in ROW_KINDS


class Notifier:
    def __init__(self) -> None:
        self._listeners: list[Callable[[Change], None]] = []

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        """Tell every listener; a change without an initiator gets the current one."""
        if change.initiator is None and (initiator := current_initiator()) is not None:
            change = Change(change.kind, change.ids, change.account_id, change.deleted, initiator)
        for listener in list(self._listeners):
            listener(change)
