"""Reading a CRM export into plain rows: a Salesforce report CSV or a Dynamics 365 Excel export
(opportunities or contacts).

Each row is one (account, opportunity, contact) line as those reports print them: a Salesforce
"Opportunities with Contact Roles" report repeats the account and opportunity on every contact
line; a Dynamics export has one opportunity per row. The columns are recognised by the names
those programs write; nothing is written here (crm_import.py previews and writes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .contact_formats import ImportFileError, norm, read_csv, read_text

# Our field -> the column names each program writes (compared through contact_formats.norm).
SALESFORCE = {
    "account": ("Account Name", "Account: Account Name"),
    "opportunity": ("Opportunity Name", "Opportunity: Opportunity Name"),
    "stage": ("Stage", "Opportunity: Stage"),
    "amount": ("Amount", "Opportunity: Amount"),
    "close": ("Close Date", "Opportunity: Close Date"),
    "contact": ("Contact: Full Name", "Contact Name", "Full Name"),
    "first": ("Contact: First Name", "First Name"),
    "last": ("Contact: Last Name", "Last Name"),
    "title": ("Title", "Contact: Title"),
    "email": ("Email", "Contact: Email"),
    "phone": ("Phone", "Contact: Phone"),
    "role": ("Contact Role", "Role"),
    "primary": ("Primary", "Is Primary"),
}
DYNAMICS = {
    "account": ("Potential Customer", "Account"),
    "opportunity": ("Topic",),
    "stage": ("Pipeline Phase", "Sales Stage"),
    "amount": ("Est. Revenue",),
    "close": ("Est. Close Date",),
    "contact": ("Contact",),
}
# A Dynamics 365 contacts view exported to Excel: people with their company, no deals.
DYNAMICS_CONTACTS = {
    "account": ("Company Name", "Account Name", "Parent Customer"),
    "contact": ("Full Name",),
    "first": ("First Name",),
    "last": ("Last Name",),
    "title": ("Job Title",),
    "email": ("Email", "E-mail"),
    "phone": ("Business Phone",),
    "mobile": ("Mobile Phone",),
}
FORMATS = {"salesforce": SALESFORCE, "dynamics": DYNAMICS, "dynamics-contacts": DYNAMICS_CONTACTS}
# The fields whose columns tell each export apart (checked in this order).
SIGNATURE = {
    "salesforce": ("account", "opportunity"),
    "dynamics": ("account", "opportunity"),
    "dynamics-contacts": ("account", "contact"),
}

# The fields a column map may fill, in the order the mapping step shows them.
MAPPABLE = ("account", "opportunity", "stage", "amount", "close", "contact", "first", "last",
            "title", "email", "phone", "mobile", "role")  # fmt: skip


@dataclass
class CrmRow:
    line: int
    values: dict[str, str]  # our field -> the cell as written


def read_sheet(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(header, [(row number, cells)]) of a CSV or of the first visible sheet of an XLSX.

    Dynamics 365 puts its metadata on a hidden sheet (``hiddenSheet``); hidden sheets are
    never the data. A file that is neither says what it is instead (ImportFileError)."""
    workbook = _kind(path) == "xlsx"  # a workbook renamed .csv is still read as one
    if not workbook:
        text, _encoding = read_text(path)
        try:
            _delim, columns, records = read_csv(text)
        except ImportFileError as exc:  # "the file is empty": name the file
            raise ImportFileError(f"{path.name}: {exc}") from None
        if not records:
            raise ImportFileError(
                f"{path.name} has no rows below its first line: nothing to import"
            )
        return columns, [(n, [rec.get(c, "") for c in columns]) for n, rec in records]
    import openpyxl  # only when reading a workbook: it is slow to load

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # a damaged or foreign file: name it, write nothing
        raise ImportFileError(
            f"{path.name} is not an Excel workbook that can be read (it may be damaged, or "
            "another kind of file renamed .xlsx); open it in Excel and save it as .xlsx or CSV"
        ) from None
    try:
        sheet = next((ws for ws in book.worksheets if ws.sheet_state == "visible"), None)
        if sheet is None:
            raise ImportFileError(f"{path.name} has no visible sheet")
        rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True) if any(row)]
    finally:
        book.close()
    if len(rows) < 2:
        raise ImportFileError(f"{path.name} has no rows below its first line: nothing to import")
    header = rows[0]
    return header, [(i + 2, r + [""] * (len(header) - len(r))) for i, r in enumerate(rows[1:])]


