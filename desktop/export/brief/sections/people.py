"""The people: who attends, and the decision map (in the body and, whole, on its own sheets)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

from .. import styles as st
from ..flowables import SectionHeading, SheetsStart
from ..map_drawing import MapSection, map_section
from .base import SectionsBase


class PeopleSections(SectionsBase):
    """The attendees on both sides and the customer's decision circle."""

    def attendees(self) -> list[Any]:
        d, w, s = self.d, self.w, self.s
        if not d.customer and not d.team:
            return []
        out: list[Any] = []
        if d.customer:
            keys = ("col_person", "col_roles", "col_attitude", "col_style")
            rows: list[list[Any]] = [[w.p(self.lab(k), s.cell_head) for k in keys]]
            for a in d.customer:
                style = [
                    (f"{a.style} —" if a.pitch_tip else a.style, s.cell),
                    (a.pitch_tip, s.small),
                ]
                stance = [(a.attitude, s.cell), (a.influence, s.small)]
                rows.append(
                    [
                        [w.p(a.name, s.cell, strong=True)]
                        + w.rich([(a.title, s.small), (a.reach, s.small)]),
                        w.p(a.roles, s.cell),
                        w.rich(stance),
                        w.run(style, s.cell),
                    ]
                )
            widths = self.cols(0.25, 0.14, 0.12, 0.49)
            out.append(self.table(rows, widths, True, []))
        if d.team:
            text = "   ·   ".join(
                f"{m.name}: {m.meeting_role}" if m.meeting_role else m.name for m in d.team
            )
            lw = 22 * st.MM
            rows = [[w.p(self.lab("our_team"), s.label), w.p(text, s.cell)]]
            out += [Spacer(1, 2), self.table(rows, [lw, self.width - lw], False, [])]
        return self.heading("attendees", "prepare", first=out[0]) + out

    def map_section(self) -> MapSection | None:
        if not self.d.map_people:
            return None
        if self._map is None:
            self._map = map_section(
                self.d.map_people,
                self.d.map_legend,
                self.width,
                self.frame_height,
                self.font,
                self.d.lang,
                self.landscape,
            )
        return self._map

    def decision_map(self) -> list[Any]:
        section = self.map_section()
        if section is None:
            return []
        body: list[Any] = []
        if section.appendix:
            summary = self.lab("map_focus", shown=section.shown, total=section.total)
            body += [Spacer(1, 2), self.w.p(summary, self.s.small)]
        for drawing in section.drawings:
            body += [Spacer(1, 4), drawing]
        return self.heading("decision_map", first=section.drawings[0]) + body

    def map_sheets(self) -> list[Any]:
        """The whole circle, one sheet a page, after everything else."""
        section = self.map_section()
        if section is None or not section.appendix:
            return []
        out: list[Any] = [NextPageTemplate("landscape")] if section.landscape else []
        pages = len(section.appendix)
        for n, drawing in enumerate(section.appendix, start=1):
            heading = self.lab("map_sheet", sheet=n, sheets=pages)
            out += [PageBreak()] + ([SheetsStart()] if n == 1 else [])
            out += [SectionHeading(heading, "", self.font), Spacer(1, 6), drawing]
        if section.landscape:  # the next brief of a day's batch starts upright again
            out.append(NextPageTemplate("brief"))
        return out
