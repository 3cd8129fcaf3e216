"""Use cases for a deal's negotiation card and its coaches (issue 16, items 3 and 4).

The negotiation card (stage C onward): the phase (导入 / 交锋 / 妥协 / 协议), concessions given and
received, payment terms, the walk-away line, competitor moves and our countermeasure. Coach
development: per person a ladder (identified → trusted → informs us → cross-checked), how senior
the insider is, the trust-building methods used, and what to bring or ask next time.

The one door for these writes; each publishes an "opportunity" change after its commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from desktop.domain.playbook import Text
from desktop.domain.validation import ValidationError
from desktop.store.models import BuyingRole, Concession, Contact, Opportunity

from . import fields
from .base import Service
from .events import ChangeKind

T = fields.T
NEGOTIATION = {
    "negotiation_phase": T("Negotiation phase", "谈判阶段", "key", group="negotiation_phases"),
    "payment_terms": T("Payment terms", "付款方式"),
    "walk_away": T("Walk-away line", "底线"),
    "competitor_moves": T("Competitor moves", "竞争对手动向"),
    "countermeasure": T("Our countermeasure", "我方对策"),
}
CONCESSION = {
    "direction": T("Given or received", "让出或获得", required=True),
    "text": T("Concession", "让步", required=True),
}
COACH = {
    "coach_rung": T("Coach ladder", "线人培养阶段", "key", group="coach_ladder"),
    "coach_seniority": T("How senior", "内线的资历", "key", group="coach_seniority"),
    "trust_methods": T("Trust built by", "建立信赖感的方法", "keys", group="trust_methods"),
    "coach_next": T("Bring or ask next time", "下次带什么、问什么"),
}
DIRECTIONS = ("given", "received")
NEGOTIATION_FROM_STAGE = "C"  # the decks' 商机论证谈判 section starts at funnel stage C


@dataclass(frozen=True)
class ConcessionRow:
    id: int
    direction: str
    text: str


@dataclass(frozen=True)
class NegotiationCard:
    """What the card shows and the brief prints; ``applies`` once the deal is at C or later."""

    opportunity_id: int
    stage: str
    applies: bool
    phase: str | None
    payment_terms: str
    walk_away: str
    competitor_moves: str
    countermeasure: str
    concessions: tuple[ConcessionRow, ...]

    def given(self) -> list[ConcessionRow]:
        return [c for c in self.concessions if c.direction == "given"]

    def received(self) -> list[ConcessionRow]:
        return [c for c in self.concessions if c.direction == "received"]

    @property
    def empty(self) -> bool:
        texts = (self.payment_terms, self.walk_away, self.competitor_moves, self.countermeasure)
        return self.phase is None and not any(texts) and not self.concessions


@dataclass(frozen=True)
class CoachCard:
    """One person being developed as a coach, with the decks' prompts for their rung."""

    contact_id: int
    name: str
    title: str
    rung: str | None
    seniority: str | None
    trust_methods: tuple[str, ...]
    next_ask: str
    prompts: tuple[Text, ...]  # what the playbook suggests at this rung

    def reminder(self, lang: str) -> str:
        """What to bring or ask this coach next: the rep's own note, else the first prompt."""
        if self.next_ask.strip():
            return self.next_ask.strip()
        return self.prompts[0].get(lang) if self.prompts else ""


