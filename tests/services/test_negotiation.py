"""Issue 16 items 3 and 4 at the service door: the negotiation card and coach development."""

from __future__ import annotations

import pytest

from desktop.domain.validation import ValidationError
from desktop.services.events import ChangeKind


@pytest.fixture
def deal(services):
    account = services.accounts.create(name="恒远精密")
    boss = services.contacts.create(account.id, name="王磊", title="总经理")
    clerk = services.contacts.create(account.id, name="刘芳", title="总经理助理")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    return account, boss, clerk, opp


def test_the_negotiation_card_keeps_phase_terms_line_and_concessions(services, deal):
    _, _, _, opp = deal
    assert not services.negotiation.card(opp.id).applies  # stage B: not negotiating yet
    services.opportunities.update(opp.id, stage="C")
    seen = []
    services.notifier.subscribe(seen.append)
    card = services.negotiation.update(
        opp.id,
        negotiation_phase="confrontation",
        payment_terms="签约首付 20%, 三天内付清余款",
        walk_away="总价不低于 150 万",
        competitor_moves="用友降价 15%",
        countermeasure="参观常州瑞拓, 算三年总账",
    )
    assert card.applies and card.phase == "confrontation"
    assert card.payment_terms == "签约首付 20%, 三天内付清余款"
    assert seen and seen[-1].kind is ChangeKind.OPPORTUNITY and opp.id in seen[-1].ids
    services.negotiation.add_concession(opp.id, "given", "多送 2 天现场培训")
    services.negotiation.add_concession(opp.id, "received", "客户同意做标杆案例")
    gone = services.negotiation.add_concession(opp.id, "given", "免费延保一年")
    services.negotiation.delete_concession(gone.id)
    card = services.negotiation.card(opp.id)
    assert [c.text for c in card.given()] == ["多送 2 天现场培训"]
    assert [c.text for c in card.received()] == ["客户同意做标杆案例"]


def test_the_card_refuses_an_unknown_phase_and_an_empty_concession(services, deal):
    opp = deal[3]
    with pytest.raises(ValidationError, match="Negotiation phase"):
        services.negotiation.update(opp.id, negotiation_phase="shouting")
    with pytest.raises(ValidationError, match="Concession"):
        services.negotiation.add_concession(opp.id, "given", "  ")
    with pytest.raises(ValidationError):
        services.negotiation.add_concession(opp.id, "stolen", "x")
    assert services.negotiation.card(opp.id).empty


def test_a_coach_climbs_the_ladder_with_prompts_for_each_rung(services, deal):
    _, boss, clerk, opp = deal
    coach = services.negotiation.set_coach(opp.id, clerk.id, coach_rung="identified")
    assert "coach" in services.opportunities.role(opp.id, clerk.id).roles
    assert "courtesy" in coach.reminder("en")
    coach = services.negotiation.set_coach(
        opp.id,
        clerk.id,
        coach_rung="trusted",
        coach_seniority="top",
        trust_methods=["courtesy", "praise"],
    )
    assert "举手之劳" in coach.reminder("zh")
    ask = "带同行业案例, 问评分表权重"
    coach = services.negotiation.set_coach(opp.id, clerk.id, coach_next=ask)
    assert coach.reminder("zh") == ask
    assert (coach.seniority, coach.trust_methods) == ("top", ("courtesy", "praise"))
    services.opportunities.set_role(opp.id, boss.id, roles=["decision_maker"])
    assert [c.name for c in services.negotiation.coaches(opp.id)] == ["刘芳"]
    with pytest.raises(ValidationError, match="Coach ladder"):
        services.negotiation.set_coach(opp.id, clerk.id, coach_rung="best_friend")
