"""An account's contacts as plain rows, ready for the contacts export (CSV, XLSX, vCard).

``desktop.services.contact_sheet.contact_sheet`` fills a ``ContactSheet`` in one read;
``desktop.export.contacts`` writes it. Each person carries every stored field the contact's
column declaration names (``desktop.domain.contact_columns``), so a new column reaches the
files without a change here, plus whom they report to and their part in one opportunity.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.contact_details import Detail


class ContactExportError(ValueError):
    """The contacts cannot be exported as asked (unknown format, wrong opportunity)."""


@dataclass(frozen=True)
class SheetPerson:
    """One contact as the export writes them."""

    uid: str
    values: Mapping[str, Any]  # stored field → value, for every stored column
    updated_at: datetime | None = None
    manager_name: str = ""
    manager_uid: str = ""
    # Their part in the sheet's opportunity; ``has_role`` False: none (no role columns).
    has_role: bool = False
    roles: tuple[str, ...] = ()
    attitude: str = "unknown"
    influence: str | None = None
    # Every e-mail, phone and address, preferred first within each kind.
    details: tuple[Detail, ...] = ()

    def __getitem__(self, name: str) -> Any:
        return self.values.get(name)


@dataclass(frozen=True)
class ContactSheet:
    """The contacts of one account, with their part in one opportunity (or none)."""

    account_name: str
    opportunity_name: str | None = None
    people: tuple[SheetPerson, ...] = field(default_factory=tuple)
