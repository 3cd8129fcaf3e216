"""What every exporter can write out, checked on the way in.

A value that gets into the file must leave it again through every exporter: the XLSX export
(XML 1.0 refuses control characters), the bundle (UTF-8 JSON refuses lone surrogates), the
brief and the calendar file (dates must survive a time-zone shift and a visit's duration).
Validators and importers use these checks so such values are refused where they come in,
with a plain message, instead of crashing an export later.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# Control characters XML 1.0 (and so XLSX) cannot hold: everything below U+0020 except tab,
# line feed and carriage return; and lone surrogates, which no UTF encoding can write.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")

# A sales visit, a close date or a last contact falls well inside these; the margins keep
# the calendar export's UTC conversion and the end of a long visit inside datetime's range.
EARLIEST = date(1900, 1, 1)
LATEST = date(2999, 12, 31)


def unwritable_character(text: str) -> str | None:
    """The first character in ``text`` some exporter cannot write, shown as U+XXXX."""
    found = _UNWRITABLE.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def date_in_range(value: date | datetime) -> bool:
    day = value.date() if isinstance(value, datetime) else value
    return EARLIEST <= day <= LATEST


_NOT_FILE_ENCODINGS = frozenset(
    ("unicode-escape", "raw-unicode-escape", "undefined", "idna", "punycode")
)


def encoding_is_text(name: str) -> bool:
    """True for a real text encoding (UTF-8, GB18030, UTF-16…); False for codecs Python also
    knows that are not one (unicode_escape, rot13, base64, 'undefined') or unknown names."""
    import codecs

    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return False
    if not getattr(info, "_is_text_encoding", True):
        return False
    # These are marked as text encodings but are not a file's encoding: the escapes turn
    # backslash sequences into any character (lone surrogates too), idna and punycode encode
    # host names, and "undefined" refuses everything.
    return info.name not in _NOT_FILE_ENCODINGS
