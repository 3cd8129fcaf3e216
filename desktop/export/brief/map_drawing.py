"""The decision map as a vector drawing for the brief.

This module imports reportlab at the top: only layout.py, itself imported lazily, uses it.
Box positions come from ``desktop.domain.map_layout.layout()``, the same arithmetic the window
and the image export use, scaled to the page. Attitude is shown twice, so it survives a
black-and-white printer: by the border (solid heavy, solid thin, dashed, dotted) and by the
fill's shade. Role badges, three influence bars and a corner flag for the people in this
meeting complete each box; a legend under the map explains the marks. Separate trees that
would not fit side by side at a readable size are drawn in bands, one under another.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.colors import Color, black, white
from reportlab.lib.validators import isColorOrNone, isNumber
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.domain.map_layout import BOX_HEIGHT, BOX_WIDTH, V_GAP, layout
from desktop.domain.map_layout import bounds as layout_bounds

from .content import MapLegend, MapPerson

# Border width, dash pattern and fill per attitude key.
ATTITUDE_LOOK: dict[str, tuple[float, tuple[float, ...] | None, tuple[float, float, float]]] = {
    "supporter": (1.6, None, (0.86, 0.94, 0.86)),
    "neutral": (0.6, None, (1.0, 1.0, 1.0)),
    "opponent": (1.4, (4.0, 2.0), (0.95, 0.8, 0.8)),
    "unknown": (0.8, (0.8, 1.6), (0.93, 0.93, 0.93)),
}
INFLUENCE_BARS = {"high": 3, "medium": 2, "low": 1}
BOX_PT_HEIGHT = 33.0  # a box's height on paper; the width follows the page
ROW_GAP_PT = 15.0  # between a row of boxes and the next
MAX_X_SCALE = 0.62  # small circles do not get giant boxes
MIN_BAND_SCALE = 0.3  # below this, trees move to a band of their own under the others
MAX_HEIGHT_SHARE = 0.45  # of the frame's height, for maps with far-dragged boxes
LEGEND_LINE = 10.0
LEGEND_SIZE = 6.2


class BoldString(String):
    """A String drawn with fill and stroke; the face has no bold weight, so it is drawn bold."""

    _attrMap = AttrMap(
        BASE=String, strokeColor=AttrMapValue(isColorOrNone), strokeWidth=AttrMapValue(isNumber)
    )


def map_drawings(
    people: list[MapPerson], legend: MapLegend | None, width: float, frame_height: float, font: str
) -> list[Any]:
    """The map as one Drawing per band of trees, ``width`` points wide; the legend goes last.

    A circle with many separate trees would shrink to unreadable boxes in one row; whole trees
    are therefore packed into bands, one under the other, all drawn at the same scale.
    """
    placed = layout(p.node for p in people)
    bands = _bands(people, placed, width)
    sx = min([MAX_X_SCALE] + [width / _extent(band, placed)[2] for band in bands])
    return [
        _band_drawing(
            band, placed, sx, legend if i == len(bands) - 1 else None, width, frame_height, font
        )
        for i, band in enumerate(bands)
    ]


def _bands(people: list[MapPerson], placed: dict[int, Any], width: float) -> list[list[MapPerson]]:
    """Whole trees, left to right, grouped so that each group fits at MIN_BAND_SCALE."""
    if any(p.pinned is not None for p in people):
        return [people]  # dragged boxes may sit anywhere: keep the rep's picture whole
    by_id = {p.id: p for p in people}

    def root(pid: int) -> int:
        seen: set[int] = set()
        while placed[pid].depth > 0 and pid not in seen:
            seen.add(pid)
            manager = by_id[pid].manager_id
            if manager is None or manager not in placed:
                break
            pid = manager
        return pid

    trees: dict[int, list[MapPerson]] = {}
    for person in people:
        trees.setdefault(root(person.id), []).append(person)
    ordered = sorted(trees.values(), key=lambda tree: _extent(tree, placed)[0])
    limit = width / MIN_BAND_SCALE
    bands: list[list[MapPerson]] = []
    band_left = 0.0
    for tree in ordered:
        left, right, _ = _extent(tree, placed)
        if bands and right - band_left <= limit:
            bands[-1] += tree
        else:
            bands.append(list(tree))
            band_left = left
    return bands


def _extent(people: list[MapPerson], placed: dict[int, Any]) -> tuple[float, float, float]:
    """(left, right, width) of these boxes in layout units."""
    xs = [placed[p.id].x for p in people]
    left, right = min(xs), max(xs) + BOX_WIDTH
    return left, right, max(right - left, 1.0)


def _band_drawing(
    people: list[MapPerson],
    placed: dict[int, Any],
    sx: float,
    legend: MapLegend | None,
    width: float,
    frame_height: float,
    font: str,
) -> Any:
    mine = {p.id: placed[p.id] for p in people}
    left, top, right, bottom = layout_bounds(mine)
    # Rows sit closer on paper than on screen: positions scale by sy, boxes by box_sy.
    box_sy = min(BOX_PT_HEIGHT, max(16.0, BOX_WIDTH * sx * 0.9)) / BOX_HEIGHT
    sy = (box_sy * BOX_HEIGHT + ROW_GAP_PT) / (BOX_HEIGHT + V_GAP)
    legend_height = LEGEND_LINE * _legend_lines(legend, width, font) + 4 if legend else 2
    max_height = frame_height * MAX_HEIGHT_SHARE - legend_height
    span = bottom - top - BOX_HEIGHT  # from the top of the highest box to the lowest's top
    if span * sy + BOX_HEIGHT * box_sy > max_height:  # boxes dragged far apart
        shrink = max_height / (span * sy + BOX_HEIGHT * box_sy)
        sy, box_sy = sy * shrink, box_sy * shrink
    bw, bh = BOX_WIDTH * sx, BOX_HEIGHT * box_sy
    map_w, map_h = (right - left) * sx, span * sy + bh
    offset_x = (width - map_w) / 2
    height = map_h + legend_height + 2
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the renderer sets (and the PDF lists) Helvetica
    grey = Color(0.45, 0.45, 0.45)

    def corner(pid: int) -> tuple[float, float]:
        """The box's bottom-left corner in drawing coordinates (y grows upwards)."""
        pl = mine[pid]
        return offset_x + (pl.x - left) * sx, height - (pl.y - top) * sy - bh

    # Reporting lines first, so boxes sit on top of them.
    for person in people:
        if person.manager_id not in mine or person.manager_id == person.id:
            continue
        mx, my = corner(person.manager_id)
        cx, cy = corner(person.id)
        if cy >= my:  # a dragged box above its manager: draw a straight line
            drawing.add(Line(mx + bw / 2, my, cx + bw / 2, cy + bh, strokeColor=grey))
            continue
        mid = (my + cy + bh) / 2
        points = [mx + bw / 2, my, mx + bw / 2, mid, cx + bw / 2, mid, cx + bw / 2, cy + bh]
        drawing.add(PolyLine(points, strokeColor=grey, strokeWidth=0.6))
    for person in people:
        _box(drawing, person, *corner(person.id), bw, bh, font)
    if legend is not None:
        _legend(drawing, legend, width, font)
    return drawing


