"""Laying the decision map out on paper: readable boxes, split over sheets when it must.

The screen's org chart (``map_layout``) scales freely; paper cannot, since names must stay at
least 8 pt. So the paper layout works at a fixed box size and fits the map to the page instead:

- a manager whose reports have no reports of their own gets them stacked in a column under
  it (a compact tree), which turns a 200-person chart from ~150 boxes wide into ~25;
- a stack too tall for a page wraps into several columns;
- a map still too big for one sheet is cut into branches: each sheet holds whole subtrees with
  the chain of managers above them (their path to the top) drawn first, and the boxes whose
  reports went to other sheets say on which ("continues on sheet N"). When the top of the
  chart fits on one sheet, that sheet comes first, as an overview.

Pure arithmetic in page units (points for the brief, scene units for the Qt exports): both
renderers draw boxes at ``Sheet.boxes`` and lines through ``Sheet.lines``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from .map_layout import MapNode, forest


@dataclass(frozen=True)
class Geometry:
    """Box size and spacing on paper, in the caller's units."""

    box_w: float
    box_h: float
    h_gap: float  # between boxes side by side
    v_gap: float  # between a manager's row and their reports' row
    indent: float  # how far a stacked column sits right of its manager's left edge
    stack_gap: float  # between boxes stacked one under another


@dataclass(frozen=True)
class Box:
    x: float  # top-left corner, y grows downwards
    y: float
    path: bool = False  # part of the chain above this sheet's branch, drawn again for context


@dataclass
class Sheet:
    """One page of the map: boxes, lines and the sheets its cut branches continue on."""

    boxes: dict[int, Box] = field(default_factory=dict)
    lines: list[list[tuple[float, float]]] = field(default_factory=list)  # polylines
    continues: dict[int, list[int]] = field(default_factory=dict)  # box id -> sheet indices
    width: float = 0.0
    height: float = 0.0


@dataclass
class _Block:
    """A laid-out subtree, relative to its own top-left corner."""

    width: float
    height: float
    anchor: float  # x of the root box's centre
    boxes: dict[int, tuple[float, float]]
    lines: list[list[tuple[float, float]]]

    def shifted(self, dx: float, dy: float) -> _Block:
        return _Block(
            self.width,
            self.height,
            self.anchor + dx,
            {k: (x + dx, y + dy) for k, (x, y) in self.boxes.items()},
            [[(x + dx, y + dy) for x, y in line] for line in self.lines],
        )


