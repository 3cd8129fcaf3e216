"""What every screen is handed: the services, the playbook, the language and a change signal."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.services import Services
from desktop.services.events import Change


class ChangeHub(QObject):
    """Re-announces the services' changes as a Qt signal, on the GUI thread."""

    changed = Signal(object)  # desktop.services.events.Change

    def forward(self, change: Change) -> None:
        self.changed.emit(change)


@dataclass
class UiContext:
    services: Services
    hub: ChangeHub
    lang: str = "en"  # "en" or "zh": playbook labels and domain messages follow it

    @classmethod
    def build(cls, services: Services, lang: str) -> UiContext:
        hub = ChangeHub()
        services.notifier.subscribe(hub.forward)
        return cls(services, hub, lang)
