"""Opportunities: stage and probability, budget, roles in the decision circle, competitors."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.validation import ValidationError


@pytest.fixture
def account(services):
    return services.accounts.create(name="Acme Manufacturing")


def test_new_opportunity_starts_at_the_first_stage_with_the_playbook_probability(services, account):
    opp = services.opportunities.create(account.id, name="MES rollout")
    assert opp.stage == "A"
    assert services.opportunities.probability(opp) == 10
    opp = services.opportunities.update(opp.id, stage="D")
    assert services.opportunities.probability(opp) == 75


def test_rep_can_override_the_probability_within_0_to_100(services, account):
    opp = services.opportunities.create(account.id, name="MES", stage="C")
    opp = services.opportunities.update(opp.id, probability_override="60")
    assert services.opportunities.probability(opp) == 60
    with pytest.raises(ValidationError, match="between 0 and 100"):
        services.opportunities.update(opp.id, probability_override=120)


def test_budget_and_decision_process_are_stored(services, account):
    opp = services.opportunities.create(
        account.id,
        name="MES",
        budget_exists="yes",
        budget_amount="3,800,000",
        budget_source="2027 技改专项资金",
        is_tender="no",
        decision_process="committee",
        decision_steps=["IT 评估", "", "采购委员会", "总经理签批"],
        expected_close="2027-03-31",
    )
    stored = services.opportunities.get(opp.id)
    assert stored.budget_exists is True
    assert stored.budget_amount == 3_800_000
    assert stored.is_tender is False
    assert stored.decision_steps == ["IT 评估", "采购委员会", "总经理签批"]
    assert stored.expected_close == date(2027, 3, 31)


def test_unknown_stage_and_bad_date_are_refused(services, account):
    with pytest.raises(ValidationError) as caught:
        services.opportunities.create(account.id, name="X", stage="Z", expected_close="soon")
    assert set(caught.value.by_field()) == {"stage", "expected_close"}


def test_roles_are_set_changed_and_removed(services, account):
    opp = services.opportunities.create(account.id, name="MES")
    boss = services.contacts.create(account.id, name="王总")
    services.opportunities.set_role(
        opp.id, boss.id, roles=["decision_maker"], attitude="neutral", influence="high"
    )
    role = services.opportunities.set_role(opp.id, boss.id, roles=["decision_maker", "coach"])
    assert role.is_coach
    assert len(services.opportunities.get(opp.id).roles) == 1
    services.opportunities.remove_role(opp.id, boss.id)
    assert services.opportunities.get(opp.id).roles == []


def test_role_for_someone_at_another_account_is_refused(services, account):
    opp = services.opportunities.create(account.id, name="MES")
    other = services.accounts.create(name="Other")
    stranger = services.contacts.create(other.id, name="Stranger")
    with pytest.raises(ValidationError, match="does not belong"):
        services.opportunities.set_role(opp.id, stranger.id, roles=["user"])


def test_unknown_role_or_attitude_is_refused(services, account):
    opp = services.opportunities.create(account.id, name="MES")
    person = services.contacts.create(account.id, name="Li")
    with pytest.raises(ValidationError) as caught:
        services.opportunities.set_role(opp.id, person.id, roles=["boss"], attitude="angry")
    assert set(caught.value.by_field()) == {"roles", "attitude"}


def test_warnings_reflect_the_circle(services, account):
    opp = services.opportunities.create(account.id, name="MES")
    codes = {w.code for w in services.opportunities.warnings(opp.id)}
    assert {"no_decision_maker", "no_coach", "role_unfilled"} <= codes
    boss = services.contacts.create(account.id, name="王总")
    services.opportunities.set_role(
        opp.id, boss.id, roles=["decision_maker"], attitude="opponent", influence="high"
    )
    warnings = services.opportunities.warnings(opp.id, lang="zh")
    codes = {w.code for w in warnings}
    assert "no_decision_maker" not in codes
    assert {"decision_maker_not_met", "influential_opponent"} <= codes
    texts = [w.text(services.playbook, "zh") for w in warnings]
    assert any("王总" in t for t in texts)
    services.contacts.update(boss.id, last_contact=date.today() - timedelta(days=3))
    assert "decision_maker_not_met" not in {w.code for w in services.opportunities.warnings(opp.id)}


def test_competitors_keep_their_order(services, account):
    opp = services.opportunities.create(account.id, name="MES")
    for name in ("Siemens", "用友", "In-house IT"):
        services.opportunities.add_competitor(opp.id, name=name, has_insider="unknown")
    names = [c.name for c in services.opportunities.get(opp.id).competitors]
    assert names == ["Siemens", "用友", "In-house IT"]
    first = services.opportunities.get(opp.id).competitors[0]
    services.opportunities.update_competitor(first.id, has_insider="yes", insider_level="IT 总监")
    services.opportunities.delete_competitor(services.opportunities.get(opp.id).competitors[1].id)
    stored = services.opportunities.get(opp.id).competitors
    assert [(c.name, c.has_insider) for c in stored] == [("Siemens", True), ("In-house IT", None)]
    with pytest.raises(ValidationError):
        services.opportunities.add_competitor(opp.id, name="  ")


def test_a_missing_opportunity_or_visit_is_named_in_the_reps_language(services):
    for lookup, zh in ((services.opportunities.get, "商机"), (services.visits.get, "拜访")):
        with pytest.raises(ValidationError) as caught:
            lookup(999)
        assert zh in caught.value.text("zh")
        assert "opportunity" not in caught.value.text("zh")
        assert "visit" not in caught.value.text("zh")
