"""The deal cockpit's use cases, checked in the SQLite file: stage tasks, decision points,
deal value, the pipeline read, next steps across accounts and the debrief's carry-over."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.domain.validation import ValidationError
from desktop.services.visits import CallReport
from desktop.store.models import Contact, DecisionPoint, NextStep, StageTaskCheck

TODAY = date(2026, 12, 2)  # a Wednesday


@pytest.fixture
def deal(services):
    account = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    return account, opp


def test_ticking_the_exit_criteria_proposes_the_next_stage(services, db, deal):
    _, opp = deal
    seen = []
    services.notifier.subscribe(seen.append)
    state = services.deals.set_task(opp.id, "b_lead_need", True, TODAY)
    assert state.proposed is None and state.done_count == 1
    for task in ("b_workshops", "b_pain_questions"):
        services.deals.set_task(opp.id, task, True, TODAY)
    assert services.deals.proposed_stage(opp.id) == "B"
    state = services.deals.set_task(opp.id, "b_competitors", True, TODAY)
    assert state.exit_met and services.deals.proposed_stage(opp.id) == "C"
    with db.read() as s:
        rows = s.scalars(select(StageTaskCheck).where(StageTaskCheck.opportunity_id == opp.id))
        rows = list(rows)
    assert {r.task for r in rows} == {
        "b_lead_need",
        "b_workshops",
        "b_pain_questions",
        "b_competitors",
    }
    assert all(r.stage == "B" and r.done_on == TODAY and len(r.uid) == 32 for r in rows)
    assert seen and all(c.kind == "opportunity" and opp.id in c.ids for c in seen)
    # Unticking takes it back; the stage itself never moved on its own.
    services.deals.set_task(opp.id, "b_competitors", False)
    assert services.deals.proposed_stage(opp.id) == "B"
    assert services.opportunities.get(opp.id).stage == "B"
    with pytest.raises(ValidationError):
        services.deals.set_task(opp.id, "no_such_task", True)


def test_a_maybe_flags_the_deal_and_is_stored_with_its_note(services, db, deal):
    _, opp = deal
    services.deals.set_decision_point(opp.id, "understand", "yes", "确认了痛点")
    services.deals.set_decision_point(opp.id, "develop", "maybe", "CFO 要看 ROI")
    [stall] = services.deals.stalls(opp.id)
    assert stall.phase == "develop" and stall.next_action == "paid_study"
    with db.read() as s:
        rows = {r.phase: r for r in s.scalars(select(DecisionPoint))}
    assert rows["develop"].answer == "maybe" and rows["develop"].note == "CFO 要看 ROI"
    # Answering it again replaces the answer; clearing removes the row.
    services.deals.set_decision_point(opp.id, "develop", "yes", "ROI 已认可")
    assert services.deals.stalls(opp.id) == []
    services.deals.set_decision_point(opp.id, "understand", None)
    assert set(services.deals.decision_points(opp.id)) == {"develop"}
    with pytest.raises(ValidationError):
        services.deals.set_decision_point(opp.id, "develop", "perhaps")


def test_deal_value_and_weighted_value_in_the_pipeline(services, deal):
    account, opp = deal
    services.opportunities.update(opp.id, deal_amount="120万", deal_currency="cny")
    other = services.opportunities.create(account.id, name="SRM", stage="C")
    services.opportunities.update(other.id, deal_amount="$2 million", deal_currency="usd")
    services.deals.set_decision_point(other.id, "confirm", "maybe")
    summary = services.deals.summary(opp.id)
    assert (summary.amount, summary.currency, summary.probability) == (1_200_000, "CNY", 25)
    assert summary.weighted == 300_000
    rows = {r.name: r for r in services.deals.pipeline(TODAY)}
    assert rows["MES 一期"].weighted == 300_000
    # No visit yet: stalled by the one rule the pipeline screen uses too (issue 16).
    assert [r.code for r in rows["MES 一期"].stall_reasons] == ["no_visit"]
    assert [r.code for r in rows["SRM"].stall_reasons] == ["maybe", "no_visit"]
    services.opportunities.update(opp.id, stage="F")  # handed over: no longer pushed
    assert not services.deals.pipeline(TODAY)[0].stalled
    assert services.deals.stall_reasons(opp.id) == []
    assert (rows["SRM"].amount, rows["SRM"].currency, rows["SRM"].weighted) == (
        2_000_000,
        "USD",
        1_000_000,
    )
    assert rows["SRM"].stalled and rows["SRM"].stalls[0].next_action == (
        "key_decision_leader_meeting"
    )


def _visit_with_steps(services, opp_id, contact_id):
    visit = services.visits.plan(opp_id, starts_at="2026-11-20 10:00")
    services.visits.add_item(visit.id, "attendee", contact_id=contact_id)
    for text, due in (
        ("发报价", "2026-11-30"),
        ("约 CFO", "2026-12-02"),
        ("演示", "2026-12-05"),
        ("参观", "2026-12-20"),
        ("回访", None),
    ):
        services.visits.add_item(visit.id, "next_step", description=text, owner="陈", due_date=due)
    return visit


def test_next_steps_across_accounts_by_when_they_fall_due(services, db, deal):
    account, opp = deal
    boss = services.contacts.create(account.id, name="王建国")
    visit = _visit_with_steps(services, opp.id, boss.id)
    week = services.next_steps.due(TODAY, this_week=True)
    assert [(r.description, r.bucket) for r in week] == [
        ("发报价", "overdue"),
        ("约 CFO", "today"),
        ("演示", "week"),
    ]
    assert week[0].account == "恒远精密" and week[0].opportunity == "MES 一期"
    assert [r.description for r in services.next_steps.due(TODAY, overdue_only=True)] == ["发报价"]
    assert len(services.next_steps.due(TODAY)) == 5  # every open one, undated last
    assert services.next_steps.due(TODAY)[-1].description == "回访"
    services.next_steps.set_done(week[0].id, True, TODAY)
    with db.read() as s:
        step = s.get(NextStep, week[0].id)
        assert step.done and step.done_on == TODAY and step.visit_id == visit.id
    assert services.next_steps.due(TODAY, overdue_only=True) == []


def test_the_debrief_closes_or_carries_earlier_steps_and_stamps_last_contact(services, db, deal):
    account, opp = deal
    boss = services.contacts.create(account.id, name="王建国", last_contact="2026-01-05")
    cio = services.contacts.create(account.id, name="李明")
    earlier = _visit_with_steps(services, opp.id, boss.id)
    steps = {r.description: r.id for r in services.next_steps.open_for_deal(opp.id)}
    visit = services.visits.plan(opp.id, starts_at="2026-12-01 15:00")
    services.visits.add_item(visit.id, "attendee", contact_id=boss.id)
    services.visits.add_item(visit.id, "attendee", contact_id=cio.id)
    services.visits.add_item(visit.id, "attendee", name="赵磊 (our architect)")
    assert {r.description for r in services.next_steps.open_for_deal(opp.id, visit.id)} == set(
        steps
    )
    services.visits.complete_report(
        visit.id,
        CallReport(
            outcome="同意演示",
            closed_steps={steps["发报价"]},
            carried_steps={steps["演示"]},
        ),
    )
    with db.read() as s:
        assert s.get(NextStep, steps["发报价"]).done is True
        carried = s.get(NextStep, steps["演示"])
        assert carried.visit_id == visit.id and carried.done is False
        assert s.get(NextStep, steps["约 CFO"]).visit_id == earlier.id  # kept where it was
        last = {c.name: c.last_contact for c in s.scalars(select(Contact))}
    assert last == {"王建国": date(2026, 12, 1), "李明": date(2026, 12, 1)}


def test_a_step_of_another_deal_cannot_be_closed_by_this_debrief(services, db, deal):
    account, opp = deal
    other = services.opportunities.create(account.id, name="SRM")
    boss = services.contacts.create(account.id, name="王建国")
    _visit_with_steps(services, other.id, boss.id)
    foreign = services.next_steps.open_for_deal(other.id)[0].id
    visit = services.visits.plan(opp.id, starts_at=datetime(2026, 12, 1, 9, 0))
    with pytest.raises(ValidationError):
        services.visits.complete_report(visit.id, CallReport(outcome="x", closed_steps={foreign}))
    with db.read() as s:
        assert s.get(NextStep, foreign).done is False
        assert services.visits.get(visit.id).status != "done"


def test_the_week_list_reads_a_page_per_group_and_counts_them_all(services, deal):
    account, opp = deal
    visit = services.visits.plan(opp.id, starts_at="2026-11-20 10:00")
    for n in range(5):
        services.visits.add_item(
            visit.id, "next_step", description=f"逾期 {n}", due_date=f"2026-11-2{n}"
        )
    services.visits.add_item(visit.id, "next_step", description="今天", due_date="2026-12-02")
    services.visits.add_item(visit.id, "next_step", description="下周", due_date="2026-12-08")
    week = services.next_steps.week(TODAY, per_group=2)
    assert week.counts == {"overdue": 5, "today": 1, "week": 0}
    assert [r.description for r in week.rows] == ["逾期 0", "逾期 1", "今天"]
    services.next_steps.set_done(week.rows[0].id, True, TODAY)
    assert services.next_steps.week(TODAY, per_group=2).counts["overdue"] == 4
