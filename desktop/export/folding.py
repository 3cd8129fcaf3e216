"""Folding a content line of iCalendar (RFC 5545 §3.1) and vCard (RFC 6350 §3.2) files.

Both formats limit a line to 75 octets and continue it on lines that begin with one space.
"""

from __future__ import annotations

FOLD_AT = 75  # octets per line, CRLF not counted


def fold(line: str, limit: int = FOLD_AT) -> str:
    """Fold a content line at ``limit`` octets, never inside a UTF-8 character."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        room = limit if not out else limit - 1  # continuation lines start with a space
        if size + width > room:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)
