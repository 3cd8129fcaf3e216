"""The end of the brief: the next action, the close plan and the ruled notes area."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Spacer, Table, TableStyle

from .. import styles as st
from ..content import Item
from ..flowables import RuledNotes, SectionHeading
from .base import SectionsBase


class CloseSections(SectionsBase):
    """How the visit should end and room for what the rep writes during it."""

    def _lead(self, items: list[Item]) -> list[Any]:
        """A playbook choice in bold, then the rep's words."""
        item = items[0]
        parts: list[Any] = []
        if item.label:
            parts.append(self.w.p(item.label, self.s.body, strong=True))
        if item.value:
            parts.append(self.w.p(item.value, self.s.body))
        return parts

    def next_steps(self) -> list[Any]:
        """The proposed next action and the close plan, side by side when both are there."""
        parts = [
            (key, step, items)
            for key, step, items in (
                ("next_action", "propose", self.d.next_action),
                ("close_plan", "close", self.d.close_plan),
            )
            if items
        ]
        if len(parts) == 1:
            key, step, items = parts[0]
            body = self._lead(items)
            return self.heading(key, step, first=body[0]) + body
        if not parts:
            return []
        cells = []
        for key, step, items in parts:
            tag = self.d.step_labels.get(step, "")
            heading = [Spacer(1, 3), SectionHeading(self.lab(key), tag, self.font), Spacer(1, 2)]
            cells.append(heading + self._lead(items))
        gap = 5 * st.MM
        half = (self.width - gap) / 2
        table = Table([[cells[0], "", cells[1]]], colWidths=[half, gap, half], splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [CondPageBreak(self.start_height(table) + 4), table]

    def notes(self) -> list[Any]:
        notes = RuledNotes()
        room = notes.pitch * notes.min_lines + 2
        return self.heading("notes", room=room) + [Spacer(1, 2), notes]
