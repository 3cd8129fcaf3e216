"""The account's situation: the snapshot of the opportunity and the competitors."""

from __future__ import annotations

from typing import Any

from .. import styles as st
from .base import SectionsBase


class AccountSections(SectionsBase):
    """Where the deal stands and whom it is up against."""

    def snapshot(self) -> list[Any]:
        items = self.d.snapshot
        if not items:
            return []
        w, s = self.w, self.s
        lw = 24 * st.MM
        half = self.width / 2
        short = [i for i in items if not i.wide]
        wide = [i for i in items if i.wide]
        rows: list[list[Any]] = []
        extra: list[Any] = []
        for i in range(0, len(short), 2):
            pair = short[i : i + 2]
            row: list[Any] = []
            for item in pair:
                row += [w.p(item.label, s.label), w.p(item.value, s.cell)]
            rows.append(row + ["", ""] * (2 - len(pair)))
        for item in wide:
            rows.append([w.p(item.label, s.label), w.p(item.value, s.cell), "", ""])
            extra.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
        table = self.table(rows, [lw, half - lw, lw, half - lw], False, extra)
        return self.heading("snapshot", first=table) + [table]

    def competitors(self) -> list[Any]:
        if not self.d.competitors:
            return []
        w, s = self.w, self.s
        keys = ("col_competitor", "col_their_strengths", "col_their_weaknesses", "col_strategy")
        rows: list[list[Any]] = [[w.p(self.lab(k), s.cell_head) for k in keys]]
        for c in self.d.competitors:
            rows.append(
                [
                    [w.p(c.name, s.cell, strong=True)] + w.rich([(c.insider, s.small)]),
                    w.p(c.strengths, s.cell),
                    w.p(c.weaknesses, s.cell),
                    w.p(c.strategy, s.cell),
                ]
            )
        table = self.table(rows, self.cols(0.23, 0.22, 0.23, 0.32), True, [])
        return self.heading("competitors", first=table) + [table]
