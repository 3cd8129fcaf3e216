"""Use cases for a handed-over deal's referrals, "1+2" (issue 16, item 10).

The decks' last funnel stages (E, F) hand the deal over to delivery and ask the satisfied
customer to introduce two more ("1+2": 1 个客户带来 2 个价值客户). A handed-over deal therefore has
two referral slots. A slot is an open ask (whom they would introduce, and a note) until the
new account it brought is linked; the link is that account's uid, so it survives a bundle and
may name an account in a colleague's file. Open asks are offered to the next visit's objective
and printed on its brief; the pipeline counts asked and received per deal.

The one door for these writes; each publishes an "opportunity" change after its commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.domain.validation import ValidationError
from desktop.store.models import Account, Opportunity, Referral

from . import fields
from .base import Service
from .events import ChangeKind

T = fields.T
REFERRAL = {
    "name": T("Who they would introduce", "介绍对象", required=True),
    "note": T("Note", "备注"),
}
SLOTS = 2  # the "2" of "1+2": each handed-over customer is asked for two more
HANDED_OVER_FROM_STAGE = "E"  # the decks' 售后服务 section: handover, satisfaction, referrals


@dataclass(frozen=True)
class ReferralRow:
    id: int
    name: str
    note: str
    account_uid: str | None
    account_id: int | None  # the linked account when it is in this file
    account_name: str  # its name here, else ""

    @property
    def received(self) -> bool:
        return self.account_uid is not None

    def ask_text(self) -> str:
        """One line for an objective or the brief: the name, then the note."""
        return f"{self.name} ({self.note})" if self.note.strip() else self.name


@dataclass(frozen=True)
class Referrals:
    """A deal's referral slots; ``applies`` once the deal is handed over (stage E or later)."""

    opportunity_id: int
    applies: bool
    rows: tuple[ReferralRow, ...]

    @property
    def open_asks(self) -> list[ReferralRow]:
        return [r for r in self.rows if not r.received]

    @property
    def received(self) -> list[ReferralRow]:
        return [r for r in self.rows if r.received]

    @property
    def free_slots(self) -> int:
        return max(0, SLOTS - len(self.rows))


@dataclass(frozen=True)
class ReferralCount:
    asked: int
    received: int


class ReferralService(Service):
    def applies(self, stage: str) -> bool:
        """Whether a deal at ``stage`` is handed over (E and every later stage)."""
        stages = self.playbook.keys("funnel_stages")
        if stage not in stages or HANDED_OVER_FROM_STAGE not in stages:
            return False
        return stages.index(stage) >= stages.index(HANDED_OVER_FROM_STAGE)

    def slots(self, opportunity_id: int) -> Referrals:
        with self.db.read() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            rows = list(
                s.scalars(
                    select(Referral)
                    .where(Referral.opportunity_id == opportunity_id)
                    .order_by(Referral.position, Referral.id)
                )
            )
            uids = [r.account_uid for r in rows if r.account_uid]
            accounts = {
                uid: (ident, name)
                for ident, uid, name in s.execute(
                    select(Account.id, Account.uid, Account.name).where(Account.uid.in_(uids))
                )
            }
            out = tuple(
                ReferralRow(
                    r.id,
                    r.name,
                    r.note,
                    r.account_uid,
                    accounts.get(r.account_uid or "", (None, ""))[0],
                    accounts.get(r.account_uid or "", (None, ""))[1],
                )
                for r in rows
            )
            return Referrals(opportunity_id, self.applies(opp.stage), out)

    def ask(self, opportunity_id: int, name: str, note: str = "") -> ReferralRow:
        """Fill a free slot with an open ask; refused before handover or when both are used."""
        clean = fields.clean(
            Referral, REFERRAL, {"name": name, "note": note}, self.playbook, creating=True
        )
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            if not self.applies(opp.stage):
                raise ValidationError.single("name", "referral_not_handed_over")
            count = s.scalar(
                select(func.count())
                .select_from(Referral)
                .where(Referral.opportunity_id == opportunity_id)
            )
            if (count or 0) >= SLOTS:
                raise ValidationError.single("name", "referral_slots_full", slots=SLOTS)
            row = Referral(opportunity_id=opportunity_id, position=count or 0, **clean)
            s.add(row)
            s.flush()
            referral_id, account_id = row.id, opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)
        return self._row(opportunity_id, referral_id)

    def update(self, referral_id: int, **values: str) -> ReferralRow:
        unknown = set(values) - set(REFERRAL)
        if unknown:
            raise ValueError(f"not referral fields: {sorted(unknown)}")
        clean = fields.clean(Referral, REFERRAL, values, self.playbook)
        with self.db.write() as s:
            row = self.fetch(s, Referral, referral_id, "referral")
            self.apply(row, clean)
            opportunity_id = row.opportunity_id
            account_id = self.fetch(s, Opportunity, opportunity_id, "opportunity").account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)
        return self._row(opportunity_id, referral_id)

    def link(self, referral_id: int, account_id: int | None) -> ReferralRow:
        """Mark the referral received: the new account it brought (None: open again)."""
        with self.db.write() as s:
            row = self.fetch(s, Referral, referral_id, "referral")
            opp = self.fetch(s, Opportunity, row.opportunity_id, "opportunity")
            if account_id is None:
                row.account_uid = None
            else:
                account = self.fetch(s, Account, account_id, "account")
                if account.id == opp.account_id:
                    raise ValidationError.single("account_id", "referral_same_account")
                row.account_uid = account.uid
            opportunity_id, owner = opp.id, opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=owner)
        return self._row(opportunity_id, referral_id)

    def delete(self, referral_id: int) -> None:
        with self.db.write() as s:
            row = s.get(Referral, referral_id)
            if row is None:
                return  # already gone: nothing to do
            opp = self.fetch(s, Opportunity, row.opportunity_id, "opportunity")
            s.delete(row)
            s.flush()
            # The slots stay numbered 0, 1 so the next ask takes the freed one.
            for position, other in enumerate(
                s.scalars(
                    select(Referral)
                    .where(Referral.opportunity_id == opp.id)
                    .order_by(Referral.position, Referral.id)
                )
            ):
                other.position = position
            opportunity_id, account_id = opp.id, opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)

    def counts(self, opportunity_ids: Iterable[int]) -> dict[int, ReferralCount]:
        """Referrals asked (every slot used) and received, per deal; deals without are left out."""
        ids = list(opportunity_ids)
        if not ids:
            return {}
        with self.db.read() as s:
            rows = s.execute(
                select(
                    Referral.opportunity_id,
                    func.count(),
                    func.count(Referral.account_uid),
                )
                .where(Referral.opportunity_id.in_(ids))
                .group_by(Referral.opportunity_id)
            ).all()
        return {opp: ReferralCount(asked, received) for opp, asked, received in rows}

    def totals(self) -> ReferralCount:
        """Referrals asked and received over every deal, for the pipeline's summary line."""
        with self.db.read() as s:
            asked, received = s.execute(
                select(func.count(), func.count(Referral.account_uid)).select_from(Referral)
            ).one()
        return ReferralCount(asked, received)

    def _row(self, opportunity_id: int, referral_id: int) -> ReferralRow:
        return next(r for r in self.slots(opportunity_id).rows if r.id == referral_id)
