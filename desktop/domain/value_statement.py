"""The value statement composed from its three parts, as the visit plan's "Compose" does it.

A rep writes who we are, what we want to do in this meeting and why it is worth the listener's
time; composing only joins those words and invents nothing. Chinese and English text differ in
one thing here: a space goes between Latin sentences, none after a CJK character or
punctuation mark. The visit screen and the demo account both compose with this function.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def _cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def compose(parts: Iterable[str]) -> str:
    """Join the parts into one statement: a space between Latin sentences, none after CJK."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not _cjk(out[-1]):
            out += " "
        out += part
    return out
