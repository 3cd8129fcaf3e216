"""The brief as a reportlab document: sections, tables, the map, the notes area, page furniture.

``build_pdf()`` lays out one or more ``BriefData`` into a PDF file, each brief from a new page,
and returns the page count. Sections without content are left out. Page numbers ("page X of
Y") count within each brief; they and the running header are drawn when the canvas is saved,
once the page count of every brief is known.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from . import fonts
from . import styles as st
from .content import BriefData, Item
from .fonts import register
from .labels import label
from .map_drawing import MapSection, map_section
from .paragraphs import Writer

PAPERS = {"A4": A4, "LETTER": LETTER}
SPLIT_IN_ROW_MIN = 24.0  # the smallest piece of a row cut across pages, in points


def page_size(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper.upper()]
    except KeyError:
        raise ValueError(f"unknown paper size {paper!r}; use A4 or Letter") from None


# Flowables ----------------------------------------------------------------------------------


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
        self.canv._callbrief_brief = (self.index, self.data)  # read by BriefCanvas
        self.canv._callbrief_in_sheets = False


class SheetsStart(Flowable):
    """Invisible marker at the top of the map's first sheet: the pages from here on are the
    whole circle's sheets, not the brief's body (see ``BriefCanvas.body_counts``)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._callbrief_in_sheets = True


# Page furniture -----------------------------------------------------------------------------


class BriefCanvas(Canvas):
    """Holds pages back until the end, then adds the footer and running header to each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._callbrief_pages: list[tuple[dict[str, Any], Any]] = []
        self._callbrief_brief: tuple[int, BriefData] | None = None
        self._callbrief_in_sheets = False

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._callbrief_pages.append((dict(self.__dict__), self._callbrief_brief))
        self._startPage()

    @property
    def page_counts(self) -> dict[int, int]:
        """Pages per brief index, once the document is laid out."""
        totals: dict[int, int] = {}
        for _, brief in self._callbrief_pages:
            if brief is not None:
                totals[brief[0]] = totals.get(brief[0], 0) + 1
        return totals

    @property
    def body_counts(self) -> dict[int, int]:
        """Pages per brief index without the map's sheets at its end."""
        totals: dict[int, int] = {}
        for state, brief in self._callbrief_pages:
            if brief is not None and not state.get("_callbrief_in_sheets"):
                totals[brief[0]] = totals.get(brief[0], 0) + 1
        return totals

    defer_save = False  # set for a pass that may be thrown away; ``finish`` then writes

    def save(self) -> None:
        if not self.defer_save:
            self.finish()

    def finish(self) -> None:
        """Add the page furniture and write the file."""
        totals = self.page_counts
        seen: dict[int, int] = {}
        for state, brief in self._callbrief_pages:
            self.__dict__.update(state)
            if brief is not None:
                index, data = brief
                seen[index] = seen.get(index, 0) + 1
                self._furniture(data, seen[index], totals[index])
            Canvas.showPage(self)
        Canvas.save(self)

    def _furniture(self, data: BriefData, page: int, pages: int) -> None:
        font = register()
        width, height = self._pagesize
        left, right = st.MARGIN_X, width - st.MARGIN_X
        self.saveState()
        self.setFont(font, st.SMALL)
        self.setFillColor(st.rgb(st.MUTED))
        self.setStrokeColor(st.rgb(st.RULE))
        self.setLineWidth(0.5)
        y = st.FOOTER_BASELINE
        self.line(left, y + 9, right, y + 9)
        number = label("page", data.lang, page=page, pages=pages)
        self.drawRightString(right, y, number)
        note = label("confidential", data.lang)
        self.drawCentredString(width / 2, y, note)
        room = width / 2 - left - self.stringWidth(note, font, st.SMALL) / 2 - 12
        _draw(self, left, y, _fit(self, data.account, font, st.SMALL, room), st.SMALL)
        if page > 1:
            top = height - st.HEADER_BASELINE
            tag = label("brief", data.lang)
            self.drawRightString(right, top, tag)
            room = right - left - self.stringWidth(tag, font, st.SMALL) - 12
            _draw(self, left, top, _fit(self, data.running_title, font, st.SMALL, room), st.SMALL)
            self.line(left, top - 4, right, top - 4)
        self.restoreState()


def _fit(canv: Any, text: str, font: str, size: float, room: float) -> str:
    """``text`` shortened with an ellipsis to ``room`` points (fallback fonts measured too)."""
    if fonts.width(text, size) <= room:
        return text
    while text and fonts.width(text + "…", size) > room:
        text = text[:-1]
    return text + "…"


