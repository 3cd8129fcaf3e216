"""The decision map as a vector drawing for the brief.

This module imports reportlab at the top: only layout.py, itself imported lazily, uses it.
Box positions come from ``desktop.domain.paper_map``, the paper layout the map PDF uses too:
boxes at a fixed, readable size (names 8.5 pt, titles 6.8 pt in up to two lines), reports
stacked under their manager, and a circle too big for the section cut into sheets printed at
the end of the brief, while the section shows what matters for this visit. Attitude is shown
twice, so it survives a black-and-white printer: by the border (solid heavy, solid thin,
dashed, dotted) and by the fill's shade. Role badges, three influence bars and a corner flag
for the people in this meeting complete each box; a legend under the map explains the marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.shapes import Drawing, Polygon, PolyLine, Rect, String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.colors import Color, black, white
from reportlab.lib.validators import isColorOrNone, isNumber
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.domain.map_layout import BOX_HEIGHT, BOX_WIDTH, layout
from desktop.domain.map_layout import bounds as layout_bounds
from desktop.domain.paper_map import Box, Geometry, Sheet, paginate

from . import fonts
from .brief_data import MapLegend, MapPerson
from .labels import label
from .text import wrap_lines


def _rect(x: float, y: float, width: float, height: float, **style: Any) -> Rect:
    """A ``Rect`` with style keywords. types-reportlab annotates Rect's ``**kw`` as the
    keyword TypedDict itself (not ``Unpack[...]``), so each keyword passed directly is refused."""
    return Rect(x, y, width, height, **style)


# Border width, dash pattern and fill per attitude key.
ATTITUDE_LOOK: dict[str, tuple[float, tuple[float, ...] | None, tuple[float, float, float]]] = {
    "supporter": (1.6, None, (0.86, 0.94, 0.86)),
    "neutral": (0.6, None, (1.0, 1.0, 1.0)),
    "opponent": (1.4, (4.0, 2.0), (0.95, 0.8, 0.8)),
    "unknown": (0.8, (0.8, 1.6), (0.93, 0.93, 0.93)),
}
INFLUENCE_BARS = {"high": 3, "medium": 2, "low": 1}
NAME_SIZE = 8.5  # points, on every page and at every circle size
TITLE_SIZE = 6.8
BADGE_SIZE = 6.5
TAG_SIZE = 6.5
GEOMETRY = Geometry(box_w=100.0, box_h=42.0, h_gap=8.0, v_gap=14.0, indent=10.0, stack_gap=10.0)
SECTION_SHARE = 0.62  # of a page, the most the map takes in the brief's flow
SHEET_HEADING = 24.0  # above each sheet of the whole circle at the end
LEGEND_LINE = 10.0
LEGEND_SIZE = 6.6


class BoldString(String):
    """A String drawn with fill and stroke; the face has no bold weight, so it is drawn bold."""

    _attrMap = AttrMap(
        BASE=String, strokeColor=AttrMapValue(isColorOrNone), strokeWidth=AttrMapValue(isNumber)
    )
    # Declared for the type checker: types-reportlab lists these only as keywords.
    textRenderMode: int
    strokeColor: Color | None
    strokeWidth: float


@dataclass
class MapSection:
    """The map as the brief prints it: the section's drawings, and sheets for the end."""

    drawings: list[Any]  # in the section, the legend under the last
    shown: int  # people drawn in the section
    total: int
    appendix: list[Any] = field(default_factory=list)  # the whole circle, one drawing a page
    landscape: bool = False  # the appendix's pages are turned


def map_section(
    people: list[MapPerson],
    legend: MapLegend | None,
    width: float,
    frame_height: float,
    font: str,
    lang: str,
    landscape: tuple[float, float] | None = None,
) -> MapSection:
    """The whole circle when it fits the section; else what matters for this visit.

    Boxes never shrink below readable (names 8.5 pt, titles 6.8 pt). A circle too big for
    ``SECTION_SHARE`` of a page shows, in the section, the people in this meeting with their
    chain of managers, the decision makers and the people named by a red flag; the whole
    circle follows on sheets of its own at the end of the brief, on landscape pages (the
    ``landscape`` frame's width and height) when they take fewer.
    """
    legend_h = _legend_height(legend, width, font)
    page_room = frame_height - SHEET_HEADING - legend_h - 8
    pinned = _pinned_sheet(people, width, page_room)
    if pinned is not None:  # the rep arranged the boxes by hand, and it fits: as arranged
        sheet, box = pinned
        drawing = _sheet_drawing(sheet, people, width, legend, font, lang, box)
        return MapSection([drawing], len(people), len(people))
    # The whole circle in the section when it fits a page: the section then may start on
    # the next page, but the brief needs no sheets at the end.
    room = frame_height - SHEET_HEADING - legend_h - 8
    sheets = paginate([p.node for p in people], GEOMETRY, width, room)
    if len(sheets) <= 1:
        drawings = [_sheet_drawing(s, people, width, legend, font, lang) for s in sheets]
        return MapSection(drawings, len(people), len(people))
    room = frame_height * SECTION_SHARE - legend_h
    focus = _focus(people)
    chosen = [p for p in people if p.id in focus]
    few = paginate([p.node for p in chosen], GEOMETRY, width, room)
    drawings = [
        _sheet_drawing(s, chosen, width, legend if i == len(few) - 1 else None, font, lang)
        for i, s in enumerate(few)
    ]
    sheet_width, turned = width, False
    if landscape is not None:
        wide_w, wide_h = landscape
        wide_room = wide_h - SHEET_HEADING - _legend_height(legend, wide_w, font) - 8
        wide = paginate([p.node for p in people], GEOMETRY, wide_w, wide_room)
        if len(wide) < len(sheets):
            sheets, sheet_width, turned = wide, wide_w, True
    appendix = [_sheet_drawing(s, people, sheet_width, legend, font, lang) for s in sheets]
    return MapSection(drawings, len(chosen), len(people), appendix, turned)


