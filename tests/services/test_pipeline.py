"""The pipeline's figures, checked against what was put in the data file: the funnel by stage
(count, amount, weighted value), the forecast by month, the stalled deals with their reasons
and suggestions, and the territory by tier, segment code and buying-cycle position."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.exchange.pipeline_review import PipelineFilter, charts

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 12, 0)


@pytest.fixture
def book(services):
    """Three accounts, five deals: one won (stage F), one with a "maybe", one with an overdue
    next step, one visited 10 days ago (not stalled), one never visited."""
    sv = services
    key = sv.accounts.create(name="恒远精密", pyramid_tier="key")
    small = sv.accounts.create(name="Small Co", pyramid_tier="small")
    sv.accounts.create(name="No deals", pyramid_tier="small")
    opp = sv.opportunities.create
    maybe = opp(
        key.id,
        name="MES",
        stage="C",
        deal_amount=1_000_000,
        expected_close=date(2027, 1, 15),
        buying_cycle_stage="evaluation",
    )
    overdue = opp(
        key.id,
        name="SRM",
        stage="B",
        deal_amount=400_000,
        expected_close=date(2027, 1, 20),
        buying_cycle_stage="evaluation",
    )
    fresh = opp(
        small.id,
        name="Portal",
        stage="C",
        deal_amount=200_000,
        probability_override=80,
        expected_close=date(2027, 3, 1),
    )
    never = opp(small.id, name="Pilot", stage="A")
    opp(small.id, name="Won", stage="F", deal_amount=9_000_000)
    sv.deals.set_decision_point(maybe.id, "develop", "maybe", "ROI?")
    for deal, day in ((maybe, 2), (overdue, 3), (fresh, 27)):
        sv.visits.plan(deal.id, starts_at=datetime(2026, 11, day, 9, 0))
    visit = sv.visits.for_opportunity(overdue.id)[0]
    sv.visits.add_item(visit.id, "next_step", description="Send ROI", due_date=date(2026, 12, 1))
    return {"maybe": maybe.id, "overdue": overdue.id, "fresh": fresh.id, "never": never.id}


def test_the_funnel_and_forecast_are_the_sums_of_the_open_deals(services, book):
    review = services.pipeline.review(today=TODAY, now=NOW)
    stages = {s.stage: (s.count, s.amount, s.weighted) for s in review.stages}
    # C: 1,000,000 × 50 % + 200,000 × the rep's 80 %; B: 400,000 × 25 %; F (won) is not open.
    assert stages == {
        "A": (1, 0, 0),
        "B": (1, 400_000, 100_000),
        "C": (2, 1_200_000, 660_000),
        "D": (0, 0, 0),
        "E": (0, 0, 0),
    }
    assert review.open_count == 4 and review.open_weighted == 760_000
    months = [(m.month, m.count, m.weighted) for m in review.months]
    assert months == [("2027-01", 2, 600_000), ("2027-03", 1, 160_000), ("", 1, 0)]
    assert review.cycle == [("evaluation", 1), (None, 1)]  # accounts, not deals
    assert dict(review.tiers) == {"key": 1, "small": 2}


def test_stalled_deals_say_why_and_what_to_do_next(services, book):
    review = services.pipeline.review(today=TODAY, now=NOW)
    by_id = {d.opportunity_id: d for d in review.stalled}
    assert set(by_id) == {book["maybe"], book["overdue"], book["never"]}
    assert review.stalled_total == 3
    maybe = by_id[book["maybe"]]
    # Visited on 2 Nov: more than 30 days ago, and a "maybe" at "develop".
    assert maybe.reasons("en", 30) == ["Decision point “maybe”", "No visit in 30 days"]
    assert maybe.suggestion(services.playbook, "zh") == "付费短期调研"
    overdue = by_id[book["overdue"]]
    assert "1 overdue next steps" in overdue.reasons("en", 30)
    assert overdue.suggestion(services.playbook, "en") == "Follow up the overdue next steps"
    assert by_id[book["never"]].reasons("zh", 30) == ["30 天未拜访"]
    assert review.stalled[0].opportunity_id == book["maybe"]  # largest weighted value first


def test_the_stall_days_setting_and_the_filters(services, book):
    services.settings.set(stall_days="60")
    review = services.pipeline.review(PipelineFilter(stalled_only=True), today=TODAY, now=NOW)
    assert {d.opportunity_id for d in review.stalled} == {
        book["maybe"],
        book["overdue"],
        book["never"],
    }  # the "maybe", the overdue step, the never visited: a visit 35 days ago is now recent
    assert not review.stalled[0].no_visit
    assert review.open_count == 3  # the fresh deal is not stalled
    only_c = services.pipeline.review(PipelineFilter(stage="C"), today=TODAY, now=NOW)
    assert [(s.stage, s.count) for s in only_c.stages if s.count] == [("C", 2)]
    small = services.pipeline.review(PipelineFilter(tier="small"), today=TODAY, now=NOW)
    assert small.open_count == 2 and dict(small.tiers) == {"small": 2}


def test_a_bad_stall_days_value_falls_back_to_30(services, book, db):
    from desktop.store.models import Setting

    with db.write() as s:
        s.merge(Setting(key="stall_days", value="soon"))
    assert services.pipeline.stall_days() == 30


def test_the_charts_carry_the_same_figures_in_both_languages(services, book):
    review = services.pipeline.review(today=TODAY, now=NOW)
    funnel, forecast, cycle, tiers, _segments = charts(review, services.playbook, "zh", 300)
    assert funnel.title.startswith("各阶段在谈商机")
    assert "C · 方案论证" in funnel.texts() and "2 · 660,000 CNY" in funnel.texts()
    assert "2027-01" in forecast.texts() and "未定日期" in forecast.texts()
    assert "评价" in cycle.texts() and "1 · 50 %" in cycle.texts()
    english = charts(review, services.playbook, "en", 300)[3]
    assert "Key account" in english.texts() and "2 · 67 %" in english.texts()


def test_the_stall_days_setting_refuses_what_is_not_a_day_count(services):
    for bad in ("0", "-3", "soon", "9999"):
        with pytest.raises(ValueError, match="stall_days"):
            services.settings.set(stall_days=bad)
    assert services.pipeline.stall_days() == 30