def _draw(canv: Any, x: float, y: float, text: str, size: float) -> None:
    """One line of the rep's text, each piece in a font that has its characters."""
    for font, piece in fonts.runs(text):
        canv.setFont(font, size)
        canv.drawString(x, y, piece)
        x += canv.stringWidth(piece, font, size)


class FlowTable(Table):
    """A table that breaks between rows, and inside a row only when it must.

    reportlab's in-row splitting cuts whichever row straddles the page end; that tears a
    competitor's cell in two for no reason. Here a row is cut only when it is too tall to ever
    fit (a 3,000-character objective) or already stands at the top of a page.
    """

    frame_height = 10_000.0  # the page's frame height; set by _table, passed on to parts

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
            heights = self._rowHeights or []
            blocking = heights[self.repeatRows] if len(heights) > self.repeatRows else 0
            full = self.frame_height
            if avail_height >= full - 1 or blocking > full * 0.4:
                parts = super().split(avail_width, avail_height)
        for part in parts:
            if isinstance(part, FlowTable):
                part.splitInRow = SPLIT_IN_ROW_MIN
                part.frame_height = self.frame_height
        return parts


def _table(
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


class Sections:
    """Turns one BriefData into flowables, section by section; empty sections give nothing."""

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
            rows = flowable._rowHeights or [height]
            return float(sum(rows[: flowable.repeatRows + 1]))
        return float(height)

    def table(
        self, rows: list[list[Any]], widths: list[float], header: bool, extra: list[Any]
    ) -> FlowTable:
        return _table(rows, widths, header, extra, self.frame_height)

    def cols(self, *fractions: float) -> list[float]:
        return [self.width * f for f in fractions]

    def label_rows(self, items: list[Item], label_width: float, extra: list[Any]) -> Table:
        rows = [[self.w.p(i.label, self.s.label), self.w.p(i.value, self.s.body)] for i in items]
        return self.table(rows, [label_width, self.width - label_width], False, extra)

    def all(self) -> list[Any]:
        out: list[Any] = []
        for part in (
            self.title_block,
            self.commitments,
            self.red_flags,
            self.attendees,
            self.decision_map,
            self.snapshot,
            self.competitors,
            self.value_statement,
            self.questions,
            self.objections,
            self.fabs,
            self.next_steps,
            self.notes,
            self.map_sheets,
        ):
            out += part()
        return out

    # -- sections ------------------------------------------------------------------------

    def title_block(self) -> list[Any]:
        d, w, s = self.d, self.w, self.s
        title = d.title or d.opportunity or d.account
        out: list[Any] = [w.p(self.lab("brief"), s.kicker), w.p(title, s.title, True)]
        out.append(Spacer(1, 4))
        lw = 17 * st.MM
        half = self.width / 2
        rows = []
        for i in range(max(len(d.header_left), len(d.header_right))):
            row: list[Any] = []
            for side in (d.header_left, d.header_right):
                if i < len(side):
                    row += [w.p(side[i].label, s.label), w.p(side[i].value, s.body)]
                else:
                    row += ["", ""]
            rows.append(row)
        if rows:
            extra = [
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, st.rgb(st.INK)),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, st.rgb(st.INK)),
            ]
            out.append(self.table(rows, [lw, half - lw, lw, half - lw], False, extra))
        return out

    def commitments(self) -> list[Any]:
        if not self.d.commitments:
            return []
        extra = [
            ("BACKGROUND", (0, 0), (-1, -1), st.rgb(st.LIGHT)),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, st.rgb(st.INK)),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.rgb(st.SHADE)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (0, -1), 6),
        ]
        # The objective stands out, unless it is an essay that would turn into a black block.
        objective = self.lab("objective")
        rows = [
            [
                self.w.p(i.label, self.s.label),
                self.w.p(i.value, self.s.body, strong=i.label == objective and len(i.value) <= 300),
            ]
            for i in self.d.commitments
        ]
        lw = 30 * st.MM
        table = self.table(rows, [lw, self.width - lw], False, extra)
        return [Spacer(1, 9), table]

    def red_flags(self) -> list[Any]:
        if not self.d.flags:
            return []
        rows, extra = [], []
        white = _white(self.s.tag)
        for n, flag in enumerate(self.d.flags):
            tag = self.w.p(self.lab(flag.kind), white if flag.kind == "danger" else self.s.tag)
            rows.append([tag, self.w.p(flag.text, self.s.cell)])
            if flag.kind == "danger":
                extra.append(("BACKGROUND", (0, n), (0, n), st.rgb(st.INK)))
            elif flag.kind == "caution":
                extra.append(("BACKGROUND", (0, n), (0, n), st.rgb(st.SHADE)))
            else:
                extra.append(("BOX", (0, n), (0, n), 0.6, st.rgb(st.DARK)))
        extra.append(("LINEBELOW", (0, 0), (-1, -1), 0.3, st.rgb(st.SHADE)))
        tw = 13 * st.MM
        table = self.table(rows, [tw, self.width - tw - 4], False, extra)
        return self.heading("red_flags", first=table) + [table]

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
                        [w.p(a.name, s.cell, strong=True)] + w.rich([(a.title, s.small)]),
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

    def snapshot(self) -> list[Any]:
        items = self.d.snapshot
        if not items:
            return []
        w, s = self.w, self.s
        lw = 24 * st.MM
        half = self.width / 2
        short = [i for i in items if not i.wide]
        wide = [i for i in items if i.wide]
        rows: list[list[Any]] = []
        extra: list[Any] = []
        for i in range(0, len(short), 2):
            pair = short[i : i + 2]
            row: list[Any] = []
            for item in pair:
                row += [w.p(item.label, s.label), w.p(item.value, s.cell)]
            rows.append(row + ["", ""] * (2 - len(pair)))
        for item in wide:
            rows.append([w.p(item.label, s.label), w.p(item.value, s.cell), "", ""])
            extra.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
        table = self.table(rows, [lw, half - lw, lw, half - lw], False, extra)
        return self.heading("snapshot", first=table) + [table]

    def competitors(self) -> list[Any]:
        if not self.d.competitors:
            return []
        w, s = self.w, self.s
        keys = ("col_competitor", "col_their_strengths", "col_their_weaknesses", "col_strategy")
        rows: list[list[Any]] = [[w.p(self.lab(k), s.cell_head) for k in keys]]
        for c in self.d.competitors:
            rows.append(
                [
                    [w.p(c.name, s.cell, strong=True)] + w.rich([(c.insider, s.small)]),
                    w.p(c.strengths, s.cell),
                    w.p(c.weaknesses, s.cell),
                    w.p(c.strategy, s.cell),
                ]
            )
        table = self.table(rows, self.cols(0.23, 0.22, 0.23, 0.32), True, [])
        return self.heading("competitors", first=table) + [table]

    def value_statement(self) -> list[Any]:
        if not self.d.value_statement:
            return []
        table = self.label_rows(self.d.value_statement, 30 * st.MM, [])
        return self.heading("value_statement", "open", first=table) + [table]

    def questions(self) -> list[Any]:
        groups = self.d.question_groups
        if not groups:
            return []
        w, s = self.w, self.s
        box = 7.0
        head = [w.p(self.lab(k), s.cell_head) for k in ("col_step", "col_question", "col_ask")]
        rows: list[list[Any]] = [[head[0], "", head[1], head[2]]]
        extra: list[Any] = [("TOPPADDING", (1, 1), (1, -1), 2.6)]
        for group in groups:
            # The step's name in the first row only: no spanned cells, so a long group can split.
            extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.7, st.rgb(st.DARK)))
            for n, q in enumerate(group.questions):
                step = w.p(group.title, s.group, strong=True) if n == 0 else ""
                rows.append(
                    [step, TickBox(box, q.asked), w.p(q.text, s.cell), w.p(q.target, s.cell)]
                )
        step_w, ask_w = self.width * 0.2, self.width * 0.13
        widths = [step_w, box + 6, self.width - step_w - box - 6 - ask_w, ask_w]
        table = self.table(rows, widths, True, extra)
        return self.heading("question_plan", "consult", first=table) + [table]

    def objections(self) -> list[Any]:
        if not self.d.objections:
            return []
        w, s = self.w, self.s
        rows: list[list[Any]] = [
            [w.p(self.lab(k), s.cell_head) for k in ("col_objection", "col_response")]
        ]
        for o in self.d.objections:
            method = f"{self.lab('method')}: {o.handling}" if o.handling else ""
            rows.append(
                [
                    w.rich([(o.text, s.cell), (o.kind, s.small)]),
                    w.rich([(o.response, s.cell), (method, s.small)]),
                ]
            )
        table = self.table(rows, self.cols(0.32, 0.68), True, [])
        return self.heading("objections", "objections", first=table) + [table]

    def fabs(self) -> list[Any]:
        if not self.d.fabs:
            return []
        w, s = self.w, self.s
        pb_labels = self.d.fab_labels
        rows: list[list[Any]] = [[w.p(text, s.cell_head) for text in pb_labels]]
        for f in self.d.fabs:
            need = self.lab("for_need", need=f.need) if f.need else ""
            rows.append(
                [
                    w.p(f.feature, s.cell),
                    w.p(f.advantage, s.cell),
                    w.rich([(f.benefit, s.cell), (need, s.small)]),
                ]
            )
        table = self.table(rows, self.cols(0.32, 0.32, 0.36), True, [])
        return self.heading("fab", "propose", first=table) + [table]

    def _lead(self, items: list[Item]) -> list[Any]:
        """A playbook choice in bold, then the rep's words."""
        item = items[0]
        parts: list[Any] = []
        if item.label:
            parts.append(self.w.p(item.label, self.s.body, strong=True))
        if item.value:
            parts.append(self.w.p(item.value, self.s.body))
        return parts

    def next_steps(self) -> list[Any]:
        """The proposed next action and the close plan, side by side when both are there."""
        parts = [
            (key, step, items)
            for key, step, items in (
                ("next_action", "propose", self.d.next_action),
                ("close_plan", "close", self.d.close_plan),
            )
            if items
        ]
        if len(parts) == 1:
            key, step, items = parts[0]
            body = self._lead(items)
            return self.heading(key, step, first=body[0]) + body
        if not parts:
            return []
        cells = []
        for key, step, items in parts:
            tag = self.d.step_labels.get(step, "")
            heading = [Spacer(1, 3), SectionHeading(self.lab(key), tag, self.font), Spacer(1, 2)]
            cells.append(heading + self._lead(items))
        gap = 5 * st.MM
        half = (self.width - gap) / 2
        table = Table([[cells[0], "", cells[1]]], colWidths=[half, gap, half], splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [CondPageBreak(self.start_height(table) + 4), table]

    def notes(self) -> list[Any]:
        notes = RuledNotes()
        room = notes.pitch * notes.min_lines + 2
        return self.heading("notes", room=room) + [Spacer(1, 2), notes]


def _white(style: Any) -> Any:
    from reportlab.lib.colors import white
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}-white", parent=style, textColor=white)


