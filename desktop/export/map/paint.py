"""The QPainter routines that draw the map: person boxes, reporting lines, legend, whole map.

All sizes are in scene units (the layout's, see ``desktop.domain.map_layout``). A caller scales
the painter for print resolution; nothing here depends on the paint device.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)

from desktop.domain.dates import format_date
from desktop.domain.map_layout import BOX_HEIGHT, BOX_WIDTH, V_GAP, Placement
from desktop.exchange.map_data import MapData, MapPerson

from . import style
from .style import MapLabels

PAD = 8.0
GLYPH = 18.0
BADGE_H = 16.0
LEGEND_WIDTH = 236.0
LEGEND_GAP = 48.0
TITLE_HEIGHT = 52.0
TITLE_PIXELS = 11.0  # a person's job title in their box
TITLE_LINE = 15.0  # the height of one line of it
TITLE_MAX_LINES = 2
DEPARTMENT_LINE = 14.0


def person_rect(p: Placement) -> QRectF:
    return QRectF(p.x, p.y, BOX_WIDTH, BOX_HEIGHT)


def draw_person(
    painter: QPainter,
    rect: QRectF,
    person: MapPerson,
    labels: MapLabels,
    *,
    highlight: QColor | None = None,
) -> None:
    """One box: name, title, department, role badges, attitude and influence, coach star."""
    look = style.attitude_style(person.attitude, person.in_circle)
    width = style.INFLUENCE_WIDTH.get(person.influence, 1.3) if person.in_circle else 1.0
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # The border is drawn inside the box so boxes of every weight keep the same outer size.
    inner = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
    pen = QPen(QColor(look.edge), width, look.dash)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.setBrush(QColor(look.fill))
    painter.drawRoundedRect(inner, 6, 6)
    if look.double:
        gap = width + 2.5
        painter.setPen(QPen(QColor(look.edge), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(gap, gap, -gap, -gap), 4, 4)
    if highlight is not None:
        painter.setPen(QPen(highlight, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), 8, 8)

    left = rect.left() + PAD + (3 if look.double else 0)
    right = rect.right() - PAD - (3 if look.double else 0)
    top = rect.top() + PAD - 1
    if person.in_circle:
        _draw_glyph(painter, QPointF(right - GLYPH / 2, top + GLYPH / 2), look)
        right_text = right - GLYPH - 4
    else:
        right_text = right
    name_left = left
    if person.is_coach:
        _draw_star(painter, QPointF(left + 7, top + 9), 7.5)
        name_left += 17

    ink = style.INK if person.in_circle else style.MUTED
    _text(painter, person.name, QRectF(name_left, top, right_text - name_left, 19), 14, ink, True)

    bottom = rect.bottom() - PAD - BADGE_H + 1
    has_badges = person.in_circle and any(key in person.roles for key, _, _ in labels.roles)
    # The title wraps onto a second line when the box has room for it (no department, or no
    # badges under it); only what does not fit in those lines is elided.
    free = (bottom - 2 if has_badges else rect.bottom() - PAD) - (top + 20)
    department = DEPARTMENT_LINE if person.department else 0.0
    lines = max(1, min(TITLE_MAX_LINES, int((free - department) // TITLE_LINE)))
    used = _wrapped(
        painter,
        person.title,
        QRectF(left, top + 20, right_text - left, TITLE_LINE * lines),
        TITLE_PIXELS,
        style.MUTED,
        lines,
    )
    if person.department:
        _text(
            painter,
            person.department,
            QRectF(left, top + 20 + max(used, TITLE_LINE) - 1, right - left, 15),
            10,
            style.MUTED,
        )

    x = left
    for role in (key for key, _, _ in labels.roles if key in person.roles):
        x += _draw_badge(painter, QPointF(x, bottom), labels.badge(role), role == "coach") + 3
    dots = style.INFLUENCE_DOTS.get(person.influence or "", 0) if person.in_circle else 0
    if dots:
        _draw_dots(painter, QPointF(right, bottom + BADGE_H / 2), dots)
    painter.restore()


def connector_path(manager: QRectF, report: QRectF) -> QPainterPath:
    """An orthogonal line from a manager's box to a report's box."""
    path = QPainterPath()
    if report.top() >= manager.bottom() + 8:
        start = QPointF(manager.center().x(), manager.bottom())
        end = QPointF(report.center().x(), report.top())
        # The bend sits just above the report row, so siblings share one horizontal bar.
        mid = max(start.y() + 8, end.y() - min(V_GAP / 2, (end.y() - start.y()) / 2))
        path.moveTo(start)
        path.lineTo(start.x(), mid)
        path.lineTo(end.x(), mid)
        path.lineTo(end)
    else:
        # A box dragged beside or above its manager: leave from the side facing it.
        on_right = report.center().x() >= manager.center().x()
        sx = manager.right() if on_right else manager.left()
        ex = report.left() if on_right else report.right()
        if (ex - sx) * (1 if on_right else -1) < 16:
            ex = report.center().x()
            below = report.top() > manager.center().y()
            end = QPointF(ex, report.top() if below else report.bottom())
            path.moveTo(sx, manager.center().y())
            path.lineTo(ex, manager.center().y())
            path.lineTo(end)
            return path
        midx = (sx + ex) / 2
        path.moveTo(sx, manager.center().y())
        path.lineTo(midx, manager.center().y())
        path.lineTo(midx, report.center().y())
        path.lineTo(ex, report.center().y())
    return path


def line_pen() -> QPen:
    pen = QPen(style.LINE, 1.6)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen


def draw_connector(painter: QPainter, manager: QRectF, report: QRectF) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(line_pen())
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(connector_path(manager, report))
    painter.restore()


# The legend ------------------------------------------------------------------------------------

_ROW = 22.0


def legend_size(labels: MapLabels) -> tuple[float, float]:
    rows = len(labels.roles) + len(labels.attitudes) + len(labels.influence) + 2
    return LEGEND_WIDTH, 38 + 3 * 24 + rows * _ROW + 10


def draw_legend(painter: QPainter, origin: QPointF, labels: MapLabels) -> None:
    """What each badge, border, glyph and dot means, for the rep and for whoever gets the print."""
    width, height = legend_size(labels)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    box = QRectF(origin.x(), origin.y(), width, height)
    painter.setPen(QPen(QColor("#b0bec5"), 1))
    painter.setBrush(QColor("#fbfcfd"))
    painter.drawRoundedRect(box, 6, 6)
    x, y = origin.x() + 12, origin.y() + 10
    text_x, text_w = x + 56, width - 74
    _text(painter, labels.heading("legend"), QRectF(x, y, width - 24, 20), 14, style.INK, True)
    y += 28

    def heading(key: str) -> None:
        nonlocal y
        _text(painter, labels.heading(key), QRectF(x, y, width - 24, 18), 12, style.INK, True)
        y += 24

    heading("roles")
    for key, short, label in labels.roles:
        _draw_badge(painter, QPointF(x + 2, y + 1), short, key == "coach")
        if key == "coach":
            _draw_star(painter, QPointF(x + 34, y + 9), 7)
        _text(painter, label, QRectF(text_x, y, text_w, 18), 11, style.INK)
        y += _ROW

    heading("attitude")
    for key, label in labels.attitudes:
        look = style.attitude_style(key, True)
        sample = QRectF(x, y, 40, 18)
        pen = QPen(QColor(look.edge), 1.8, look.dash)
        painter.setPen(pen)
        painter.setBrush(QColor(look.fill))
        painter.drawRoundedRect(sample, 3, 3)
        if look.double:
            painter.setPen(QPen(QColor(look.edge), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(sample.adjusted(3, 3, -3, -3), 2, 2)
        _draw_glyph(painter, QPointF(sample.right() - 9, sample.center().y()), look, 14)
        _text(painter, label, QRectF(text_x, y, text_w, 18), 11, style.INK)
        y += _ROW

    heading("influence")
    for key, label in labels.influence:
        w = style.INFLUENCE_WIDTH[key]
        painter.setPen(QPen(style.INK, w))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawLine(QLineF(x, y + 9, x + 12, y + 9))
        _draw_dots(painter, QPointF(x + 47, y + 9), style.INFLUENCE_DOTS[key])
        _text(painter, label, QRectF(text_x, y, text_w, 18), 11, style.INK)
        y += _ROW

    y += 2
    plain = QRectF(x, y, 40, 18)
    painter.setPen(QPen(QColor(style.PLAIN.edge), 1))
    painter.setBrush(QColor(style.PLAIN.fill))
    painter.drawRoundedRect(plain, 3, 3)
    _text(painter, labels.heading("not_in_circle"), QRectF(text_x, y, text_w, 18), 11, style.INK)
    y += _ROW
    sample_top = QRectF(x + 10, y - 2, 20, 6)
    sample_bottom = QRectF(x + 24, y + 14, 16, 6)
    painter.setPen(line_pen())
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(connector_path(sample_top, sample_bottom))
    _text(painter, labels.heading("reports_to"), QRectF(text_x, y, text_w, 18), 11, style.INK)
    painter.restore()


# The whole map, for the exports -----------------------------------------------------------------


def map_size(data: MapData, labels: MapLabels) -> tuple[float, float]:
    """Width and height of ``paint_map``'s drawing, margins included."""
    left, top, right, bottom = data.bounds()
    legend_w, legend_h = legend_size(labels)
    width = (right - left) + LEGEND_GAP + legend_w + 2 * 24
    height = max(bottom - top, legend_h) + TITLE_HEIGHT + 2 * 24
    return width, height


