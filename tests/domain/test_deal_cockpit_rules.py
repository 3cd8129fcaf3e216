"""The deal cockpit's rules, read from the playbook: stage tasks and exit criteria, decision
points and stalls, weighted value, when a next step falls due."""

from __future__ import annotations

import re
from datetime import date

import pytest

from desktop.domain.deal_value import deal_weighted_value, weighted_value
from desktop.domain.decision_points import Answer, stalls
from desktop.domain.next_steps import bucket
from desktop.domain.playbook import PlaybookError, default_playbook_path, load_playbook
from desktop.domain.stage_tasks import all_tasks, progress, stage_tasks

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_stage_has_bilingual_tasks_and_exit_criteria(playbook):
    for stage in playbook.keys("funnel_stages"):
        tasks = stage_tasks(playbook, stage)
        assert tasks, stage
        assert any(t.exit for t in tasks), f"stage {stage} has no exit criterion"
        for task in tasks:
            assert task.text("en") and not CJK.search(task.text("en")), task.key
            assert CJK.search(task.text("zh")), task.key
    assert len(all_tasks(playbook)) == sum(
        len(stage_tasks(playbook, s)) for s in playbook.keys("funnel_stages")
    )


def test_the_decks_wording_is_kept(playbook):
    texts = {k: t.text("zh") for k, t in all_tasks(playbook).items()}
    assert "导入 → 交锋 → 妥协 → 协议" in texts["d_negotiation"]
    assert "20%" in texts["e_payment_terms"] and "三天内" in texts["e_payment_terms"]
    assert "1+2" in texts["f_referrals"]
    assert "线人" in texts["a_research"]
    # The shift is corrected: payment terms belong to closing (E), not negotiation (D).
    assert "20%" not in playbook.entry("funnel_stages", "D").extra_text("focus", "zh")
    assert "20%" in playbook.entry("funnel_stages", "E").extra_text("focus", "zh")
    phases = [playbook.label("negotiation_phases", k, "zh") for k in ("introduction", "agreement")]
    assert phases == ["导入", "协议"]


def test_next_stage_is_proposed_only_when_every_exit_criterion_is_met(playbook):
    exits = [t.key for t in stage_tasks(playbook, "B") if t.exit]
    others = [t.key for t in stage_tasks(playbook, "B") if not t.exit]
    assert progress(playbook, "B", others).proposed is None
    assert progress(playbook, "B", exits[:-1]).proposed is None
    state = progress(playbook, "B", exits)
    assert state.exit_met and state.proposed == "C"
    assert state.done_count == len(exits) and len(state.open) == len(others)
    # Ticks of another stage do not count, and the last stage proposes nothing.
    assert progress(playbook, "C", exits).proposed is None
    last = [t.key for t in stage_tasks(playbook, "F")]
    assert progress(playbook, "F", last).proposed is None


def test_a_task_key_used_twice_is_refused(tmp_path):
    text = default_playbook_path().read_text(encoding="utf-8")
    copy = tmp_path / "own.toml"
    copy.write_text(text.replace('key = "b_workshops"', 'key = "a_qualify"'), encoding="utf-8")
    with pytest.raises(PlaybookError, match="a_qualify"):
        all_tasks(load_playbook(copy))


def test_a_maybe_is_a_stall_with_the_next_logical_action_in_both_languages(playbook):
    answers = {
        "understand": Answer("yes"),
        "develop": Answer("maybe", "CFO 要看 ROI"),
        "confirm": Answer("no"),
    }
    [stall] = stalls(playbook, answers)
    assert stall.phase == "develop" and stall.note == "CFO 要看 ROI"
    assert stall.next_action == "paid_study"
    assert "Will the solution deliver the value?" in stall.text("en")
    assert stall.text("en").endswith("→ Paid short study")
    assert "价值" in stall.text("zh") and CJK.search(stall.next_action_label.get("zh"))
    assert stalls(playbook, {"develop": Answer("yes")}) == []


def test_weighted_value_is_amount_times_the_stage_probability(playbook):
    assert weighted_value(1_000_000, 25) == 250_000
    assert weighted_value(None, 50) is None
    assert weighted_value(3, 50) == 2  # half up
    assert deal_weighted_value(playbook, 3_200_000, "C", None) == 1_600_000
    assert deal_weighted_value(playbook, 3_200_000, "C", 35) == 1_120_000  # the rep's own figure


def test_when_a_step_falls_due():
    wednesday = date(2026, 12, 2)
    assert bucket(date(2026, 12, 1), wednesday) == "overdue"
    assert bucket(wednesday, wednesday) == "today"
    assert bucket(date(2026, 12, 6), wednesday) == "week"  # Sunday
    assert bucket(date(2026, 12, 7), wednesday) == "later"
    assert bucket(None, wednesday) == "undated"
