"""Importing contacts from CSV (Outlook, Google Contacts, Salesforce, Callbrief, others) and vCard.

Two steps, so the rep sees everything before anything is written:

1. ``preview_import`` reads the file (a BOM, UTF-8, UTF-16, else the encoding
   charset-normalizer detects, e.g. Windows-1252 from Outlook), recognises the CSV's origin
   from its header and maps its columns (a mapping can be given for files it does not know),
   and checks every row through the same field rules as the services (``fields.clean``). It
   reports per-row problems ("row 7: E-mail does not look like an e-mail address: 'x@'"),
   likely duplicates (same name and same e-mail or phone, against the account's contacts and
   earlier rows of the file) and how each manager was resolved.
2. ``commit_import`` writes only the good rows, all in one transaction, with reporting lines
   (from a "Manager"/"Reports To" column, Salesforce ``ReportsToId``, vCard ``RELATED`` or an
   Apple/Google "Manager" related name) resolved to people in the file or already at the account,
   and roles, attitude and influence for one opportunity when one is chosen.

Reading bytes and recognising CSV headers live in ``contact_formats``; vCard 2.1/3.0/4.0 is read
by the hand parser in ``vcard_reader`` (not ``vobject``: it must survive what other apps write
and report a bad card without losing the file).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import contact_columns
from desktop.domain.playbook import Text
from desktop.domain.validation import ValidationError
from desktop.store.models import Account, Contact, Opportunity

from .base import Service
from .contact_details import add_details
from .contact_formats import ImportFileError, detect_format, read_csv_records, read_text
from .contact_import_matching import link_assistants, mark_duplicates, resolve_managers
from .contact_import_reading import Builder, CsvPlan
from .contact_import_rows import FORMAT_LABELS, TEXTS, ImportPreview, ImportRow, Problem
from .contact_import_writing import IMPORT_CACHE_KIB, WRITE_BATCH, write_rows
from .events import Change, ChangeKind, Origin, current_initiator
from .vcard_reader import read_vcards

__all__ = [
    "DUPLICATE_MODES",
    "FORMAT_LABELS",
    "IMPORT_CACHE_KIB",
    "TARGETS",
    "TEXTS",
    "WRITE_BATCH",
    "ImportFileError",
    "ImportPreview",
    "ImportRow",
    "Problem",
    "commit_import",
    "preview_import",
    "targets",
]


def targets() -> dict[str, Text]:
    """What a column can be mapped to, from the contact's column declaration. "ignore" drops
    the column."""
    chosen = {c.key: c.chooser_label for c in contact_columns.imported()}
    return {"ignore": Text("(ignore)", "(忽略)"), **chosen}


# For the import dialog's column chooser (the declaration does not change while the app runs).
TARGETS: dict[str, Text] = targets()


# The two entry points ----------------------------------------------------------------------------

# What duplicate checks, manager links and loop checks need of the people already there: plain
# rows, not ORM objects (an account can hold 100k people after an import).
_KNOWN = (
    Contact.id,
    Contact.uid,
    Contact.name,
    Contact.email,
    Contact.phone_office,
    Contact.phone_mobile,
    Contact.reports_to_id,
)


@contextmanager
def _collector_held() -> Iterator[None]:
    """Hold Python's cycle collector off while a file is turned into rows and written.

    A 100k-row file makes millions of small objects, and the collector would walk all of them
    again and again as they pile up: about half the time of a preview. None of them needs it
    (they form no reference cycles); it runs again as soon as the import is done.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _people_at(s: Session, account_id: int) -> list[Any]:
    query = select(*_KNOWN).where(Contact.account_id == account_id).order_by(Contact.id)
    return list(s.execute(query).all())


def preview_import(
    services: Any,
    path: Path,
    account_id: int,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    *,
    opportunity_id: int | None = None,
) -> ImportPreview:
    """Read and check ``path`` for import into the account; nothing is written."""
    with _collector_held():
        return _preview(services, Path(path), account_id, mapping, encoding, opportunity_id)


def _preview(
    services: Any,
    path: Path,
    account_id: int,
    mapping: dict[str, str] | None,
    encoding: str | None,
    opportunity_id: int | None,
) -> ImportPreview:
    text, used = read_text(path, encoding)
    with services.db.read() as s:
        account = Service.fetch(s, Account, account_id, "account")
        account_names = (account.name, account.alt_name or "")
        if opportunity_id is not None:
            opp = Service.fetch(s, Opportunity, opportunity_id, "opportunity")
            if opp.account_id != account_id:
                raise ValidationError.single("opportunity_id", "contact_not_in_account")
        existing = _people_at(s, account_id)
    builder = Builder(services.playbook)
    head = text.lstrip("\ufeff \t\r\n")[:64].upper()
    if head.startswith("BEGIN:VCARD"):
        preview = ImportPreview(path, "vcard", "vcard", used, opportunity_id=opportunity_id)
        for number, card in read_vcards(text):
            if isinstance(card, str):
                row = ImportRow(number, "card", {})
                row.problems.append(Problem(own=("bad_card", {"error": card})))
                preview.rows.append(row)
            else:
                preview.rows.append(builder.from_card(number, card))
    else:
        if "\x00" in text or not text.strip():
            raise ImportFileError(f"{path.name} is neither a CSV file nor a vCard file")
        delimiter, columns, records = read_csv_records(text)
        del text  # the records hold what is needed; a 100k-row file is tens of MB
        detected, guessed = detect_format(columns)
        chosen = dict(guessed)
        if mapping:
            unknown = {t for t in mapping.values() if t not in targets()}
            if unknown:
                raise ImportFileError(f"unknown import field(s): {', '.join(sorted(unknown))}")
            # Columns the mapping does not name keep what was detected for them.
            chosen = {c: mapping.get(c, guessed.get(c, "ignore")) for c in columns}
        preview = ImportPreview(
            path, "csv", detected, used, delimiter, columns, chosen, opportunity_id=opportunity_id
        )
        names = {"name", "given_name", "family_name"}
        if not names & set(chosen.values()):
            preview.needs_mapping = True
            preview.file_notes.append("no_name_column")
        plan = CsvPlan.build(columns, chosen)
        preview.rows = [builder.from_csv(n, cells, plan) for n, cells in records]
        del records  # each row keeps the cells that hold something
    if not preview.rows:
        preview.file_notes.append("no_rows")
    if opportunity_id is None and any(r.role for r in preview.rows):
        preview.file_notes.append("roles_without_opportunity")
    mark_duplicates(preview.rows, existing)
    link_assistants(preview.rows)
    resolve_managers(preview.rows, existing)
    preview.checked_against = existing
    preview.account_name = account_names[0]
    preview.other_companies = _other_companies(preview.rows, account_names)
    return preview


