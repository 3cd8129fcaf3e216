"""Contacts of an account as CSV (UTF-8 with BOM), Excel .xlsx and vCard 4.0 .vcf.

Each person carries their part in one opportunity's decision (roles, attitude, influence) and
whom they report to, in fields other address books keep:

* CSV/XLSX: one column each, labels in the chosen language; the preferred e-mail and phones
  in their columns, the others and every address as "Type: value" lines in More phones, More
  e-mails and Addresses. A cell that begins with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return could be run as a formula by a spreadsheet
  (CSV injection). In CSV such a cell is written with a leading apostrophe, which Excel and
  LibreOffice show as text, unless it is ``+``/``-`` before a phone number or a plain number
  (``+86 138…`` stays as it is: the apostrophe would show in every other program); in XLSX
  every cell is a plain string cell marked with Excel's own "quote prefix" (the apostrophe a
  user would type, kept in the style, not the value), so ``+86 138…`` stays readable and is
  never evaluated. The importer strips that apostrophe again.
* vCard 4.0 (RFC 6350): FN, N, NICKNAME (name in the other language), TITLE,
  ORG (account;department), ROLE (roles in this decision), CATEGORIES (role, attitude and
  influence labels), RELATED;TYPE=x-manager:urn:uuid:<manager uid> plus the manager's name in
  NOTE and as an Apple-style related name, TEL, EMAIL and ADR for every phone, e-mail and
  address (typed, PREF=1 on the preferred ones), X-WECHAT, UID, REV, and X-CALLBRIEF-*
  properties holding the playbook keys for a lossless round trip. Text is escaped
  (``\\ , ; newline``) and lines are folded at 75 octets.

The columns, their headers and the plain vCard properties come from the contact's one column
declaration (``desktop.domain.contact_columns``). The rows come as plain data
(``desktop.exchange.contact_sheet.ContactSheet``, filled by the services): this module never
imports the services or the database.

Files are written to a temporary name and moved into place, so nothing is left half-written.
"""

from __future__ import annotations

import csv
import locale
import os
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from desktop.domain import contact_columns
from desktop.domain.contact_details import from_columns, labelled_lines, of_kind
from desktop.domain.playbook import Text
from desktop.exchange.contact_sheet import ContactExportError, ContactSheet, SheetPerson

from .atomic import write_atomically
from .folding import fold

FORMATS = ("csv", "xlsx", "vcf")
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
PRODID = "-//Callbrief//Callbrief contacts//EN"
MANAGER_LABEL = "_$!<Manager>!$_"  # how Apple Contacts labels a manager among related names

REPORTS_TO_NOTE = Text("Reports to: {name}", "汇报对象:{name}")
__all__ = ["ContactExportError", "columns", "export_contacts", "language", "table", "vcards"]


def columns() -> dict[str, Text]:
    """Column key → header, in the export's order (read from the declaration each time)."""
    return {c.key: c.label for c in contact_columns.exported()}


def language(services: Any, requested: str | None = None) -> str:
    """The language of labels in an export: asked for, else the rep's setting, else the system."""
    if requested in ("en", "zh"):
        return requested
    chosen = services.settings.get("language")
    if chosen in ("en", "zh"):
        return chosen
    system = (locale.getlocale()[0] or os.environ.get("LANG", "")).lower()
    return "zh" if system.startswith("zh") else "en"


def export_contacts(
    services: Any,
    account_id: int,
    path: Path,
    *,
    opportunity_id: int | None = None,
    lang: str = "en",
) -> int:
    """Write the account's contacts to ``path`` (format by extension); returns how many.

    The services read the rows (``Services.contact_sheet``); ``write_contacts`` writes them.
    """
    check_format(path)
    sheet = services.contact_sheet(account_id, opportunity_id)
    return write_contacts(sheet, Path(path), services.playbook, lang)


