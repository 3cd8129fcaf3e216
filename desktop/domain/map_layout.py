"""Laying out the decision-maker map as an org chart (several roots allowed).

Each person sits one row below their manager; a manager is centred over their reports; trees
stand side by side in the order of their roots. Siblings are ordered by id, so adding a person
puts them at the right of their peers and leaves everything to their left where it was. Boxes
the rep dragged keep their stored position. Pure arithmetic: the Qt scene, the PDF brief and the
exported images all draw from the same result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

BOX_WIDTH = 180.0
BOX_HEIGHT = 84.0
H_GAP = 28.0
V_GAP = 56.0


@dataclass(frozen=True)
class MapNode:
    id: int
    manager_id: int | None
    pinned: tuple[float, float] | None = None  # where the rep dragged the box


@dataclass(frozen=True)
class Placement:
    x: float  # top-left corner
    y: float
    depth: int


def layout(nodes: Iterable[MapNode]) -> dict[int, Placement]:
    """Top-left positions for every node; unknown managers and loops are treated as roots."""
    nodes = sorted(nodes, key=lambda n: n.id)
    roots, children = forest(nodes)

    placed: dict[int, Placement] = {}
    next_slot = 0.0  # the x of the next free leaf column
    row_edge: dict[int, float] = {}  # per row, the x just right of its rightmost box so far

    def place(node_id: int, depth: int) -> float:
        nonlocal next_slot
        kids = children[node_id]
        if kids:
            centres = [place(k, depth + 1) for k in kids]
            centre = (centres[0] + centres[-1]) / 2
        else:
            centre = next_slot + BOX_WIDTH / 2
            next_slot += BOX_WIDTH + H_GAP
        # A lone parent centred over a narrow subtree must not overlap the tree to its left.
        centre = max(centre, row_edge.get(depth, 0.0) + BOX_WIDTH / 2)
        placed[node_id] = Placement(centre - BOX_WIDTH / 2, depth * (BOX_HEIGHT + V_GAP), depth)
        row_edge[depth] = max(row_edge.get(depth, 0.0), centre + BOX_WIDTH / 2 + H_GAP)
        next_slot = max(next_slot, centre + BOX_WIDTH / 2 + H_GAP)
        return centre

    for root in roots:
        place(root, 0)
    for n in nodes:
        if n.pinned is not None and n.id in placed:
            placed[n.id] = Placement(n.pinned[0], n.pinned[1], placed[n.id].depth)
    return placed


def forest(nodes: Iterable[MapNode]) -> tuple[list[int], dict[int, list[int]]]:
    """(roots, reports of each manager), siblings by id; loops and unknown managers: roots.

    The one walk of the reporting lines: the screen's layout here and the paper layout
    (``paper_map``) both start from it, so they never disagree on who sits under whom."""
    ordered = sorted(nodes, key=lambda n: n.id)
    by_id = {n.id: n for n in ordered}
    roots: list[int] = []
    children: dict[int, list[int]] = {n.id: [] for n in ordered}
    for n in ordered:
        if n.manager_id in by_id and not _in_loop(by_id, n.id):
            children[n.manager_id].append(n.id)
        else:
            roots.append(n.id)
    return roots, children


def _in_loop(by_id: dict[int, MapNode], start: int) -> bool:
    seen: set[int] = set()
    current: int | None = start
    while current is not None and current in by_id:
        if current in seen:
            return True
        seen.add(current)
        current = by_id[current].manager_id
    return False


def bounds(placements: dict[int, Placement]) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of all boxes."""
    if not placements:
        return (0.0, 0.0, 0.0, 0.0)
    xs = [p.x for p in placements.values()]
    ys = [p.y for p in placements.values()]
    return (min(xs), min(ys), max(xs) + BOX_WIDTH, max(ys) + BOX_HEIGHT)
