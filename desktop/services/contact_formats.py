"""Reading a contacts file's bytes and recognising where a CSV came from.

Encodings: a BOM decides (UTF-8, UTF-16); else strict UTF-8; else UTF-16 without a BOM when
every other byte is NUL (Outlook's "Unicode text"); else charset-normalizer's detection (GB18030,
what Chinese Excel saves; Windows-1252, what Outlook writes on a Western European Windows; and
any other), preferring Windows-1252 among candidates that read the bytes equally well.

Header recognition: Outlook, Google Contacts (old and new), Salesforce (report and Data Loader
exports), Callbrief's own export, and otherwise a guess from the column names people commonly
use, in English and Chinese.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from desktop.domain import contact_columns
from desktop.domain.input_files import InputFileError, read_limited
from desktop.domain.limits import encoding_is_text
from desktop.domain.playbook import Text

MAX_BYTES = 50 * 1024 * 1024  # a contacts file larger than this is not a contacts file
# Outlook writes 92 columns, Google about 90, a Salesforce report rarely more than a few
# hundred; thousands of columns is a spreadsheet of something else (or an attack).
MAX_COLUMNS = 2000


class ImportFileError(ValueError):
    """The file cannot be read as contacts at all (nothing is written)."""


def read_text(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """The file's text and the encoding it was read with; ImportFileError when unreadable."""
    if encoding and not encoding_is_text(encoding):
        raise ImportFileError(_not_an_encoding(encoding))
    try:
        data = read_limited(path, MAX_BYTES, "contacts file")
    except InputFileError as exc:
        raise ImportFileError(str(exc)) from None
    return decode(data, encoding, path.name)


def _not_an_encoding(encoding: str) -> str:
    return (
        f"{encoding!r} is not a text encoding; give one such as utf-8, gb18030 or utf-16, "
        "or leave --encoding out to detect it"
    )


def decode(data: bytes, encoding: str | None = None, name: str = "the file") -> tuple[str, str]:
    """Text from bytes: the encoding asked for, else UTF-8 (BOM or not), GB18030, UTF-16."""
    if encoding:
        if not encoding_is_text(encoding):
            raise ImportFileError(_not_an_encoding(encoding))
        wanted = (
            "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
        )
        try:
            return data.decode(wanted), encoding
        except (UnicodeError, LookupError) as exc:
            raise ImportFileError(f"{name} cannot be read as {encoding}: {exc}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8"]
        sample = data[:4096]
        if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4:
            candidates.append("utf-16-le")
        elif len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4:
            candidates.append("utf-16-be")
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        return text, candidate
    detected = detect_encoding(data)
    if detected:
        try:
            text = data.decode(detected)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if "\x00" not in text:
                return text, detected
    raise ImportFileError(
        f"{name}: could not work out its text encoding. "
        "Save it as UTF-8 and try again, or choose the encoding."
    )


# Candidates that read the bytes this close to the best one count as equally good.
_TIE = 0.01
# Among equally good readings, the encodings our reps' files come in: Windows-1252 (Outlook on
# a Western European Windows) and GB18030 (Chinese Excel). charset-normalizer ranks cp1250
# (Central European) first for some German and French files, which turns ñ into ń.
_PREFERRED = ("gb18030", "cp1252")


def detect_encoding(data: bytes) -> str | None:
    """The most likely encoding of bytes that are not UTF-8 (charset-normalizer), or None."""
    from charset_normalizer import from_bytes  # only files that are not UTF-8 need it

    results = list(from_bytes(data))
    if not results:
        return None
    best = results[0]
    tied = [
        r for r in results if r.chaos <= best.chaos + _TIE and r.coherence >= best.coherence - _TIE
    ]
    for preferred in _PREFERRED:
        for result in tied:
            if preferred in result.could_be_from_charset:
                return preferred
    return str(best.encoding).replace("_", "-")


# Header recognition ----------------------------------------------------------------------------


def norm(header: str) -> str:
    return re.sub(r"[\s_\-:：.]+", " ", header.strip().strip("'\"").lower()).strip()


# The header tables (Outlook, Google, Salesforce, names people give columns in English and
# Chinese) are part of the contact's one column declaration, read afresh on every file.
def _table(app: str) -> dict[str, str]:
    return contact_columns.header_table(app)


PAIRED = re.compile(r"^(e mail|phone|relation|address) (\d+) (label|type|value|formatted)$")


