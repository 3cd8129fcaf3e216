"""Registering the bundled CJK font with reportlab, once per process.

WenQuanYi Micro Hei has Latin glyphs as well as Chinese, so one face sets the whole brief and
mixed text never falls back to a font that lacks a glyph. reportlab embeds it as subsets, so a
brief carries only the glyphs it uses. The font has no bold weight: emphasis is drawn instead
(fill plus stroke, see ``layout.Strong``).
"""

from __future__ import annotations

import functools

from desktop import paths

FONT = "CallbriefSans"


@functools.cache
def register() -> str:
    """Register the font with reportlab (first call only) and return its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(paths.font_path()), subfontIndex=0))
    # Stray <b>/<i> in markup must not look for faces that do not exist.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    return FONT
