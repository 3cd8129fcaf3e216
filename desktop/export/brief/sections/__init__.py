"""The brief's sections, in print order: one mixin per part of the page, joined here.

``Sections(data, ...).all()`` turns one ``BriefData`` into flowables; a section without content
gives nothing. The order below is the order on paper.
"""

from __future__ import annotations

from typing import Any

from .account import AccountSections
from .close import CloseSections
from .conversation import ConversationSections
from .deal import DealSections
from .people import PeopleSections
from .top import TopSections


class Sections(
    TopSections,
    PeopleSections,
    AccountSections,
    DealSections,
    ConversationSections,
    CloseSections,
):
    """Turns one BriefData into flowables, section by section; empty sections give nothing."""

    def all(self) -> list[Any]:
        out: list[Any] = []
        for part in (
            self.title_block,
            self.commitments,
            self.review,
            self.red_flags,
            self.since_last,
            self.attendees,
            self.decision_map,
            self.outside,
            self.snapshot,
            self.competitors,
            self.negotiation,
            self.coaches,
            self.referrals,
            self.value_statement,
            self.questions,
            self.objections,
            self.fabs,
            self.next_steps,
            self.notes,
            self.map_sheets,
        ):
            out += part()
        return out