def detect_format(columns: list[str]) -> tuple[str, dict[str, str]]:
    """The CSV's origin and a column → target mapping for it."""
    normed = [norm(c) for c in columns]
    names = set(normed)
    if {"first name", "last name", "job title", "e mail address"} <= names:
        return "outlook", _mapping(columns, _table("outlook"))
    if any(PAIRED.match(n) for n in normed):
        mapping = _mapping(columns, _table("google"))
        for column, n in zip(columns, normed, strict=True):
            m = PAIRED.match(n)
            if m:
                kind, _, part = m.groups()
                base = {"e mail": "email", "phone": "phone", "relation": "relation"}.get(kind, kind)
                if part in ("value", "formatted"):
                    mapping[column] = base
                else:
                    mapping[column] = f"{base}_label"
        if "name" in mapping.values() and "given_name" in mapping.values():
            # The old Google format has both; the full name wins.
            mapping = {
                c: ("ignore" if t in ("given_name", "middle_name", "family_name") else t)
                for c, t in mapping.items()
            }
        return "google", mapping
    if names & {"contact id", "account name", "contact owner", "reportstoid", "mobilephone"} and (
        names & {"first name", "firstname", "last name", "lastname"}
    ):
        return "salesforce", _mapping(columns, _table("salesforce"))
    callbrief = _callbrief_headers()
    ours = {norm(t.get(lang)): key for key, t in callbrief.items() for lang in ("en", "zh")}
    if {norm(callbrief["roles"].en), norm(callbrief["attitude"].en)} <= names or {
        norm(callbrief["roles"].zh),
        norm(callbrief["attitude"].zh),
    } <= names:
        return "callbrief", _mapping(columns, ours)
    return "other", guess_mapping(columns)


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """A mapping from column names people commonly use; unknown columns are ignored."""
    lookup = {norm(alias): target for alias, target in _table("aliases").items()}
    repeats = contact_columns.repeating()
    out: dict[str, str] = {}
    used: set[str] = set()
    for column in columns:
        target = lookup.get(norm(column), "ignore")
        if target != "ignore" and target in used and target not in repeats:
            target = "ignore"  # the first column of a kind wins
        used.add(target)
        out[column] = target
    return out


def _mapping(columns: list[str], table: Mapping[str, str]) -> dict[str, str]:
    table = {norm(k): v for k, v in table.items()}
    repeats = contact_columns.repeating()
    out = {}
    used: set[str] = set()
    for column in columns:
        target = table.get(norm(column), "ignore")
        if target != "ignore" and target in used and target not in repeats:
            target = "ignore"
        used.add(target)
        out[column] = target
    return out


def _callbrief_headers() -> dict[str, Text]:
    """The export's own headers, so a Callbrief CSV maps itself. Its opportunity column is left
    out (not ``imported``): an import links people to the opportunity chosen for it."""
    return {c.key: c.label for c in contact_columns.exported() if c.imported}


# CSV ----------------------------------------------------------------------------------------------


def _delimiter(text: str) -> str:
    """The delimiter of the header line: whichever of , ; tab occurs most outside quotes."""
    header = text.split("\n", 1)[0]
    header = re.sub(r'"[^"]*"', "", header)
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(text: str) -> tuple[str, list[str], list[tuple[int, dict[str, str]]]]:
    """(delimiter, column names, [(row number, {column: cell})]) of a CSV text."""
    delimiter, columns, records = read_csv_records(text)
    return delimiter, columns, [(n, dict(zip(columns, cells, strict=True))) for n, cells in records]


# A line as io.StringIO(text, newline="") splits them: ended by \r\n, \r or \n, ending kept
# (a quoted cell's line breaks are part of the cell).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one by one: a StringIO would copy a 40 MB file at 4 bytes a
    character (160 MB) before the first row is read."""
    for line in _LINE.finditer(text):
        yield line.group()


def read_csv_records(text: str) -> tuple[str, list[str], list[tuple[int, list[str]]]]:
    """(delimiter, column names, [(row number, cells)]) of a CSV text.

    Each row has exactly one cell per column (missing cells are "", extra ones dropped): lists
    rather than dicts, because a 100k-row Outlook file has 73 columns and mostly empty cells.
    """
    delimiter = _delimiter(text)
    reader = csv.reader(_lines(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError("the file is empty") from None
    except csv.Error as exc:
        raise ImportFileError(f"the file is not a readable CSV: {exc}") from None
    if len(header) > MAX_COLUMNS:
        raise ImportFileError(
            f"the first line has {len(header):,} columns; a contacts file may have at most "
            f"{MAX_COLUMNS:,}"
        )
    columns: list[str] = []
    taken: set[str] = set()
    for h in header:
        name = h.strip().lstrip("\ufeff") or f"#{len(columns) + 1}"
        while name in taken:  # two columns called "Phone": keep both
            name += "'"
        columns.append(name)
        taken.add(name)
    if not any(h.strip() for h in header):
        raise ImportFileError("the first line has no column names")
    rows = []
    width = len(columns)
    try:
        # Spreadsheet numbering: the header is row 1, and a cell with line breaks is one row.
        for number, record in enumerate(reader, start=2):
            if not any(map(str.strip, record)):
                continue
            if len(record) != width:
                record = (record + [""] * width)[:width]
            rows.append((number, record))
    except csv.Error as exc:
        raise ImportFileError(f"the file is not a readable CSV: {exc}") from None
    return delimiter, columns, rows


def unneutralise(value: str) -> str:
    """Undo the apostrophe a spreadsheet export puts before =, +, -, @ (see export/contacts)."""
    value = value.strip()
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def pair(column: str) -> str:
    """The shared part of paired columns: "Phone 1 - Label" and "Phone 1 - Value" → "phone 1"."""
    m = PAIRED.match(norm(column))
    return f"{m.group(1)} {m.group(2)}" if m else norm(column)
