"""Forgiving input on the real forms: type as on paper, leave the field, see it stored and shown
back in the interface language's form (English and Chinese)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_account_tabs import click_tab, switch_language
from ui_actions import OFFSCREEN_POPUPS, replace_text

from desktop.ui.account.page import TAB_CIRCLE, TAB_OPPORTUNITIES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def leave(widget) -> None:  # type: ignore[no-untyped-def]
    """Tab out of the field, as a rep moves on."""
    QTest.keyClick(widget, Qt.Key_Tab)


@pytest.fixture
def account_id(services):
    return services.accounts.create(name="苏州恒远精密制造有限公司").id


def test_profile_amounts_as_written_are_stored_and_shown_back(window, services, account_id):
    page = window.open_account(account_id)
    fields = page.profile.fields
    for name, typed in (
        ("annual_revenue", "1.2亿"),
        ("headcount", "１，２００"),
        ("category_spend", "¥300万"),
    ):
        replace_text(fields[name], typed)
        leave(fields[name])
    stored = services.accounts.get(account_id)
    assert (stored.annual_revenue, stored.headcount, stored.category_spend) == (
        120_000_000,
        1_200,
        3_000_000,
    )
    assert fields["annual_revenue"].text() == "120,000,000"
    assert fields["headcount"].text() == "1200"
    assert fields["category_spend"].text() == "3,000,000"


def test_a_refused_amount_says_how_to_write_one_and_stores_nothing(window, services, account_id):
    page = window.open_account(account_id)
    revenue = page.profile.fields["annual_revenue"]
    replace_text(revenue, "about a lot")
    leave(revenue)
    assert services.accounts.get(account_id).annual_revenue is None
    assert revenue.text() == "about a lot"  # nothing the rep typed is lost
    message = revenue.toolTip()
    assert "must be an amount" in message and "300万" in message


def test_an_amount_in_another_currency_is_refused_at_the_field(window, services, account_id):
    page = window.open_account(account_id)
    revenue = page.profile.fields["annual_revenue"]
    replace_text(revenue, "$2 million")
    leave(revenue)
    stored = services.accounts.get(account_id)
    assert (stored.annual_revenue, stored.currency) == (None, "CNY")
    assert "written in USD, but the currency here is CNY" in revenue.toolTip()
    assert revenue.text() == "$2 million"


def test_deal_dates_and_budget_in_english(window, services, account_id):
    opp_id = services.opportunities.create(account_id, name="MES rollout").id
    form = window.open_account(account_id).opportunities.form(opp_id)
    close, budget = form.fields["expected_close"], form.fields["budget_amount"]
    replace_text(close, "15.3.2027")
    leave(close)
    replace_text(budget, "1.5M")
    leave(budget)
    stored = services.opportunities.get(opp_id)
    assert (stored.expected_close, stored.budget_amount) == (date(2027, 3, 15), 1_500_000)
    assert close.text() == "15/03/2027"  # the English (British) short form
    assert budget.text() == "1,500,000"


def test_deal_dates_and_budget_in_chinese(qtbot, window, services, account_id):
    opp_id = services.opportunities.create(account_id, name="MES 项目").id
    page = window.open_account(account_id)
    switch_language(qtbot, window, "zh")
    click_tab(page, TAB_OPPORTUNITIES)
    page.opportunities.choose(opp_id)
    form = page.opportunities.form(opp_id)
    window.activateWindow()  # back from the Preferences dialog
    qtbot.waitUntil(window.isActiveWindow)
    close, budget = form.fields["expected_close"], form.fields["budget_amount"]
    replace_text(close, "２０２７年３月１５日")
    leave(close)
    replace_text(budget, "1.2亿元")
    leave(budget)
    stored = services.opportunities.get(opp_id)
    assert (stored.expected_close, stored.budget_amount) == (date(2027, 3, 15), 120_000_000)
    assert close.text() == "2027/3/15"  # the Chinese short form
    assert budget.text() == "120,000,000"
    # A refused date is explained in Chinese, with examples a rep can follow.
    replace_text(close, "下个月")
    leave(close)
    assert "必须是日期" in close.toolTip() and "2027年3月15日" in close.toolTip()
    assert services.opportunities.get(opp_id).expected_close == date(2027, 3, 15)


def test_a_phone_however_written_is_tidied_and_a_note_kept(window, services, account_id):
    contact_id = services.contacts.create(account_id, name="王建国").id
    page = window.open_account(account_id)
    click_tab(page, TAB_CIRCLE)
    page.circle.select_contact(contact_id)
    form = page.circle.current_form()
    mobile = form.details.add_row("phone").value
    replace_text(mobile, "+86 (139) 1554-2088")
    leave(mobile)
    office_row = form.details.add_row("phone")
    office_row.type_combo.setCurrentIndex(office_row.type_combo.findData("work"))
    office = office_row.value
    replace_text(office, "总机 6588-1001")
    leave(office)
    stored = services.contacts.get(contact_id)
    assert (stored.phone_mobile, stored.phone_office) == ("139 1554 2088", "总机 6588-1001")
    assert mobile.text() == "139 1554 2088"
    assert office.text() == "总机 6588-1001"


def test_switching_language_shows_an_open_forms_dates_in_the_new_form(
    qtbot, window, services, account_id
):
    opp_id = services.opportunities.create(account_id, name="MES", expected_close="2027-03-15").id
    page = window.open_account(account_id)
    click_tab(page, TAB_OPPORTUNITIES)
    page.opportunities.choose(opp_id)
    close = page.opportunities.form(opp_id).fields["expected_close"]
    assert close.text() == "15/03/2027"
    switch_language(qtbot, window, "zh")
    assert close.text() == "2027/3/15"
    assert close.placeholderText() == "例如 2027/3/15"


def test_a_currency_typed_as_a_sign_or_name_shows_its_code(window, services, account_id):
    page = window.open_account(account_id)
    currency = page.profile.fields["currency"]
    replace_text(currency, "US dollars")  # longer than a code: not cut at three letters
    leave(currency)
    assert services.accounts.get(account_id).currency == "USD"
    assert currency.text() == "USD"
    replace_text(currency, "人民币")
    leave(currency)
    assert services.accounts.get(account_id).currency == "CNY"
    assert currency.text() == "CNY"
