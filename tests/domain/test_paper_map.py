"""The paper layout of the decision map: fixed-size boxes, cut into sheets that fit the page."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.map_layout import MapNode
from desktop.domain.paper_map import Geometry, paginate

GEO = Geometry(box_w=100.0, box_h=42.0, h_gap=8.0, v_gap=14.0, indent=10.0, stack_gap=10.0)
PORTRAIT = (527.0, 700.0)
LANDSCAPE = (770.0, 480.0)


def chart(n: int, fan_out: int = 5) -> list[MapNode]:
    return [MapNode(i, None if i == 0 else (i - 1) // fan_out) for i in range(n)]


@st.composite
def org_charts(draw):
    """Any forest: each person reports to someone earlier, or to nobody."""
    n = draw(st.integers(1, 120))
    managers = [draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None for i in range(n)]
    return [MapNode(i, m) for i, m in enumerate(managers)]


def _overlaps(a, b) -> bool:
    return not (
        a.x + GEO.box_w <= b.x
        or b.x + GEO.box_w <= a.x
        or a.y + GEO.box_h <= b.y
        or b.y + GEO.box_h <= a.y
    )


@settings(max_examples=60, deadline=None)
@given(org_charts(), st.sampled_from([PORTRAIT, LANDSCAPE]))
def test_every_person_printed_once_on_sheets_that_fit(nodes, page):
    sheets = paginate(nodes, GEO, *page)
    plain = [pid for s in sheets for pid, box in s.boxes.items() if not box.path]
    assert sorted(plain) == [n.id for n in nodes]  # each person once, nobody lost
    for sheet in sheets:
        assert sheet.width <= page[0] + 0.01 and sheet.height <= page[1] + 0.01
        boxes = list(sheet.boxes.values())
        for box in boxes:
            assert 0 <= box.x and box.x + GEO.box_w <= sheet.width + 0.01
            assert 0 <= box.y and box.y + GEO.box_h <= sheet.height + 0.01
        for i, a in enumerate(boxes):
            assert not any(_overlaps(a, b) for b in boxes[i + 1 :])


@settings(max_examples=40, deadline=None)
@given(org_charts())
def test_a_report_is_under_its_manager_or_the_manager_says_where_they_went(nodes):
    sheets = paginate(nodes, GEO, *PORTRAIT)
    manager = {n.id: n.manager_id for n in nodes}
    for index, sheet in enumerate(sheets):
        for pid, box in sheet.boxes.items():
            if box.path or manager[pid] is None or manager[pid] in sheet.boxes:
                continue
            # The manager is drawn elsewhere: that sheet must point here.
            assert any(
                index in other.continues.get(manager[pid], [])
                for other in sheets
                if manager[pid] in other.boxes
            )


def test_small_circles_fit_one_sheet_and_big_ones_split_by_branch():
    assert len(paginate(chart(20), GEO, *PORTRAIT)) == 1
    sheets = paginate(chart(200), GEO, *LANDSCAPE)
    assert 2 <= len(sheets) <= 16
    # Each later sheet repeats the chain of managers above its branch, up to the top.
    for sheet in sheets[1:]:
        assert 0 in sheet.boxes
    assert any(sheet.continues for sheet in sheets)


def test_reports_without_reports_are_stacked_under_their_manager():
    """A manager with five engineers: one column, not five boxes side by side."""
    nodes = [MapNode(0, None)] + [MapNode(i, 0) for i in range(1, 6)]
    (sheet,) = paginate(nodes, GEO, 300.0, 700.0)  # too narrow for five side by side
    xs = {sheet.boxes[i].x for i in range(1, 6)}
    assert len(xs) == 1 and sheet.width <= 300.0


def test_a_manager_with_more_reports_than_a_page_holds_gets_them_in_slices():
    nodes = [MapNode(0, None)] + [MapNode(i, 0) for i in range(1, 151)]
    sheets = paginate(nodes, GEO, *PORTRAIT)
    assert len(sheets) > 1
    plain = sorted(pid for s in sheets for pid, box in s.boxes.items() if not box.path)
    assert plain == list(range(151))
    assert all(0 in s.boxes for s in sheets)  # the manager heads every slice
    assert sorted(i for s in sheets for i in s.continues.get(0, [])) != []


def test_screen_and_paper_agree_on_loops_and_unknown_managers():
    """Old data can hold a reporting loop or a manager since deleted: the screen's org chart
    and the paper map both show such people at the top, and each person exactly once."""
    from desktop.domain.map_layout import layout

    nodes = [MapNode(1, None), MapNode(2, 1), MapNode(3, 4), MapNode(4, 3), MapNode(5, 99)]
    depths = {node_id: place.depth for node_id, place in layout(nodes).items()}
    assert depths == {1: 0, 2: 1, 3: 0, 4: 0, 5: 0}
    sheets = paginate(nodes, GEO, *PORTRAIT)
    printed = [box_id for sheet in sheets for box_id in sheet.boxes]
    assert sorted(printed) == [1, 2, 3, 4, 5]
    below_one = [s.boxes[2].y > s.boxes[1].y for s in sheets if 1 in s.boxes and 2 in s.boxes]
    assert below_one == [True]


def test_a_chain_of_managers_deeper_than_the_page_still_fits_every_sheet():
    """Nine levels of managers (a landscape page holds eight): found by Hypothesis in CI, where
    the deepest branch was drawn under its whole chain on a sheet taller than the page."""
    deep = [MapNode(0, None), *(MapNode(i, i - 1) for i in range(1, 12))]
    forest_of = deep + [MapNode(100 + i, None) for i in range(70)]
    for nodes in (deep, forest_of):
        for page in (PORTRAIT, LANDSCAPE):
            sheets = paginate(nodes, GEO, *page)
            plain = [pid for s in sheets for pid, box in s.boxes.items() if not box.path]
            assert sorted(plain) == sorted(n.id for n in nodes)
            for sheet in sheets:
                assert sheet.width <= page[0] + 0.01 and sheet.height <= page[1] + 0.01
