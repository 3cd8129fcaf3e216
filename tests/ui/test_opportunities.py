"""Opportunities: a new deal with its budget, three competitors and the qualification answers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_actions import OFFSCREEN_POPUPS, choose, click, enter, replace_text, type_text, when_dialog

from desktop.ui.account.dialogs import CompetitorDialog, NewOpportunityDialog
from desktop.ui.account.page import TAB_OPPORTUNITIES
from desktop.ui.msgbox import prompter

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


@pytest.fixture
def tab(window, services):
    account = services.accounts.create(name="恒远精密")
    page = window.open_account(account.id)
    page.show_tab(TAB_OPPORTUNITIES)
    return page.opportunities


def new_opportunity(tab, name: str, stage: str) -> None:
    def fill(dialog: NewOpportunityDialog) -> None:
        type_text(dialog.name, name)
        choose(dialog.stage, stage)
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    when_dialog(NewOpportunityDialog, fill)
    click(tab.new_button)


def add_competitor(table, values: dict[str, str]) -> None:
    def fill(dialog: CompetitorDialog) -> None:
        type_text(dialog.name, values["name"])
        type_text(dialog.strengths, values["strengths"])
        type_text(dialog.weaknesses, values["weaknesses"])
        choose(dialog.has_insider, values["insider"])
        if values.get("level"):
            type_text(dialog.insider_level, values["level"])
        type_text(dialog.strategy, values["strategy"])
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    when_dialog(CompetitorDialog, fill)
    click(table.add_button)


def test_new_opportunity_with_budget_competitors_and_qualification(
    qtbot, tab, services, window, monkeypatch
):
    new_opportunity(tab, "MES 一期", "B")
    [opp] = services.opportunities.for_account(tab.account_id)
    assert opp.name == "MES 一期" and opp.stage == "B"
    form = tab.current_form()
    assert form.opportunity_id == opp.id
    assert form.fields["probability_override"].placeholderText() == "25"

    choose(form.fields["budget_exists"], "yes")
    enter(form.fields["budget_amount"], "3,800,000")
    enter(form.fields["budget_currency"], "cny")
    enter(form.fields["budget_source"], "年度数字化预算")
    replace_text(form.fields["decision_steps"], "IT review\nCommittee vote\n\nGM signs")
    qtbot.waitUntil(lambda: len(services.opportunities.get(opp.id).decision_steps) == 3)
    stored = services.opportunities.get(opp.id)
    assert stored.budget_exists is True
    assert stored.budget_amount == 3_800_000 and stored.budget_currency == "CNY"
    assert stored.budget_source == "年度数字化预算"
    assert stored.decision_steps == ["IT review", "Committee vote", "GM signs"]

    enter(form.fields["probability_override"], "140")
    assert "between 0 and 100" in form.deal.errors["probability_override"].text()
    assert services.opportunities.get(opp.id).probability_override is None

    competitors = [
        {"name": "用友", "strengths": "ERP already in place", "weaknesses": "Weak MES",
         "insider": "yes", "level": "IT director", "strategy": "Show shop-floor results"},
        {"name": "鼎捷", "strengths": "Cheap", "weaknesses": "Few references",
         "insider": "no", "strategy": "Reference visit"},
        {"name": "In-house build", "strengths": "Control", "weaknesses": "Slow",
         "insider": "unknown", "strategy": "TCO comparison"},
    ]  # fmt: skip
    for values in competitors:
        add_competitor(form.competitors, values)
    stored = services.opportunities.get(opp.id)
    assert [c.name for c in stored.competitors] == ["用友", "鼎捷", "In-house build"]
    assert [c.has_insider for c in stored.competitors] == [True, False, None]
    assert stored.competitors[0].insider_level == "IT director"
    assert form.competitors.names() == ["用友", "鼎捷", "In-house build"]
    assert form.competitors.table.item(0, 3).text() == "Yes · IT director"

    # Delete one, then undo: it comes back.
    monkeypatch.setattr(prompter, "confirm", lambda *_args: True)
    form.competitors.table.selectRow(1)
    click(form.competitors.delete_button)
    assert [c.name for c in services.opportunities.get(opp.id).competitors] == [
        "用友",
        "In-house build",
    ]
    window.undo_action.trigger()
    names = sorted(c.name for c in services.opportunities.get(opp.id).competitors)
    assert names == sorted(["用友", "鼎捷", "In-house build"])

    # Qualification: an answer and a note per playbook item, stored together.
    grid = form.qualification
    choose(grid.answers["clear_pain"], "yes")
    type_text(grid.notes["clear_pain"], "停机损失每月约 40 万")
    QTest.keyClick(grid.notes["clear_pain"], Qt.Key_Return)
    choose(grid.answers["payment_risk"], "no")
    qualification = services.opportunities.get(opp.id).qualification
    assert qualification["clear_pain"] == {"answer": "yes", "note": "停机损失每月约 40 万"}
    assert qualification["payment_risk"] == {"answer": "no", "note": ""}
    assert "budget" not in qualification  # unanswered items are not stored
    window.undo_action.trigger()
    assert "payment_risk" not in services.opportunities.get(opp.id).qualification


def test_stage_change_updates_the_list_and_the_probability_hint(qtbot, tab, services):
    new_opportunity(tab, "Supplier portal", "A")
    form = tab.current_form()
    choose(form.fields["stage"], "D")
    assert services.opportunities.get(form.opportunity_id).stage == "D"
    assert form.fields["probability_override"].placeholderText() == "75"
    assert "Commercial negotiation" in tab.list.item(0).text()
    assert "Negotiate" in form.stage_focus.text()