class NegotiationService(Service):
    # The negotiation card ------------------------------------------------------------------

    def card(self, opportunity_id: int) -> NegotiationCard:
        with self.db.read() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            rows = s.scalars(
                select(Concession)
                .where(Concession.opportunity_id == opportunity_id)
                .order_by(Concession.position, Concession.id)
            )
            concessions = tuple(ConcessionRow(c.id, c.direction, c.text) for c in rows)
            return NegotiationCard(
                opportunity_id,
                opp.stage,
                self.applies(opp.stage),
                opp.negotiation_phase,
                opp.payment_terms,
                opp.walk_away,
                opp.competitor_moves,
                opp.countermeasure,
                concessions,
            )

    def applies(self, stage: str) -> bool:
        """Whether a deal at ``stage`` has a negotiation card (C and every later stage)."""
        stages = self.playbook.keys("funnel_stages")
        if stage not in stages or NEGOTIATION_FROM_STAGE not in stages:
            return False
        return stages.index(stage) >= stages.index(NEGOTIATION_FROM_STAGE)

    def update(self, opportunity_id: int, **changes: Any) -> NegotiationCard:
        """Change the card's fields (phase, payment terms, walk-away line, competitor, ours)."""
        unknown = set(changes) - set(NEGOTIATION)
        if unknown:
            raise ValueError(f"not negotiation fields: {sorted(unknown)}")
        clean = fields.clean(Opportunity, NEGOTIATION, changes, self.playbook)
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            self.apply(opp, clean)
            account_id = opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)
        return self.card(opportunity_id)

    def add_concession(self, opportunity_id: int, direction: str, text: str) -> ConcessionRow:
        if direction not in DIRECTIONS:
            raise ValidationError.single(
                "direction", "not_choice", label=CONCESSION["direction"].label, value=direction
            )
        clean = fields.clean(
            Concession,
            CONCESSION,
            {"direction": direction, "text": text},
            self.playbook,
            creating=True,
        )
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            count = s.scalar(
                select(func.count())
                .select_from(Concession)
                .where(Concession.opportunity_id == opportunity_id)
            )
            row = Concession(opportunity_id=opportunity_id, position=count or 0, **clean)
            s.add(row)
            s.flush()
            result = ConcessionRow(row.id, row.direction, row.text)
            account_id = opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)
        return result

    def delete_concession(self, concession_id: int) -> None:
        with self.db.write() as s:
            row = s.get(Concession, concession_id)
            if row is None:
                return  # already gone: nothing to do
            opp = self.fetch(s, Opportunity, row.opportunity_id, "opportunity")
            s.delete(row)
            opportunity_id, account_id = opp.id, opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)

    # Coaches -------------------------------------------------------------------------------

    def set_coach(self, opportunity_id: int, contact_id: int, **values: Any) -> CoachCard:
        """Record how far a person has come as our coach; they join the circle as coach."""
        unknown = set(values) - set(COACH)
        if unknown:
            raise ValueError(f"not coach fields: {sorted(unknown)}")
        clean = fields.clean(BuyingRole, COACH, values, self.playbook)
        with self.db.write() as s:
            opp = self.fetch(s, Opportunity, opportunity_id, "opportunity")
            contact = self.fetch(s, Contact, contact_id, "contact")
            if contact.account_id != opp.account_id:
                raise ValidationError.single("contact_id", "contact_not_in_account")
            role = s.scalar(
                select(BuyingRole).where(
                    BuyingRole.opportunity_id == opportunity_id,
                    BuyingRole.contact_id == contact_id,
                )
            )
            if role is None:
                role = BuyingRole(opportunity_id=opportunity_id, contact_id=contact_id, roles=[])
                s.add(role)
            if "coach" not in (role.roles or []):
                role.roles = [*(role.roles or []), "coach"]  # a new list: JSON change tracked
            self.apply(role, clean)
            account_id = opp.account_id
        self.announce(ChangeKind.OPPORTUNITY, opportunity_id, account_id=account_id)
        return next(c for c in self.coaches(opportunity_id) if c.contact_id == contact_id)

    def coaches(self, opportunity_id: int) -> list[CoachCard]:
        """Everyone with the coach role in this deal, most developed first."""
        ladder = self.playbook.keys("coach_ladder")
        with self.db.read() as s:
            rows = s.execute(
                select(BuyingRole, Contact.name, Contact.title)
                .join(Contact, Contact.id == BuyingRole.contact_id)
                .where(BuyingRole.opportunity_id == opportunity_id)
                .order_by(Contact.name)
            ).all()
        cards = []
        for role, name, title in rows:
            if not role.is_coach:
                continue
            entry = self.playbook.get("coach_ladder", role.coach_rung or ladder[0])
            cards.append(
                CoachCard(
                    role.contact_id,
                    name,
                    title or "",
                    role.coach_rung,
                    role.coach_seniority,
                    tuple(role.trust_methods or ()),
                    role.coach_next,
                    entry.prompts if entry is not None else (),
                )
            )
        rank = {key: i for i, key in enumerate(ladder)}
        cards.sort(key=lambda c: -rank.get(c.rung or "", -1))
        return cards
