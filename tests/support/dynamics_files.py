"""A Dynamics 365 contacts view exported to Excel, built with openpyxl the way Dynamics writes it.

Dynamics puts the data on the first sheet (named after the view) with three hidden
"(Do Not Modify)" columns (record id, row checksum, modified on) that let the file be
re-imported, and keeps the entity name and column metadata on a hidden sheet ``hiddenSheet``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

HEADER = ["(Do Not Modify) Contact", "(Do Not Modify) Row Checksum",
          "(Do Not Modify) Modified On", "Full Name", "Company Name", "Job Title", "Email",
          "Business Phone", "Mobile Phone"]  # fmt: skip


def dynamics_contacts_xlsx(path: Path, people: list[tuple[str, str, str, str, str, str]]) -> Path:
    """``people``: (full name, company, job title, e-mail, business phone, mobile phone)."""
    book = openpyxl.Workbook()
    data = book.active
    data.title = "My Active Contacts"
    data.append(HEADER)
    for n, person in enumerate(people, 1):
        guid = f"6a0c1b2e-0000-0000-0000-{n:012d}"
        data.append([guid, f"chk{n}", dt.datetime(2026, 11, 30, 8, n), *person])
    for column in "ABC":
        data.column_dimensions[column].hidden = True
    hidden = book.create_sheet("hiddenSheet")
    hidden.append(["contact", "contactid", "fullname", "parentcustomerid", "jobtitle",
                   "emailaddress1", "telephone1", "mobilephone"])  # fmt: skip
    hidden.sheet_state = "hidden"
    book.save(path)
    return path
