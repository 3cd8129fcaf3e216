"""The pipeline's stalled deals follow every write the rep makes (issue 16, performance).

The pipeline reads each deal's stall facts from the deal row (revision 0011: the first "maybe",
the latest visit, the earliest open next step), which SQLite triggers keep current. These tests
check the pipeline's answer against the deal card's, which reads the visits, next steps and
decision points themselves: after a random run of plans, moves, cancellations, deletions,
ticks and answers they agree on every deal; a visit planned ahead is not a visit held; and a
deal loaded by a plain SQL statement (a bulk load, a hand repair) is judged the same way.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date, datetime, timedelta

from desktop.exchange.pipeline_review import PipelineFilter

TODAY = date(2026, 12, 7)
NOW = datetime.combine(TODAY, datetime.max.time())


def stalled_by_pipeline(services) -> set[int]:
    review = services.pipeline.review(PipelineFilter(stalled_only=True), today=TODAY, now=NOW)
    assert review.stalled_total == len(review.stalled)  # few deals: the list holds them all
    return {d.opportunity_id for d in review.stalled}


def stalled_by_deal_card(services, deal_ids) -> set[int]:
    return {d for d in deal_ids if services.deals.stall_reasons(d, now=NOW)}


def test_a_visit_planned_ahead_is_not_a_visit_held(services):
    account = services.accounts.create(name="恒远精密")
    deal = services.opportunities.create(account.id, name="MES", stage="B")
    ahead = services.visits.plan(deal.id, starts_at=datetime(2026, 12, 14, 9, 0))
    assert stalled_by_pipeline(services) == {deal.id}  # nothing held in 30 days
    held = services.visits.plan(deal.id, starts_at=datetime(2026, 12, 1, 9, 0))
    assert stalled_by_pipeline(services) == set()
    services.visits.delete(ahead.id)
    assert stalled_by_pipeline(services) == set()
    services.visits.update(held.id, starts_at=datetime(2026, 10, 30, 9, 0))  # a date mistyped
    assert stalled_by_pipeline(services) == {deal.id}
    services.visits.update(held.id, starts_at=datetime(2026, 12, 7, 8, 0))  # put right: today
    assert stalled_by_pipeline(services) == set()


def test_a_maybe_stalls_until_the_customer_answers(services):
    account = services.accounts.create(name="Small Co")
    deal = services.opportunities.create(account.id, name="Portal", stage="C")
    services.visits.plan(deal.id, starts_at=datetime(2026, 12, 3, 9, 0))
    services.deals.set_decision_point(deal.id, "develop", "maybe", "ROI?")
    assert stalled_by_pipeline(services) == {deal.id}
    services.deals.set_decision_point(deal.id, "develop", "yes")
    assert stalled_by_pipeline(services) == set()
    services.deals.set_decision_point(deal.id, "develop", "maybe")
    services.deals.set_decision_point(deal.id, "develop", None)  # cleared
    assert stalled_by_pipeline(services) == set()


def test_an_overdue_step_stalls_until_ticked_off_moved_or_deleted_with_its_visit(services):
    account = services.accounts.create(name="Small Co")
    deal = services.opportunities.create(account.id, name="Portal", stage="C")
    visit = services.visits.plan(deal.id, starts_at=datetime(2026, 12, 3, 9, 0))
    step = services.visits.add_item(visit.id, "next_step", description="ROI", due_date=TODAY)
    assert stalled_by_pipeline(services) == set()  # due today: not overdue yet
    services.visits.update_item("next_step", step.id, due_date=date(2026, 12, 1))
    assert stalled_by_pipeline(services) == {deal.id}
    services.next_steps.set_done(step.id, today=TODAY)
    assert stalled_by_pipeline(services) == set()
    services.next_steps.set_done(step.id, done=False)
    assert stalled_by_pipeline(services) == {deal.id}
    late = services.visits.add_item(visit.id, "next_step", description="Demo", due_date=TODAY)
    services.visits.update_item("next_step", late.id, due_date=date(2026, 11, 28))
    services.visits.delete_item("next_step", step.id)
    assert stalled_by_pipeline(services) == {deal.id}  # the other step is overdue too
    services.visits.delete_item("next_step", late.id)
    assert stalled_by_pipeline(services) == set()
    services.visits.add_item(visit.id, "next_step", description="Call", due_date=date(2026, 12, 2))
    assert stalled_by_pipeline(services) == {deal.id}
    # The step goes with its visit (SQLite's cascade): a visit held this week remains.
    services.visits.plan(deal.id, starts_at=datetime(2026, 12, 4, 9, 0))
    services.visits.delete(visit.id)
    assert stalled_by_pipeline(services) == set()


def test_the_pipeline_and_the_deal_card_agree_after_random_edits(services):
    rng = random.Random(16)
    account = services.accounts.create(name="恒远精密")
    deals = [
        services.opportunities.create(account.id, name=f"Deal {n}", stage="ABCDE"[n % 5]).id
        for n in range(6)
    ]
    phases = services.playbook.keys("cvm_phases")
    visits: list[int] = []
    steps: dict[int, int] = {}  # next step id: its visit id
    for _ in range(150):
        action = rng.randrange(7)
        if action == 0 or not visits:
            when = NOW - timedelta(days=rng.randrange(-10, 40), hours=rng.randrange(24))
            visits.append(services.visits.plan(rng.choice(deals), starts_at=when).id)
        elif action == 1:
            when = NOW - timedelta(days=rng.randrange(-10, 40))
            status = rng.choice(["draft", "ready", "done"])
            services.visits.update(rng.choice(visits), starts_at=when, status=status)
        elif action == 2 and len(visits) > 1:
            gone = visits.pop(rng.randrange(len(visits)))
            services.visits.delete(gone)  # its next steps go with it
            steps = {step: visit for step, visit in steps.items() if visit != gone}
        elif action == 3:
            due = TODAY + timedelta(days=rng.randrange(-10, 10))
            visit = rng.choice(visits)
            item = services.visits.add_item(
                visit, "next_step", description="Follow up", due_date=due
            )
            steps[item.id] = visit
        elif action == 4 and steps:
            services.next_steps.set_done(rng.choice(list(steps)), done=rng.random() < 0.6)
        elif action == 5:
            answer = rng.choice(["yes", "maybe", "no", None])
            services.deals.set_decision_point(rng.choice(deals), rng.choice(phases), answer)
        elif action == 6 and steps:
            due = TODAY + timedelta(days=rng.randrange(-10, 10))
            services.visits.update_item("next_step", rng.choice(list(steps)), due_date=due)
        assert stalled_by_pipeline(services) == stalled_by_deal_card(services, deals)


def test_a_deal_loaded_by_plain_sql_is_judged_the_same(services, db_path):
    account = services.accounts.create(name="Bulk Co")
    fresh = services.opportunities.create(account.id, name="Fresh", stage="B")
    doubtful = services.opportunities.create(account.id, name="Doubtful", stage="B")
    called_off = services.opportunities.create(account.id, name="Called off", stage="B")
    con = sqlite3.connect(db_path)
    with con:
        for deal, status in ((fresh, "done"), (doubtful, "done"), (called_off, "cancelled")):
            con.execute(
                "INSERT INTO visits (uid, opportunity_id, title, starts_at, timezone, duration_min,"
                " place, status, research_notes, objective, best_commitment, min_commitment,"
                " info_needed, logistics, vs_who, vs_what, vs_why, value_statement, reference,"
                " consult_notes, next_action_detail, close_plan, checklist, quick_notes,"
                " report_outcome, report_commitment_notes, created_at, updated_at)"
                " VALUES (lower(hex(randomblob(16))), ?, '', '2026-12-02 09:00:00.000000', '',"
                " 60, '', ?, '', '', '', '', '', '', '', '', '', '', '', '', '', '', '{}',"
                " '', '', '', '2026-12-02', '2026-12-02')",
                (deal.id, status),
            )
        con.execute(
            "INSERT INTO decision_points (uid, opportunity_id, phase, answer, note)"
            " VALUES (lower(hex(randomblob(16))), ?, 'develop', 'maybe', '')",
            (doubtful.id,),
        )
    con.close()
    every = [fresh.id, doubtful.id, called_off.id]
    assert stalled_by_pipeline(services) == {doubtful.id, called_off.id}
    assert stalled_by_deal_card(services, every) == {doubtful.id, called_off.id}


def test_visits_planned_ahead_leave_the_deal_judged_by_the_visit_held_before_them(
    services, db_path
):
    """Revision 0012 keeps the visit before the latest on the deal: one visit ahead is judged
    from it, two ahead from the visits themselves, and a cancelled one never counts (visits
    are cancelled by other programs' calendars, so by plain SQL here)."""
    account = services.accounts.create(name="恒远精密")
    deal = services.opportunities.create(account.id, name="MES", stage="B").id
    held = services.visits.plan(deal, starts_at=datetime(2026, 12, 1, 9, 0))
    services.visits.plan(deal, starts_at=datetime(2026, 12, 14, 9, 0))
    assert stalled_by_pipeline(services) == set()  # held a week ago, one visit ahead
    second = services.visits.plan(deal, starts_at=datetime(2026, 12, 21, 9, 0))
    assert stalled_by_pipeline(services) == set()  # two ahead: the visits are looked up
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE visits SET status = 'cancelled' WHERE id = ?", (held.id,))
    con.close()
    assert stalled_by_pipeline(services) == {deal}  # nothing held: only plans ahead
    older = services.visits.plan(deal, starts_at=datetime(2026, 11, 30, 9, 0))
    assert stalled_by_pipeline(services) == set()
    services.visits.delete(second.id)
    services.visits.update(older.id, starts_at=datetime(2026, 10, 1, 9, 0))  # long ago
    assert stalled_by_pipeline(services) == {deal}
    assert stalled_by_deal_card(services, [deal]) == {deal}


def test_the_stalled_list_shows_the_largest_deals_across_stages(services, monkeypatch):
    """The list is read stage by stage, largest first; merged it must be the largest stalled
    deals by weighted value overall, a probability set by hand included, equal values by the
    larger amount, then the newer deal."""
    from desktop.domain.deal_value import deal_weighted_value
    from desktop.services import pipeline

    rng = random.Random(12)
    account = services.accounts.create(name="Big Co")
    every: list[tuple[int, int, int]] = []
    for n in range(80):
        # 18 equal deals lead, more than the first list shows: the newest are shown.
        lead = n < 24
        stage = "C" if lead else rng.choice("ABCDE")
        amount = 50_000_000 if lead else rng.choice([None, 0, 1, 999, rng.randrange(10**7)])
        override = None if lead else rng.choice([None, None, None, 5, 95])
        deal = services.opportunities.create(
            account.id,
            name=f"Deal {n}",
            stage=stage,
            deal_amount=amount,
            probability_override=override,
        ).id
        if n % 4 == 0:  # held this week: not stalled, never listed
            services.visits.plan(deal, starts_at=NOW - timedelta(days=2))
            continue
        weighted = deal_weighted_value(services.playbook, amount, stage, override) or 0
        every.append((weighted, amount if amount is not None else -1, deal))
    for shown in (12, 40):
        monkeypatch.setattr(pipeline, "STALLED_SHOWN", shown)
        review = services.pipeline.review(today=TODAY, now=NOW)
        expected = [deal for *_key, deal in sorted(every, reverse=True)[:shown]]
        assert [d.opportunity_id for d in review.stalled] == expected
        assert review.stalled_total == len(every)
    weights = {deal: w for w, _a, deal in every}
    assert all((d.weighted or 0) == weights[d.opportunity_id] for d in review.stalled)


def test_the_charts_unit_is_the_currency_most_open_deals_are_in(services):
    account = services.accounts.create(name="Mixed Co")
    for n, currency in enumerate(["USD", "EUR", "USD", "CNY", "USD"]):
        services.opportunities.create(
            account.id,
            name=f"D{n}",
            stage="C",
            deal_amount=1000,
            deal_currency=currency,
            expected_close=date(2027, 1, 15),
        )
    assert services.pipeline.review(today=TODAY, now=NOW).currency == "USD"
