"""Use cases for a deal's influencers outside the account (issue 16, item 6).

The decks say an influencer can sit inside the customer, in another company (a design
institute, a consultant, a partner) or on our own side. The decision circle's roles belong to
the account's people; these are the others: a person of another company (typed, or a contact
of another account in this file, linked by uid) or a colleague of ours. Influencer is their only
role. They are listed on the circle screen, the decision map and the brief, and they are not
counted in the circle's role coverage (which reads the account's roles only).

The one door for these writes; each publishes an "opportunity" change after its commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.domain.validation import ValidationError
from desktop.store.models import Account, Contact, Opportunity, OutsideInfluencer

from . import fields
from .base import Service
from .events import ChangeKind

T = fields.T
OUTSIDE = {
    "name": T("Name", "姓名", required=True),
    "organisation": T("Company", "公司"),
    "title": T("Title", "职位"),
    "note": T("How they influence the deal", "如何影响这个商机"),
}
SIDES = ("other", "ours")


@dataclass(frozen=True)
class OutsideRow:
    id: int
    side: str  # other: another company's person; ours: a colleague
    name: str
    organisation: str
    title: str
    note: str
    contact_uid: str | None
    contact_id: int | None  # the linked contact, when it is in this file
    account_id: int | None  # that contact's account

    def where(self, ours: str) -> str:
        """Their company, or ``ours`` (the caller's word for our side)."""
        return ours if self.side == "ours" else self.organisation


class OutsideInfluencerService(Service):
    def list(self, opportunity_id: int) -> list[OutsideRow]:
        with self.db.read() as s:
            self.fetch(s, Opportunity, opportunity_id, "opportunity")
            rows = list(
                s.scalars(
                    select(OutsideInfluencer)
                    .where(OutsideInfluencer.opportunity_id == opportunity_id)
                    .order_by(OutsideInfluencer.position, OutsideInfluencer.id)
                )
            )
            uids = [r.contact_uid for r in rows if r.contact_uid]
            linked = {
                uid: (ident, account)
                for ident, uid, account in s.execute(
                    select(Contact.id, Contact.uid, Contact.account_id).where(Contact.uid.in_(uids))
                )
            }
        out = []
        for r in rows:
            contact_id, account_id = linked.get(r.contact_uid or "", (None, None))
            out.append(
                OutsideRow(
                    r.id,
                    r.side,
                    r.name,
                    r.organisation,
                    r.title,
                    r.note,
                    r.contact_uid,
                    contact_id,
                    account_id,
                )
            )
        return out

    def add(
        self,
        opportunity_id: int,
        side: str,
        name: str,
        organisation: str = "",
        title: str = "",
        note: str = "",
    ) -> OutsideRow:
        """A person typed in: of another company (``other``) or a colleague (``ours``)."""
        if side not in SIDES:
            raise ValueError(f"side must be one of {SIDES}")
        values = {"name": name, "organisation": organisation, "title": title, "note": note}
        clean = fields.clean(OutsideInfluencer, OUTSIDE, values, self.playbook, creating=True)
        if side == "other" and not clean.get("organisation"):
            raise ValidationError.single("organisation", "outside_needs_company")
        return self._insert(opportunity_id, side, dict(clean), None)

    def add_contact(self, opportunity_id: int, contact_id: int, note: str = "") -> OutsideRow:
        """A contact of another account in this file, linked by uid; their own account's
        people are the circle's and are refused here with the reason."""
        with self.db.read() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            contact = self.fetch(s, Contact, contact_id, "contact")
            if contact.account_id == opp.account_id:
                raise ValidationError.single("contact_id", "outside_is_inside")
            company = s.scalar(select(Account.name).where(Account.id == contact.account_id))
            values = {"name": contact.name, "title": contact.title or "", "note": note}
            uid = contact.uid
        values["organisation"] = company or ""
        clean = fields.clean(OutsideInfluencer, OUTSIDE, values, self.playbook, creating=True)
        return self._insert(opportunity_id, "other", dict(clean), uid)

    def delete(self, influencer_id: int) -> None:
        with self.db.write() as s:
            row = s.get(OutsideInfluencer, influencer_id)
            if row is None:
                return  # already gone: nothing to do
            opp = self.fetch(s, Opportunity, row.opportunity_id, "opportunity")
            s.delete(row)
            opportunity_id, account_id = opp.id, opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)

    def _insert(
        self, opportunity_id: int, side: str, values: dict[str, str], contact_uid: str | None
    ) -> OutsideRow:
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            count = s.scalar(
                select(func.count())
                .select_from(OutsideInfluencer)
                .where(OutsideInfluencer.opportunity_id == opportunity_id)
            )
            row = OutsideInfluencer(
                opportunity_id=opportunity_id,
                side=side,
                contact_uid=contact_uid,
                position=count or 0,
                **values,
            )
            s.add(row)
            s.flush()
            row_id, account_id = row.id, opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)
        return next(r for r in self.list(opportunity_id) if r.id == row_id)
