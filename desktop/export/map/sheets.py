"""The map as a PDF at print size: readable boxes on as many pages as the circle needs.

Boxes are drawn at ``PRINT_SCALE`` points per scene unit, so a name (14 units) prints at
8.7 pt and a title (11 units) at 6.8 pt whatever the size of the circle. The layout is the
paper one (``desktop.domain.paper_map``): compact stacks of reports, and branches on pages
of their own, with the chain of managers above them and "continues on page N" tags on the
boxes whose reports are elsewhere. The orientation that needs fewer pages wins (landscape on
a tie when the map is wider than tall). The legend goes beside the map where it fits, else on
a page of its own at the end.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from desktop.domain.dates import format_date
from desktop.domain.map_layout import BOX_HEIGHT, BOX_WIDTH, MapNode
from desktop.domain.paper_map import Box, Geometry, Sheet, paginate
from desktop.domain.playbook import Text
from desktop.exchange.map_data import MapData, MapPerson

from . import style
from .paint import (
    LEGEND_GAP,
    _text,
    connector_path,
    draw_legend,
    draw_person,
    legend_size,
    line_pen,
    person_rect,
)
from .style import MapLabels

PDF_DPI = 300
PDF_MARGIN_MM = 10.0
PRINT_SCALE = 0.62  # points per scene unit: names 8.7 pt, titles 6.8 pt
MAX_SCALE = 0.8  # a small circle is drawn larger to fill the page, up to this
HEADER = 44.0  # scene units above the map: title and date
GEOMETRY = Geometry(BOX_WIDTH, BOX_HEIGHT, h_gap=28.0, v_gap=44.0, indent=26.0, stack_gap=18.0)
TAG_SIZE = 11.0

WORDS = {
    "continues": Text("continues on page {pages}", "续见第 {pages} 页"),
    "page_of": Text("page {page} of {pages}", "第 {page} 页,共 {pages} 页"),
}


def word(labels: MapLabels, key: str, **params: object) -> str:
    return WORDS[key].get(labels.lang).format(**params)


def _page_layout(paper: str, landscape: bool) -> QPageLayout:
    size = QPageSize.PageSizeId.Letter if paper == "Letter" else QPageSize.PageSizeId.A4
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    margins = QMarginsF(PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM)
    return QPageLayout(QPageSize(size), orientation, margins, QPageLayout.Unit.Millimeter)


def _room(layout: QPageLayout) -> tuple[float, float]:
    """The map's room on one page, in scene units."""
    rect = layout.paintRect(QPageLayout.Unit.Point)
    return rect.width() / PRINT_SCALE, rect.height() / PRINT_SCALE - HEADER


def plan(data: MapData, paper: str) -> tuple[bool, list[Sheet]]:
    """(landscape?, sheets): the orientation needing fewer pages, landscape on a tie if wide.

    Boxes the rep dragged keep their places when the whole arrangement fits one page at
    print size; otherwise the paper layout takes over.
    """
    nodes = [MapNode(p.id, p.manager_id) for p in data.people]
    options = []
    for landscape in (True, False):
        width, height = _room(_page_layout(paper, landscape))
        pinned = _pinned_sheet(data, width, height)
        sheets = [pinned] if pinned else paginate(nodes, GEOMETRY, width, height)
        wide = bool(sheets) and sheets[0].width >= sheets[0].height
        rank = (len(sheets), 0 if pinned else 1, 0 if wide == landscape else 1)
        options.append((rank, landscape, sheets))
    options.sort(key=lambda o: o[0])
    return options[0][1], options[0][2]


def _pinned_sheet(data: MapData, width: float, height: float) -> Sheet | None:
    """The rep's own arrangement as one sheet, if they dragged boxes and it fits the page."""
    if not any(p.pinned for p in data.people) or not data.placements:
        return None
    left, top, right, bottom = data.bounds()
    if right - left > width or bottom - top > height:
        return None
    boxes = {pid: Box(p.x - left, p.y - top) for pid, p in data.placements.items()}
    lines = []
    for manager, report in data.lines():
        if manager in data.placements and report in data.placements:
            path = connector_path(
                person_rect(data.placements[manager]), person_rect(data.placements[report])
            )
            points = [path.elementAt(i) for i in range(path.elementCount())]
            lines.append([(e.x - left, e.y - top) for e in points])
    return Sheet(boxes=boxes, lines=lines, width=right - left, height=bottom - top)


