"""The map's QGraphicsScene: boxes and lines built from ``MapData``, and what a drag means.

``set_data`` updates the items in place (keyed by contact id), so a refresh keeps the selection
and never deletes the item a mouse handler is running in. When a drag ends the scene decides:
a box dropped onto another box asks to re-parent (and goes back to where it was until the
service agrees); otherwise the new positions of every moved box are handed on in one go.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from desktop.export.map.paint import line_pen
from desktop.export.map.style import MapLabels
from desktop.services.decision_map import MapData

from .items import ConnectorItem, PersonItem

MARGIN = 40.0
MOVE_EPSILON = 0.5  # a click that jiggles the box by less than this is not a move


class MapScene(QGraphicsScene):
    positions_dropped = Signal(object)  # {contact id: (x, y)}
    reparent_requested = Signal(int, int)  # (contact id, new manager id)
    edit_requested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackgroundBrush(QColor("#f7f9fa"))
        self.people: dict[int, PersonItem] = {}
        self.connectors: list[ConnectorItem] = []
        self.data: MapData | None = None
        self._pressed: dict[int, QPointF] = {}
        self._target: PersonItem | None = None

    # Building ----------------------------------------------------------------------------------

    def set_data(self, data: MapData | None, labels: MapLabels) -> None:
        self.data = data
        wanted = {p.id: p for p in data.people} if data else {}
        for contact_id in [i for i in self.people if i not in wanted]:
            self.removeItem(self.people.pop(contact_id))
        placements = data.placements if data else {}
        for person in wanted.values():
            item = self.people.get(person.id)
            placement = placements.get(person.id)
            if item is None:
                pos = QPointF(placement.x, placement.y) if placement is not None else None
                item = PersonItem(person, labels, pos)
                self.people[person.id] = item
                self.addItem(item)
            else:
                item.set_person(person, labels)
                if placement is not None and (item.x(), item.y()) != (placement.x, placement.y):
                    item.setPos(placement.x, placement.y)
        self._rebuild_connectors(data)
        self._update_rect()

    def _rebuild_connectors(self, data: MapData | None) -> None:
        for line in self.connectors:
            line.detach()
            self.removeItem(line)
        self.connectors = []
        if data is None:
            return
        pen = line_pen()
        for manager, report in data.lines():
            if manager in self.people and report in self.people:
                line = ConnectorItem(self.people[manager], self.people[report], pen)
                self.addItem(line)
                self.connectors.append(line)

    def _update_rect(self) -> None:
        rect = self.itemsBoundingRect()
        self.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def person_items(self) -> list[PersonItem]:
        return list(self.people.values())

    def selected_ids(self) -> list[int]:
        return [i.contact_id for i in self.selectedItems() if isinstance(i, PersonItem)]

    # Dragging ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        selected = [i for i in self.selectedItems() if isinstance(i, PersonItem)]
        self._pressed = {i.contact_id: QPointF(i.pos()) for i in selected}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        if self._pressed:
            self._set_target(self._drop_target_at(event.scenePos(), set(self._pressed)))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, {}
        target = self._drop_target_at(event.scenePos(), set(pressed))
        self._set_target(None)
        moved = {
            cid: start
            for cid, start in pressed.items()
            if cid in self.people and _distance(self.people[cid].pos(), start) > MOVE_EPSILON
        }
        if not moved:
            return
        if target is not None and len(moved) == 1:
            ((contact_id, start),) = moved.items()
            self.people[contact_id].setPos(start)  # back until the service says yes
            self.reparent_requested.emit(contact_id, target.contact_id)
            return
        positions = {cid: (self.people[cid].pos().x(), self.people[cid].pos().y()) for cid in moved}
        self._update_rect()
        self.positions_dropped.emit(positions)

    def _drop_target_at(self, pos: QPointF, dragged: set[int]) -> PersonItem | None:
        """The box under the cursor that a single dragged box would be dropped onto."""
        if len(dragged) != 1:
            return None
        for item in self.items(pos):
            if isinstance(item, PersonItem) and item.contact_id not in dragged:
                return item
        return None

    def _set_target(self, item: PersonItem | None) -> None:
        if self._target is not None and self._target is not item:
            self._target.set_drop_target(False)
        self._target = item
        if item is not None:
            item.set_drop_target(True)

    def revert_positions(self) -> None:
        """Put every box back where the data says (after a refused drop)."""
        if self.data is None:
            return
        for contact_id, placement in self.data.placements.items():
            if contact_id in self.people:
                self.people[contact_id].setPos(placement.x, placement.y)


def _distance(a: QPointF, b: QPointF) -> float:
    return abs(a.x() - b.x()) + abs(a.y() - b.y())
