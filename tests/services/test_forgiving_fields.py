"""The services store what a rep means: amounts, dates and phones as written on paper."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.validation import ValidationError


@pytest.fixture
def account(services):
    return services.accounts.create(name="苏州恒远精密制造有限公司")


def test_amounts_and_counts_as_written(services, account):
    services.accounts.update(
        account.id, annual_revenue="1.2亿", category_spend="３００万", headcount="1,200"
    )
    stored = services.accounts.get(account.id)
    assert (stored.annual_revenue, stored.category_spend, stored.headcount) == (
        120_000_000,
        3_000_000,
        1_200,
    )


def test_an_amount_in_the_records_currency_is_taken(services, account):
    assert services.accounts.get(account.id).currency == "CNY"
    services.accounts.update(account.id, annual_revenue="¥1.2亿")
    assert services.accounts.get(account.id).annual_revenue == 120_000_000


def test_an_amount_in_another_currency_is_refused_not_converted(services, account):
    services.accounts.update(account.id, annual_revenue=5)
    with pytest.raises(ValidationError) as caught:
        services.accounts.update(account.id, annual_revenue="$2 million")
    assert caught.value.by_field("en") == {
        "annual_revenue": "Annual revenue is written in USD, but the currency here is CNY: "
        "change the currency first, or leave USD out."
    }
    assert "年营业额写的是USD" in caught.value.by_field("zh")["annual_revenue"]
    stored = services.accounts.get(account.id)
    assert (stored.annual_revenue, stored.currency) == (5, "CNY")  # nothing half-saved


def test_an_amount_with_its_currency_changes_both_together(services, account):
    services.accounts.update(account.id, currency="USD", annual_revenue="$2 million")
    stored = services.accounts.get(account.id)
    assert (stored.annual_revenue, stored.currency) == (2_000_000, "USD")


def test_a_new_deal_takes_the_currency_its_budget_names(services, account):
    opp = services.opportunities.create(account.id, name="MES", budget_amount="€1.5M")
    stored = services.opportunities.get(opp.id)
    assert (stored.budget_amount, stored.budget_currency) == (1_500_000, "EUR")


def test_a_headcount_in_dollars_or_a_fraction_of_a_person_is_refused(services, account):
    for typed in ("$800", "800.5", "lots"):
        with pytest.raises(ValidationError) as caught:
            services.accounts.update(account.id, headcount=typed)
        assert set(caught.value.by_field()) == {"headcount"}


def test_dates_as_written_and_the_message_shows_how(services, account):
    opp = services.opportunities.create(account.id, name="MES")
    for typed in ("2027/3/15", "2027年3月15日", "15.3.2027", "15 Mar 2027"):
        services.opportunities.update(opp.id, expected_close=typed)
        assert services.opportunities.get(opp.id).expected_close == date(2027, 3, 15)
    with pytest.raises(ValidationError) as caught:
        services.opportunities.update(opp.id, expected_close="soon")
    assert "2027/3/15" in caught.value.by_field("en")["expected_close"]


def test_a_visit_time_as_written(services, account):
    opp = services.opportunities.create(account.id, name="MES")
    visit = services.visits.plan(opp.id, title="Kick-off", starts_at="2027年3月15日 14:30")
    assert services.visits.get(visit.id).starts_at == datetime(2027, 3, 15, 14, 30)


def test_phones_are_tidied_or_kept_as_typed(services, account):
    contact = services.contacts.create(
        account.id, name="王建国", phone_mobile="+86 139-1554-2088", phone_office="总机 6588-1001"
    )
    stored = services.contacts.get(contact.id)
    assert (stored.phone_mobile, stored.phone_office) == ("139 1554 2088", "总机 6588-1001")
    with pytest.raises(ValidationError) as caught:
        services.contacts.update(contact.id, phone_mobile="ask Ms Li")  # no digit at all
    assert set(caught.value.by_field()) == {"phone_mobile"}


def test_a_currency_written_as_a_sign_or_a_name_is_stored_as_its_code(services, account):
    for typed, code in (
        ("rmb", "CNY"),
        ("￥", "CNY"),
        ("美元", "USD"),
        ("euros", "EUR"),
        ("gbp", "GBP"),
    ):
        services.accounts.update(account.id, currency=typed)
        assert services.accounts.get(account.id).currency == code
    for typed in ("", "dollarz", "12"):
        with pytest.raises(ValidationError):
            services.accounts.update(account.id, currency=typed)


def test_a_win_probability_may_carry_its_percent_sign(services, account):
    opp = services.opportunities.create(account.id, name="MES")
    services.opportunities.update(opp.id, probability_override="６０％")
    assert services.opportunities.get(opp.id).probability_override == 60


def test_a_visit_length_as_written(services, account):
    opp = services.opportunities.create(account.id, name="MES")
    visit = services.visits.plan(opp.id, title="Kick-off", duration_min="1.5h")
    assert services.visits.get(visit.id).duration_min == 90
    services.visits.update(visit.id, duration_min="1小时30分")
    assert services.visits.get(visit.id).duration_min == 90
    with pytest.raises(ValidationError) as caught:
        services.visits.update(visit.id, duration_min="long")
    assert "1h30" in caught.value.by_field("en")["duration_min"]