# The document -------------------------------------------------------------------------------


def build_pdf(briefs: list[BriefData], path: Path, paper: str) -> int:
    """Write ``briefs`` to ``path`` (each from a new page); returns the number of pages.

    A brief that comes out one page over two is laid out again in the compact density: a
    typical visit should stay on one sheet, printed on both sides.
    """
    canvas = _build(briefs, path, paper, set(), defer=True)
    counts = canvas.page_counts
    # The map's sheets at the end are extra pages by design: only the body is judged.
    near_miss = {index for index, pages in canvas.body_counts.items() if pages == 3}
    if near_miss:  # the first pass is thrown away unwritten: writing is a fifth of a pass
        counts = _build(briefs, path, paper, near_miss).page_counts
    else:
        canvas.finish()
    return sum(counts.values())


def _build(
    briefs: list[BriefData], path: Path, paper: str, compact: set[int], defer: bool = False
) -> BriefCanvas:
    """One layout pass; returns its canvas (``defer``: not yet written, see ``finish``)."""
    font = register()
    # Page and font streams Flate-compressed only, not also turned into ASCII85 text: a
    # 7-bit-clean file buys nothing today, and reportlab's pure-Python encoder took about a
    # tenth of a day's batch and made the file a fifth larger. (A process-wide setting; the
    # briefs are the only PDFs Callbrief writes with reportlab.)
    rl_config.useA85 = 0
    size = page_size(paper)
    first = briefs[0]
    doc = BaseDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=st.MARGIN_X,
        rightMargin=st.MARGIN_X,
        topMargin=st.MARGIN_TOP,
        bottomMargin=st.MARGIN_BOTTOM,
        title=f"{label('brief', first.lang)}: {first.running_title}",
        author="Callbrief",
        subject=first.opportunity,
        creator="Callbrief",
        initialFontName=font,
        lang="zh-CN" if first.lang.startswith("zh") else "en",
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    # The whole decision map's sheets may go on landscape pages, when that takes fewer.
    wide = (size[1], size[0])
    wide_frame = Frame(
        st.MARGIN_X,
        st.MARGIN_BOTTOM,
        wide[0] - 2 * st.MARGIN_X,
        wide[1] - st.MARGIN_TOP - st.MARGIN_BOTTOM,
        id="wide-body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="brief", frames=[frame], pagesize=size),
            PageTemplate(id="landscape", frames=[wide_frame], pagesize=wide),
        ]
    )
    landscape = (wide_frame._width, wide_frame._height)
    story: list[Any] = []
    for index, data in enumerate(briefs):
        if index:
            story.append(PageBreak())
        story.append(BriefStart(index, data))
        sections = Sections(data, doc.width, doc.height, font, index in compact, landscape)
        story += sections.all()
    canvases: list[BriefCanvas] = []

    def canvasmaker(*args: Any, **kwargs: Any) -> BriefCanvas:
        canvases.append(BriefCanvas(*args, **kwargs))
        canvases[-1].defer_save = defer
        return canvases[-1]

    doc.build(story, canvasmaker=canvasmaker)
    return canvases[-1]
