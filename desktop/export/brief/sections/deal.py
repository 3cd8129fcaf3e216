"""The deal's parts of the brief (issue 16): what the last visit left open, the negotiation card
and what to bring each coach; and the manager's review of the plan (issue 17)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Spacer

from .. import styles as st
from ..flowables import SectionHeading
from .base import SectionsBase


class DealSections(SectionsBase):
    """The negotiation card (stage C on) and the coaches, each a two-column label grid."""

    def since_last(self) -> list[Any]:
        if not self.d.since_last:
            return []
        extra: list[Any] = [("LINEBELOW", (0, 0), (-1, -1), 0.3, st.rgb(st.SHADE))]
        table = self.label_rows(self.d.since_last, 30 * st.MM, extra)
        head = self.heading("since_last", first=table)
        # The last visit's title and day where a heading shows its visit step: no extra line.
        head[2] = SectionHeading(self.lab("since_last"), self.d.since_last_title, self.font)
        return head + [table]

    def review(self) -> list[Any]:
        """The manager's mark and comments (first page, right under the commitments)."""
        if not self.d.review_title:
            return []
        extra: list[Any] = [("LINEBELOW", (0, 0), (-1, -1), 0.3, st.rgb(st.SHADE))]
        table = self.label_rows(self.d.review, 30 * st.MM, extra) if self.d.review else None
        head = self.heading("review", first=table)
        # "Reviewed by ..." where a heading shows its visit step: no extra line.
        head[2] = SectionHeading(self.lab("review"), self.d.review_title, self.font)
        return head + ([table] if table is not None else [])

    def negotiation(self) -> list[Any]:
        return self._grid("negotiation", self.d.negotiation, 28 * st.MM)

    def coaches(self) -> list[Any]:
        return self._grid("coaches", self.d.coaches, 40 * st.MM)

    def outside(self) -> list[Any]:
        """One small paragraph under the decision map, no heading of its own: the outside
        influencers belong to the circle drawn above, and the brief keeps within three sheets."""
        if not self.d.outside:
            return []
        people = "; ".join(f"{i.label} · {i.value}" if i.value else i.label for i in self.d.outside)
        line = f"{self.lab('outside')}: {people}"
        # A one-cell table, as every other section's text: the cached paragraph is made for
        # cells (a bare one split at a page's foot lost its lines and could not be drawn).
        cell = self.table([[self.w.p(line, self.s.small)]], [self.width], False, [])
        return [Spacer(1, 2), cell]

    def referrals(self) -> list[Any]:
        return self._grid("referrals", self.d.referrals, 28 * st.MM)

    def _grid(self, key: str, items: list[Any], label_width: float) -> list[Any]:
        if not items:
            return []
        extra: list[Any] = [("LINEBELOW", (0, 0), (-1, -1), 0.3, st.rgb(st.SHADE))]
        table = self.label_rows(items, label_width, extra)
        return self.heading(key, first=table) + [table]
