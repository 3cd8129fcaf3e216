"""Tables that break between rows, and the ruled table style every section uses."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table, TableStyle

from . import styles as st
from .fonts import register

SPLIT_IN_ROW_MIN = 24  # the smallest piece of a row cut across pages, in points


class FlowTable(Table):
    """A table that breaks between rows, and inside a row only when it must.

    reportlab's in-row splitting cuts whichever row straddles the page end; that tears a
    competitor's cell in two for no reason. Here a row is cut only when it is too tall to ever
    fit (a 3,000-character objective) or already stands at the top of a page.
    """

    frame_height = 10_000.0  # the page's frame height; set by ruled_table, passed on to parts

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["splitInRow"] = SPLIT_IN_ROW_MIN
        super().__init__(*args, **kwargs)

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        self.splitInRow = 0
        try:
            parts = super().split(avail_width, avail_height)
        finally:
            self.splitInRow = SPLIT_IN_ROW_MIN
        if not parts:
            heights = self._rowHeights or []  # type: ignore[attr-defined]  # set by wrap(); reportlab's stubs omit it
            blocking = heights[self.repeatRows] if len(heights) > self.repeatRows else 0
            full = self.frame_height
            if avail_height >= full - 1 or blocking > full * 0.4:
                parts = super().split(avail_width, avail_height)
        for part in parts:
            if isinstance(part, FlowTable):
                part.splitInRow = SPLIT_IN_ROW_MIN
                part.frame_height = self.frame_height
        return parts


def ruled_table(
    rows: list[list[Any]], widths: list[float], header: bool, extra: list[Any], frame_height: float
) -> FlowTable:
    """A ruled table: light horizontal rules, optional grey header row repeated on each page."""
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), register()),  # empty cells too, or Helvetica is listed
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.rgb(st.RULE)),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), st.rgb(st.SHADE)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.7, st.rgb(st.DARK)),
        ]
    table = FlowTable(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(TableStyle(commands + extra))
    table.frame_height = frame_height
    return table
