"""The brief's own flowables: section headings, tick boxes, ruled notes and invisible markers.

The markers (``BriefStart``, ``SheetsStart``) draw nothing; they tell the ``BriefCanvas`` which
brief the following pages belong to and where the map's sheets begin, so the page furniture can
number each brief's pages on its own.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from . import styles as st
from .brief_data import BriefData
from .page_canvas import BriefCanvas


class SectionHeading(Flowable):
    """A heading with a rule under it and, at the right, the visit step it belongs to."""

    HEIGHT = 14.0

    def __init__(self, text: str, tag: str, font: str) -> None:
        super().__init__()
        self.text, self.tag, self.font = text, tag, font

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.HEIGHT

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(st.rgb(st.INK))
        c.setStrokeColor(st.rgb(st.INK))
        c.setLineWidth(st.HEADING * 0.04)
        c.setFont(self.font, st.HEADING)
        c.drawString(0, 4, self.text, mode=2)
        if self.tag:
            c.setFont(self.font, st.SMALL)
            c.setFillColor(st.rgb(st.MUTED))
            c.drawRightString(self.width, 4.5, self.tag)
        c.setLineWidth(0.9)
        c.line(0, 1.5, self.width, 1.5)


class TickBox(Flowable):
    """An empty square to tick by hand (drawn, so no font needs a ☐ glyph)."""

    def __init__(self, size: float, ticked: bool = False) -> None:
        super().__init__()
        self.size, self.ticked = size, ticked

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.7)
        c.setStrokeColor(st.rgb(st.INK))
        c.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        if self.ticked:
            s = self.size
            tick = [(0.2, 0.5, 0.42, 0.22), (0.42, 0.22, 0.85, 0.8)]
            c.lines([tuple(v * s for v in seg) for seg in tick])


class RuledNotes(Flowable):
    """Lines to write on: fills what is left of the page, within a minimum and a maximum."""

    def __init__(self, pitch: float = 18.0, min_lines: int = 3, max_lines: int = 24) -> None:
        super().__init__()
        self.pitch, self.min_lines, self.max_lines = pitch, min_lines, max_lines
        self.lines = min_lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        fits = int(avail_height // self.pitch)
        self.lines = max(self.min_lines, min(self.max_lines, fits))
        return avail_width, self.lines * self.pitch

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(st.rgb(st.RULE))
        c.setLineWidth(0.5)
        for i in range(self.lines):
            y = i * self.pitch
            c.line(0, y, self.width, y)


class BriefStart(Flowable):
    """Invisible marker: tells the canvas which brief the following pages belong to."""

    def __init__(self, index: int, data: BriefData) -> None:
        super().__init__()
        self.index, self.data = index, data

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if isinstance(self.canv, BriefCanvas):  # a plain canvas has no furniture to number
            self.canv.begin_brief(self.index, self.data)


class SheetsStart(Flowable):
    """Invisible marker at the top of the map's first sheet: the pages from here on are the
    whole circle's sheets, not the brief's body (see ``BriefCanvas.body_counts``)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if isinstance(self.canv, BriefCanvas):
            self.canv.begin_sheets()
