"""Page furniture: the canvas that holds pages back, then adds footers and running headers.

Page numbers ("page X of Y") count within each brief of a batch, so they can only be drawn once
the whole document is laid out: ``BriefCanvas`` keeps every page's state until ``finish``.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas

from . import fonts
from . import styles as st
from .brief_data import BriefData
from .fonts import register
from .labels import label


class BriefCanvas(Canvas):
    """Holds pages back until the end, then adds the footer and running header to each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._callbrief_pages: list[tuple[dict[str, Any], Any]] = []
        self._callbrief_brief: tuple[int, BriefData] | None = None
        self._callbrief_in_sheets = False

    def begin_brief(self, index: int, data: BriefData) -> None:
        """The pages from here on belong to brief ``index`` (its body, not the map's sheets)."""
        self._callbrief_brief = (index, data)
        self._callbrief_in_sheets = False

    def begin_sheets(self) -> None:
        """The pages from here on are the whole circle's sheets at the end of the brief."""
        self._callbrief_in_sheets = True

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._callbrief_pages.append((dict(self.__dict__), self._callbrief_brief))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's private page reset, not in its stubs

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
        width, height = self._pagesize  # type: ignore[attr-defined]  # reportlab's private attribute, not in its stubs
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
