"""The decision-maker map as plain data: what the screen's scene and every export draw from.

``desktop.services.decision_map.MapService.load()`` fills it in one read; the Qt scene
(``desktop/ui/map``), the PNG/SVG/PDF exports (``desktop/export/map``) and the brief's map take
it as it is, so the exporters never reach into the services to draw.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.domain.map_layout import Placement, bounds


@dataclass(frozen=True)
class MapPerson:
    """One box on the map."""

    id: int
    uid: str
    name: str
    alt_name: str = ""
    title: str = ""
    department: str = ""
    manager_id: int | None = None
    roles: tuple[str, ...] = ()
    attitude: str = "unknown"
    influence: str | None = None
    in_circle: bool = False  # has a BuyingRole row in this opportunity
    pinned: tuple[float, float] | None = None  # where the rep dragged the box

    @property
    def is_coach(self) -> bool:
        return "coach" in self.roles


@dataclass(frozen=True)
class MapData:
    """Everything needed to draw one opportunity's map, laid out."""

    opportunity_id: int
    opportunity_name: str
    account_id: int
    account_name: str
    people: tuple[MapPerson, ...]
    placements: Mapping[int, Placement] = field(default_factory=dict)

    def person(self, contact_id: int) -> MapPerson:
        for p in self.people:
            if p.id == contact_id:
                return p
        raise KeyError(contact_id)

    def lines(self) -> list[tuple[int, int]]:
        """(manager id, report id) for every reporting line between people on the map."""
        present = {p.id for p in self.people}
        return [(p.manager_id, p.id) for p in self.people if p.manager_id in present]

    def bounds(self) -> tuple[float, float, float, float]:
        return bounds(dict(self.placements))
