"""Undoing a deleted contact: what to keep before the delete, and putting it all back after.

A person is more than their row: their phones, e-mails and addresses, their part in each of
the account's deals and the people who report to them. The snapshot keeps those by *first* id
(``IdRemap``), so an undo long after the delete, or a redo after that, finds the records again
under whatever ids they have now.
"""

from __future__ import annotations

from typing import Any

from desktop.services import Services
from desktop.services.fields import CONTACT

from ..widgets.records import IdRemap

SNAPSHOT_FIELDS = tuple(name for name in CONTACT if name != "reports_to_id")


def first_or_none(remap: IdRemap, contact_id: int | None) -> int | None:
    return remap.first(contact_id) if contact_id is not None else None


def current_or_none(remap: IdRemap, first_id: int | None) -> int | None:
    return remap.current(first_id) if first_id is not None else None


def snapshot(
    services: Services, account_id: int, contact: Any, contacts: list[Any], remap: IdRemap
) -> dict[str, Any]:
    """Everything a restore needs: the fields, the manager, the deal roles and the reports."""
    roles = []
    for opp in services.opportunities.for_account(account_id):
        for role in services.opportunities.get(opp.id).roles:
            if role.contact_id == contact.id:
                roles.append(
                    (opp.id, list(role.roles or []), role.attitude, role.influence, role.notes)
                )
    reports = [c.id for c in contacts if c.reports_to_id == contact.id]
    return {
        "fields": {name: getattr(contact, name) for name in SNAPSHOT_FIELDS},
        "manager": first_or_none(remap, contact.reports_to_id),
        "roles": roles,
        "reports": [remap.first(r) for r in reports],
        # Every phone, e-mail and address, not only the preferred ones the fields hold.
        "details": services.contact_details.details(contact.id),
    }


def restore(
    services: Services, account_id: int, first: int, kept: dict[str, Any], remap: IdRemap
) -> None:
    """Create the person again, with their roles and reports; later edits follow the new id."""
    contact = services.contacts.create(
        account_id,
        reports_to_id=current_or_none(remap, kept["manager"]),
        **kept["fields"],
    )
    remap.moved(remap.current(first), contact.id)
    if kept.get("details"):
        services.contact_details.replace(contact.id, kept["details"])
    for opp_id, roles, attitude, influence, notes in kept["roles"]:
        services.opportunities.set_role(
            opp_id, contact.id, roles=roles, attitude=attitude, influence=influence, notes=notes
        )
    for report in kept["reports"]:
        services.contacts.move(remap.current(report), contact.id)
