"""Where a line may break: the pair rules of the Unicode line breaking algorithm (UAX #14).

Each character's Line_Break class comes from ``uniseg`` (its Unicode property tables); the
rules between two classes are applied here, LB7 to LB31, without the tailorings. ``uniseg``
has the whole algorithm too, but it costs about 0.25 ms a character: ten times what laying out
a brief's paragraph costs. The pair rules are the part that matters on paper: a Chinese
closing mark (，。、；：？！」』）) never starts a line, an opening mark (「『（) never ends
one, a Latin word or a number inside Chinese text is never split, a space is a break
opportunity and the break falls after it, and emoji modifiers stay with their emoji.
"""

from __future__ import annotations

import functools

from uniseg.linebreak import line_break

# Classes resolved as LB1 says: ambiguous, surrogates, unknown and South-East Asian as AL;
# conditional Japanese starters (small kana, ー) as NS, the strict choice.
_RESOLVE = {"AI": "AL", "SG": "AL", "XX": "AL", "SA": "AL", "CJ": "NS"}
_NO_BREAK_BEFORE = {"CL", "CP", "EX", "IS", "SY", "BA", "HY", "NS", "IN", "QU", "WJ", "GL"}
_ALPHA = {"AL", "HL"}
_IDEO = {"ID", "EB", "EM"}
_NUMERIC_BEFORE = {"NU", "SY", "IS", "CL", "CP", "PO", "PR"}


@functools.lru_cache(maxsize=8192)
def line_class(ch: str) -> str:
    """The character's Line_Break class (UAX #14), resolved for a Chinese-English document."""
    value = str(line_break(ch))
    return _RESOLVE.get(value, value)


def break_opportunities(text: str) -> list[bool]:
    """``out[i]`` is True when a line may start at ``text[i]`` (never at 0)."""
    n = len(text)
    out = [False] * n
    classes = [line_class(ch) for ch in text]
    base = ""  # the class of the last character that is not a combining mark (LB9)
    last_visible = ""  # the class before any run of spaces (LB14, LB16)
    for i in range(n):
        cur = classes[i]
        if i:
            out[i] = _may_break(classes[i - 1], base, last_visible, cur)
        if cur in ("CM", "ZWJ") and base and base not in ("SP", "BK", "CR", "LF", "NL", "ZW"):
            continue  # a mark takes its base's class
        base = cur
        if cur != "SP":
            last_visible = cur
    return out


def _may_break(prev_raw: str, prev: str, before_spaces: str, cur: str) -> bool:
    if prev in ("BK", "CR", "LF", "NL"):
        return True  # LB4, LB5
    if cur in ("BK", "CR", "LF", "NL", "SP", "ZW"):
        return False  # LB6, LB7
    if prev == "ZW":
        return True  # LB8
    if cur in ("CM", "ZWJ") or prev_raw == "ZWJ":
        return False  # LB8a, LB9
    if cur in ("CL", "CP", "EX", "IS", "SY", "WJ") or prev in ("WJ", "GL"):
        return False  # LB11, LB12, LB13
    if cur == "GL" and prev not in ("SP", "BA", "HY"):
        return False  # LB12a
    if before_spaces == "OP":
        return False  # LB14: OP SP* ×
    if cur == "NS" and before_spaces in ("CL", "CP"):
        return False  # LB16
    if prev == "SP":
        return True  # LB18
    if cur == "QU" or prev == "QU":
        return False  # LB19
    if cur == "CB" or prev == "CB":
        return True  # LB20
    if cur in _NO_BREAK_BEFORE or prev == "BB":
        return False  # LB21, LB22
    if (prev in _ALPHA and cur == "NU") or (prev == "NU" and cur in _ALPHA):
        return False  # LB23
    if (prev == "PR" and cur in _IDEO) or (prev in _IDEO and cur == "PO"):
        return False  # LB23a
    if (prev in ("PR", "PO") and cur in _ALPHA) or (prev in _ALPHA and cur in ("PR", "PO")):
        return False  # LB24
    if (prev in ("PR", "PO", "OP", "HY", "IS", "SY") and cur == "NU") or (
        prev == "NU" and cur in _NUMERIC_BEFORE
    ):
        return False  # LB25, simplified
    if _hangul(prev, cur):
        return False  # LB26, LB27
    if prev in _ALPHA and cur in _ALPHA or prev == "IS" and cur in _ALPHA:
        return False  # LB28, LB29
    if (prev in _ALPHA or prev == "NU") and cur == "OP" or prev == "CP" and cur in _ALPHA:
        return False  # LB30 (ASCII brackets around words)
    if prev == "EB" and cur == "EM":
        return False  # LB30b
    return True  # LB31


def _hangul(prev: str, cur: str) -> bool:
    return (
        (prev == "JL" and cur in ("JL", "JV", "H2", "H3"))
        or (prev in ("JV", "H2") and cur in ("JV", "JT"))
        or (prev in ("JT", "H3") and cur == "JT")
        or (prev in ("JL", "JV", "JT", "H2", "H3") and cur == "PO")
        or (prev == "PR" and cur in ("JL", "JV", "JT", "H2", "H3"))
    )


def break_units(text: str) -> list[str]:
    """``text`` cut at every break opportunity; a unit keeps its trailing spaces."""
    allowed = break_opportunities(text)
    units, start = [], 0
    for i in range(1, len(text)):
        if allowed[i]:
            units.append(text[start:i])
            start = i
    if text:
        units.append(text[start:])
    return units