def _pinned_sheet(
    people: list[MapPerson], width: float, height: float
) -> tuple[Sheet, tuple[float, float]] | None:
    """The screen's arrangement, boxes the rep dragged included, at the paper's box width.

    Returned with the box size when the rep dragged any box and the whole arrangement fits
    ``width`` x ``height``; the scale keeps names at their 8.5 pt.
    """
    if not any(p.pinned is not None for p in people):
        return None
    placed = layout(p.node for p in people)
    scale = GEOMETRY.box_w / BOX_WIDTH
    bw, bh = BOX_WIDTH * scale, BOX_HEIGHT * scale
    left, top, right, bottom = layout_bounds(placed)
    if (right - left) * scale > width or (bottom - top) * scale > height:
        return None
    boxes = {pid: Box((p.x - left) * scale, (p.y - top) * scale) for pid, p in placed.items()}
    lines: list[list[tuple[float, float]]] = []
    for person in people:
        manager = person.manager_id
        if manager not in boxes or manager == person.id:
            continue
        m, r = boxes[manager], boxes[person.id]
        start, end = (m.x + bw / 2, m.y + bh), (r.x + bw / 2, r.y)
        if end[1] > start[1]:  # below its manager: an orthogonal line with a bend
            mid = (start[1] + end[1]) / 2
            lines.append([start, (start[0], mid), (end[0], mid), end])
        else:  # dragged beside or above: a straight line
            lines.append([start, end])
    sheet = Sheet(boxes, lines, width=(right - left) * scale, height=(bottom - top) * scale)
    return sheet, (bw, bh)


def _focus(people: list[MapPerson]) -> set[int]:
    """Who matters for this visit, with everyone above them up to the top."""
    by_id = {p.id: p for p in people}
    wanted = {p.id for p in people if p.attending or p.decision_maker or p.warned}
    if not wanted:  # nothing marked: the top of the chart
        wanted = {p.id for p in people if p.manager_id not in by_id}
    out: set[int] = set()
    for pid in wanted:
        current: int | None = pid
        while current is not None and current in by_id and current not in out:
            out.add(current)
            current = by_id[current].manager_id
    return out


def _legend_height(legend: MapLegend | None, width: float, font: str) -> float:
    return LEGEND_LINE * _legend_lines(legend, width, font) + 4 if legend else 2


def _sheet_drawing(
    sheet: Sheet,
    people: list[MapPerson],
    width: float,
    legend: MapLegend | None,
    font: str,
    lang: str,
    box: tuple[float, float] | None = None,
) -> Any:
    """One sheet as a Drawing ``width`` wide, centred, the legend under it."""
    by_id = {p.id: p for p in people}
    legend_h = _legend_height(legend, width, font)
    height = sheet.height + legend_h + 2
    # initialFontName: else the renderer sets (and the PDF lists) Helvetica
    drawing = Drawing(width, height, initialFontName=font)
    offset = (width - sheet.width) / 2

    def at(x: float, y: float) -> tuple[float, float]:
        """Sheet coordinates (y down) to the drawing's (y up)."""
        return offset + x, height - y

    grey = Color(0.45, 0.45, 0.45)
    for line in sheet.lines:
        points = [v for x, y in line for v in at(x, y)]
        drawing.add(PolyLine(points, strokeColor=grey, strokeWidth=0.6))
    bw, bh = box or (GEOMETRY.box_w, GEOMETRY.box_h)
    for pid, placed in sheet.boxes.items():
        x, top = at(placed.x, placed.y)
        _box(drawing, by_id[pid], x, top - bh, bw, bh, font, placed.path)
    for pid, sheets in sheet.continues.items():
        placed = sheet.boxes[pid]
        x, top = at(placed.x, placed.y)
        numbers = ", ".join(str(i + 1) for i in sorted(set(sheets)))
        _tag(drawing, x + bw, top - bh, label("map_continues", lang, sheets=numbers), font)
    if legend is not None:
        _legend(drawing, legend, width, font)
    return drawing