class _Planner:
    def __init__(
        self,
        children: dict[int, list[int]],
        geo: Geometry,
        page_w: float,
        page_h: float,
        rows_above: int = 3,
        stack: bool = True,
    ) -> None:
        self.children, self.g, self.page_w, self.page_h = children, geo, page_w, page_h
        self.stack = stack
        # Boxes per stacked column: as many as a page holds under ``rows_above`` rows of boxes.
        usable = page_h - rows_above * (geo.box_h + geo.v_gap)
        self.max_rows = max(3, int((usable + geo.stack_gap) // (geo.box_h + geo.stack_gap)))

    # -- one subtree -----------------------------------------------------------------------

    def block(self, node: int, kids: list[int] | None = None) -> _Block:
        """``node`` over its reports (or over only ``kids``), as compact as the rules allow."""
        g = self.g
        kids = self.children[node] if kids is None else kids
        if not kids:
            return _Block(g.box_w, g.box_h, g.box_w / 2, {node: (0.0, 0.0)}, [])
        if self.stack and len(kids) > 1 and all(not self.children[k] for k in kids):
            return self._stack(node, kids)
        leaves = [k for k in kids if not self.children[k]]
        if self.stack and len(leaves) > 1:  # managers side by side, their peers in a column
            rows = self.max_rows
            columns = [self._column(leaves[i : i + rows]) for i in range(0, len(leaves), rows)]
            parts = [self.block(k) for k in kids if self.children[k]] + columns
        else:
            parts = [self.block(k) for k in kids]
        x, placed = 0.0, []
        for part in parts:
            placed.append(part.shifted(x, g.box_h + g.v_gap))
            x += part.width + g.h_gap
        width = max(g.box_w, x - g.h_gap)
        anchor = (placed[0].anchor + placed[-1].anchor) / 2
        anchor = min(max(anchor, g.box_w / 2), width - g.box_w / 2)
        out = _Block(width, g.box_h + g.v_gap + max(p.height for p in parts), anchor, {}, [])
        out.boxes[node] = (anchor - g.box_w / 2, 0.0)
        bend = g.box_h + g.v_gap / 2
        for part in placed:
            out.boxes.update(part.boxes)
            out.lines += part.lines
            out.lines.append(
                [
                    (anchor, g.box_h),
                    (anchor, bend),
                    (part.anchor, bend),
                    (part.anchor, bend + g.v_gap / 2),
                ]
            )
        return out

    def _column(self, kids: list[int]) -> _Block:
        """Reports without reports of their own, one under another on a trunk at the left."""
        g = self.g
        out = _Block(g.indent + g.box_w, 0.0, g.indent / 2, {}, [])
        y = 0.0
        for kid in kids:
            out.boxes[kid] = (g.indent, y)
            out.lines.append([(g.indent / 2, y + g.box_h / 2), (g.indent, y + g.box_h / 2)])
            y += g.box_h + g.stack_gap
        out.height = y - g.stack_gap
        out.lines.append([(g.indent / 2, 0.0), (g.indent / 2, out.height - g.box_h / 2)])
        return out

    def _stack(self, node: int, kids: list[int]) -> _Block:
        """Reports in columns under their manager, joined by a trunk on each column's left."""
        g = self.g
        rows = min(self.max_rows, len(kids))
        cols = math.ceil(len(kids) / rows)
        rows = math.ceil(len(kids) / cols)  # even columns
        top = g.box_h + g.v_gap * 0.6
        width = max(g.box_w, g.indent + cols * g.box_w + (cols - 1) * (g.h_gap + g.indent))
        height = top + rows * g.box_h + (rows - 1) * g.stack_gap
        out = _Block(width, height, g.box_w / 2, {node: (0.0, 0.0)}, [])
        for c in range(cols):
            column = kids[c * rows : (c + 1) * rows]
            x = g.indent + c * (g.box_w + g.h_gap + g.indent)
            trunk = x - g.indent / 2
            last_mid = 0.0
            for r, kid in enumerate(column):
                y = top + r * (g.box_h + g.stack_gap)
                out.boxes[kid] = (x, y)
                last_mid = y + g.box_h / 2
                out.lines.append([(trunk, last_mid), (x, last_mid)])
            start = [(trunk, g.box_h)] if c == 0 else [(g.indent / 2, top - g.v_gap * 0.3)]
            if c:  # later columns hang from a rail running right from the first trunk
                out.lines.append(
                    [(g.indent / 2, top - g.v_gap * 0.3), (trunk, top - g.v_gap * 0.3)]
                )
                start = [(trunk, top - g.v_gap * 0.3)]
            out.lines.append(start + [(trunk, last_mid)])
        return out

    def fits(self, block: _Block, above: int = 0) -> bool:
        return block.width <= self.page_w + 0.01 and (
            block.height + above * (self.g.box_h + self.g.v_gap) <= self.page_h + 0.01
        )

    # -- cutting into branches -------------------------------------------------------------

    def units(self, node: int, chain: tuple[int, ...], out: list) -> None:
        """Whole subtrees (with their chain of managers) that each fit one page."""
        block = self.block(node)
        if self.fits(block, len(chain)):
            out.append((chain, node, None, block))
            return
        kids = self.children[node]
        g = self.g
        if not self.fits(_Block(g.box_w, g.box_h, g.box_w / 2, {}, []), len(chain) + 1):
            # A chain of managers deeper than the page: this manager gets a sheet of their own
            # (under the chain so far), and their reports' sheets start again under them.
            out.append((chain, node, [], self.block(node, [])))
            chain = ()
        if all(not self.children[k] for k in kids):
            # A manager with too many direct reports for one page: their reports in slices.
            size = max(1, len(kids))
            while size > 1 and not self.fits(self.block(node, kids[:size]), len(chain)):
                size = max(1, size * 3 // 4)
            for i in range(0, len(kids), size):
                part = kids[i : i + size]
                out.append((chain, node, part, self.block(node, part)))
            return
        for kid in kids:
            self.units(kid, (*chain, node), out)


def paginate(nodes: Iterable[MapNode], geo: Geometry, page_w: float, page_h: float) -> list[Sheet]:
    """The map as one or more sheets of ``page_w`` x ``page_h``; boxes never shrink."""
    roots, children = forest(nodes)
    if not roots:
        return []
    # The whole map on one sheet if it can be done: as a wide org chart (the shortest), else
    # with stacks as tall as the page allows.
    for above, stack in ((1, False), (1, True), (2, True), (3, True)):
        plan = _Planner(children, geo, page_w, page_h, above, stack)
        whole = _row([plan.block(r) for r in roots], geo)
        if plan.fits(whole):
            return [_sheet(whole, {}, set())]
    units: list = []
    for root in roots:
        plan.units(root, (), units)
    # Pack units that share a chain side by side while they fit the width.
    groups: list[list] = []
    for unit in units:
        last = groups[-1] if groups else None
        if (
            last
            and last[0][0] == unit[0]
            and _row_width([u[3] for u in last] + [unit[3]], geo) <= page_w
        ):
            trial = _row([u[3] for u in last] + [unit[3]], geo)
            if plan.fits(trial, len(unit[0])):
                last.append(unit)
                continue
        groups.append([unit])
    # The overview: the chart down to the managers whose branches went to sheets of their own.
    split = {n for chain, *_ in units for n in chain}
    overview = _overview(plan, roots, split)
    sheets: list[Sheet] = []
    first = 1 if overview is not None else 0
    where: dict[int, list[int]] = {}  # manager id -> sheets their reports continue on
    for index, group in enumerate(groups, start=first):
        chain = group[0][0]
        if chain:
            where.setdefault(chain[-1], []).append(index)
        for _, node, _, _ in group:
            where.setdefault(node, []).append(index)
    if overview is not None:
        sheet = _sheet(overview, where, set())
        sheets.append(sheet)
    for group in groups:
        sheets.append(_group_sheet(plan, group, geo, where))
    seen: set[int] = set()
    for sheet in sheets:  # a manager is drawn plainly where first met, as context after that
        for key, box in list(sheet.boxes.items()):
            if box.path == (key not in seen):
                sheet.boxes[key] = Box(box.x, box.y, key in seen)
            seen.add(key)
        sheet.continues = {
            k: [i for i in v if sheets[i] is not sheet]
            for k, v in sheet.continues.items()
            if any(sheets[i] is not sheet for i in v)
        }
    return sheets


def _overview(plan: _Planner, roots: list[int], split: set[int]) -> _Block | None:
    """The top of the chart down to each branch's head; None when even that cannot fit."""
    saved = plan.children
    plan.children = {n: (kids if n in split else []) for n, kids in saved.items()}
    try:
        block = _row([plan.block(r) for r in roots], plan.g)
    finally:
        plan.children = saved
    return block if plan.fits(block) and len(block.boxes) > 1 else None


def _row_width(blocks: list[_Block], geo: Geometry) -> float:
    return sum(b.width for b in blocks) + geo.h_gap * (len(blocks) - 1)


def _row(blocks: list[_Block], geo: Geometry) -> _Block:
    """Blocks side by side, top-aligned."""
    x, out = 0.0, _Block(0.0, 0.0, 0.0, {}, [])
    for b in blocks:
        moved = b.shifted(x, 0.0)
        out.boxes.update(moved.boxes)
        out.lines += moved.lines
        out.height = max(out.height, b.height)
        x += b.width + geo.h_gap
    out.width = max(0.0, x - geo.h_gap)
    out.anchor = out.width / 2
    return out


def _sheet(block: _Block, where: dict[int, list[int]], path: set[int]) -> Sheet:
    sheet = Sheet(
        boxes={k: Box(x, y, k in path) for k, (x, y) in block.boxes.items()},
        lines=block.lines,
        width=block.width,
        height=block.height,
    )
    sheet.continues = {k: list(v) for k, v in where.items() if k in block.boxes}
    return sheet


def _group_sheet(plan: _Planner, group: list, geo: Geometry, where: dict[int, list[int]]) -> Sheet:
    """Units under one chain: the chain as a column of boxes, the units side by side below."""
    chain = group[0][0]
    body = _row([u[3] for u in group], geo)
    top = len(chain) * (geo.box_h + geo.v_gap)
    body = body.shifted(0.0, top)
    anchor_x = (body.boxes[group[0][1]][0] + body.boxes[group[-1][1]][0]) / 2 + geo.box_w / 2
    anchor_x = min(max(anchor_x, geo.box_w / 2), max(body.width, geo.box_w) - geo.box_w / 2)
    for i, manager in enumerate(chain):
        body.boxes[manager] = (anchor_x - geo.box_w / 2, i * (geo.box_h + geo.v_gap))
        y0 = i * (geo.box_h + geo.v_gap) + geo.box_h
        if i + 1 < len(chain):
            body.lines.append([(anchor_x, y0), (anchor_x, y0 + geo.v_gap)])
    if chain:
        bend = top - geo.v_gap / 2
        for unit in group:
            bx, _ = body.boxes[unit[1]]
            mid = bx + geo.box_w / 2
            body.lines.append(
                [(anchor_x, top - geo.v_gap), (anchor_x, bend), (mid, bend), (mid, top)]
            )
    body.width = max(body.width, geo.box_w)
    body.height += top
    return _sheet(body, where, set(chain))