def paint_map(
    painter: QPainter, data: MapData, labels: MapLabels, today: date | None = None
) -> None:
    """The whole map with a title and the legend, its top-left corner at (0, 0)."""
    left, top, right, _ = data.bounds()
    width, height = map_size(data, labels)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, width, height), QColor("#ffffff"))
    title = f"{data.account_name} — {data.opportunity_name}"
    _text(painter, title, QRectF(24, 16, width - 48, 22), 18, style.INK, True)
    stamp = labels.heading("as_of", date=format_date(today or date.today(), labels.lang))
    _text(painter, stamp, QRectF(24, 38, width - 48, 16), 11, style.MUTED)
    painter.translate(24 - left, 24 + TITLE_HEIGHT - top)
    rects = {pid: person_rect(p) for pid, p in data.placements.items()}
    for manager, report in data.lines():
        if manager in rects and report in rects:
            draw_connector(painter, rects[manager], rects[report])
    for person in data.people:
        if person.id in rects:
            draw_person(painter, rects[person.id], person, labels)
    draw_legend(painter, QPointF(right + LEGEND_GAP, top), labels)
    painter.restore()


# Small pieces ------------------------------------------------------------------------------------


def _text(
    painter: QPainter,
    text: str,
    rect: QRectF,
    pixels: float,
    color: QColor,
    bold: bool = False,
) -> None:
    """One line of text, elided with … when it does not fit."""
    if not text:
        return
    f = style.font(pixels, bold)
    painter.setFont(f)
    painter.setPen(color)
    line = " ".join(text.split())
    shown = QFontMetricsF(f).elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)


