"""Registering the bundled fonts with reportlab, and setting text in them with fallback.

WenQuanYi Micro Hei has Latin, Greek, Cyrillic and Chinese, so one face sets almost all of the
brief. It lacks emoji and the rarer CJK ideographs (Extension A and B, such as 𠮷 in a name),
which reportlab would draw as empty boxes: ``runs()`` cuts a text into pieces each set in a
font that has its characters, falling back to the bundled Symbola subset (monochrome emoji)
and HanaMin subsets (CJK Ext A, Ext B), each registered on first need. A character none of
them has is printed as its code ("U+1FAE0"), never as a box and never dropped. reportlab
embeds every font as subsets, so a brief carries only the glyphs it uses. The main font has
no bold weight: emphasis is drawn instead (fill plus stroke, see ``paragraphs.Strong``).
"""

from __future__ import annotations

import functools
from typing import cast
from xml.sax.saxutils import escape

from desktop import paths

FONT = "CallbriefSans"
FALLBACK_NAMES = ("CallbriefEmoji", "CallbriefExtA", "CallbriefExtB")
# Ignorable characters: they shape what is around them and have no glyph of their own.
INVISIBLE = {0xFE0E, 0xFE0F, 0x200D, 0x200B, 0x2060}


@functools.cache
def register() -> str:
    """Register the main font with reportlab (first call only) and return its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    _fix_to_unicode()
    pdfmetrics.registerFont(TTFont(FONT, str(paths.font_path()), subfontIndex=0))
    # Stray <b>/<i> in markup must not look for faces that do not exist.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    return FONT


def _fix_to_unicode() -> None:
    """Make reportlab's ToUnicode maps name characters beyond U+FFFF correctly.

    reportlab 4-5 writes each subset glyph's code point as four hex digits, so 𠮷 (U+20BB7)
    and every emoji copy out of the PDF as a wrong BMP character (👍 became ὄ). The map is
    meant to hold UTF-16BE: beyond the BMP, a surrogate pair. Only the module's function is
    replaced, with one that writes exactly what it did for BMP characters.
    """
    from reportlab.pdfbase import ttfonts

    if getattr(ttfonts.makeToUnicodeCMap, "_callbrief", False):
        return

    def make(fontname: str, subset: list[int]) -> str:
        text = original(fontname, subset)
        wide = [(i, v) for i, v in enumerate(subset) if v > 0xFFFF]
        for i, v in wide:
            pair = chr(v).encode("utf-16-be").hex().upper()
            text = text.replace(f"<{i:02X}> <{v:04X}>", f"<{i:02X}> <{pair}>", 1)
        return text

    original = ttfonts.makeToUnicodeCMap
    make._callbrief = True  # type: ignore[attr-defined]  # a mark on the function: patched once
    ttfonts.makeToUnicodeCMap = make


@functools.cache
def _covered(name: str) -> frozenset[int]:
    """The code points a registered font (registering a fallback now) has glyphs for."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name == FONT:
        register()
    else:
        path = paths.fallback_font_paths()[FALLBACK_NAMES.index(name)]
        pdfmetrics.registerFont(TTFont(name, str(path)))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
    # getFont() answers the TTFont registered above; types-reportlab says the Type 1 Font.
    return frozenset(cast(TTFont, pdfmetrics.getFont(name)).face.charToGlyph)


def _fallback_for(code: int) -> str | None:
    """The fallback font for a character the main font lacks, if any has it."""
    if 0x20000 <= code <= 0x2A6DF:
        candidates: tuple[str, ...] = ("CallbriefExtB",)
    elif 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
        candidates = ("CallbriefExtA",)
    else:
        candidates = ("CallbriefEmoji",)
    return next((name for name in candidates if code in _covered(name)), None)


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` as (font name, piece) runs, every piece in a font that has its characters."""
    main = _covered(FONT)
    if all(ord(ch) in main for ch in text):  # the common case, one dictionary look-up a char
        return [(FONT, text)] if text else []
    out: list[tuple[str, str]] = []
    for ch in text:
        code = ord(ch)
        if code in main:
            font, piece = FONT, ch
        elif code in INVISIBLE:
            continue
        else:
            found = _fallback_for(code)
            font, piece = (found, ch) if found else (FONT, f"U+{code:04X}")
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + piece)
        else:
            out.append((font, piece))
    return out


def markup(text: str) -> str:
    """``text`` escaped for a reportlab Paragraph, pieces needing a fallback in <font> tags."""
    return "".join(
        escape(piece) if font == FONT else f'<font face="{font}">{escape(piece)}</font>'
        for font, piece in runs(text)
    )


def width(text: str, size: float) -> float:
    """The printed width of ``text`` at ``size`` points, fallback pieces included."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(piece, font, size) for font, piece in runs(text))
