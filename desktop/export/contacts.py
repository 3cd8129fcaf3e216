"""Contacts of an account as CSV (UTF-8 with BOM), Excel .xlsx and vCard 4.0 .vcf.

Each person carries their part in one opportunity's decision (roles, attitude, influence) and
whom they report to, in fields other address books keep:

* CSV/XLSX: one column each, labels in the chosen language. A cell that begins with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return could be run as a formula by a spreadsheet
  (CSV injection). In CSV such a cell is written with a leading apostrophe (``'+86 138…``),
  which Excel and LibreOffice show as text; in XLSX every cell is a plain string cell marked
  with Excel's own "quote prefix" (the apostrophe a user would type), so ``+86 138…`` stays
  readable and is never evaluated. The importer strips that apostrophe again.
* vCard 4.0 (RFC 6350): FN, N, NICKNAME (name in the other language), TITLE,
  ORG (account;department), ROLE (roles in this decision), CATEGORIES (role, attitude and
  influence labels), RELATED;TYPE=x-manager:urn:uuid:<manager uid> plus the manager's name in
  NOTE and as an Apple-style related name, TEL;TYPE=work / cell, EMAIL, X-WECHAT, UID, REV,
  and X-CALLBRIEF-* properties holding the playbook keys for a lossless round trip. Text is
  escaped (``\\ , ; newline``) and lines are folded at 75 octets.

Files are written to a temporary name and moved into place, so nothing is left half-written.
"""

from __future__ import annotations

import csv
import locale
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from desktop.domain.playbook import Text
from desktop.services import fields
from desktop.store.models import Account, BuyingRole, Contact, Opportunity

from .atomic import write_atomically
from .folding import fold

FORMATS = ("csv", "xlsx", "vcf")
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
PRODID = "-//Callbrief//Callbrief contacts//EN"
MANAGER_LABEL = "_$!<Manager>!$_"  # how Apple Contacts labels a manager among related names

# Column key → header. Keys are what the importer recognises in either language.
COLUMNS: dict[str, Text] = {
    "name": fields.CONTACT["name"].label,
    "alt_name": fields.CONTACT["alt_name"].label,
    "title": fields.CONTACT["title"].label,
    "department": fields.CONTACT["department"].label,
    "reports_to": fields.CONTACT["reports_to_id"].label,
    "phone_office": fields.CONTACT["phone_office"].label,
    "phone_mobile": fields.CONTACT["phone_mobile"].label,
    "email": fields.CONTACT["email"].label,
    "wechat": fields.CONTACT["wechat"].label,
    "roles": fields.BUYING_ROLE["roles"].label,
    "attitude": fields.BUYING_ROLE["attitude"].label,
    "influence": fields.BUYING_ROLE["influence"].label,
    "opportunity": Text("Opportunity", "商机"),
    "company": Text("Company", "公司"),
    "last_contact": fields.CONTACT["last_contact"].label,
    "notes": fields.CONTACT["relationship_notes"].label,
}
REPORTS_TO_NOTE = Text("Reports to: {name}", "汇报对象:{name}")


class ContactExportError(ValueError):
    """The contacts cannot be exported as asked (unknown format, wrong opportunity)."""


@dataclass(frozen=True)
class Person:
    """One contact with what the export needs about their manager and their part."""

    contact: Contact
    manager: Contact | None
    role: BuyingRole | None


@dataclass(frozen=True)
class Circle:
    account: Account
    opportunity: Opportunity | None
    people: tuple[Person, ...]


def language(services: Any, requested: str | None = None) -> str:
    """The language of labels in an export: asked for, else the rep's setting, else the system."""
    if requested in ("en", "zh"):
        return requested
    chosen = services.settings.get("language")
    if chosen in ("en", "zh"):
        return chosen
    system = (locale.getlocale()[0] or os.environ.get("LANG", "")).lower()
    return "zh" if system.startswith("zh") else "en"


def gather(services: Any, account_id: int, opportunity_id: int | None = None) -> Circle:
    """The account's contacts with their manager and their part in one opportunity.

    Without ``opportunity_id`` the account's first opportunity is used (none: no roles).
    """
    account = services.accounts.get(account_id)
    contacts = services.contacts.for_account(account_id)
    if opportunity_id is None:
        opportunities = services.opportunities.for_account(account_id)
        opportunity_id = opportunities[0].id if opportunities else None
    opportunity = services.opportunities.get(opportunity_id) if opportunity_id else None
    if opportunity is not None and opportunity.account_id != account_id:
        raise ContactExportError(
            f"opportunity {opportunity_id} belongs to another account, not to {account.name}"
        )
    roles = {r.contact_id: r for r in opportunity.roles} if opportunity else {}
    by_id = {c.id: c for c in contacts}
    people = tuple(
        Person(c, by_id.get(c.reports_to_id) if c.reports_to_id else None, roles.get(c.id))
        for c in contacts
    )
    return Circle(account, opportunity, people)


