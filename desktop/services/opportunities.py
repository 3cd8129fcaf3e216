"""Use cases for opportunities: the deal, its decision circle and its competitors."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from desktop.domain.coverage import CirclePerson, Warning, coverage_warnings
from desktop.domain.funnel import win_probability
from desktop.domain.validation import ValidationError
from desktop.store.models import Account, BuyingRole, Competitor, Contact, Opportunity

from . import fields
from .base import ENTITY_LABELS, Service
from .events import ChangeKind


class OpportunityService(Service):
    def create(self, account_id: int, **values: Any) -> Opportunity:
        values.setdefault("stage", self.playbook.keys("funnel_stages")[0])
        clean = fields.clean(Opportunity, fields.OPPORTUNITY, values, self.playbook, creating=True)
        with self.db.write() as s:
            self.fetch(s, Account, account_id, "account")
            opp = Opportunity(account_id=account_id)
            fields.settle_currency(fields.OPPORTUNITY, opp, clean)
            self.apply(opp, clean)
            s.add(opp)
            s.flush()
        self.announce(ChangeKind.OPPORTUNITY, opp.id, account_id=account_id)
        return opp

    def update(self, opportunity_id: int, **changes: Any) -> Opportunity:
        clean = fields.clean(Opportunity, fields.OPPORTUNITY, changes, self.playbook)
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            fields.settle_currency(fields.OPPORTUNITY, opp, clean)
            self.apply(opp, clean)
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=opp.account_id)
        return opp

    def delete(self, opportunity_id: int) -> None:
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            account_id = opp.account_id
            s.delete(opp)
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id, deleted=True)

    def get(self, opportunity_id: int) -> Opportunity:
        """The opportunity with its roles and competitors loaded."""
        with self.db.read() as s:
            opp = s.scalar(
                select(Opportunity)
                .where(Opportunity.id == opportunity_id)
                .options(selectinload(Opportunity.roles), selectinload(Opportunity.competitors))
            )
            if opp is None:
                raise ValidationError.single("id", "not_found", label=ENTITY_LABELS["opportunity"])
            return opp

    def for_account(self, account_id: int) -> list[Opportunity]:
        with self.db.read() as s:
            query = select(Opportunity).where(Opportunity.account_id == account_id)
            return list(s.scalars(query.order_by(Opportunity.id)))

    def probability(self, opp: Opportunity) -> int:
        return win_probability(self.playbook, opp.stage, opp.probability_override)

    # The decision circle -------------------------------------------------------------------

    def set_role(self, opportunity_id: int, contact_id: int, **values: Any) -> BuyingRole:
        """Record (or change) a contact's part in this decision."""
        clean = fields.clean(BuyingRole, fields.BUYING_ROLE, values, self.playbook)
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            contact = self.fetch(s, Contact, contact_id, "contact")
            if contact.account_id != opp.account_id:
                raise ValidationError.single("contact_id", "contact_not_in_account")
            role = s.scalar(_role_query(opportunity_id, contact_id))
            if role is None:
                role = BuyingRole(opportunity_id=opportunity_id, contact_id=contact_id)
                s.add(role)
            self.apply(role, clean)
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=opp.account_id)
        return role

    def remove_role(self, opportunity_id: int, contact_id: int) -> None:
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            role = s.scalar(_role_query(opportunity_id, contact_id))
            if role is not None:
                s.delete(role)
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=opp.account_id)

    def role(self, opportunity_id: int, contact_id: int) -> BuyingRole | None:
        """One person's part in this decision, or None if they have none yet."""
        with self.db.read() as s:
            return s.scalar(_role_query(opportunity_id, contact_id))

    def circle(self, opportunity_id: int) -> list[CirclePerson]:
        """Everyone with a part in this decision, as the coverage rules read them."""
        with self.db.read() as s:
            rows = s.execute(
                select(
                    Contact.id,
                    Contact.name,
                    BuyingRole.roles,
                    BuyingRole.attitude,
                    BuyingRole.influence,
                    Contact.last_contact,
                )
                .join(Contact, Contact.id == BuyingRole.contact_id)
                .where(BuyingRole.opportunity_id == opportunity_id)
                .order_by(Contact.id)
            ).all()
        return [
            CirclePerson(cid, name, tuple(roles or ()), attitude, influence, last_contact)
            for cid, name, roles, attitude, influence, last_contact in rows
        ]

    def warnings(
        self, opportunity_id: int, lang: str = "en", today: date | None = None
    ) -> list[Warning]:
        return coverage_warnings(self.circle(opportunity_id), self.playbook, lang, today)

    # Competitors ---------------------------------------------------------------------------

    def add_competitor(self, opportunity_id: int, **values: Any) -> Competitor:
        clean = fields.clean(Competitor, fields.COMPETITOR, values, self.playbook, creating=True)
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            if "position" not in clean:
                clean["position"] = s.scalar(
                    select(func.count())
                    .select_from(Competitor)
                    .where(Competitor.opportunity_id == opportunity_id)
                )
            competitor = Competitor(opportunity_id=opportunity_id)
            self.apply(competitor, clean)
            s.add(competitor)
            s.flush()
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=opp.account_id)
        return competitor

    def update_competitor(self, competitor_id: int, **changes: Any) -> Competitor:
        clean = fields.clean(Competitor, fields.COMPETITOR, changes, self.playbook)
        with self.db.write() as s:
            competitor = self.fetch(s, Competitor, competitor_id, "competitor")
            self.apply(competitor, clean)
        self.announce(ChangeKind.OPPORTUNITY, competitor.opportunity_id)
        return competitor

    def delete_competitor(self, competitor_id: int) -> None:
        with self.db.write() as s:
            competitor = self.fetch(s, Competitor, competitor_id, "competitor")
            opportunity_id = competitor.opportunity_id
            s.delete(competitor)
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id)


def _role_query(
    opportunity_id: int, contact_id: int
) -> Select[BuyingRole]:  # 2.1: a type per column
    """A person's part in one decision: at most one row (unique per opportunity and contact)."""
    return select(BuyingRole).where(
        BuyingRole.opportunity_id == opportunity_id, BuyingRole.contact_id == contact_id
    )
