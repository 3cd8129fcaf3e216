"""The decision-maker map of one opportunity: what every drawing of it reads, and its edits.

``MapService.load()`` reads, in one transaction, every contact of the opportunity's account with
their part in this decision (people without one are drawn plainly), their reporting lines and
the positions the rep dragged boxes to, and lays them out with ``desktop.domain.map_layout``.
The result, ``MapData`` (``desktop/exchange/map_data.py``), is plain data: the Qt scene and
the PNG/SVG/PDF exports draw from it.
The brief reads its own people with the rest of the visit (``export/brief/content.py``) and
shares only the layout. Edits go through the contact and opportunity services, so the same
validation (and the same refusal of reporting loops) applies as everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from desktop.domain.map_layout import MapNode, Placement, layout
from desktop.exchange.map_data import MapData, MapPerson
from desktop.store.models import Account, BuyingRole, Contact, Opportunity

from . import fields
from .base import Service
from .events import Change, ChangeKind

if TYPE_CHECKING:
    from . import Services

__all__ = ["MapData", "MapPerson", "MapService", "lay_out"]


def lay_out(people: Iterable[MapPerson]) -> dict[int, Placement]:
    """Positions for ``people``: the tidy org-chart layout, with dragged boxes where they were."""
    return layout(MapNode(p.id, p.manager_id, p.pinned) for p in people)


class MapService:
    """Reads and edits behind the decision map, on top of the shared services."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.db = services.db
        self.playbook = services.playbook

    def load(self, opportunity_id: int) -> MapData:
        """The map of one opportunity, read in one transaction and laid out."""
        with self.db.read() as s:
            opp = Service.fetch(s, Opportunity, opportunity_id, "opportunity")
            account = Service.fetch(s, Account, opp.account_id, "account")
            # Only the columns a box shows: no full records for an account of hundreds.
            roles = {
                r.contact_id: r
                for r in s.execute(
                    select(
                        BuyingRole.contact_id,
                        BuyingRole.roles,
                        BuyingRole.attitude,
                        BuyingRole.influence,
                    ).where(BuyingRole.opportunity_id == opportunity_id)
                )
            }
            contacts = s.execute(
                select(
                    Contact.id,
                    Contact.uid,
                    Contact.name,
                    Contact.alt_name,
                    Contact.title,
                    Contact.department,
                    Contact.reports_to_id,
                    Contact.map_x,
                    Contact.map_y,
                )
                .where(Contact.account_id == opp.account_id)
                .order_by(Contact.id)
            )
            people = tuple(_person(c, roles.get(c.id)) for c in contacts)
            return MapData(opp.id, opp.name, account.id, account.name, people, lay_out(people))

    def save_positions(self, positions: Mapping[int, tuple[float, float]]) -> None:
        """Store where the rep dropped one or more boxes, in one transaction."""
        if not positions:
            return
        for x, y in positions.values():
            fields.clean(Contact, fields.CONTACT, {"map_x": x, "map_y": y}, self.playbook)
        with self.db.write() as s:
            account_ids = set()
            for contact_id, (x, y) in positions.items():
                contact = Service.fetch(s, Contact, contact_id, "contact")
                contact.map_x, contact.map_y = float(x), float(y)
                account_ids.add(contact.account_id)
        for account_id in account_ids:
            self._announce(positions, account_id)

    def reset_positions(self, account_id: int) -> None:
        """Forget every dragged position at this account: back to the automatic layout."""
        with self.db.write() as s:
            Service.fetch(s, Account, account_id, "account")
            ids = list(
                s.scalars(
                    select(Contact.id).where(
                        Contact.account_id == account_id, Contact.map_x.is_not(None)
                    )
                )
            )
            s.execute(
                update(Contact)
                .where(Contact.account_id == account_id)
                .values(map_x=None, map_y=None)
            )
        self._announce(ids, account_id)

    def reparent(self, contact_id: int, manager_id: int | None) -> None:
        """Put a person under another (None: at the top); loops are refused (ValidationError).

        A box the rep had dragged is released back to the automatic layout in the same
        transaction, so it lands under its new manager instead of where it was dropped.
        """
        contact = self.services.contacts.get(contact_id)
        if contact.map_x is not None:
            self.services.contacts.update(
                contact_id, reports_to_id=manager_id, map_x=None, map_y=None
            )
        else:
            self.services.contacts.move(contact_id, manager_id)

    def add_person(
        self,
        opportunity_id: int,
        *,
        name: str,
        title: str = "",
        department: str = "",
        reports_to_id: int | None = None,
        roles: Iterable[str] = (),
        attitude: str = "unknown",
        influence: str | None = None,
    ) -> int:
        """Add a contact to the opportunity's account, with their part in this decision."""
        role_values = _role_values(roles, attitude, influence)
        # Check the role half first, so a bad role never leaves a person half-added.
        fields.clean(BuyingRole, fields.BUYING_ROLE, role_values, self.playbook)
        opp = self.services.opportunities.get(opportunity_id)
        contact = self.services.contacts.create(
            opp.account_id,
            name=name,
            title=title,
            department=department,
            reports_to_id=reports_to_id,
        )
        if fields.has_part(role_values):
            self.services.opportunities.set_role(opportunity_id, contact.id, **role_values)
        return contact.id

    def edit_person(
        self,
        opportunity_id: int,
        contact_id: int,
        *,
        contact: Mapping[str, Any],
        roles: Iterable[str] = (),
        attitude: str = "unknown",
        influence: str | None = None,
    ) -> None:
        """Change a person's details and their part in this decision.

        Clearing every role, the attitude and the influence takes the person out of the circle.
        """
        role_values = _role_values(roles, attitude, influence)
        fields.clean(BuyingRole, fields.BUYING_ROLE, role_values, self.playbook)
        fields.clean(Contact, fields.CONTACT, dict(contact), self.playbook)
        if contact:
            self.services.contacts.update(contact_id, **contact)
        if fields.has_part(role_values):
            self.services.opportunities.set_role(opportunity_id, contact_id, **role_values)
        else:
            self.services.opportunities.remove_role(opportunity_id, contact_id)

    def delete_person(self, contact_id: int) -> None:
        """Remove a person from the account; their reports move up to their manager."""
        self.services.contacts.delete(contact_id)

    def _announce(self, ids: Iterable[int], account_id: int) -> None:
        self.services.notifier.publish(Change(ChangeKind.CONTACT, frozenset(ids), account_id))


def _person(c: Any, role: Any | None) -> MapPerson:
    """A box from a contact row and its buying-role row (or None): columns read by name."""
    pinned = (c.map_x, c.map_y) if c.map_x is not None and c.map_y is not None else None
    return MapPerson(
        id=c.id,
        uid=c.uid,
        name=c.name,
        alt_name=c.alt_name or "",
        title=c.title or "",
        department=c.department or "",
        manager_id=c.reports_to_id,
        roles=tuple(role.roles or ()) if role else (),
        attitude=(role.attitude or "unknown") if role else "unknown",
        influence=role.influence if role else None,
        in_circle=role is not None,
        pinned=pinned,
    )


def _role_values(roles: Iterable[str], attitude: str, influence: str | None) -> dict[str, Any]:
    return {"roles": list(roles), "attitude": attitude or "unknown", "influence": influence or None}
