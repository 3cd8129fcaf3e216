"""A chart of ``desktop.domain.charts`` painted with a QPainter: the same shapes the pipeline
review PDF paints with reportlab, scaled to the widget's width."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain.charts import Box, Chart, Label, Rule

CHART_WIDTH = 330.0  # points: the layout width; the widget scales it to its own width


def paint_chart(painter: QPainter, chart: Chart, scale: float) -> None:
    """Translate each shape into QPainter calls; nothing is measured or moved here."""
    painter.save()
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    for shape in chart.shapes:
        if isinstance(shape, Box):
            painter.fillRect(QRectF(shape.x, shape.y, shape.w, shape.h), QColor(shape.fill))
        elif isinstance(shape, Rule):
            painter.setPen(QColor(shape.color))
            painter.drawLine(int(shape.x1), int(shape.y1), int(shape.x2), int(shape.y2))
        elif isinstance(shape, Label):
            font.setPixelSize(max(1, round(shape.size)))
            painter.setFont(font)
            painter.setPen(QColor(shape.color))
            flags = {
                "right": Qt.AlignmentFlag.AlignRight,
                "centre": Qt.AlignmentFlag.AlignHCenter,
            }.get(shape.align, Qt.AlignmentFlag.AlignLeft)
            box = QRectF(shape.x, shape.y, 1000, shape.size * 1.4)
            if shape.align == "right":
                box.moveRight(shape.x)
            painter.drawText(box, int(flags | Qt.AlignmentFlag.AlignTop), shape.text)
    painter.restore()


class ChartView(QWidget):
    """One chart; its height follows its width so that nothing is cut off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self.setAccessibleName(chart.title)
        self.setToolTip("\n".join(chart.texts()[1:]))
        self.updateGeometry()
        self.update()

    def _scale(self, width: int) -> float:
        return width / self.chart.width if self.chart else 1.0

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return int(self.chart.height * self._scale(width)) + 4 if self.chart else 40

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(int(CHART_WIDTH * 1.3), self.heightForWidth(int(CHART_WIDTH * 1.3)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(240, self.heightForWidth(240))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        if self.chart is None:
            return
        painter = QPainter(self)
        paint_chart(painter, self.chart, self._scale(self.width()))
        painter.end()