def _fit(text: str, font: str, size: float, room: float) -> str:
    """``text`` shortened with an ellipsis to ``room`` points."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…" if text else ""


def _box(drawing: Any, person: MapPerson, x: float, y: float, bw: float, bh: float, font: str):
    """One person: framed by attitude, name (drawn bold), title, role badges, marks."""
    name_size = max(3.6, min(8.2, bh * 0.22, bw * 0.11))
    title_size = name_size * 0.82
    badge_size = name_size * 0.74
    pad = max(1.5, min(bh, bw) * 0.08)
    marks = bw >= 50  # in tiny boxes the name needs the room more than the marks
    stroke, dash, fill = ATTITUDE_LOOK.get(person.attitude, ATTITUDE_LOOK["unknown"])
    drawing.add(
        Rect(
            x,
            y,
            bw,
            bh,
            rx=2,
            ry=2,
            fillColor=Color(*fill),
            strokeColor=black,
            strokeWidth=stroke,
            strokeDashArray=list(dash) if dash else None,
        )
    )
    bar_w, bar_gap = name_size * 0.28, name_size * 0.16
    bars_room = 3 * bar_w + 2 * bar_gap + 2 if marks else 0
    if marks:
        filled = INFLUENCE_BARS.get(person.influence or "", 0)
        for i in range(3):
            drawing.add(
                Rect(
                    x + bw - pad - bars_room + 2 + i * (bar_w + bar_gap),
                    y + bh - pad - name_size * 0.95,
                    bar_w,
                    name_size * (0.45 + 0.25 * i),
                    fillColor=black if i < filled else white,
                    strokeColor=black,
                    strokeWidth=0.35,
                )
            )
    flag = marks and person.attending
    text_x = x + pad + (name_size * 0.7 if flag else 0)
    room = x + bw - pad - bars_room - text_x
    name = BoldString(
        text_x, y + bh - pad - name_size * 0.85, _fit(person.name, font, name_size, room)
    )
    name.fontName, name.fontSize, name.fillColor = font, name_size, black
    name.textRenderMode = 2
    name.strokeColor, name.strokeWidth = black, name_size * 0.035
    drawing.add(name)
    if flag:
        s = name_size * 0.55
        ty = y + bh - pad - name_size * 0.75
        drawing.add(
            Polygon(
                [x + pad, ty, x + pad + s, ty + s / 2, x + pad, ty + s],
                fillColor=black,
                strokeColor=black,
                strokeWidth=0.3,
            )
        )
    title_y = y + bh - pad - name_size - title_size * 1.05
    if person.title and title_y > y + pad + badge_size * 1.4:
        title = String(x + pad, title_y, _fit(person.title, font, title_size, bw - 2 * pad))
        title.fontName, title.fontSize, title.fillColor = font, title_size, Color(0.2, 0.2, 0.2)
        drawing.add(title)
    bx, by = x + pad, y + pad * 0.9
    for index, badge in enumerate(person.badges):
        box_w = stringWidth(badge, font, badge_size) + badge_size * 0.8
        more = len(person.badges) - index - 1
        reserve = stringWidth(f"+{more}", font, badge_size) + 2 if more else 0
        if bx + box_w > x + bw - pad - reserve:
            plus = String(bx, by + badge_size * 0.3, f"+{more + 1}")
            plus.fontName, plus.fontSize = font, badge_size
            drawing.add(plus)
            break
        drawing.add(
            Rect(
                bx,
                by,
                box_w,
                badge_size * 1.35,
                rx=1.5,
                ry=1.5,
                fillColor=white,
                strokeColor=black,
                strokeWidth=0.4,
            )
        )
        text = String(bx + badge_size * 0.4, by + badge_size * 0.36, badge)
        text.fontName, text.fontSize, text.fillColor = font, badge_size, black
        drawing.add(text)
        bx += box_w + 2


def _legend_lines(legend: MapLegend | None, width: float, font: str) -> int:
    """1 when everything fits on one line (or the badges need no key), else 2."""
    if legend is None:
        return 0
    roles = _roles_key(legend)
    if not roles:
        return 1
    marks = sum(27 + stringWidth(name, font, LEGEND_SIZE) for _, name in legend.attitudes)
    marks += 18 + stringWidth(legend.attending, font, LEGEND_SIZE)
    marks += 22 + stringWidth(legend.influence, font, LEGEND_SIZE)
    return 1 if marks + stringWidth(roles, font, LEGEND_SIZE) <= width else 2


def _roles_key(legend: MapLegend) -> str:
    """What the badges mean, when they are abbreviations."""
    pairs = [(badge, name) for badge, name in legend.roles if badge != name]
    return "   ".join(f"{badge} = {name}" for badge, name in pairs)


def _legend(drawing: Any, legend: MapLegend, width: float, font: str) -> None:
    """Under the map: attitude samples, the meeting flag and influence bars; then the badges."""
    size = LEGEND_SIZE
    lines = _legend_lines(legend, width, font)
    y = 3.0 + LEGEND_LINE * (lines - 1)
    x = 0.0

    def text(at: float, value: str, grey: bool = False) -> float:
        s = String(at, y + 0.5, value)
        s.fontName, s.fontSize = font, size
        s.fillColor = Color(0.25, 0.25, 0.25) if grey else black
        drawing.add(s)
        return at + stringWidth(value, font, size)

    for key, name in legend.attitudes:
        stroke, dash, fill = ATTITUDE_LOOK.get(key, ATTITUDE_LOOK["unknown"])
        drawing.add(
            Rect(
                x,
                y - 1,
                14,
                8,
                rx=1,
                ry=1,
                fillColor=Color(*fill),
                strokeColor=black,
                strokeWidth=stroke,
                strokeDashArray=list(dash) if dash else None,
            )
        )
        x = text(x + 17, name) + 10
    drawing.add(
        Polygon([x, y - 0.5, x + 5, y + 2.5, x, y + 5.5], fillColor=black, strokeColor=black)
    )
    x = text(x + 8, legend.attending) + 10
    for i in range(3):
        drawing.add(
            Rect(
                x + i * 3.2,
                y - 0.5,
                2.2,
                3 + 1.8 * i,
                fillColor=black if i < 2 else white,
                strokeColor=black,
                strokeWidth=0.35,
            )
        )
    x = text(x + 12, legend.influence) + 10
    roles = _roles_key(legend)
    if roles and lines == 2:
        y -= LEGEND_LINE
        x = 0
    text(x, roles, grey=True)