def write_pdf(data: MapData, labels: MapLabels, path: Path, paper: str, today: date | None) -> None:
    landscape, sheets = plan(data, paper)
    layout = _page_layout(paper, landscape)
    # Fill the page: a small circle prints larger, up to MAX_SCALE, never below PRINT_SCALE.
    room = layout.paintRect(QPageLayout.Unit.Point)
    fill = min(
        (min(room.width() / s.width, room.height() / (s.height + HEADER)) for s in sheets),
        default=PRINT_SCALE,
    )
    legend_w, legend_h = legend_size(labels)
    # The largest scale at which the legend still finds room beside the map, if any does.
    for scale_pt in sorted({max(PRINT_SCALE, min(MAX_SCALE, fill)), PRINT_SCALE}, reverse=True):
        width, height = room.width() / scale_pt, room.height() / scale_pt - HEADER
        legend_on, legend_at = None, QPointF(0, 0)
        for i, sheet in enumerate(sheets):
            spot = _free_spot(sheet, legend_w, legend_h, width, height)
            if spot is not None:
                legend_on, legend_at = i, spot
                break
        if legend_on is not None:
            break
    total = len(sheets) + (1 if legend_on is None else 0)
    writer = QPdfWriter(str(path))
    writer.setTitle(f"{data.account_name} — {data.opportunity_name}")
    writer.setCreator("Callbrief")
    writer.setPageLayout(layout)
    writer.setResolution(PDF_DPI)
    metrics = QFontMetricsF(style.font(14))  # with the fallback families
    people = {p.id: _printable_person(p, metrics) for p in data.people}
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"could not write {path}")
    try:
        scale = scale_pt * PDF_DPI / 72
        for index in range(total):
            if index:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            _header(painter, data, labels, today, index, total, width)
            painter.translate(0, HEADER)
            if index < len(sheets):
                _draw_sheet(painter, sheets[index], people, labels)
            if index == legend_on or (legend_on is None and index == len(sheets)):
                draw_legend(painter, legend_at, labels)
            painter.restore()
    finally:
        painter.end()


def _free_spot(sheet: Sheet, w: float, h: float, width: float, height: float) -> QPointF | None:
    """Where a w x h legend fits on the sheet without covering a box or a line, if anywhere.

    Tried from the bottom right, the corner an org chart leaves empty most often.
    """
    pad = LEGEND_GAP / 2
    taken = [
        QRectF(b.x - pad, b.y - pad, BOX_WIDTH + 2 * pad, BOX_HEIGHT + 2 * pad)
        for b in sheet.boxes.values()
    ]
    for line in sheet.lines:
        for (x0, y0), (x1, y1) in zip(line, line[1:], strict=False):
            taken.append(QRectF(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)))
    step = 24.0
    y = height - h
    while y >= 0:
        x = width - w
        while x >= 0:
            spot = QRectF(x, y, w, h)
            if not any(spot.intersects(t) or t.intersects(spot) for t in taken):
                return QPointF(x, y)
            x -= step
        y -= step
    return None


def _header(
    painter: QPainter,
    data: MapData,
    labels: MapLabels,
    today: date | None,
    index: int,
    total: int,
    width: float,
) -> None:
    title = f"{data.account_name} — {data.opportunity_name}"
    stamp = labels.heading("as_of", date=format_date(today or date.today(), labels.lang))
    if total > 1:
        stamp += "   ·   " + word(labels, "page_of", page=index + 1, pages=total)
    _text(painter, title, QRectF(0, 0, width, 22), 18, style.INK, True)
    _text(painter, stamp, QRectF(0, 22, width, 16), 11, style.MUTED)


def _draw_sheet(painter: QPainter, sheet: Sheet, people: dict, labels: MapLabels) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(line_pen())
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for line in sheet.lines:
        for (x0, y0), (x1, y1) in zip(line, line[1:], strict=False):
            painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))
    painter.restore()
    for pid, box in sheet.boxes.items():
        rect = QRectF(box.x, box.y, BOX_WIDTH, BOX_HEIGHT)
        draw_person(painter, rect, people[pid], labels)
        if box.path:  # drawn again above a branch: a faint veil says "for context"
            painter.fillRect(rect, QColor(255, 255, 255, 90))
    for pid, pages in sheet.continues.items():
        box = sheet.boxes[pid]
        _tag(painter, box.x, box.y, word(labels, "continues", pages=_pages(pages)))


def _printable_person(person: MapPerson, metrics: QFontMetricsF) -> MapPerson:
    """The person with characters no bundled font has written as their code (U+1FAE0),
    which Qt would otherwise draw as an empty box."""

    def printable(text: str) -> str:
        out = []
        for ch in text:
            code = ord(ch)
            if ch.isspace() or code in (0xFE0E, 0xFE0F, 0x200D) or metrics.inFontUcs4(code):
                out.append(ch)
            else:
                out.append(f"U+{code:04X}")
        return "".join(out)

    return replace(
        person,
        name=printable(person.name),
        title=printable(person.title),
        department=printable(person.department),
    )


def _pages(indices: list[int]) -> str:
    return ", ".join(str(i + 1) for i in sorted(set(indices)))


def _tag(painter: QPainter, x: float, y: float, text: str) -> None:
    """A small label just under the box, at its right."""
    f = style.font(TAG_SIZE, True)
    w = QFontMetricsF(f).horizontalAdvance(text) + 10
    rect = QRectF(x + BOX_WIDTH - w, y + BOX_HEIGHT + 1, w, 15)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(style.INK, 0.8))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(rect, 4, 4)
    painter.setFont(f)
    painter.setPen(style.INK)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()
