"""The demo account: complete enough that every screen shows real-looking field-sales work.

The demo is a bundle file (resources/demo/demo-account.json) loaded through the bundle importer;
tests/fixtures/demo/demo-snapshot.json is what the demo looked like when it was still built in
code, and the file must load to exactly that, on any day.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.segment import segment_code
from desktop.domain.value_statement import compose
from desktop.services import demo
from desktop.services.bundle_import import BundleError
from desktop.services.demo import demo_document, demo_path, load_demo
from desktop.store.models import (
    Account,
    Attendee,
    BuyingRole,
    Competitor,
    Contact,
    FabStatement,
    Need,
    NextStep,
    Objection,
    Opportunity,
    PlannedQuestion,
    Visit,
)

from .demo_snapshot import snapshot

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "tests" / "fixtures" / "demo" / "demo-snapshot.json"
TODAY = dt.date(2025, 6, 16)

ROLES = {"decision_maker", "user", "technical_expert", "influencer", "coach"}
ATTITUDES = {"supporter", "neutral", "opponent", "unknown"}
INFLUENCE = {"high", "medium", "low"}
STYLES = {"controlling", "analyzing", "advocating", "facilitating"}
DECISION_STYLES = {"emotional", "rational"}
PRIORITIES = {
    "results",
    "price",
    "details",
    "relationship",
    "risk",
    "innovation",
    "service",
    "recognition",
}
BUSINESS_NEEDS = {
    "market_share",
    "cut_cost",
    "grow_sales",
    "streamline_process",
    "new_products",
    "better_service",
}
PERSONAL_NEEDS = {"prestige", "promotion", "job_security", "income", "free_time", "keeping_up"}
ERIC = {"explore", "refine", "influence", "confirm"}
SPIN = {"situation", "problem", "implication", "need_payoff"}
QUESTION_TYPES = {"open", "closed", "quantitative", "preset", "exchange", "follow_up"}
STEPS = {"prepare", "open", "consult", "propose", "close"}
QUALIFICATION_KEYS = {
    "clear_pain",
    "budget",
    "buying_habit",
    "recognises_expertise",
    "top_level_support",
    "delivery_risk",
    "payment_risk",
    "worth_it",
    "timeline",
    "tender",
    "lead_department",
    "decision_person",
}

# The fields a rep fills in for each step of the visit model.
STEP_TEXT_FIELDS = {
    "prepare": (
        "research_notes",
        "objective",
        "best_commitment",
        "min_commitment",
        "info_needed",
        "logistics",
    ),
    "open": ("vs_who", "vs_what", "vs_why", "value_statement", "reference"),
    "consult": ("consult_notes",),
    "propose": ("next_action", "next_action_detail"),
    "close": ("close_technique", "close_plan"),
}
REPORT_FIELDS = (
    "report_outcome",
    "report_commitment",
    "report_commitment_notes",
    "report_stage_before",
    "report_stage_after",
    "report_completed_at",
)


@pytest.fixture
def account_id(db: Any) -> int:
    return load_demo(db, today=TODAY)


def _contacts(s: Session, account_id: int) -> list[Contact]:
    return list(s.scalars(select(Contact).where(Contact.account_id == account_id)))


def _main(s: Session, account_id: int) -> Opportunity:
    return s.scalars(
        select(Opportunity).where(Opportunity.account_id == account_id, Opportunity.stage == "C")
    ).one()


def _visit(s: Session, account_id: int, status: str) -> Visit:
    return s.scalars(
        select(Visit).where(Visit.opportunity_id == _main(s, account_id).id, Visit.status == status)
    ).one()


def _children(s: Session, model: type, visit_id: int) -> list[Any]:
    return list(s.scalars(select(model).where(model.visit_id == visit_id).order_by(model.position)))


def test_returns_the_new_account_with_its_bilingual_names(db: Any, account_id: int) -> None:
    with db.read() as s:
        account = s.get(Account, account_id)
    assert account is not None
    assert account.name == "苏州恒远精密制造有限公司"
    assert account.alt_name == "Suzhou Hengyuan Precision Manufacturing Co., Ltd."


def test_every_account_field_is_filled(db: Any, account_id: int) -> None:
    with db.read() as s:
        account = s.get(Account, account_id)
    assert account is not None
    empty = [
        col.name for col in Account.__table__.columns if getattr(account, col.name) in (None, "")
    ]
    assert empty == []
    assert account.currency == "CNY"
    assert account.annual_revenue > account.category_spend > 0


def test_segment_code_is_computed_from_the_four_inputs(db: Any, account_id: int) -> None:
    with db.read() as s:
        a = s.get(Account, account_id)
    assert a is not None
    expected = segment_code(a.seg_recognition, a.seg_pain, a.seg_status, a.seg_profit_tier)
    assert expected != ""
    assert a.segment_code == expected


def test_at_least_eight_contacts_with_chinese_contact_details(db: Any, account_id: int) -> None:
    with db.read() as s:
        contacts = _contacts(s, account_id)
    assert len(contacts) >= 8
    for c in contacts:
        assert c.name and c.title and c.department, c.name
        # A Chinese mobile, in the form the app stores a typed one (national, spaced).
        assert re.fullmatch(r"1\d{2} \d{4} \d{4}", c.phone_mobile), c.phone_mobile
        assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", c.email), c.email
        assert c.wechat and c.background and c.relationship_notes, c.name
        assert c.priorities and set(c.priorities) <= PRIORITIES, c.name
        assert len(c.priorities) == len(set(c.priorities))  # a ranking, no repeats
        assert c.business_needs and set(c.business_needs) <= BUSINESS_NEEDS, c.name
        assert c.personal_needs and set(c.personal_needs) <= PERSONAL_NEEDS, c.name
        assert c.decision_style in DECISION_STYLES, c.name
        assert c.last_contact is not None and c.last_contact < TODAY, c.name


def test_names_are_mostly_chinese_with_shared_surname_and_english_alt_names(
    db: Any, account_id: int
) -> None:
    with db.read() as s:
        contacts = _contacts(s, account_id)
    names = [c.name for c in contacts]
    assert sum(n.startswith("王") for n in names) >= 2
    assert any(len(n) == 2 for n in names)
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", n) for n in names)
    english = [c.alt_name for c in contacts if c.alt_name]
    assert 1 <= len(english) <= 2
    assert all(re.fullmatch(r"[A-Za-z ]+", n) for n in english)


def test_every_communication_style_is_used(db: Any, account_id: int) -> None:
    with db.read() as s:
        styles = {c.communication_style for c in _contacts(s, account_id)}
    assert styles == STYLES


def test_reporting_tree_has_depth_three_and_no_cycles(db: Any, account_id: int) -> None:
    with db.read() as s:
        contacts = _contacts(s, account_id)
    boss = {c.id: c.reports_to_id for c in contacts}
    roots = [cid for cid, b in boss.items() if b is None]
    assert len(roots) == 1  # the general manager

    def depth(cid: int) -> int:
        seen: set[int] = set()
        level = 0
        current: int | None = cid
        while current is not None:
            assert current not in seen, "reports_to cycle"
            assert current in boss, "reports to someone outside the account"
            seen.add(current)
            level += 1
            current = boss[current]
        return level

    depths = {cid: depth(cid) for cid in boss}
    assert max(depths.values()) == 3
    assert set(depths.values()) == {1, 2, 3}


def test_main_opportunity_buying_roles_cover_all_five_roles(db: Any, account_id: int) -> None:
    with db.read() as s:
        main = _main(s, account_id)
        roles = list(s.scalars(select(BuyingRole).where(BuyingRole.opportunity_id == main.id)))
        contact_ids = {c.id for c in _contacts(s, account_id)}
    assert main.name == demo.MAIN_OPPORTUNITY_NAME
    assert set().union(*(r.roles for r in roles)) == ROLES
    assert {r.contact_id for r in roles} <= contact_ids
    assert {r.attitude for r in roles} == ATTITUDES
    assert {r.influence for r in roles} == INFLUENCE
    assert any(r.attitude == "opponent" and r.influence == "high" for r in roles)
    assert any(r.is_coach and r.attitude == "supporter" for r in roles)


def test_main_opportunity_is_qualified_at_stage_c_with_budget(db: Any, account_id: int) -> None:
    with db.read() as s:
        main = _main(s, account_id)
    assert main.budget_exists is True
    assert main.budget_amount and main.budget_amount > 0
    assert main.budget_currency == "CNY"
    assert main.budget_source and main.budget_confirmed_by
    assert main.purchase_timeline and main.pains and main.risk_notes
    assert main.expected_close is not None and main.expected_close > TODAY
    assert main.is_tender is True
    assert main.lead_department and main.deciding_department
    assert main.decision_process == "committee"
    assert 4 <= len(main.decision_steps) <= 5
    assert set(main.qualification) == QUALIFICATION_KEYS
    for key, item in main.qualification.items():
        assert item["answer"] in {"yes", "no", "unknown"}, key
        assert item["note"], key
    assert main.our_strengths and main.our_weaknesses


def test_three_competitors_in_order_with_full_analysis(db: Any, account_id: int) -> None:
    with db.read() as s:
        main = _main(s, account_id)
        rivals = list(
            s.scalars(
                select(Competitor)
                .where(Competitor.opportunity_id == main.id)
                .order_by(Competitor.position)
            )
        )
    assert len(rivals) == 3
    assert [r.position for r in rivals] == [0, 1, 2]
    assert any("自研" in r.name for r in rivals)  # the customer's own IT team
    for r in rivals:
        assert r.strengths and r.weaknesses and r.strategy, r.name
        assert r.our_strengths and r.our_weaknesses, r.name
        assert r.has_insider is not None, r.name
        assert bool(r.insider_level) == r.has_insider, r.name
    assert {r.has_insider for r in rivals} == {True, False}


def test_second_opportunity_is_an_early_stage_lead(db: Any, account_id: int) -> None:
    with db.read() as s:
        opps = list(s.scalars(select(Opportunity).where(Opportunity.account_id == account_id)))
    # The open deals (a handed-over one, stage F, may sit beside them with its referrals).
    assert sorted(o.stage for o in opps if o.stage != "F") == ["A", "C"]
    second = next(o for o in opps if o.stage == "A")
    assert second.name == demo.SECOND_OPPORTUNITY_NAME
    assert second.pains


def test_upcoming_visit_is_tomorrow_at_ten_and_ready(db: Any, account_id: int) -> None:
    with db.read() as s:
        visit = _visit(s, account_id, "ready")
    assert visit.starts_at == dt.datetime.combine(TODAY + dt.timedelta(days=1), dt.time(10, 0))
    assert visit.timezone == "Asia/Shanghai"
    assert visit.duration_min == 90
    assert visit.place and visit.title


def test_upcoming_visit_has_every_step_filled_and_no_report(db: Any, account_id: int) -> None:
    with db.read() as s:
        visit = _visit(s, account_id, "ready")
    for step, fields in STEP_TEXT_FIELDS.items():
        for field in fields:
            assert getattr(visit, field), f"{step}.{field} is empty"
    assert visit.value_statement == compose([visit.vs_who, visit.vs_what, visit.vs_why])
    assert set(visit.checklist) == STEPS
    assert all(visit.checklist[step] for step in STEPS)
    assert all(not getattr(visit, field) for field in REPORT_FIELDS)


def test_upcoming_visit_has_attendees_questions_needs_fabs_objections(
    db: Any, account_id: int
) -> None:
    with db.read() as s:
        visit = _visit(s, account_id, "ready")
        contact_ids = {c.id for c in _contacts(s, account_id)}
        attendees = _children(s, Attendee, visit.id)
        questions = _children(s, PlannedQuestion, visit.id)
        needs = _children(s, Need, visit.id)
        fabs = _children(s, FabStatement, visit.id)
        objections = _children(s, Objection, visit.id)
        next_steps = _children(s, NextStep, visit.id)

    customer = [a for a in attendees if a.contact_id is not None]
    ours = [a for a in attendees if a.contact_id is None]
    assert len(customer) == 4 and {a.contact_id for a in customer} <= contact_ids
    assert len(ours) == 2 and all(a.name and a.meeting_role for a in ours)
    assert [a.position for a in attendees] == list(range(len(attendees)))

    assert len(questions) >= 8
    assert [q.position for q in questions] == list(range(len(questions)))
    assert {q.step for q in questions if q.framework == "eric"} == ERIC
    assert {q.step for q in questions if q.framework == "spin"} == SPIN
    assert {q.step for q in questions if q.framework == "type"} <= QUESTION_TYPES
    assert all(q.text and q.target_contact_id in contact_ids for q in questions)
    assert not any(q.asked or q.answer for q in questions)

    assert len(needs) == 3
    assert {n.scope for n in needs} == {"business", "personal"}
    assert {n.clarity for n in needs} == {"implicit", "explicit"}
    for n in needs:
        allowed = BUSINESS_NEEDS if n.scope == "business" else PERSONAL_NEEDS
        assert n.category in allowed and n.description

    assert len(fabs) == 2
    need_ids = {n.id for n in needs}
    assert all(f.need_id in need_ids for f in fabs)
    assert len({f.need_id for f in fabs}) == 2
    assert all(f.feature and f.advantage and f.benefit for f in fabs)

    assert len(objections) == 3
    for o in objections:
        assert o.type and o.nature and o.timing and o.method, o.text
        assert o.text and o.response
        assert o.step in STEPS
        assert o.resolved is None  # not yet met

    assert next_steps == []


def test_past_visit_has_a_completed_call_report_and_next_steps(db: Any, account_id: int) -> None:
    with db.read() as s:
        visit = _visit(s, account_id, "done")
        steps = _children(s, NextStep, visit.id)
        questions = _children(s, PlannedQuestion, visit.id)
    assert visit.starts_at is not None
    assert visit.starts_at.date() == TODAY - dt.timedelta(days=14)
    assert visit.report_outcome and visit.report_commitment_notes
    assert visit.report_commitment == "best"
    assert (visit.report_stage_before, visit.report_stage_after) == ("B", "C")
    assert visit.report_completed_at is not None
    assert visit.report_completed_at > visit.starts_at
    assert steps and all(n.description and n.owner and n.due_date for n in steps)
    asked = [q for q in questions if q.asked]
    assert asked and all(q.answer for q in asked)


def test_chinese_text_survives_the_round_trip(db: Any, account_id: int) -> None:
    with db.read() as s:
        account = s.get(Account, account_id)
        names = {c.name for c in _contacts(s, account_id)}
        visit = _visit(s, account_id, "ready")
        objections = _children(s, Objection, visit.id)
    assert account is not None
    assert account.name == demo.ACCOUNT_NAME
    assert names == {c["name"] for c in demo_document(TODAY)["account"]["contacts"]}
    assert visit.title == demo.UPCOMING_VISIT_TITLE
    assert objections[0].text == "你们的报价比杭州数衡高了将近 45%, 差价太大了。"


def test_stored_keys_are_playbook_keys(db: Any, account_id: int, playbook) -> None:
    with db.read() as s:
        account = s.get(Account, account_id)
        opps = list(s.scalars(select(Opportunity).where(Opportunity.account_id == account_id)))
        visits = list(
            s.scalars(select(Visit).where(Visit.opportunity_id.in_([o.id for o in opps])))
        )
        objections = list(
            s.scalars(select(Objection).where(Objection.visit_id.in_([v.id for v in visits])))
        )
    assert account is not None and visits and objections
    # Each stored key against the playbook group the column takes its keys from.
    checks = [
        (account, "buying_behaviour", "buying_behaviours"),
        (account, "customer_type", "customer_types"),
        (account, "pyramid_tier", "pyramid_tiers"),
        (account, "cvm_phase", "cvm_phases"),
        (account, "buying_cycle_stage", "buying_cycle"),
    ]
    for v in visits:
        checks += [(v, "next_action", "next_actions"), (v, "close_technique", "close_techniques")]
    for o in objections:
        checks += [
            (o, "type", "objection_types"),
            (o, "nature", "objection_natures"),
            (o, "timing", "objection_timings"),
            (o, "method", "objection_methods"),
        ]
    for row, column, group in checks:
        assert getattr(row, column) in playbook.keys(group), (column, getattr(row, column))


def test_demo_checklists_use_the_playbooks_items(db, playbook):
    from desktop.services.demo import load_demo
    from desktop.store.models import Visit

    load_demo(db)
    with db.read() as s:
        visits = list(s.scalars(select(Visit)))
    for visit in visits:
        assert visit.checklist
        for step, ticked in visit.checklist.items():
            known = {item.key for item in playbook.entry("visit_steps", step).checklist}
            assert set(ticked) <= known, (step, set(ticked) - known)


# --- the demo is data --------------------------------------------------------------------------


@pytest.mark.parametrize("today", [TODAY, dt.date(2030, 12, 31)])
def test_the_file_loads_to_exactly_the_demo_that_was_built_in_code(db: Any, today) -> None:
    """Same account, people, reporting lines, roles, visits, objections… as before the move,
    with every date at the same distance from the day it is loaded."""
    account_id = load_demo(db, today=today)
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert snapshot(db, account_id, today) == expected


@pytest.mark.parametrize("today", [dt.date(2024, 2, 28), dt.date(2031, 12, 31)])
def test_dates_follow_the_day_the_demo_is_loaded(db: Any, today: dt.date) -> None:
    account_id = load_demo(db, today=today)
    with db.read() as s:
        upcoming = _visit(s, account_id, "ready")
        past = _visit(s, account_id, "done")
        steps = _children(s, NextStep, past.id)
        opportunities = list(
            s.scalars(select(Opportunity).where(Opportunity.account_id == account_id))
        )
        contacts = _contacts(s, account_id)
    tomorrow = today + dt.timedelta(days=1)
    assert upcoming.starts_at == dt.datetime.combine(tomorrow, dt.time(10, 0))
    assert past.starts_at == dt.datetime.combine(today - dt.timedelta(days=14), dt.time(14, 0))
    assert past.report_completed_at is not None and past.report_completed_at.date() < today
    open_deals = [o for o in opportunities if o.stage != "F"]  # F: handed over, closed before
    assert all(o.expected_close is not None and o.expected_close > today for o in open_deals)
    assert all(
        o.expected_close and o.expected_close < today for o in opportunities if o.stage == "F"
    )
    assert all(c.last_contact is not None and c.last_contact < today for c in contacts)
    # Done steps fell due before the POC review plus a week; the open one is still ahead; of the
    # two promised to the CFO and IT, one is two days overdue and one is due today, on any day.
    assert [s.due_date > today for s in steps[:4]] == [False, False, False, True]
    assert [s.due_date for s in steps[4:]] == [today - dt.timedelta(days=2), today]


def test_segment_code_and_value_statements_are_the_domain_codes_not_stored_text(
    db: Any, account_id: int
) -> None:
    shipped = json.loads(demo_path().read_text(encoding="utf-8"))["account"]
    visits = [v for o in shipped["opportunities"] for v in o["visits"]]
    # Nothing the app computes is kept as text in the file, so it cannot go stale.
    assert "segment_code" not in shipped
    assert visits and all("value_statement" not in v for v in visits)
    with db.read() as s:
        account = s.get(Account, account_id)
        loaded = list(
            s.scalars(select(Visit).join(Opportunity).where(Opportunity.account_id == account_id))
        )
    assert account is not None
    assert account.segment_code == segment_code(
        shipped["seg_recognition"],
        shipped["seg_pain"],
        shipped["seg_status"],
        shipped["seg_profit_tier"],
    )
    assert account.segment_code == "E1B2"
    assert len(loaded) == len(visits) == 2
    for visit in loaded:
        assert visit.value_statement == compose([visit.vs_who, visit.vs_what, visit.vs_why])
        assert visit.vs_who and visit.value_statement.startswith(visit.vs_who)


def test_loading_again_adds_an_independent_copy(db: Any, account_id: int) -> None:
    second = load_demo(db, today=TODAY)
    assert second != account_id
    with db.read() as s:
        names = list(s.scalars(select(Account.name).order_by(Account.id)))
        first_uids = {c.uid for c in _contacts(s, account_id)}
        second_uids = {c.uid for c in _contacts(s, second)}
    assert names == [demo.ACCOUNT_NAME, demo.ACCOUNT_NAME]
    assert len(first_uids) == len(second_uids) == 10
    assert not first_uids & second_uids


def test_a_damaged_demo_file_is_refused_by_the_bundle_checks_and_nothing_is_written(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = json.loads(demo_path().read_text(encoding="utf-8"))
    doc["account"]["contacts"][1]["reports_to"] = "nobody"
    broken = tmp_path / "demo-account.json"
    broken.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(demo, "demo_path", lambda: broken)
    demo._shipped.cache_clear()
    try:
        with pytest.raises(BundleError, match='reports_to: refers to unknown contact uid "nobody"'):
            load_demo(db, today=TODAY)
    finally:
        demo._shipped.cache_clear()
    with db.read() as s:
        assert s.scalar(select(Account.id)) is None


def test_the_script_writes_the_shipped_file_back_from_a_loaded_demo(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """scripts/make_demo_bundle.py turns an account into the demo file: the demo loaded on the
    file's own day and exported is the shipped file again, and one loaded and exported on any
    other day loads to the same demo (so editing the demo in the app and regenerating the file
    loses nothing)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from make_demo_bundle import demo_bundle
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    shipped = json.loads(demo_path().read_text(encoding="utf-8"))
    again = demo_bundle(db, load_demo(db, today=TODAY), TODAY)
    assert again["exported_at"] == shipped["exported_at"]
    assert again["account"] == shipped["account"]

    day = dt.date(2027, 3, 9)
    other = demo_bundle(db, load_demo(db, today=day), day)
    assert other["exported_at"] == "2027-03-09T00:00:00Z"
    regenerated = tmp_path / "demo-account.json"
    regenerated.write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(demo, "demo_path", lambda: regenerated)
    demo._shipped.cache_clear()
    try:
        account_id = load_demo(db, today=TODAY)
    finally:
        demo._shipped.cache_clear()
    assert snapshot(db, account_id, TODAY) == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_the_frozen_build_ships_the_demo_file_where_the_loader_looks() -> None:
    """build.spec copies folders as data files; `make build` then runs `callbrief demo`."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    copied = re.findall(r'\(str\(root / "([^"]+)"\), "([^"]+)"\)', spec)  # (source, in bundle)
    wanted = demo_path().relative_to(ROOT)
    assert wanted.parts[0] == "resources"
    assert any(
        wanted.is_relative_to(source) and Path(inside) / wanted.relative_to(source) == wanted
        for source, inside in copied
    ), copied
