"""What every screen is handed: the services, the playbook, the language and a change signal.

At start-up the window paints before the data file is open: ``UiContext.starting`` hands the
screens a ``StartView`` (the playbook and the first page of accounts) in place of the services,
and ``attach`` swaps in the real ones. Screens built before that check ``ready`` and listen to
``hub.ready``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from desktop.services.events import Change

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.services.start_view import StartView


class ChangeHub(QObject):
    """Re-announces the services' changes as a Qt signal, on the GUI thread.

    A change announced on the GUI thread reaches the screens at once (before the service call
    returns). One announced by a service running on a worker (a bundle import, an automatic
    backup) is queued to the GUI thread: screens are only ever touched there.
    """

    changed = Signal(object)  # desktop.services.events.Change
    ready = Signal()  # the services are open (emitted once, by UiContext.attach)
    _from_worker = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._from_worker.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def forward(self, change: Change) -> None:
        if QThread.currentThread() is self.thread():
            self.changed.emit(change)
        else:
            self._from_worker.emit(change)

    @Slot(object)
    def _deliver(self, change: Change) -> None:
        self.changed.emit(change)


@dataclass
class UiContext:
    services: Services
    hub: ChangeHub
    lang: str = "en"  # "en" or "zh": playbook labels and domain messages follow it
    ready: bool = True  # False while the window shows a StartView

    @classmethod
    def build(cls, services: Services, lang: str) -> UiContext:
        hub = ChangeHub()
        services.notifier.subscribe(hub.forward)
        return cls(services, hub, lang)

    @classmethod
    def starting(cls, view: StartView, lang: str) -> UiContext:
        """A context for the first paint: the StartView answers what the first screen asks."""
        stand_in: Any = view
        return cls(stand_in, ChangeHub(), lang, ready=False)

    def attach(self, services: Services) -> None:
        """The data file is open: every screen now reads and writes through ``services``."""
        self.services = services
        services.notifier.subscribe(self.hub.forward)
        self.ready = True
        self.hub.ready.emit()
