"""Type sizes, greys and paragraph styles of the brief.

Everything is set in one face (see fonts.py) at a few sizes; hierarchy comes from size, drawn
emphasis, greys and rules, so the page reads the same on a black-and-white printer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Page geometry, in points (1 mm = 2.835 pt).
MM = 72 / 25.4
MARGIN_X = 12 * MM
MARGIN_TOP = 13 * MM  # leaves room for the running header on later pages
MARGIN_BOTTOM = 12 * MM  # the footer sits inside this
HEADER_BASELINE = 8.5 * MM  # from the top edge
FOOTER_BASELINE = 7 * MM  # from the bottom edge; most printers reach 5 mm

BODY = 8.0
SMALL = 6.6
HEADING = 10.5
TITLE = 15.0

INK = (0.0, 0.0, 0.0)
DARK = (0.2, 0.2, 0.2)
MUTED = (0.4, 0.4, 0.4)  # captions and labels
RULE = (0.62, 0.62, 0.62)
SHADE = (0.9, 0.9, 0.9)  # table headers, tags
LIGHT = (0.96, 0.96, 0.96)  # group rows, the objective box


@dataclass(frozen=True)
class Styles:
    body: Any
    small: Any
    label: Any
    cell: Any
    cell_head: Any
    group: Any
    title: Any
    kicker: Any
    tag: Any


def rgb(value: tuple[float, float, float]) -> Any:
    from reportlab.lib.colors import Color

    return Color(*value)


@dataclass(frozen=True)
class Density:
    """Text sizes and line spacing; the compact one rescues a brief that spills by a page."""

    body: float
    small: float
    leading: float  # line height as a multiple of the size


REGULAR = Density(BODY, SMALL, 1.3)
COMPACT = Density(7.6, 6.3, 1.24)


def make_styles(font: str, density: Density = REGULAR) -> Styles:
    """Paragraph styles in ``font``; Chinese variants are derived on demand in layout.py."""
    from reportlab.lib.styles import ParagraphStyle

    size, lead = density.body, density.leading
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * lead)
    body.textColor = rgb(INK)
    small = ParagraphStyle("small", parent=body, fontSize=density.small)
    small.leading = density.small * lead
    small.textColor = rgb(MUTED)
    label = ParagraphStyle("label", parent=small, textColor=rgb(MUTED))
    cell = ParagraphStyle("cell", parent=body, fontSize=size - 0.4)
    cell.leading = (size - 0.4) * (lead - 0.02)
    cell_head = ParagraphStyle("cell_head", parent=small, textColor=rgb(DARK))
    group = ParagraphStyle("group", parent=cell, textColor=rgb(DARK))
    title = ParagraphStyle("title", parent=body, fontSize=TITLE, leading=TITLE * 1.25)
    kicker = ParagraphStyle("kicker", parent=small, textColor=rgb(MUTED))
    tag = ParagraphStyle("tag", parent=small, fontSize=density.small - 0.4, alignment=1)
    tag.textColor = rgb(INK)
    return Styles(body, small, label, cell, cell_head, group, title, kicker, tag)