def _kind(path: Path) -> str:
    """ "xlsx" for a zip (what .xlsx is), "text" otherwise; ImportFileError for the files a rep
    may pick by mistake, said in their words rather than as an encoding failure."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise ImportFileError(f"{path.name} cannot be opened: {exc.strerror or exc}") from None
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            f"{path.name} is an Excel 97-2003 workbook (.xls); open it in Excel and save it "
            "as an Excel workbook (.xlsx) or as CSV UTF-8, then import that"
        )
    if path.suffix.lower() == ".xlsx":
        return "xlsx"  # not a zip: openpyxl's refusal is turned into a message
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if head.startswith(b"%PDF") or (b"\x00" in head and not utf16):
        raise ImportFileError(
            f"{path.name} is not a spreadsheet (it holds no text); choose the CSV or Excel "
            "(.xlsx) file your CRM exported"
        )
    return "text"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "isoformat"):
        return value.date().isoformat() if hasattr(value, "hour") else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def detect(header: list[str]) -> str | None:
    """ "salesforce", "dynamics" or "dynamics-contacts" when the header is that program's
    export, else None."""
    names = {norm(h) for h in header}
    for name, table in FORMATS.items():
        if all(any(norm(c) in names for c in table[f]) for f in SIGNATURE[name]):
            return name
    return None


def mapping_for(header: list[str], fmt: str) -> dict[str, int]:
    """Our field -> column index in ``header`` for a known format."""
    index = {norm(h): i for i, h in enumerate(header)}
    out: dict[str, int] = {}
    for field, names in FORMATS[fmt].items():
        for name in names:
            if norm(name) in index:
                out[field] = index[norm(name)]
                break
    return out


def guess_mapping(header: list[str]) -> dict[str, str]:
    """Our field -> column for the columns named as Salesforce or Dynamics name them (a file
    someone assembled by hand often keeps a few of those names); the rep checks the rest."""
    index = {norm(h): h for h in header}
    out: dict[str, str] = {}
    for field in MAPPABLE:
        for table in FORMATS.values():
            found = next((index[norm(n)] for n in table.get(field, ()) if norm(n) in index), None)
            if found is not None and found not in out.values():
                out[field] = found
                break
    return out


def read_rows(
    path: Path, fmt: str | None = None, mapping: dict[str, str] | None = None
) -> tuple[str, list[str], list[CrmRow]]:
    """(format, header, rows). ``mapping`` (our field -> column name) is the "mapped" format."""
    header, records = read_sheet(path)
    if mapping is not None:
        fmt = "mapped"
        where = {f: header.index(c) for f, c in mapping.items() if c in header}
    else:
        fmt = fmt or detect(header)
        if fmt not in FORMATS:
            raise ImportFileError(
                f"{path.name} is not a Salesforce or Dynamics 365 export I know "
                f"(its columns: {', '.join(header[:8]) or 'none'}); "
                "map its columns (--format mapped)"
            )
        where = mapping_for(header, fmt)
    if "account" not in where:
        raise ImportFileError(f"{path.name}: no column holds the account name")
    rows = [
        CrmRow(n, {f: cells[i].strip() if i < len(cells) else "" for f, i in where.items()})
        for n, cells in records
    ]
    for row in rows:  # Salesforce may split the contact's name
        if not row.values.get("contact") and (row.values.get("first") or row.values.get("last")):
            parts = (row.values.get("first", ""), row.values.get("last", ""))
            row.values["contact"] = " ".join(p for p in parts if p)
    return fmt, header, rows