def check_format(path: Path) -> str:
    """The file format ``path`` asks for; ContactExportError for one contacts cannot be."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ContactExportError(f"{Path(path).name}: contacts can be saved as .csv, .xlsx or .vcf")
    return fmt


def write_contacts(sheet: ContactSheet, path: Path, playbook: Any, lang: str = "en") -> int:
    """Write ``sheet`` to ``path`` (format by extension); returns how many people."""
    fmt = check_format(path)
    if fmt == "vcf":
        text = vcards(sheet, playbook, lang)
        write_atomically(Path(path), lambda tmp: tmp.write_bytes(text.encode("utf-8")))
    else:
        header, rows = table(sheet, playbook, lang)
        writer = _write_csv if fmt == "csv" else _write_xlsx
        write_atomically(Path(path), lambda tmp: writer(tmp, header, rows))
    return len(sheet.people)


# Table (CSV and XLSX) ------------------------------------------------------------------------


def table(sheet: ContactSheet, playbook: Any, lang: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows, every value a string in ``lang``."""
    exported = contact_columns.exported()
    header = [c.label.get(lang) for c in exported]
    sep = "、" if lang.startswith("zh") else "; "
    rows = []
    for p in sheet.people:
        # What is not stored on the contact: their manager, their part, the account.
        values = {
            "reports_to": p.manager_name,
            "roles": sep.join(playbook.label("roles", r, lang) for r in p.roles),
            "attitude": playbook.label("attitudes", p.attitude, lang) if p.has_role else "",
            "influence": playbook.label("influence_levels", p.influence, lang)
            if p.has_role and p.influence
            else "",
            "opportunity": (sheet.opportunity_name or "") if p.has_role else "",
            "company": sheet.account_name,
            **_more_details(p, lang),
        }
        rows.append(
            [
                values[c.key] if c.key in values else _cell(p[c.field] if c.field else None)
                for c in exported
            ]
        )
    return header, rows


def _more_details(p: SheetPerson, lang: str) -> dict[str, str]:
    """The e-mails and phones the E-mail, Office phone and Mobile columns do not show, and
    every address, as "Type: value" lines."""
    shown = {("email", p["email"]), ("phone", p["phone_office"]), ("phone", p["phone_mobile"])}
    rest = [d for d in p.details if (d.kind, d.value) not in shown]
    return {
        "more_phones": labelled_lines((d for d in rest if d.kind == "phone"), lang),
        "more_emails": labelled_lines((d for d in rest if d.kind == "email"), lang),
        "addresses": labelled_lines(of_kind(p.details, "address"), lang),
    }


def _cell(value: Any) -> str:
    """A stored value as a cell: dates as ISO dates, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# A phone number or a plain number after a leading + or -: "+86 21 6080 1000", "+1 (650)
# 253-0000 ext. 12", "-12.5". A spreadsheet reads these as text or as the number they are; none
# calls a function or another program, so they are written as they are (an apostrophe before
# "+86…" would show in every program that is not a spreadsheet).
_NUMBER_AFTER_SIGN = re.compile(
    r"[+-]\s*(?:\d[\d \u00a0().\-/]*\d|\d)(?:\s*(?:ext\.?|x|#|转|分机)\s*\d+)?"
)


def neutralise(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula: ``'`` before what it would evaluate.

    That is a cell starting with ``=``, ``@``, a tab or a carriage return, or with ``+`` or
    ``-`` followed by anything but a phone number or a plain number (``-2+3``, ``+cmd|…``).
    """
    if not value.startswith(DANGEROUS_START):
        return value
    if value[0] in "+-" and _NUMBER_AFTER_SIGN.fullmatch(value):
        return value
    return "'" + value


def _write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    # utf-8-sig writes the BOM Excel needs to read UTF-8; CRLF is what Excel writes too.
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([neutralise(v) for v in row])


def _write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = cast(Worksheet, book.active)  # a new workbook's one sheet; typed as maybe absent
    sheet.title = "Contacts"
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=col)
            cell.value = value
            # Always a string cell: openpyxl would otherwise store "=…" as a formula.
            cell.data_type = "s"
            if value.startswith(DANGEROUS_START):
                cell.quotePrefix = True
            if "\n" in value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, name in enumerate(header, start=1):
        longest = max([len(name)] + [len(row[col - 1]) for row in rows])
        sheet.column_dimensions[get_column_letter(col)].width = min(50, max(10, longest + 2))
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(path)


# vCard 4.0 -------------------------------------------------------------------------------------


def vcards(sheet: ContactSheet, playbook: Any, lang: str) -> str:
    """Every contact as a vCard 4.0, CRLF line ends, folded at 75 octets."""
    return "".join(vcard(p, sheet, playbook, lang) for p in sheet.people)


