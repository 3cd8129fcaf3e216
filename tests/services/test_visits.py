"""Visit plans: planning, the lists of each step, readiness and the call report."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop.domain.validation import ValidationError
from desktop.services.visits import CallReport
from desktop.store.models import NextStep


@pytest.fixture
def setup(services):
    account = services.accounts.create(name="恒远精密")
    boss = services.contacts.create(account.id, name="王建国", title="总经理")
    cio = services.contacts.create(account.id, name="李明", title="CIO", reports_to_id=boss.id)
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    return account, boss, cio, opp


def test_plan_a_visit_and_fill_the_steps(services, setup):
    _, boss, _, opp = setup
    visit = services.visits.plan(
        opp.id, starts_at="2027-01-05 10:00", place="苏州工业园区", duration_min=90
    )
    assert visit.status == "draft"
    services.visits.update(
        visit.id,
        objective="确认试点范围",
        best_commitment="签署试点协议",
        min_commitment="约定技术交流",
    )
    stored = services.visits.get(visit.id)
    assert stored.starts_at == datetime(2027, 1, 5, 10, 0)
    assert stored.objective == "确认试点范围"
    assert stored.opportunity.account.name == "恒远精密"


def test_visit_duration_and_time_are_validated(services, setup):
    opp = setup[3]
    with pytest.raises(ValidationError) as caught:
        services.visits.plan(opp.id, starts_at="tomorrow", duration_min=2)
    assert set(caught.value.by_field()) == {"starts_at", "duration_min"}


def test_items_are_added_in_order_moved_and_renumbered(services, setup):
    _, boss, cio, opp = setup
    visit = services.visits.plan(opp.id)
    q1 = services.visits.add_item(
        visit.id, "question", framework="spin", step="situation", text="现在如何排产?"
    )
    q2 = services.visits.add_item(
        visit.id,
        "question",
        framework="eric",
        step="explore",
        text="What slows you down?",
        target_contact_id=cio.id,
    )
    q3 = services.visits.add_item(
        visit.id, "question", framework="type", step="closed", text="Is Q1 realistic?"
    )
    services.visits.move_item("question", q3.id, 0)
    assert [q.id for q in services.visits.get(visit.id).questions] == [q3.id, q1.id, q2.id]
    services.visits.delete_item("question", q1.id)
    questions = services.visits.get(visit.id).questions
    assert [(q.id, q.position) for q in questions] == [(q3.id, 0), (q2.id, 1)]


def test_question_step_must_belong_to_its_framework(services, setup):
    visit = services.visits.plan(setup[3].id)
    with pytest.raises(ValidationError, match="not one of the choices"):
        services.visits.add_item(visit.id, "question", framework="spin", step="explore", text="?")


def test_attendee_from_another_account_or_twice_is_refused(services, setup):
    _, boss, _, opp = setup
    visit = services.visits.plan(opp.id)
    services.visits.add_item(visit.id, "attendee", contact_id=boss.id)
    with pytest.raises(ValidationError, match="already in the meeting"):
        services.visits.add_item(visit.id, "attendee", contact_id=boss.id)
    other = services.accounts.create(name="Other")
    stranger = services.contacts.create(other.id, name="Stranger")
    with pytest.raises(ValidationError, match="does not belong"):
        services.visits.add_item(visit.id, "attendee", contact_id=stranger.id)
    team = services.visits.add_item(visit.id, "attendee", name="Anna", meeting_role="demo")
    assert team.contact_id is None


def test_fab_must_link_to_a_need_of_the_same_visit(services, setup):
    opp = setup[3]
    visit = services.visits.plan(opp.id)
    other_visit = services.visits.plan(opp.id)
    need = services.visits.add_item(other_visit.id, "need", description="降低库存")
    with pytest.raises(ValidationError):
        services.visits.add_item(visit.id, "fab", feature="F", need_id=need.id)


def test_readiness_names_what_is_missing_and_reaches_ready(services, setup):
    _, boss, cio, opp = setup
    visit = services.visits.plan(opp.id)
    readiness = services.visits.readiness(visit.id)
    assert not readiness.ready
    assert readiness.percent == 0
    assert "Set the objective of this visit." in [g.text() for _, g in readiness.gaps()]
    services.visits.update(
        visit.id,
        starts_at="2027-01-05 10:00",
        place="客户总部",
        objective="o",
        best_commitment="b",
        min_commitment="m",
        research_notes="r",
        info_needed="i",
        value_statement="v",
        reference="ref",
        next_action="demo_or_event",
        close_plan="c",
    )
    services.visits.add_item(visit.id, "attendee", contact_id=boss.id)
    for step in ("situation", "problem", "implication"):
        services.visits.add_item(visit.id, "question", framework="spin", step=step, text=step)
    need = services.visits.add_item(visit.id, "need", description="降低库存", clarity="explicit")
    fab = services.visits.add_item(visit.id, "fab", feature="F", benefit="B")
    objection = services.visits.add_item(visit.id, "objection", type="price", text="太贵了")
    readiness = services.visits.readiness(visit.id)
    gaps = [g.text("zh") for _, g in readiness.gaps()]
    assert len(gaps) == 2 and any("太贵了" in g for g in gaps) and any("“B”" in g for g in gaps)
    services.visits.update_item("fab", fab.id, need_id=need.id)
    services.visits.update_item("objection", objection.id, response="算总账: 三年回本")
    readiness = services.visits.readiness(visit.id)
    assert readiness.ready and readiness.percent == 100


def test_call_report_records_everything_and_moves_the_stage_in_one_action(services, db, setup):
    _, boss, _, opp = setup
    visit = services.visits.plan(opp.id, best_commitment="试点协议")
    q = services.visits.add_item(visit.id, "question", framework="spin", step="problem", text="?")
    unasked = services.visits.add_item(
        visit.id, "question", framework="spin", step="situation", text="!"
    )
    o = services.visits.add_item(visit.id, "objection", type="price", text="贵")
    # A won best commitment alone moves nothing; stage B's exit criteria do.
    assert services.visits.proposed_stage(visit.id) == "B"
    for task in ("b_workshops", "b_pain_questions", "b_competitors"):
        services.deals.set_task(opp.id, task, True)
    assert services.visits.proposed_stage(visit.id) == "C"
    report = CallReport(
        outcome="客户同意试点",
        commitment="best",
        answers={q.id: "排产靠 Excel"},
        resolved_objections={o.id: True},
        next_steps=[{"description": "发送试点方案", "owner": "Anna", "due_date": "2027-01-10"}],
        new_needs=[{"description": "夜班无人值守", "clarity": "explicit", "contact_id": boss.id}],
        stage_after="C",
    )
    done = services.visits.complete_report(visit.id, report)
    assert [(n.description, n.contact_id) for n in done.needs] == [("夜班无人值守", boss.id)]
    assert done.status == "done"
    assert (done.report_stage_before, done.report_stage_after) == ("B", "C")
    assert services.opportunities.get(opp.id).stage == "C"
    answered = {x.id: x for x in done.questions}
    assert answered[q.id].asked and answered[q.id].answer == "排产靠 Excel"
    assert not answered[unasked.id].asked
    assert done.objections[0].resolved is True
    assert [(n.description, n.due_date) for n in done.next_steps] == [
        ("发送试点方案", date(2027, 1, 10))
    ]


def test_a_bad_next_step_saves_nothing_of_the_report(services, db, setup):
    opp = setup[3]
    visit = services.visits.plan(opp.id)
    report = CallReport(
        outcome="ok",
        next_steps=[{"description": "a"}, {"description": "b", "due_date": "May"}],
        stage_after="C",
    )
    with pytest.raises(ValidationError):
        services.visits.complete_report(visit.id, report)
    assert services.visits.get(visit.id).status == "draft"
    assert services.opportunities.get(opp.id).stage == "B"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(NextStep)) == 0


def test_upcoming_lists_visits_of_the_period(services, setup):
    opp = setup[3]
    services.visits.plan(opp.id, title="today", starts_at="2027-01-05 09:00")
    services.visits.plan(opp.id, title="later", starts_at="2027-01-09 09:00")
    services.visits.plan(opp.id, title="undated")
    titles = [v.title for v, _ in services.visits.upcoming(date(2027, 1, 5), date(2027, 1, 5))]
    assert titles == ["today"]
    week = services.visits.upcoming(date(2027, 1, 4), date(2027, 1, 10))
    assert [v.title for v, _ in week] == ["today", "later"]
    assert [r.percent for _, r in week] == [
        services.visits.readiness(v.id).percent for v, _ in week
    ]


def test_upcoming_pages_read_the_same_visits_with_the_same_readiness(services, db):
    from desktop.services.demo import load_demo

    account_id = load_demo(db, today=date(2027, 1, 4))  # its fully planned visit is on the 5th
    opp = services.opportunities.for_account(account_id)[0]
    for n in range(6):  # same hour as the demo's visit, and an empty day in between
        day = "2027-01-05" if n < 3 else "2027-01-07"
        services.visits.plan(opp.id, title=f"extra {n}", starts_at=f"{day} 10:00")
    start, end = date(2027, 1, 4), date(2027, 1, 10)
    whole = services.visits.upcoming(start, end)
    pages = [services.visits.upcoming_page(start, end, offset, 2) for offset in (0, 2, 4, 6, 8)]
    assert [len(p) for p in pages] == [2, 2, 2, 1, 0]
    rows = [row for page in pages for row in page]
    assert [r.id for r in rows] == [v.id for v, _ in whole]
    assert [(r.readiness_percent, r.ready) for r in rows] == [
        (services.visits.readiness(r.id).percent, services.visits.readiness(r.id).ready)
        for r in rows
    ]
    assert len({r.readiness_percent for r in rows}) > 1  # the planned visit and the bare ones
    demo_row = next(r for r in rows if r.title not in {f"extra {n}" for n in range(6)})
    assert demo_row.account_name == services.accounts.get(account_id).name
    assert services.visits.upcoming_days(start, end) == [
        (date(2027, 1, 5), 4),
        (date(2027, 1, 7), 3),
    ]


def test_a_benefit_links_only_to_a_need_the_customer_has_stated(services, setup):
    """Issue 16 item 7: FAB → implicit need is refused with the reason; explicit is accepted,
    and a linked need cannot quietly go back to implicit."""
    visit = services.visits.plan(setup[3].id)
    hinted = services.visits.add_item(visit.id, "need", description="库存太高, 资金压力大")
    with pytest.raises(ValidationError) as refused:
        services.visits.add_item(visit.id, "fab", feature="F", need_id=hinted.id)
    assert refused.value.errors[0].field == "need_id"
    assert "implicit need" in refused.value.errors[0].message.text()
    assert "隐含需求" in refused.value.errors[0].message.text("zh")
    assert services.visits.get(visit.id).fabs == []
    fab = services.visits.add_item(visit.id, "fab", feature="F")
    with pytest.raises(ValidationError, match="implicit need"):
        services.visits.update_item("fab", fab.id, need_id=hinted.id)
    services.visits.update_item("need", hinted.id, clarity="explicit")
    services.visits.update_item("fab", fab.id, need_id=hinted.id)
    assert services.visits.get(visit.id).fabs[0].need_id == hinted.id
    with pytest.raises(ValidationError, match="stays explicit"):
        services.visits.update_item("need", hinted.id, clarity="implicit")
    assert services.visits.get(visit.id).needs[0].clarity == "explicit"
