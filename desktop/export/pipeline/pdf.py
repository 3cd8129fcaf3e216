"""The pipeline review on one page: the charts of ``exchange.pipeline_review`` painted with
reportlab, then the largest stalled deals with their reason and suggested next action.

The charts are the very shapes the pipeline screen paints (``desktop.domain.charts``); this
module only turns each shape into canvas calls, with the y axis flipped (reportlab's origin is
bottom left). Text is set in the bundled CJK font through the brief's font set-up, so Chinese
prints and the font is embedded (as a subset). No Qt: the command line writes it headless.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.domain.charts import Box, Chart, Label, Rule, fit
from desktop.domain.playbook import Playbook, Text
from desktop.exchange.pipeline_review import PipelineReview, charts, money
from desktop.export.atomic import write_atomically
from desktop.export.brief import fonts

MARGIN = 36.0
STALLED_ROWS = 14
HEAD = {
    "title": Text("Pipeline review", "商机管道回顾"),
    "summary": Text(
        "{day} · {count} open deals · weighted {weighted} · {stalled} stalled",
        "{day} · 在谈商机 {count} 个 · 加权 {weighted} · 停滞 {stalled} 个",
    ),
    "stalled": Text("Stalled deals (largest first)", "停滞的商机（按金额从大到小）"),
    "cols": Text(
        "Account|Deal|Stage|Why stalled|Suggested next action",
        "客户|商机|阶段|停滞原因|建议的下一步",
    ),
    "more": Text("… and {n} more", "……另有 {n} 个"),
    "none": Text("No stalled deal.", "没有停滞的商机。"),
}


def _colour(value: str) -> Any:
    from reportlab.lib.colors import HexColor

    return HexColor(value)


def _text(canvas: Any, x: float, y: float, text: str, size: float, align: str = "left") -> None:
    """``text`` with its top at ``y`` (reportlab coordinates), fallback fonts where needed."""
    if align != "left":
        w = fonts.width(text, size)
        x -= w if align == "right" else w / 2
    base = y - size * 0.85
    for font, piece in fonts.runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, base, piece)
        x += fonts.width(piece, size)


def paint_chart(canvas: Any, chart: Chart, left: float, top: float) -> None:
    """Paint ``chart`` with its top-left corner at (left, top) in page coordinates."""
    for shape in chart.shapes:
        if isinstance(shape, Box):
            canvas.setFillColor(_colour(shape.fill))
            canvas.rect(left + shape.x, top - shape.y - shape.h, shape.w, shape.h, 0, 1)
        elif isinstance(shape, Rule):
            canvas.setStrokeColor(_colour(shape.color))
            canvas.line(left + shape.x1, top - shape.y1, left + shape.x2, top - shape.y2)
        elif isinstance(shape, Label):
            canvas.setFillColor(_colour(shape.color))
            _text(canvas, left + shape.x, top - shape.y, shape.text, shape.size, shape.align)


def write_review(
    review: PipelineReview, playbook: Playbook, path: Path, lang: str, paper: str = "A4"
) -> None:
    """Write the one-page review of ``review`` to ``path`` (atomically) in ``lang``."""
    write_atomically(Path(path), lambda tmp: _draw(review, playbook, tmp, lang, paper))


def _draw(review: PipelineReview, playbook: Playbook, path: Path, lang: str, paper: str) -> None:
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.pdfgen.canvas import Canvas

    fonts.register()
    size = LETTER if paper == "Letter" else A4
    page_w, page_h = size
    # The initial font is ours: a stray Helvetica (not embedded) would be named in the file.
    canvas = Canvas(str(path), pagesize=size, pageCompression=1, initialFontName=fonts.FONT)  # type: ignore[arg-type]  # stubs say float
    canvas.setTitle(HEAD["title"].get(lang))
    canvas.setFillColor(_colour("#222222"))
    top = page_h - MARGIN
    _text(canvas, MARGIN, top, HEAD["title"].get(lang), 16)
    summary = (
        HEAD["summary"]
        .get(lang)
        .format(
            day=review.today.isoformat(),
            count=review.open_count,
            weighted=money(review.open_weighted, review.currency),
            stalled=review.stalled_total,
        )
    )
    _text(canvas, MARGIN, top - 22, summary, 9)
    top -= 42
    gap = 18.0
    col_w = (page_w - 2 * MARGIN - gap) / 2
    funnel, forecast, cycle, tiers, _narrow = charts(review, playbook, lang, col_w)
    for row in ((funnel, forecast), (cycle, tiers)):
        for i, chart in enumerate(row):
            paint_chart(canvas, chart, MARGIN + i * (col_w + gap), top)
        top -= max(c.height for c in row) + 12
    # The segment chart is the widest list: it goes full width, capped at eight codes.
    wide = charts(review, playbook, lang, page_w - 2 * MARGIN)[4]
    paint_chart(canvas, wide, MARGIN, top)
    top -= wide.height + 14
    _stalled_table(canvas, review, playbook, lang, MARGIN, top, page_w - 2 * MARGIN)
    canvas.showPage()
    canvas.save()


def _stalled_table(
    canvas: Any,
    review: PipelineReview,
    playbook: Playbook,
    lang: str,
    left: float,
    top: float,
    width: float,
) -> None:
    canvas.setFillColor(_colour("#222222"))
    _text(canvas, left, top, HEAD["stalled"].get(lang), 9)
    top -= 15
    if not review.stalled:
        _text(canvas, left, top, HEAD["none"].get(lang), 8)
        return
    shares = (0.19, 0.2, 0.05, 0.31, 0.25)
    xs = [left + width * sum(shares[:i]) for i in range(len(shares))]
    size = 7.0
    for x, head, share in zip(xs, HEAD["cols"].get(lang).split("|"), shares, strict=True):
        canvas.setFillColor(_colour("#666666"))
        _text(canvas, x, top, fit(head, size, width * share - 4), size)
    top -= 11
    rows = review.stalled[:STALLED_ROWS]
    canvas.setFillColor(_colour("#222222"))
    for deal in rows:
        cells = (
            deal.account,
            deal.name,
            deal.stage,
            "; ".join(deal.reasons(lang, review.stall_days)),
            deal.suggestion(playbook, lang),
        )
        for x, cell, share in zip(xs, cells, shares, strict=True):
            _text(canvas, x, top, fit(cell, size, width * share - 4), size)
        top -= 10.5
    left_over = review.stalled_total - len(rows)
    if left_over > 0:
        canvas.setFillColor(_colour("#666666"))
        _text(canvas, left, top, HEAD["more"].get(lang).format(n=left_over), size)
