"""The pieces of the map: a person's box, a reporting line (scene items) and the legend.

Each item paints through ``desktop.export.map.paint``, the routine the PNG, SVG and PDF exports
use, so the screen and the printout look the same.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop.domain.map_layout import BOX_HEIGHT, BOX_WIDTH
from desktop.export.map import paint, style
from desktop.export.map.style import MapLabels
from desktop.services.decision_map import MapPerson

OUTLINE = 6.0  # room around the box for the selection and drop-target outline
_FLAG = QGraphicsItem.GraphicsItemFlag
# Worked out once: combining Qt flags in Python costs more than one might think, per box.
PERSON_FLAGS = (
    _FLAG.ItemIsMovable | _FLAG.ItemIsSelectable | _FLAG.ItemIsFocusable
) | _FLAG.ItemSendsGeometryChanges
POSITION_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged


class PersonItem(QGraphicsItem):
    """One person's box; movable, selectable, a drop target for re-parenting."""

    def __init__(self, person: MapPerson, labels: MapLabels, pos: QPointF | None = None) -> None:
        super().__init__()
        self.person = person
        self.labels = labels
        self.connectors: list[ConnectorItem] = []
        self._drop_target = False
        if pos is not None:  # placed before it reports moves: no lines to follow yet
            self.setPos(pos)
        self.setFlags(PERSON_FLAGS)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self._update_tooltip()

    @property
    def contact_id(self) -> int:
        return self.person.id

    def box(self) -> QRectF:
        """The box in scene coordinates (the outline not included)."""
        return QRectF(self.pos(), QSizeF(BOX_WIDTH, BOX_HEIGHT))

    def set_person(self, person: MapPerson, labels: MapLabels) -> None:
        if person != self.person or labels != self.labels:
            self.person, self.labels = person, labels
            self._update_tooltip()
            self.update()

    def set_drop_target(self, on: bool) -> None:
        if on != self._drop_target:
            self._drop_target = on
            self.update()

    @property
    def is_drop_target(self) -> bool:
        return self._drop_target

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return QRectF(-OUTLINE, -OUTLINE, BOX_WIDTH + 2 * OUTLINE, BOX_HEIGHT + 2 * OUTLINE)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, BOX_WIDTH, BOX_HEIGHT), 6, 6)
        return path

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        highlight = None
        if self._drop_target:
            highlight = style.DROP_TARGET
        elif self.isSelected():
            highlight = style.HIGHLIGHT
        rect = QRectF(0, 0, BOX_WIDTH, BOX_HEIGHT)
        paint.draw_person(painter, rect, self.person, self.labels, highlight=highlight)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: N802
        if change == POSITION_CHANGED:
            for line in self.connectors:
                line.update_path()
        return super().itemChange(change, value)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        scene = self.scene()
        if scene is not None and hasattr(scene, "edit_requested"):
            scene.edit_requested.emit(self.contact_id)
        event.accept()

    def _update_tooltip(self) -> None:
        p, labels = self.person, self.labels
        lines = [p.name + (f" ({p.alt_name})" if p.alt_name else "")]
        lines += [text for text in (p.title, p.department) if text]
        if p.in_circle:
            roles = ", ".join(labels.role_label(r) for r in p.roles)
            if roles:
                lines.append(f"{labels.heading('roles')}: {roles}")
            lines.append(f"{labels.heading('attitude')}: {labels.attitude_label(p.attitude)}")
            lines.append(f"{labels.heading('influence')}: {labels.influence_label(p.influence)}")
        else:
            lines.append(labels.heading("not_in_circle"))
        self.setToolTip("\n".join(lines))


class ConnectorItem(QGraphicsPathItem):
    """The reporting line from a manager's box down to a report's box."""

    def __init__(self, manager: PersonItem, report: PersonItem, pen: QPen | None = None) -> None:
        super().__init__()
        self.manager = manager
        self.report = report
        self.setPen(pen if pen is not None else paint.line_pen())
        self.setZValue(-1)
        manager.connectors.append(self)
        report.connectors.append(self)
        self.update_path()

    def update_path(self) -> None:
        self.setPath(paint.connector_path(self.manager.box(), self.report.box()))

    def detach(self) -> None:
        for end in (self.manager, self.report):
            if self in end.connectors:
                end.connectors.remove(self)


class LegendWidget(QWidget):
    """The legend beside the map: what the badges, borders, glyphs and dots mean."""

    def __init__(self, labels: MapLabels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self._resize()

    def set_labels(self, labels: MapLabels) -> None:
        if labels != self.labels:
            self.labels = labels
            self._resize()
            self.update()

    def _resize(self) -> None:
        width, height = paint.legend_size(self.labels)
        self.setFixedSize(QSize(math.ceil(width) + 2, math.ceil(height) + 2))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            paint.draw_legend(painter, QPointF(1, 1), self.labels)
        finally:
            painter.end()
