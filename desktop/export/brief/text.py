"""Breaking the brief's text into lines by the Unicode line breaking rules (UAX #14).

Break opportunities come from ``desktop.domain.line_breaks``: a Chinese closing mark
(，。」）) stays with the character before it, an opening mark (「（) with the one after, and a
Latin word inside Chinese text is never split. ``wrap_lines`` sets a map box's title in at
most two lines (the last shortened with an ellipsis when the text is longer); ``split_cjk``
replaces reportlab's own splitting of Chinese paragraphs, which breaks between any two
characters (a line could start with "，" and "Manufactu-ring" was cut). A single unit wider
than a line (a very long word) is cut by characters as a last resort in both.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, cast

from reportlab.platypus.paragraph import (  # type: ignore[attr-defined]  # cjkU, makeCJKParaLine: in reportlab, not in types-reportlab
    ParaLines,
    cjkU,
    makeCJKParaLine,
)

from desktop.domain.line_breaks import break_opportunities, break_units

from . import fonts

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

FUZZ = 1e-6


@functools.lru_cache(maxsize=4096)
def wrap_lines(text: str, font: str, size: float, room: float, max_lines: int) -> tuple[str, ...]:
    """``text`` in at most ``max_lines`` lines of at most ``room`` points.

    Cached: a large circle repeats its titles; a text that fits on one line is not broken up.
    """
    text = " ".join(text.split())
    if not text:
        return ()
    if fonts.width(text, size) <= room:
        return (text,)
    return tuple(_wrap(text, font, size, room, max_lines))


def _wrap(text: str, font: str, size: float, room: float, max_lines: int) -> list[str]:
    lines: list[str] = []
    current = ""
    units = break_units(text)
    for i, unit in enumerate(units):
        trial = current + unit
        if fonts.width(trial.rstrip(), size) <= room:
            current = trial
            continue
        if current:
            lines.append(current.rstrip())
            current = ""
        while fonts.width(unit.rstrip(), size) > room:  # one unit wider than a line
            cut = len(unit) - 1
            while cut > 1 and fonts.width(unit[:cut], size) > room:
                cut -= 1
            lines.append(unit[:cut])
            unit = unit[cut:]
        current = unit
        if len(lines) >= max_lines:
            return _elide(lines[:max_lines], font, size, room)
        if len(lines) == max_lines - 1 and i + 1 < len(units):
            rest = current + "".join(units[i + 1 :])
            if fonts.width(rest.rstrip(), size) > room:
                return _elide([*lines, rest], font, size, room)
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        return _elide(lines[:max_lines], font, size, room)
    return lines


def _elide(lines: list[str], font: str, size: float, room: float) -> list[str]:
    """The last line cut to fit with an ellipsis."""
    last = lines[-1].rstrip()
    while last and fonts.width(last + "…", size) > room:
        last = last[:-1]
    return [*lines[:-1], last.rstrip() + "…"]


def split_cjk(frags: list[Any], max_widths: list[float], calc_bounds: bool) -> Any:
    """reportlab's ``cjkFragSplit`` with line breaks only where UAX #14 allows them."""
    glyphs: list[Any] = []
    for frag in frags:
        text = getattr(frag, "text", "")
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if text:
            glyphs.extend(cjkU(ch, frag, "utf8") for ch in text)
        else:  # a forced line break or an inline object: one empty glyph
            glyphs.append(cjkU("", frag, "utf8"))
    allowed = break_opportunities("".join(g or "\ufffc" for g in glyphs))
    lines: list[Any] = []
    max_width = max_widths[0]

    def width(glyph: Any) -> float:
        w = glyph.width
        if hasattr(w, "normalizedValue"):  # a percentage of the line
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        return float(w)

    def finish(end: int, used: float, forced: bool) -> None:
        nonlocal max_width
        lines.append(
            makeCJKParaLine(
                glyphs[start:end], max_width, used, max_width - used, forced, calc_bounds
            )
        )
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]

    start, used, i = 0, 0.0, 0
    while i < len(glyphs):
        glyph = glyphs[i]
        w = width(glyph)
        if hasattr(glyph.frag, "lineBreak"):
            finish(i + 1, used + w, True)
            start, used, i = i + 1, 0.0, i + 1
            continue
        if used + w > max_width + FUZZ and i > start:
            cut = next((k for k in range(i, start, -1) if allowed[k]), i)
            finish(cut, sum(width(g) for g in glyphs[start:cut]), False)
            start = cut
            used = sum(width(g) for g in glyphs[start:i])
            continue
        used += w
        i += 1
    if start < len(glyphs):
        finish(len(glyphs), used, False)
    return ParaLines(kind=1, lines=lines)


def split_plain(text: str, max_widths: list[float], font: str, size: float) -> list[Any]:
    """One run of text in one font as (spare width, [line]) pairs, reportlab's simple form.

    Widths come from the face's table directly (reportlab's stringWidth a character at a
    time was a fifth of a day's batch), and a text that fits its line is not broken up.
    """
    from reportlab.pdfbase.pdfmetrics import getFont

    face = cast("TTFont", getFont(font)).face  # a registered TTFont; the stubs say Font
    table, default, scale = face.charWidths, face.defaultWidth, size * 0.001
    widths = [table.get(ord(ch), default) * scale for ch in text]
    total = sum(widths)
    if total <= max_widths[0] + FUZZ:
        return [(max_widths[0] - total, [text])]
    allowed = break_opportunities(text)
    lines: list[Any] = []
    start, used = 0, 0.0
    max_width = max_widths[0]
    i = 0
    while i < len(text):
        w = widths[i]
        if used + w > max_width + FUZZ and i > start:
            cut = next((k for k in range(i, start, -1) if allowed[k]), i)
            line_w = sum(widths[start:cut])
            lines.append((max_width - line_w, text[start:cut]))
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            start = cut
            used = sum(widths[start:i])
            continue
        used += w
        i += 1
    if start < len(text) or not lines:
        lines.append((max_width - used, text[start:]))
    return [(spare, [line.rstrip() or line]) for spare, line in lines]