def export_contacts(
    services: Any,
    account_id: int,
    path: Path,
    *,
    opportunity_id: int | None = None,
    lang: str = "en",
) -> int:
    """Write the account's contacts to ``path`` (format by extension); returns how many."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ContactExportError(f"{Path(path).name}: contacts can be saved as .csv, .xlsx or .vcf")
    circle = gather(services, account_id, opportunity_id)
    playbook = services.playbook
    if fmt == "vcf":
        text = vcards(circle, playbook, lang)
        write_atomically(Path(path), lambda tmp: tmp.write_bytes(text.encode("utf-8")))
    else:
        header, rows = table(circle, playbook, lang)
        writer = _write_csv if fmt == "csv" else _write_xlsx
        write_atomically(Path(path), lambda tmp: writer(tmp, header, rows))
    return len(circle.people)


# Table (CSV and XLSX) ------------------------------------------------------------------------


def table(circle: Circle, playbook: Any, lang: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows, every value a string in ``lang``."""
    header = [text.get(lang) for text in COLUMNS.values()]
    sep = "、" if lang.startswith("zh") else "; "
    rows = []
    for p in circle.people:
        c, role = p.contact, p.role
        values = {
            "name": c.name,
            "alt_name": c.alt_name,
            "title": c.title,
            "department": c.department,
            "reports_to": p.manager.name if p.manager else "",
            "phone_office": c.phone_office,
            "phone_mobile": c.phone_mobile,
            "email": c.email,
            "wechat": c.wechat,
            "roles": sep.join(playbook.label("roles", r, lang) for r in role.roles) if role else "",
            "attitude": playbook.label("attitudes", role.attitude, lang) if role else "",
            "influence": playbook.label("influence_levels", role.influence, lang)
            if role and role.influence
            else "",
            "opportunity": circle.opportunity.name if circle.opportunity and role else "",
            "company": circle.account.name,
            "last_contact": c.last_contact.isoformat() if c.last_contact else "",
            "notes": c.relationship_notes,
        }
        rows.append([values[key] or "" for key in COLUMNS])
    return header, rows


def neutralise(value: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula: a risky first character gets ``'``."""
    return "'" + value if value.startswith(DANGEROUS_START) else value


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


def vcards(circle: Circle, playbook: Any, lang: str) -> str:
    """Every contact as a vCard 4.0, CRLF line ends, folded at 75 octets."""
    return "".join(vcard(p, circle, playbook, lang) for p in circle.people)


def vcard(person: Person, circle: Circle, playbook: Any, lang: str) -> str:
    c, role, manager = person.contact, person.role, person.manager
    lines: list[str] = ["BEGIN:VCARD", "VERSION:4.0", f"PRODID:{PRODID}", "KIND:individual"]
    lines.append(f"UID:{uid_urn(c.uid)}")
    lines.append("FN:" + escape(c.name))
    family, given = split_name(c.name)
    lines.append(f"N:{escape(family)};{escape(given)};;;")
    if c.alt_name:
        lines.append("NICKNAME:" + escape(c.alt_name))
    if c.title:
        lines.append("TITLE:" + escape(c.title))
    lines.append(f"ORG:{escape(circle.account.name)};{escape(c.department)}".rstrip(";"))
    if c.phone_office:
        lines.append("TEL;TYPE=work,voice:" + escape(c.phone_office))
    if c.phone_mobile:
        lines.append("TEL;TYPE=cell,voice:" + escape(c.phone_mobile))
    if c.email:
        lines.append("EMAIL;TYPE=work:" + escape(c.email))
    if c.wechat:
        lines.append("X-WECHAT:" + escape(c.wechat))
    if role is not None:
        role_labels = [playbook.label("roles", r, lang) for r in role.roles]
        if role_labels:
            lines.append("ROLE:" + escape(", ".join(role_labels)))
        categories = list(role_labels)
        categories.append(playbook.label("attitudes", role.attitude, lang))
        if role.influence:
            influence = fields.BUYING_ROLE["influence"].label.get(lang)
            level = playbook.label("influence_levels", role.influence, lang)
            categories.append(f"{influence}: {level}")
        lines.append("CATEGORIES:" + ",".join(escape(v) for v in categories))
        lines.append("X-CALLBRIEF-ROLES:" + ",".join(escape(r) for r in role.roles))
        lines.append("X-CALLBRIEF-ATTITUDE:" + escape(role.attitude))
        if role.influence:
            lines.append("X-CALLBRIEF-INFLUENCE:" + escape(role.influence))
        if circle.opportunity is not None:
            lines.append("X-CALLBRIEF-OPPORTUNITY:" + escape(circle.opportunity.name))
    notes = []
    if manager is not None:
        lines.append(f"RELATED;TYPE=x-manager:{uid_urn(manager.uid)}")
        lines.append("item1.X-ABRELATEDNAMES:" + escape(manager.name))
        lines.append(f"item1.X-ABLabel:{MANAGER_LABEL}")
        notes.append(REPORTS_TO_NOTE.get(lang).format(name=manager.name))
    if c.relationship_notes:
        notes.append(c.relationship_notes)
    if notes:
        lines.append("NOTE:" + escape("\n".join(notes)))
    if c.last_contact:
        lines.append("X-CALLBRIEF-LAST-CONTACT:" + c.last_contact.isoformat())
    stamp = c.updated_at or datetime.now()
    lines.append("REV:" + stamp.strftime("%Y%m%dT%H%M%SZ"))
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


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