def _tag(drawing: Any, right: float, bottom: float, text: str, font: str) -> None:
    """A small label just under a box, flush with its right edge."""
    w = stringWidth(text, font, TAG_SIZE) + 4
    drawing.add(
        _rect(right - w, bottom - TAG_SIZE - 2.5, w, TAG_SIZE + 2, rx=1.5, ry=1.5,
             fillColor=white, strokeColor=black, strokeWidth=0.4)
    )  # fmt: skip
    tag = String(right - w + 2, bottom - TAG_SIZE - 0.8, text)
    tag.fontName, tag.fontSize, tag.fillColor = font, TAG_SIZE, black
    drawing.add(tag)


def _fit(text: str, font: str, size: float, room: float) -> str:
    """``text`` shortened with an ellipsis to ``room`` points (fallback fonts measured too)."""
    if fonts.width(text, size) <= room:
        return text
    while text and fonts.width(text + "…", size) > room:
        text = text[:-1]
    return text + "…" if text else ""


def _text(
    drawing: Any, x: float, y: float, text: str, size: float, color: Any, bold: bool = False
) -> None:
    """The rep's text, each piece in a font that has its characters (emoji, CJK Ext B)."""
    for font, piece in fonts.runs(text):
        item = (BoldString if bold else String)(x, y, piece)
        item.fontName, item.fontSize, item.fillColor = font, size, color
        if isinstance(item, BoldString):
            item.textRenderMode = 2
            item.strokeColor, item.strokeWidth = color, size * 0.035
        drawing.add(item)
        x += stringWidth(piece, font, size)


def _box(
    drawing: Any,
    person: MapPerson,
    x: float,
    y: float,
    bw: float,
    bh: float,
    font: str,
    context: bool = False,
) -> None:
    """One person: framed by attitude, name (drawn bold), title in two lines, badges, marks."""
    pad = 3.5
    stroke, dash, fill = ATTITUDE_LOOK.get(person.attitude, ATTITUDE_LOOK["unknown"])
    drawing.add(
        _rect(
            x,
            y,
            bw,
            bh,
            rx=2,
            ry=2,
            fillColor=Color(*fill),
            strokeColor=Color(0.5, 0.5, 0.5) if context else black,
            strokeWidth=stroke,
            strokeDashArray=list(dash) if dash else None,
        )
    )
    bar_w, bar_gap = 2.4, 1.4
    bars_room = 3 * bar_w + 2 * bar_gap + 3
    filled = INFLUENCE_BARS.get(person.influence or "", 0)
    for i in range(3):
        drawing.add(
            _rect(
                x + bw - pad - bars_room + 3 + i * (bar_w + bar_gap),
                y + bh - pad - NAME_SIZE * 0.9,
                bar_w,
                NAME_SIZE * (0.4 + 0.22 * i),
                fillColor=black if i < filled else white,
                strokeColor=black,
                strokeWidth=0.35,
            )
        )
    flag = person.attending
    text_x = x + pad + (NAME_SIZE * 0.7 if flag else 0)
    room = x + bw - pad - bars_room - text_x
    name_y = y + bh - pad - NAME_SIZE * 0.85
    _text(drawing, text_x, name_y, _fit(person.name, font, NAME_SIZE, room), NAME_SIZE, black, True)
    if flag:
        s = NAME_SIZE * 0.55
        ty = y + bh - pad - NAME_SIZE * 0.75
        drawing.add(
            Polygon(
                [x + pad, ty, x + pad + s, ty + s / 2, x + pad, ty + s],
                fillColor=black,
                strokeColor=black,
                strokeWidth=0.3,
            )
        )
    line_y = name_y - TITLE_SIZE * 1.3
    for line in wrap_lines(person.title, font, TITLE_SIZE, bw - 2 * pad, 2):
        _text(drawing, x + pad, line_y, line, TITLE_SIZE, Color(0.2, 0.2, 0.2))
        line_y -= TITLE_SIZE * 1.15
    bx, by = x + pad, y + pad * 0.8
    for index, badge in enumerate(person.badges):
        box_w = stringWidth(badge, font, BADGE_SIZE) + BADGE_SIZE * 0.8
        more = len(person.badges) - index - 1
        reserve = stringWidth(f"+{more}", font, BADGE_SIZE) + 2 if more else 0
        if bx + box_w > x + bw - pad - reserve:
            plus = String(bx, by + BADGE_SIZE * 0.3, f"+{more + 1}")
            plus.fontName, plus.fontSize = font, BADGE_SIZE
            drawing.add(plus)
            break
        drawing.add(
            _rect(
                bx,
                by,
                box_w,
                BADGE_SIZE * 1.3,
                rx=1.5,
                ry=1.5,
                fillColor=white,
                strokeColor=black,
                strokeWidth=0.4,
            )
        )
        text = String(bx + BADGE_SIZE * 0.4, by + BADGE_SIZE * 0.33, badge)
        text.fontName, text.fontSize, text.fillColor = font, BADGE_SIZE, black
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
            _rect(
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
            _rect(
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
