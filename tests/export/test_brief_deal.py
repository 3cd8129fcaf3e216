"""The brief's negotiation card and coach reminders (issue 16, items 3 and 4), read back from
the PDF with pdftotext: printed from stage C on, in the brief's language, and left out when
there is nothing to say."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.export.brief import render_brief
from desktop.export.brief.labels import label

from .test_brief import TODAY, contains, demo, has_heading, page_count, pdftext  # noqa: F401


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_demo_brief_prints_the_negotiation_and_each_coach(services, demo, tmp_path, lang):  # noqa: F811
    pb = services.playbook
    pdf = tmp_path / f"brief-{lang}.pdf"
    render_brief(services, demo.id, pdf, lang=lang, paper="A4")
    text = pdftext(pdf)
    assert page_count(pdf) <= 3
    assert has_heading(text, "negotiation", lang) and has_heading(text, "coaches", lang)
    card = services.negotiation.card(demo.opportunity_id)
    assert contains(text, pb.label("negotiation_phases", "confrontation", lang))
    for value in (card.payment_terms, card.walk_away, card.countermeasure):
        assert contains(text, value)
    assert contains(text, card.given()[0].text) and contains(text, card.received()[0].text)
    coaches = {c.name: c for c in services.negotiation.coaches(demo.opportunity_id)}
    assert contains(text, coaches["孙浩"].next_ask)  # the rep's own note for him
    # 黄志强 has no note yet: the deck's prompt for his rung stands in, and an untried method.
    assert contains(text, pb.group("coach_ladder")[0].prompts[0].get(lang))
    assert contains(text, pb.label("coach_ladder", "informs", lang))
    # 李娜 is still at "trusted" and has used courtesy and praise: the next method is suggested.
    assert contains(text, pb.label("trust_methods", "image", lang))


def test_no_card_before_stage_c_and_no_coach_section_without_coaches(services, tmp_path):
    account = services.accounts.create(name="Acme")
    opp = services.opportunities.create(account.id, name="Deal", stage="B")
    services.negotiation.update(opp.id, walk_away="not below 1M")  # noted early, printed at C
    visit = services.visits.plan(opp.id, title="First call", starts_at=dt.datetime(2027, 1, 5, 9))
    pdf = tmp_path / "brief.pdf"
    render_brief(services, visit.id, pdf, lang="en", paper="A4")
    text = pdftext(pdf)
    assert not has_heading(text, "negotiation", "en") and "not below 1M" not in text
    assert not has_heading(text, "coaches", "en")
    services.opportunities.update(opp.id, stage="C")
    render_brief(services, visit.id, pdf, lang="en", paper="A4")
    text = pdftext(pdf)
    assert has_heading(text, "negotiation", "en") and contains(text, "not below 1M")
    assert label("coaches", "en") not in text


def test_the_next_brief_of_a_deal_says_what_the_last_visit_left_open(services, tmp_path):
    """Issue 16 item 9: commitment, open next steps, unresolved objections, needs found and
    decision points still "maybe" are printed on the next visit's brief of the same deal."""
    from desktop.services.visits import CallReport

    account = services.accounts.create(name="Acme")
    opp = services.opportunities.create(account.id, name="Deal", stage="B")
    first = services.visits.plan(opp.id, title="Discovery", starts_at=dt.datetime(2027, 1, 5, 9))
    second = services.visits.plan(opp.id, title="Workshop", starts_at=dt.datetime(2027, 1, 19, 9))
    pdf = tmp_path / "first.pdf"
    render_brief(services, first.id, pdf, lang="en", paper="A4")
    assert not has_heading(pdftext(pdf), "since_last", "en")  # the deal's first visit

    price = services.visits.add_item(first.id, "objection", type="price", text="Too expensive")
    timing = services.visits.add_item(first.id, "objection", type="timing", text="Not this year")
    report = CallReport(
        outcome="Good talk",
        commitment="minimum",
        commitment_notes="CFO joins the workshop",
        resolved_objections={price.id: True, timing.id: False},
        next_steps=[{"description": "Send the ROI sheet", "owner": "Anna"}],
        new_needs=[{"description": "Cut stock by 20%", "clarity": "explicit"}],
    )
    services.visits.complete_report(first.id, report)
    services.deals.set_decision_point(opp.id, "develop", "maybe", "wants numbers")
    pdf = tmp_path / "second.pdf"
    render_brief(services, second.id, pdf, lang="en", paper="A4")
    text = pdftext(pdf)
    assert has_heading(text, "since_last", "en") and contains(text, "Discovery · 2027-01-05")
    for needle in (
        "Minimum acceptable commitment achieved — CFO joins the workshop",
        "Send the ROI sheet · Anna",
        "Not this year",
        "Cut stock by 20% (Explicit need)",
        "Will the solution deliver the value? (wants numbers)",
    ):
        assert contains(text, needle), needle
    assert "Too expensive" not in text.split(label("since_last", "en"))[1].split("Attendees")[0]
    zh = tmp_path / "second-zh.pdf"
    render_brief(services, second.id, zh, lang="zh", paper="A4")
    assert has_heading(pdftext(zh), "since_last", "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_brief_of_a_handed_over_deal_prints_its_referrals(services, tmp_path, lang):
    """Issue 16 item 10: the open ask to make, the referral received with the account it brought,
    and nothing at all before the handover."""
    account = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="D")
    visit = services.visits.plan(opp.id, title="回访", starts_at=dt.datetime(2027, 1, 5, 9))
    pdf = tmp_path / "brief.pdf"
    render_brief(services, visit.id, pdf, lang=lang, paper="A4")
    assert not has_heading(pdftext(pdf), "referrals", lang)

    services.opportunities.update(opp.id, stage="E")
    render_brief(services, visit.id, pdf, lang=lang, paper="A4")
    text = pdftext(pdf)
    assert has_heading(text, "referrals", lang)
    assert contains(text, label("referral_free", lang, n=2))

    services.referrals.ask(opp.id, "华丰电子", "王经理的老同学")
    got = services.referrals.ask(opp.id, "Delta")
    services.referrals.link(got.id, services.accounts.create(name="Delta Tools GmbH").id)
    render_brief(services, visit.id, pdf, lang=lang, paper="A4")
    text = pdftext(pdf)
    assert contains(text, f"{label('referral_ask', lang)} 华丰电子 (王经理的老同学)")
    assert contains(text, f"{label('referral_got', lang)} Delta → Delta Tools GmbH")
    assert not any(contains(text, label("referral_free", lang, n=n)) for n in (1, 2))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_brief_lists_influencers_outside_the_account(services, tmp_path, lang):
    """Issue 16 item 6: the outside influencers under the decision map, each with where they
    sit, title and note; nothing when there is none."""
    account = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    visit = services.visits.plan(opp.id, title="技术交流", starts_at=dt.datetime(2027, 1, 5, 9))
    pdf = tmp_path / "brief.pdf"
    render_brief(services, visit.id, pdf, lang=lang, paper="A4")
    assert label("outside", lang) not in pdftext(pdf)
    services.outside_influencers.add(
        opp.id, "other", "赵工", "苏州设计院", "总工程师", "写技术规范"
    )
    services.outside_influencers.add(opp.id, "ours", "Lena Wu", title="Solution expert")
    render_brief(services, visit.id, pdf, lang=lang, paper="A4")
    text = pdftext(pdf)
    assert contains(text, f"{label('outside', lang)}: 赵工 · 苏州设计院 · 总工程师 · 写技术规范;")
    assert contains(text, f"Lena Wu · {label('our_side', lang)} · Solution expert")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_brief_flags_why_the_deal_is_stalled(services, tmp_path, lang):
    """The red flags name each stall reason by the rule the pipeline and the list share: a
    decision point "maybe", no visit held in the preference's N days, an overdue next step."""
    from desktop.domain.stalls import stall_reasons

    today = dt.date.today()
    account = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    now = dt.datetime.now()
    held = services.visits.plan(opp.id, title="初访", starts_at=now - dt.timedelta(20))
    services.visits.add_item(
        held.id, "next_step", description="发送案例", due_date=today - dt.timedelta(3)
    )
    visit = services.visits.plan(opp.id, title="回访", starts_at=now + dt.timedelta(2))
    pdf = tmp_path / "brief.pdf"
    render_brief(services, visit.id, pdf, lang=lang, paper="A4")
    text = pdftext(pdf)
    [overdue] = stall_reasons([], False, 1, 30)
    assert contains(text, label("stalled", lang, reason=overdue.text(lang)))
    assert label("stalled", lang, reason="").strip() in text  # nothing else yet
    assert text.count(label("stalled", lang, reason="").strip()) == 1

    services.deals.set_decision_point(opp.id, "develop", "maybe")
    services.settings.set(stall_days="14")  # the visit 20 days ago is now too long ago
    render_brief(services, visit.id, pdf, lang=lang, paper="A4")
    text = pdftext(pdf)
    reasons = "; ".join(r.text(lang) for r in stall_reasons(["develop"], True, 1, 14))
    assert contains(text, label("stalled", lang, reason=reasons))
