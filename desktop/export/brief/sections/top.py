"""The top of the brief: the title block, the visit's commitments and the red flags."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Spacer

from .. import styles as st
from .base import SectionsBase


class TopSections(SectionsBase):
    """What the rep must see first: what the visit is, what it must achieve, what may go wrong."""

    def title_block(self) -> list[Any]:
        d, w, s = self.d, self.w, self.s
        title = d.title or d.opportunity or d.account
        out: list[Any] = [w.p(self.lab("brief"), s.kicker), w.p(title, s.title, True)]
        out.append(Spacer(1, 4))
        lw = 17 * st.MM
        half = self.width / 2
        rows = []
        for i in range(max(len(d.header_left), len(d.header_right))):
            row: list[Any] = []
            for side in (d.header_left, d.header_right):
                if i < len(side):
                    row += [w.p(side[i].label, s.label), w.p(side[i].value, s.body)]
                else:
                    row += ["", ""]
            rows.append(row)
        if rows:
            extra = [
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, st.rgb(st.INK)),
                ("LINEBELOW", (0, -1), (-1, -1), 0.8, st.rgb(st.INK)),
            ]
            out.append(self.table(rows, [lw, half - lw, lw, half - lw], False, extra))
        return out

    def commitments(self) -> list[Any]:
        if not self.d.commitments:
            return []
        extra = [
            ("BACKGROUND", (0, 0), (-1, -1), st.rgb(st.LIGHT)),
            ("LINEBEFORE", (0, 0), (0, -1), 2.5, st.rgb(st.INK)),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, st.rgb(st.SHADE)),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (0, -1), 6),
        ]
        # The objective stands out, unless it is an essay that would turn into a black block.
        objective = self.lab("objective")
        rows = [
            [
                self.w.p(i.label, self.s.label),
                self.w.p(i.value, self.s.body, strong=i.label == objective and len(i.value) <= 300),
            ]
            for i in self.d.commitments
        ]
        lw = 30 * st.MM
        table = self.table(rows, [lw, self.width - lw], False, extra)
        return [Spacer(1, 9), table]

    def red_flags(self) -> list[Any]:
        if not self.d.flags:
            return []
        rows: list[list[Any]] = []
        extra: list[Any] = []
        white = _white(self.s.tag)
        for n, flag in enumerate(self.d.flags):
            tag = self.w.p(self.lab(flag.kind), white if flag.kind == "danger" else self.s.tag)
            rows.append([tag, self.w.p(flag.text, self.s.cell)])
            if flag.kind == "danger":
                extra.append(("BACKGROUND", (0, n), (0, n), st.rgb(st.INK)))
            elif flag.kind == "caution":
                extra.append(("BACKGROUND", (0, n), (0, n), st.rgb(st.SHADE)))
            else:
                extra.append(("BOX", (0, n), (0, n), 0.6, st.rgb(st.DARK)))
        extra.append(("LINEBELOW", (0, 0), (-1, -1), 0.3, st.rgb(st.SHADE)))
        tw = 13 * st.MM
        table = self.table(rows, [tw, self.width - tw - 4], False, extra)
        return self.heading("red_flags", first=table) + [table]


def _white(style: Any) -> Any:
    from reportlab.lib.colors import white
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}-white", parent=style, textColor=white)
