"""Domain rules: segment code, coverage warnings, org chart, funnel, map layout."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.coverage import CirclePerson, coverage_warnings
from desktop.domain.funnel import win_probability
from desktop.domain.map_layout import BOX_WIDTH, MapNode, bounds, layout
from desktop.domain.org_chart import depth, would_create_cycle
from desktop.domain.segment import profit_tier_for, segment_code

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("inputs", "code"),
    [
        (("E", "1", "A", "2"), "E1A2"),
        (("F", "2", "D", "3"), "F2D3"),
        (("E", "1", None, "2"), ""),
        (("X", "1", "A", "2"), ""),
        (("E", "3", "A", "2"), ""),
    ],
)
def test_segment_code(inputs, code):
    assert segment_code(*inputs) == code


def test_profit_tier_thresholds():
    assert profit_tier_for(10_000_001) == "1"
    assert profit_tier_for(10_000_000) == "2"
    assert profit_tier_for(2_000_000) == "2"
    assert profit_tier_for(1_999_999) == "3"
    assert profit_tier_for(None) is None


def person(cid, roles, attitude="supporter", influence="medium", met=True, days_ago=5):
    last = TODAY - timedelta(days=days_ago) if met else None
    return CirclePerson(cid, f"P{cid}", tuple(roles), attitude, influence, last)


def codes(people, playbook):
    return [w.code for w in coverage_warnings(people, playbook, "en", TODAY)]


def test_an_empty_circle_lacks_every_role(playbook):
    found = codes([], playbook)
    assert found[:2] == ["no_decision_maker", "no_coach"]
    assert found.count("role_unfilled") == 3


def test_a_complete_engaged_circle_has_no_warnings(playbook):
    circle = [
        person(1, ["decision_maker"]),
        person(2, ["user"]),
        person(3, ["technical_expert"]),
        person(4, ["influencer"]),
        person(5, ["coach"]),
    ]
    assert codes(circle, playbook) == []


def test_decision_maker_never_met_and_influential_opponent(playbook):
    circle = [
        person(1, ["decision_maker"], met=False),
        person(2, ["user", "coach"]),
        person(3, ["technical_expert"], attitude="opponent", influence="high"),
        person(4, ["influencer"]),
    ]
    found = codes(circle, playbook)
    assert "decision_maker_not_met" in found
    assert "influential_opponent" in found
    assert "no_coach" not in found


def test_veto_holders_not_engaged_recently_are_flagged(playbook):
    circle = [
        person(1, ["decision_maker"]),
        person(2, ["user"], days_ago=200),
        person(3, ["technical_expert"], met=False),
        person(4, ["influencer", "coach"]),
    ]
    warnings = coverage_warnings(circle, playbook, "zh", TODAY)
    veto = [w for w in warnings if w.code == "veto_not_engaged"]
    assert [w.contact_id for w in veto] == [2, 3]
    assert "P3" in veto[1].text(playbook, "zh") and "技术专家" in veto[1].text(playbook, "zh")


def test_unclear_people_are_flagged_and_danger_comes_first(playbook):
    circle = [
        person(1, ["decision_maker"], attitude="unknown"),
        person(2, ["coach"], influence=None),
    ]
    warnings = coverage_warnings(circle, playbook, "en", TODAY)
    # A ticked role is clear; what is missing is information about the person.
    assert not [w for w in warnings if w.code == "role_unclear"]
    assert [w.contact_id for w in warnings if w.code == "person_unassessed"] == [1, 2]
    in_circle_without_a_part = coverage_warnings([person(3, [])], playbook, "en", TODAY)
    assert [w.contact_id for w in in_circle_without_a_part if w.code == "role_unclear"] == [3]
    severities = [w.severity for w in warnings]
    assert severities == sorted(severities, key=lambda s: s != "danger")


def test_org_chart_cycles_and_depth():
    chart = {1: None, 2: 1, 3: 2, 4: None}
    assert would_create_cycle(chart, 1, 3)
    assert would_create_cycle(chart, 2, 2)
    assert not would_create_cycle(chart, 4, 3)
    assert depth(chart, 3) == 3 and depth(chart, 4) == 1


def test_probability(playbook):
    assert win_probability(playbook, "C", None) == 50
    assert win_probability(playbook, "C", 35) == 35


def overlaps(placed):
    boxes = list(placed.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            if a.depth == b.depth and abs(a.x - b.x) < BOX_WIDTH:
                return True
    return False


def test_layout_places_reports_below_and_managers_over_them():
    nodes = [MapNode(1, None), MapNode(2, 1), MapNode(3, 1), MapNode(4, 2), MapNode(5, None)]
    placed = layout(nodes)
    assert placed[2].y > placed[1].y and placed[4].y > placed[2].y
    assert placed[2].x < placed[1].x < placed[3].x
    assert placed[5].x > placed[3].x  # a second root stands to the right
    assert not overlaps(placed)


def test_adding_a_person_leaves_the_people_to_their_left_in_place():
    nodes = [MapNode(1, None), MapNode(2, 1), MapNode(3, 1), MapNode(4, None), MapNode(5, 4)]
    before = layout(nodes)
    after = layout([*nodes, MapNode(6, 5)])
    for kept in (1, 2, 3):
        assert before[kept] == after[kept]
    assert not overlaps(after)


def test_pinned_boxes_stay_and_loops_do_not_hang():
    placed = layout([MapNode(1, 2), MapNode(2, 1, pinned=(500.0, 40.0)), MapNode(3, 3)])
    assert (placed[2].x, placed[2].y) == (500.0, 40.0)
    assert len(placed) == 3
    assert bounds(placed)[2] >= 500.0 + BOX_WIDTH


def test_a_wide_circle_has_no_overlaps():
    nodes = [MapNode(1, None)] + [MapNode(i, 1 + (i - 2) // 6) for i in range(2, 200)]
    placed = layout(nodes)
    assert len(placed) == 199
    assert not overlaps(placed)
