"""What every section of the brief shares: its data, the page width, headings and tables.

``SectionsBase`` holds one brief's data and the frame it is laid out in; the section mixins
(``top``, ``people``, ``account``, ``conversation``, ``close``) add one method per section, each
returning its flowables or nothing when the section has no content.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Spacer, Table

from .. import styles as st
from ..content import BriefData, Item
from ..flow_table import FlowTable, ruled_table
from ..flowables import SectionHeading
from ..labels import label
from ..map_drawing import MapSection
from ..paragraphs import Writer


class SectionsBase:
    """One brief's data and frame, with the helpers its sections share (see ``Sections``)."""

    def __init__(
        self,
        data: BriefData,
        width: float,
        frame_height: float,
        font: str,
        compact: bool,
        landscape: tuple[float, float] | None = None,
    ) -> None:
        self.d, self.width, self.frame_height, self.font = data, width, frame_height, font
        self.landscape = landscape  # the frame of a landscape page, for the map's sheets
        self.w = Writer(font, st.COMPACT if compact else st.REGULAR)
        self.s = self.w.s
        self._map: MapSection | None = None

    def lab(self, key: str, **params: object) -> str:
        return label(key, self.d.lang, **params)

    def heading(self, key: str, step: str = "", first: Any = None, room: float = 0) -> list[Any]:
        """The heading, moved to a new page unless it and the start of ``first`` fit here."""
        tag = self.d.step_labels.get(step, "") if step else ""
        if first is not None:
            room = self.start_height(first)
        return [
            CondPageBreak(SectionHeading.HEIGHT + 8 + min(room, self.frame_height * 0.4)),
            Spacer(1, 3),
            SectionHeading(self.lab(key), tag, self.font),
            Spacer(1, 2),
        ]

    def start_height(self, flowable: Any) -> float:
        """The height of a flowable's first row (tables: header and first body row)."""
        _, height = flowable.wrap(self.width, self.frame_height * 10)
        if isinstance(flowable, Table):
            rows = flowable._rowHeights or [height]  # type: ignore[attr-defined]  # set by wrap(); not in reportlab's stubs
            return float(sum(rows[: flowable.repeatRows + 1]))
        return float(height)

    def table(
        self, rows: list[list[Any]], widths: list[float], header: bool, extra: list[Any]
    ) -> FlowTable:
        return ruled_table(rows, widths, header, extra, self.frame_height)

    def cols(self, *fractions: float) -> list[float]:
        return [self.width * f for f in fractions]

    def label_rows(self, items: list[Item], label_width: float, extra: list[Any]) -> Table:
        rows = [[self.w.p(i.label, self.s.label), self.w.p(i.value, self.s.body)] for i in items]
        return self.table(rows, [label_width, self.width - label_width], False, extra)
