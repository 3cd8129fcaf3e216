"""Reading a contacts file's bytes and recognising where a CSV came from.

Encodings: UTF-8 with or without BOM, then GB18030 (a superset of GBK, what Chinese Excel
saves), UTF-16 with a BOM or without (Outlook's "Unicode text"). Header recognition: Outlook,
Google Contacts (old and new), Salesforce (report and Data Loader exports), Callbrief's own
export, and otherwise a guess from the column names people commonly use, in English and Chinese.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from desktop.domain.input_files import InputFileError, read_limited
from desktop.domain.limits import encoding_is_text
from desktop.domain.playbook import Text
from desktop.export.contacts import COLUMNS as EXPORT_COLUMNS

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
        candidates.append("gb18030")
    for candidate in candidates:
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        return text, candidate
    raise ImportFileError(
        f"{name}: could not work out its text encoding (tried UTF-8, GB18030/GBK and UTF-16). "
        "Save it as UTF-8 and try again, or choose the encoding."
    )


# Header recognition ----------------------------------------------------------------------------


def norm(header: str) -> str:
    return re.sub(r"[\s_\-:：.]+", " ", header.strip().strip("'\"").lower()).strip()


_OUTLOOK = {
    "first name": "given_name",
    "middle name": "middle_name",
    "last name": "family_name",
    "company": "company",
    "department": "department",
    "job title": "title",
    "business phone": "phone_office",
    "mobile phone": "phone_mobile",
    "e mail address": "email",
    "manager's name": "reports_to",
    "notes": "notes",
}
_GOOGLE = {
    "name": "name",
    "first name": "given_name",
    "given name": "given_name",
    "middle name": "middle_name",
    "additional name": "middle_name",
    "last name": "family_name",
    "family name": "family_name",
    "nickname": "alt_name",
    "organization name": "company",
    "organization title": "title",
    "organization department": "department",
    "organization 1 name": "company",
    "organization 1 title": "title",
    "organization 1 department": "department",
    "notes": "notes",
}
_SALESFORCE = {
    "first name": "given_name",
    "last name": "family_name",
    "firstname": "given_name",
    "lastname": "family_name",
    "title": "title",
    "account name": "company",
    "department": "department",
    "phone": "phone_office",
    "mobile": "phone_mobile",
    "mobilephone": "phone_mobile",
    "email": "email",
    "reports to": "reports_to",
    "reports to: full name": "reports_to",
    "reportstoid": "manager_ref",
    "contact id": "ref",
    "id": "ref",
    "description": "notes",
}
# Names people give columns in their own spreadsheets (English and Chinese), "|" between them.
_ALIASES: dict[str, str] = {
    "name": "name|full name|contact|contact name|display name|姓名|名字|联系人|联系人姓名",
    "given_name": "first name|given name|名",
    "family_name": "last name|surname|family name|姓",
    "middle_name": "middle name|中间名",
    "alt_name": "english name|other name|nickname|英文名|昵称|另一语言姓名",
    "title": "title|job title|position|role title|职位|职务|岗位|头衔",
    "department": "department|dept|部门|所属部门",
    "company": "company|organization|organisation|account|公司|单位|客户",
    "reports_to": "reports to|manager|manager's name|boss|上级|汇报对象|直属上级|经理姓名",
    "phone_office": "phone|office phone|work phone|business phone|tel|telephone"
    "|办公电话|电话|座机|工作电话|商务电话",
    "phone_mobile": "mobile|mobile phone|cell|cell phone|手机|手机号|手机号码|移动电话",
    "email": "email|e mail|e mail address|email address|mail"
    "|邮箱|电子邮件|电子邮箱|邮件|电子邮件地址",
    "wechat": "wechat|weixin|微信|微信号",
    "notes": "notes|note|comments|remarks|备注|附注|关系备注|说明",
    "roles": "roles|role|buying role|角色",
    "attitude": "attitude|态度",
    "influence": "influence|影响力",
    "last_contact": "last contact|最近联系",
}
PAIRED = re.compile(r"^(e mail|phone|relation) (\d+) (label|type|value)$")


def detect_format(columns: list[str]) -> tuple[str, dict[str, str]]:
    """The CSV's origin and a column → target mapping for it."""
    normed = [norm(c) for c in columns]
    names = set(normed)
    if {"first name", "last name", "job title", "e mail address"} <= names:
        return "outlook", _mapping(columns, _OUTLOOK)
    if any(PAIRED.match(n) for n in normed):
        mapping = _mapping(columns, _GOOGLE)
        for column, n in zip(columns, normed, strict=True):
            m = PAIRED.match(n)
            if m:
                kind, _, part = m.groups()
                base = {"e mail": "email", "phone": "phone", "relation": "relation"}[kind]
                if part == "value":
                    mapping[column] = base
                elif kind != "e mail":
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
        return "salesforce", _mapping(columns, _SALESFORCE)
    ours = {norm(t.get(lang)): key for key, t in _CALLBRIEF.items() for lang in ("en", "zh")}
    if {norm(_CALLBRIEF["roles"].en), norm(_CALLBRIEF["attitude"].en)} <= names or {
        norm(_CALLBRIEF["roles"].zh),
        norm(_CALLBRIEF["attitude"].zh),
    } <= names:
        return "callbrief", _mapping(columns, ours)
    return "other", guess_mapping(columns)


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """A mapping from column names people commonly use; unknown columns are ignored."""
    lookup = {
        norm(alias): target for target, aliases in _ALIASES.items() for alias in aliases.split("|")
    }
    out: dict[str, str] = {}
    used: set[str] = set()
    for column in columns:
        target = lookup.get(norm(column), "ignore")
        if target != "ignore" and target in used:
            target = "ignore"  # the first column of a kind wins
        used.add(target)
        out[column] = target
    return out


def _mapping(columns: list[str], table: Mapping[str, str]) -> dict[str, str]:
    table = {norm(k): v for k, v in table.items()}
    out = {}
    used: set[str] = set()
    for column in columns:
        target = table.get(norm(column), "ignore")
        if target != "ignore" and target in used:
            target = "ignore"
        used.add(target)
        out[column] = target
    return out


# The export's own headers, so a Callbrief CSV maps itself. Its opportunity column is left out:
# an import links people to the opportunity chosen for it, so that column is ignored.
_CALLBRIEF: dict[str, Text] = {k: t for k, t in EXPORT_COLUMNS.items() if k != "opportunity"}


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
