"""Breaking a short text into lines by the Unicode line breaking rules (UAX #14).

``uniseg`` (pure Python, MIT) gives the units between break opportunities: a Chinese closing
mark (，。」）) stays with the character before it, an opening mark (「（) with the one after,
and a Latin word inside Chinese text is never split. Lines are filled unit by unit; the last
allowed line is shortened with an ellipsis when the text is longer, and a single unit wider
than a line (a very long word) is cut by characters as a last resort.
"""

from __future__ import annotations

import functools

from uniseg.linebreak import line_break_units

from . import fonts


@functools.lru_cache(maxsize=4096)
def wrap_lines(text: str, font: str, size: float, room: float, max_lines: int) -> tuple[str, ...]:
    """``text`` in at most ``max_lines`` lines of at most ``room`` points.

    Cached: a large circle repeats its titles, and finding break opportunities costs ~1 ms a
    title; a text that fits on one line skips it.
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
    units = list(line_break_units(text))
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