def wrap_lines(text: str, f: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width``; the last one elided.

    Words stay whole where they can; Chinese (no spaces) breaks between characters.
    """
    line = " ".join(text.split())
    if not line:
        return []
    layout = QTextLayout(line, f)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    out: list[str] = []
    layout.beginLayout()
    try:
        while len(out) < max_lines:
            piece = layout.createLine()
            if not piece.isValid():
                break
            piece.setLineWidth(width)
            start, length = piece.textStart(), piece.textLength()
            if len(out) == max_lines - 1:  # the last line allowed takes the rest, elided
                rest = line[start:]
                out.append(QFontMetricsF(f).elidedText(rest, Qt.TextElideMode.ElideRight, width))
                break
            out.append(line[start : start + length].rstrip())
    finally:
        layout.endLayout()
    return out


def _wrapped(
    painter: QPainter,
    text: str,
    rect: QRectF,
    pixels: float,
    color: QColor,
    max_lines: int,
) -> float:
    """Text on up to ``max_lines`` lines from the top of ``rect``; returns the height used."""
    if not text:
        return 0.0
    f = style.font(pixels)
    painter.setFont(f)
    painter.setPen(color)
    lines = wrap_lines(text, f, rect.width(), max_lines)
    height = rect.height() / max_lines
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for number, shown in enumerate(lines):
        painter.drawText(
            QRectF(rect.left(), rect.top() + number * height, rect.width(), height), flags, shown
        )
    return height * len(lines)


def _draw_badge(painter: QPainter, at: QPointF, text: str, coach: bool) -> float:
    f = style.font(10, True)
    width = max(BADGE_H + 2, QFontMetricsF(f).horizontalAdvance(text) + 8)
    rect = QRectF(at.x(), at.y(), width, BADGE_H)
    painter.setPen(QPen(style.INK, 0.8))
    painter.setBrush(style.COACH if coach else style.BADGE)
    painter.drawRoundedRect(rect, 3, 3)
    painter.setFont(f)
    painter.setPen(style.INK if coach else QColor("#ffffff"))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    return width


def _draw_glyph(
    painter: QPainter, centre: QPointF, look: style.AttitudeStyle, size: float = GLYPH
) -> None:
    """The attitude sign in a circle: + supporter, = neutral, − opponent, ? unknown."""
    r = size / 2
    painter.setPen(QPen(QColor(look.edge), 1.4))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(centre, r, r)
    mark = QPen(QColor(look.edge), max(1.6, size / 9))
    mark.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(mark)
    arm = r * 0.5
    cx, cy = centre.x(), centre.y()
    if look.glyph == "+":
        painter.drawLine(QLineF(cx - arm, cy, cx + arm, cy))
        painter.drawLine(QLineF(cx, cy - arm, cx, cy + arm))
    elif look.glyph == "=":
        painter.drawLine(QLineF(cx - arm, cy - arm * 0.45, cx + arm, cy - arm * 0.45))
        painter.drawLine(QLineF(cx - arm, cy + arm * 0.45, cx + arm, cy + arm * 0.45))
    elif look.glyph == "-":
        painter.drawLine(QLineF(cx - arm, cy, cx + arm, cy))
    elif look.glyph == "?":
        f = style.font(size * 0.72, True)
        painter.setFont(f)
        painter.setPen(QColor(look.edge))
        box = QRectF(cx - r, cy - r, size, size)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "?")


def _draw_dots(painter: QPainter, right_centre: QPointF, filled: int) -> None:
    """Three dots at the right edge, ``filled`` of them solid: influence in the box."""
    r = 3.2
    for i in range(3):
        cx = right_centre.x() - r - i * (2 * r + 3)
        painter.setPen(QPen(style.INK, 0.9))
        painter.setBrush(QBrush(style.INK) if 3 - i <= filled else QBrush(QColor("#ffffff")))
        painter.drawEllipse(QPointF(cx, right_centre.y()), r, r)


def _draw_star(painter: QPainter, centre: QPointF, radius: float) -> None:
    """The coach's star."""
    points = []
    for i in range(10):
        angle = math.pi / 2 + i * math.pi / 5
        r = radius if i % 2 == 0 else radius * 0.45
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() - r * math.sin(angle)))
    painter.setPen(QPen(style.INK, 0.9))
    painter.setBrush(style.COACH)
    painter.drawPolygon(QPolygonF(points))