def vcard(c: SheetPerson, sheet: ContactSheet, playbook: Any, lang: str) -> str:
    name, department = c["name"] or "", c["department"] or ""
    lines: list[str] = ["BEGIN:VCARD", "VERSION:4.0", f"PRODID:{PRODID}", "KIND:individual"]
    lines.append(f"UID:{uid_urn(c.uid)}")
    prefix, suffix = c["name_prefix"] or "", c["name_suffix"] or ""
    # FN is the name as shown ("Dr. Emily Carter"); N keeps the parts apart, so the prefix and
    # suffix never become part of a given or family name in the app that reads the card.
    lines.append("FN:" + escape(" ".join(p for p in (prefix, name, suffix) if p)))
    family, given = split_name(name)
    lines.append(f"N:{escape(family)};{escape(given)};;{escape(prefix)};{escape(suffix)}")
    if c["alt_name"]:
        lines.append("NICKNAME:" + escape(c["alt_name"]))
    if c["title"]:
        lines.append("TITLE:" + escape(c["title"]))
    lines.append(f"ORG:{escape(sheet.account_name)};{escape(department)}".rstrip(";"))
    lines += _detail_lines(c)
    # Columns carried as a plain property of their own (X-WECHAT, X-CALLBRIEF-LAST-CONTACT, …).
    for column in contact_columns.COLUMNS:
        if column.vcard and column.field and c[column.field]:
            lines.append(f"{column.vcard[0]}:" + escape(_cell(c[column.field])))
    if c.has_role:
        role_labels = [playbook.label("roles", r, lang) for r in c.roles]
        if role_labels:
            lines.append("ROLE:" + escape(", ".join(role_labels)))
        categories = list(role_labels)
        categories.append(playbook.label("attitudes", c.attitude, lang))
        if c.influence:
            influence = contact_columns.by_key()["influence"].label.get(lang)
            level = playbook.label("influence_levels", c.influence, lang)
            categories.append(f"{influence}: {level}")
        lines.append("CATEGORIES:" + ",".join(escape(v) for v in categories))
        lines.append("X-CALLBRIEF-ROLES:" + ",".join(escape(r) for r in c.roles))
        lines.append("X-CALLBRIEF-ATTITUDE:" + escape(c.attitude))
        if c.influence:
            lines.append("X-CALLBRIEF-INFLUENCE:" + escape(c.influence))
        if sheet.opportunity_name is not None:
            lines.append("X-CALLBRIEF-OPPORTUNITY:" + escape(sheet.opportunity_name))
    notes = []
    if c.manager_uid:
        lines.append(f"RELATED;TYPE=x-manager:{uid_urn(c.manager_uid)}")
        lines.append("item1.X-ABRELATEDNAMES:" + escape(c.manager_name))
        lines.append(f"item1.X-ABLabel:{MANAGER_LABEL}")
        notes.append(REPORTS_TO_NOTE.get(lang).format(name=c.manager_name))
    if c["relationship_notes"]:
        notes.append(c["relationship_notes"])
    if notes:
        lines.append("NOTE:" + escape("\n".join(notes)))
    stamp = c.updated_at or datetime.now()
    lines.append("REV:" + stamp.strftime("%Y%m%dT%H%M%SZ"))
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


# vCard 4.0 TYPE values by our type (RFC 6350 §6.4.1, §6.4.2); "other" has none.
_TEL_TYPES = {"work": "work,voice", "mobile": "cell,voice", "home": "home,voice", "other": "voice"}
_TYPES = {"work": "work", "home": "home", "mobile": "cell"}


def _detail_lines(c: SheetPerson) -> list[str]:
    """TEL, EMAIL and ADR for every detail, typed, PREF=1 on the preferred one of each kind.

    An address is kept as one text: it goes in ADR's street part, where Outlook and Apple show
    a free-form address."""
    details = c.details or tuple(
        from_columns(c["email"] or "", c["phone_office"] or "", c["phone_mobile"] or "")
    )
    lines = []
    for d in details:
        params = []
        if d.kind == "phone":
            params.append(f"TYPE={_TEL_TYPES[d.type]}")
        elif d.type in _TYPES:
            params.append(f"TYPE={_TYPES[d.type]}")
        if d.preferred:
            params.append("PREF=1")
        head = {"phone": "TEL", "email": "EMAIL", "address": "ADR"}[d.kind]
        value = escape(d.value)
        if d.kind == "address":
            value = f";;{value};;;;"
        lines.append(";".join([head, *params]) + ":" + value)
    return lines


def uid_urn(uid: str) -> str:
    """``urn:uuid:`` with the canonical 8-4-4-4-12 form of a stored 32-hex uid."""
    h = uid.replace("-", "").lower()
    if len(h) == 32:
        h = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return f"urn:uuid:{h}"


def escape(value: str) -> str:
    """vCard text escaping (RFC 6350 §3.4): backslash, comma, semicolon, newline."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "慕容",
    "令狐",
    "皇甫",
    "尉迟",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "公孙",
)


def split_name(name: str) -> tuple[str, str]:
    """(family, given) for the N property: 王建国 → 王 / 建国; David Zhang → Zhang / David."""
    name = " ".join(name.split())
    if not name:
        return "", ""
    if " " in name:
        given, _, family = name.rpartition(" ")
        return family, given
    if all("\u4e00" <= ch <= "\u9fff" for ch in name) and 2 <= len(name) <= 4:
        cut = 2 if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else 1
        return name[:cut], name[cut:]
    return name, ""