def _company_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _other_companies(rows: list[ImportRow], account_names: tuple[str, str]) -> list[str]:
    """The companies the file names that are not the account (its name or other-language name;
    "Kessler" and "Kessler Automation GmbH" are the same company), in the file's order."""
    own = [k for k in (_company_key(n) for n in account_names) if k]
    out: dict[str, str] = {}
    for row in rows:
        key = _company_key(row.company) if row.company else ""
        if key and not any(key in k or k in key for k in own):
            out.setdefault(key, row.company.strip())
    return list(out.values())


# What a likely duplicate of someone at the account does on import (the CLI's --duplicates).
DUPLICATE_MODES = ("skip", "merge", "keep")
# Fields a merge never fills: who the person is, and what the import does not carry as it is.
_NOT_MERGED = frozenset({"name"})


def _merge(s: Session, rows: list[ImportRow]) -> set[int]:
    """Fill the empty fields of each person a good row duplicates; the ids of those changed."""
    changed: set[int] = set()
    # The values a row carries are keyed by the contact's field names (after the field rules).
    fillable = {
        c.field
        for c in contact_columns.stored()
        if c.imported and c.field and c.kind in ("text", "phone", "email", "date")
    }
    for row in rows:
        if not row.ok or row.duplicate_of_contact is None:
            continue
        contact = s.get(Contact, row.duplicate_of_contact[0])
        if contact is None:
            continue
        for key, value in row.values.items():
            if key not in fillable or key in _NOT_MERGED or value in (None, "", []):
                continue
            if getattr(contact, key) in (None, "", []):
                setattr(contact, key, value)
                changed.add(contact.id)
        if add_details(s, contact, row.details):
            changed.add(contact.id)
    return changed


def commit_import(
    services: Any,
    preview: ImportPreview,
    account_id: int,
    skip_duplicates: bool = True,
    *,
    opportunity_id: int | None = None,
    duplicates: str | None = None,
) -> int:
    """Write the preview's good rows in one transaction; returns how many people were added.

    ``duplicates`` says what a likely duplicate of someone already at the account does: "skip"
    (the default, or ``skip_duplicates=False`` for "keep"), "keep" (added as a second person) or
    "merge" (its values fill the existing person's empty fields; nothing filled in is
    overwritten; ``preview.merged`` counts the people merged into).

    The rows go in as a few multi-row statements (not one ORM object each), with their search
    index entries, reporting lines and buying roles, all in the same transaction: an error
    anywhere leaves the account as it was.
    """
    opportunity_id = opportunity_id if opportunity_id is not None else preview.opportunity_id
    rows = preview.rows
    with _collector_held(), services.db.write() as s:
        Service.fetch(s, Account, account_id, "account")
        if opportunity_id is not None:
            opp = Service.fetch(s, Opportunity, opportunity_id, "opportunity")
            if opp.account_id != account_id:
                raise ValidationError.single("opportunity_id", "contact_not_in_account")
        existing = _people_at(s, account_id)
        if existing != preview.checked_against:
            # Someone added, changed or removed people since the preview: check again.
            mark_duplicates(rows, existing)
            resolve_managers(rows, existing)
            preview.checked_against = existing
        mode = duplicates or ("skip" if skip_duplicates else "keep")
        if mode not in DUPLICATE_MODES:
            raise ValueError(f"duplicates must be one of {', '.join(DUPLICATE_MODES)}")
        skip = mode != "keep"
        wanted = [i for i, r in enumerate(rows) if r.ok and not (skip and r.is_duplicate)]
        merged = _merge(s, rows) if mode == "merge" else set()
        created, roles_written = write_rows(s, rows, wanted, existing, account_id, opportunity_id)
    preview.merged = len(merged)
    by = current_initiator() or Origin.IMPORT  # after the commit; the screen or the CLI asking
    services.notifier.publish(
        Change(ChangeKind.CONTACT, frozenset(created.values()) | merged, account_id, initiator=by)
    )
    if roles_written:
        opportunity = frozenset({opportunity_id}) if opportunity_id is not None else frozenset()
        services.notifier.publish(
            Change(ChangeKind.OPPORTUNITY, opportunity, account_id, initiator=by)
        )
    return len(created)
