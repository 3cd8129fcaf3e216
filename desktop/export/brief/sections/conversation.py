"""The conversation's steps: value statement, question plan, objections and FABs."""

from __future__ import annotations

from typing import Any

from .. import styles as st
from ..flowables import TickBox
from .base import SectionsBase


class ConversationSections(SectionsBase):
    """What the rep says and asks, in the order of the visit's steps."""

    def value_statement(self) -> list[Any]:
        if not self.d.value_statement:
            return []
        table = self.label_rows(self.d.value_statement, 30 * st.MM, [])
        return self.heading("value_statement", "open", first=table) + [table]

    def questions(self) -> list[Any]:
        groups = self.d.question_groups
        if not groups:
            return []
        w, s = self.w, self.s
        box = 7.0
        head = [w.p(self.lab(k), s.cell_head) for k in ("col_step", "col_question", "col_ask")]
        rows: list[list[Any]] = [[head[0], "", head[1], head[2]]]
        extra: list[Any] = [("TOPPADDING", (1, 1), (1, -1), 2.6)]
        for group in groups:
            # The step's name in the first row only: no spanned cells, so a long group can split.
            extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.7, st.rgb(st.DARK)))
            for n, q in enumerate(group.questions):
                step = w.p(group.title, s.group, strong=True) if n == 0 else ""
                rows.append(
                    [step, TickBox(box, q.asked), w.p(q.text, s.cell), w.p(q.target, s.cell)]
                )
        step_w, ask_w = self.width * 0.2, self.width * 0.13
        widths = [step_w, box + 6, self.width - step_w - box - 6 - ask_w, ask_w]
        table = self.table(rows, widths, True, extra)
        return self.heading("question_plan", "consult", first=table) + [table]

    def objections(self) -> list[Any]:
        if not self.d.objections:
            return []
        w, s = self.w, self.s
        rows: list[list[Any]] = [
            [w.p(self.lab(k), s.cell_head) for k in ("col_objection", "col_response")]
        ]
        for o in self.d.objections:
            method = f"{self.lab('method')}: {o.handling}" if o.handling else ""
            rows.append(
                [
                    w.rich([(o.text, s.cell), (o.kind, s.small)]),
                    w.rich([(o.response, s.cell), (method, s.small)]),
                ]
            )
        table = self.table(rows, self.cols(0.32, 0.68), True, [])
        return self.heading("objections", "objections", first=table) + [table]

    def fabs(self) -> list[Any]:
        if not self.d.fabs:
            return []
        w, s = self.w, self.s
        pb_labels = self.d.fab_labels
        rows: list[list[Any]] = [[w.p(text, s.cell_head) for text in pb_labels]]
        for f in self.d.fabs:
            need = self.lab("for_need", need=f.need) if f.need else ""
            rows.append(
                [
                    w.p(f.feature, s.cell),
                    w.p(f.advantage, s.cell),
                    w.rich([(f.benefit, s.cell), (need, s.small)]),
                ]
            )
        table = self.table(rows, self.cols(0.32, 0.32, 0.36), True, [])
        return self.heading("fab", "propose", first=table) + [table]
