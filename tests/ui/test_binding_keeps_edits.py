"""Issue 12: every valid edit is kept while another field of the same form is refused, and
the screen says truthfully what is and is not saved."""

from __future__ import annotations

from datetime import date

import pytest
from ui_actions import OFFSCREEN_POPUPS, enter, replace_text

from desktop.ui.formats import show_date

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)

# The service's message for a headcount that is not a number, as the rep reads it in Chinese.
HEADCOUNT_REFUSED_ZH = "员工人数必须是整数,如 800、1,200 或 1.2万。"


def test_valid_profile_edits_survive_a_refused_revenue(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    page = window.open_account(account.id)
    fields = page.profile.fields
    enter(fields["annual_revenue"], "xyz")
    enter(fields["headcount"], "800")
    replace_text(fields["main_business"], "Industrial pumps")
    fields["category_spend"].setFocus()  # leaving the text box saves it
    enter(fields["category_spend"], "5000000")
    enter(fields["annual_revenue"], "120000000")
    window.flush_all()
    stored = services.accounts.get(account.id)
    assert stored.headcount == 800
    assert stored.main_business == "Industrial pumps"
    assert stored.category_spend == 5_000_000
    assert stored.annual_revenue == 120_000_000
    assert fields["headcount"].text() == "800"


def test_a_corrected_field_loses_its_mark_and_the_status_names_what_is_still_refused(
    qtbot, window, services
):
    account = services.accounts.create(name="Acme", headcount=10)
    page = window.open_account(account.id)
    fields = page.profile.fields
    errors = page.profile.facts.errors
    enter(fields["annual_revenue"], "xyz")
    enter(fields["headcount"], "lots")
    assert errors["annual_revenue"].isVisible() and errors["headcount"].isVisible()

    enter(fields["annual_revenue"], "120000000")
    assert services.accounts.get(account.id).annual_revenue == 120_000_000
    assert not errors["annual_revenue"].isVisible()
    assert fields["annual_revenue"].styleSheet() == ""
    assert errors["headcount"].isVisible()
    status = window.save_label.text()
    assert status.startswith("Not saved:")
    assert "Profile and research: Headcount" in status
    assert "All changes saved" not in status

    enter(fields["headcount"], "800")
    assert not errors["headcount"].isVisible()
    assert window.save_label.text() == "All changes saved"


def test_the_status_names_the_refused_field_in_chinese(qtbot, window, services):
    from test_account_tabs import switch_language

    account = services.accounts.create(name="Acme")
    page = window.open_account(account.id)
    switch_language(qtbot, window, "zh")
    enter(page.profile.fields["headcount"], "lots")
    enter(page.profile.fields["city"], "Shanghai")
    assert services.accounts.get(account.id).city == "Shanghai"
    status = window.save_label.text()
    assert "员工人数" in status and "所有更改已保存" not in status
    assert page.profile.facts.errors["headcount"].text() == HEADCOUNT_REFUSED_ZH


def test_reverting_a_refused_value_to_the_stored_one_clears_its_mark(qtbot, window, services):
    account = services.accounts.create(name="Acme", headcount=10)
    page = window.open_account(account.id)
    headcount, error = page.profile.fields["headcount"], page.profile.facts.errors["headcount"]
    enter(headcount, "lots")
    assert error.isVisible()
    enter(headcount, "10")
    assert not error.isVisible() and headcount.styleSheet() == ""
    assert not window.save_label.text().startswith("Not saved") and not window.reporter.unsaved()


def test_fixing_a_bad_budget_and_date_on_a_deal_keeps_the_date(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    opp = services.opportunities.create(account.id, name="Pumps")
    page = window.open_account(account.id)
    page.show_tab(2)
    form = page.opportunities.form(opp.id)
    enter(form.fields["expected_close"], "soon")
    enter(form.fields["budget_amount"], "a lot")
    enter(form.fields["expected_close"], "2027-03-15")
    enter(form.fields["budget_amount"], "300000")
    window.flush_all()
    stored = services.opportunities.get(opp.id)
    assert str(stored.expected_close) == "2027-03-15"
    assert stored.budget_amount == 300_000
    # Shown back in the interface language's one date format.
    assert form.fields["expected_close"].text() == show_date(date(2027, 3, 15))


def test_a_refused_value_is_explained_again_after_switching_to_chinese(qtbot, window, services):
    from test_account_tabs import switch_language

    account = services.accounts.create(name="Acme")
    page = window.open_account(account.id)
    enter(page.profile.fields["headcount"], "lots")
    assert window.save_label.text().startswith("Not saved")

    switch_language(qtbot, window, "zh")

    error = page.profile.facts.errors["headcount"]
    qtbot.waitUntil(lambda: error.text() == HEADCOUNT_REFUSED_ZH, timeout=2000)
    assert window.save_label.text() == f"未保存：客户概况与调研中：{HEADCOUNT_REFUSED_ZH}"
    assert page.profile.fields["headcount"].text() == "lots"


def test_save_now_names_a_refused_value_in_a_visit_plan(qtbot, window, db, services):
    from desktop.services.demo import load_demo

    account_id = load_demo(db)
    opp = services.opportunities.for_account(account_id)[0]
    visit = services.visits.for_opportunity(opp.id)[0]
    view = window.open_visit(visit.id)
    starts_at = view.pages["prepare"].starts_at
    enter(starts_at, "next tuesday")

    window.save_action.trigger()  # Ctrl+S

    status = window.save_label.text()
    assert status.startswith("Not saved:") and "must be a date and time" in status
    assert starts_at.text() == "next tuesday"
