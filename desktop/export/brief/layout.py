"""The brief as a reportlab document: page templates, the story of each brief, the two passes.

``build_pdf()`` lays out one or more ``BriefData`` into a PDF file, each brief from a new page,
and returns the page count. Sections without content are left out (``sections``). Page numbers
("page X of Y") count within each brief; they and the running header are drawn when the canvas
is saved, once the page count of every brief is known (``page_canvas``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

from . import styles as st
from .brief_data import BriefData
from .flowables import BriefStart
from .fonts import register
from .labels import label
from .page_canvas import BriefCanvas
from .sections import Sections

PAPERS = {"A4": A4, "LETTER": LETTER}


def page_size(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper.upper()]
    except KeyError:
        raise ValueError(f"unknown paper size {paper!r}; use A4 or Letter") from None


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
    landscape = (wide_frame._width, wide_frame._height)  # type: ignore[attr-defined]  # the frame's inner size; reportlab's stubs omit it
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
