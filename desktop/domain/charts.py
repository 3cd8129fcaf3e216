"""Bar charts laid out once, as plain shapes, for every painter that shows them.

A chart is a list of rectangles, lines and texts at fixed positions in points (1/72 inch),
origin top left. The pipeline screen paints them with a QPainter (desktop/ui/pipeline/chart.py)
and the pipeline review PDF with reportlab (desktop/export/pipeline/pdf.py): the figures, the
bar lengths, the labels and their places are decided here, so screen and paper cannot differ.
Painters only translate shapes; they never measure or move anything.

Pure standard library: no Qt, no SQLAlchemy, no reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BAR = "#3b6ea5"
BAR_SOFT = "#a9c1dc"
ALERT = "#c62828"
INK = "#222222"
MUTED = "#666666"
RULE = "#cccccc"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True)
class Label:
    """A text whose baseline-free box starts at (x, y) top; ``align`` left / right / centre."""

    x: float
    y: float
    text: str
    size: float = 8.0
    align: str = "left"
    color: str = INK


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = RULE


@dataclass
class Chart:
    """One chart: its size in points and its shapes, in painting order."""

    title: str
    width: float
    height: float
    shapes: list[Box | Label | Rule] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [s.text for s in self.shapes if isinstance(s, Label)]


@dataclass(frozen=True)
class Bar:
    """One bar: its label, the measured value (sets the length) and what is written beside it;
    ``inner`` is an optional second value drawn inside it (the weighted part of an amount)."""

    label: str
    value: float
    caption: str
    inner: float | None = None
    alert: bool = False


def fit(text: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points at ``size`` (a CJK glyph is about
    one em wide, a Latin one at most half): labels never run into the bars."""
    used, out = 0.0, list[str]()
    for ch in text:
        used += size if ord(ch) > 0x2E80 else size * 0.5
        if used > width:
            return "".join(out).rstrip() + "…"
        out.append(ch)
    return text


def bar_chart(title: str, bars: list[Bar], width: float, empty: str) -> Chart:
    """Horizontal bars, one per row: label column, bar, caption at the bar's end."""
    row, head, size = 15.0, 16.0, 7.5
    label_w = width * 0.38
    caption_w = width * 0.28
    bar_w = width - label_w - caption_w - 8
    chart = Chart(title, width, head + max(1, len(bars)) * row + 4)
    chart.shapes.append(Label(0, 0, title, 9.0))
    if not bars:
        chart.shapes.append(Label(0, head + 2, empty, size, color=MUTED))
        return chart
    top = max((b.value for b in bars), default=0) or 1
    for i, bar in enumerate(bars):
        y = head + i * row
        chart.shapes.append(Label(0, y + 3, fit(bar.label, size, label_w - 4), size))
        length = max(0.0, bar_w * bar.value / top)
        colour = ALERT if bar.alert else BAR_SOFT if bar.inner is not None else BAR
        if length > 0:
            chart.shapes.append(Box(label_w, y + 2, length, row - 4, colour))
        if bar.inner is not None and bar.inner > 0:
            chart.shapes.append(Box(label_w, y + 2, bar_w * bar.inner / top, row - 4, BAR))
        chart.shapes.append(Label(label_w + length + 4, y + 3, bar.caption, size, color=MUTED))
    base = head + len(bars) * row
    chart.shapes.append(Rule(label_w, head, label_w, base))
    return chart
