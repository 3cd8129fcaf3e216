"""The brief's paragraphs: styles picked per language, line breaks by UAX #14, drawn bold.

``Writer`` makes every paragraph of the brief from the rep's text: escaped, with pieces the
main font lacks set in a fallback font (``fonts.markup``), in the Chinese wrapping mode when
the text holds Chinese. ``Para`` lays its lines out once per width and breaks Chinese text
only where the Unicode line breaking rules allow (``text.split_plain``/``split_cjk``);
``Strong`` draws it bold with a hairline stroke, as the face has no bold weight.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import Paragraph

from . import fonts
from . import styles as st
from .text import split_cjk, split_plain

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


class Para(Paragraph):
    """A paragraph that lays its lines out once per width.

    A table cell is wrapped when the section heading measures the table's first rows, again
    when the frame places the table and again when the cell is drawn, always at the same width;
    breaking CJK text into lines measures every character, so the repeats cost about a fifth
    of a day's batch. The line breaks depend on the width alone (not on the height offered),
    so the last result stands until another width is asked for.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None  # (width asked, size given)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._wrapped is not None and self._wrapped[0] == availWidth:
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 - reportlab's names
        """Chinese text broken where UAX #14 allows (see ``text.split_cjk``)."""
        frags = self.frags
        if not frags or self.style.endDots or self.bulletText:
            return super().breakLinesCJK(maxWidths)
        single = len(frags) == 1 and not hasattr(frags[0], "cbDefn")
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            # The rest of a paragraph split over pages: its lines are already broken.
            return frags[0].clone(kind=0, lines=self.blPara.lines) if single else self.blPara
        self.height = 0
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        if single:  # most cells: one run in one font
            f = frags[0]
            text = f.text if hasattr(f, "text") else "".join(getattr(f, "words", []))
            lines = split_plain(text, widths, f.fontName, f.fontSize)
            return f.clone(kind=0, lines=lines, ascent=f.fontSize, descent=-0.2 * f.fontSize)
        leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return split_cjk(frags, widths, leading not in ("", "off"))


class Strong(Para):
    """A paragraph drawn with fill and a hairline stroke: bold, from a face that has none."""

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(self.style.textColor)
        canv.setLineWidth(self.style.fontSize * 0.035)
        mode = canv.beginText()
        mode.setTextRenderMode(2)  # text state lives in the graphics state: restored below
        canv.drawText(mode)
        super().draw()
        canv.restoreState()


class Writer:
    """Makes paragraphs in the brief's styles, picking CJK line breaking where needed."""

    def __init__(self, font: str, density: st.Density) -> None:
        self.font = font
        self.s = st.make_styles(font, density)
        self._cjk: dict[str, Any] = {}

    def p(self, text: str, style: Any = None, strong: bool = False) -> Paragraph:
        style = style or self.s.body
        if _CJK.search(text):
            style = self._cjk_variant(style)
        return (Strong if strong else Para)(_markup(text), style)

    def run(self, parts: list[tuple[str, Any]], style: Any) -> Paragraph:
        """One paragraph of several runs, each in its own style's size and colour."""
        texts = [(text, s) for text, s in parts if text]
        wrap = style
        if any(_CJK.search(text) for text, _ in texts):
            wrap = self._cjk_variant(style)
        markup = " ".join(
            f'<font size="{s.fontSize}" color="{s.textColor.hexval()}">{_markup(text)}</font>'
            for text, s in texts
        )
        return Para(markup, wrap)

    def rich(self, parts: list[tuple[str, Any]], style: Any = None) -> list[Paragraph]:
        """Several paragraphs (text, style) stacked in one table cell, blanks skipped."""
        return [self.p(text, s or style) for text, s in parts if text]

    def _cjk_variant(self, style: Any) -> Any:
        if style.name not in self._cjk:
            from reportlab.lib.styles import ParagraphStyle

            name = f"{style.name}-cjk"
            self._cjk[style.name] = ParagraphStyle(name, parent=style, wordWrap="CJK")
        return self._cjk[style.name]


def _markup(text: str) -> str:
    """Paragraph markup for the rep's text: escaped, fallback fonts tagged, lines kept."""
    return "<br/>".join(fonts.markup(line) for line in text.split("\n"))


# Building blocks ----------------------------------------------------------------------------
