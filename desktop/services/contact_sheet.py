"""The contacts of an account as plain rows for the contacts export.

Reads through the account, contact and opportunity services (the same checks as every screen)
and hands back a ``desktop.exchange.contact_sheet.ContactSheet``: the exporter writes it and
never reads the services or the database itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.domain import contact_columns
from desktop.exchange.contact_sheet import ContactExportError, ContactSheet, SheetPerson

if TYPE_CHECKING:
    from . import Services


def contact_sheet(
    services: Services, account_id: int, opportunity_id: int | None = None
) -> ContactSheet:
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
    details = services.contact_details.for_account(account_id)
    fields = [c.field for c in contact_columns.stored() if c.field is not None]
    people = []
    for c in contacts:
        manager: Any = by_id.get(c.reports_to_id) if c.reports_to_id else None
        role = roles.get(c.id)
        people.append(
            SheetPerson(
                uid=c.uid,
                values={name: getattr(c, name) for name in fields},
                updated_at=c.updated_at,
                manager_name=manager.name if manager is not None else "",
                manager_uid=manager.uid if manager is not None else "",
                has_role=role is not None,
                roles=tuple(role.roles or ()) if role is not None else (),
                attitude=(role.attitude or "unknown") if role is not None else "unknown",
                influence=role.influence if role is not None else None,
                details=tuple(details.get(c.id, ())),
            )
        )
    return ContactSheet(account.name, opportunity.name if opportunity else None, tuple(people))
