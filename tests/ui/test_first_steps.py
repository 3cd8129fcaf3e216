"""An empty account says what to do first; buying roles say they belong to a deal."""

from __future__ import annotations

import pytest
from ui_actions import OFFSCREEN_POPUPS, click, type_text, when_dialog

from desktop.ui.account.dialogs import NewContactDialog, NewOpportunityDialog
from desktop.ui.account.page import TAB_CIRCLE, TAB_OPPORTUNITIES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def create_deal(name: str) -> None:
    def fill(dialog: NewOpportunityDialog) -> None:
        type_text(dialog.name, name)
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    when_dialog(NewOpportunityDialog, fill)


def test_an_empty_account_says_where_to_start(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    page = window.open_account(account.id)
    banner = page.first_steps
    assert banner.isVisible()
    assert "Start with what you know about the company" in banner.text.text()
    assert banner.person_button.isVisible() and banner.deal_button.isVisible()

    def add_person(dialog: NewContactDialog) -> None:
        type_text(dialog.name, "Wang")
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    when_dialog(NewContactDialog, add_person)
    click(banner.person_button)
    assert [c.name for c in services.contacts.for_account(account.id)] == ["Wang"]
    assert page.tabs.currentIndex() == TAB_CIRCLE
    assert banner.isVisible() and not banner.person_button.isVisible()
    assert banner.text.text().startswith("No deal yet.")

    create_deal("MES phase 1")
    click(banner.deal_button)
    assert [o.name for o in services.opportunities.for_account(account.id)] == ["MES phase 1"]
    assert page.tabs.currentIndex() == TAB_OPPORTUNITIES
    assert not banner.isVisible()  # nothing left to start


def test_buying_roles_explain_they_belong_to_a_deal_and_offer_the_first(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    services.contacts.create(account.id, name="Wang")
    page = window.open_account(account.id)
    page.show_tab(TAB_CIRCLE)
    circle = page.circle
    assert circle.role_stack.currentWidget() is circle.no_deal
    assert "Buying roles belong to a deal" in circle.no_deal.text.text()
    assert circle.no_deal.button.isVisible()

    create_deal("MES phase 1")
    click(circle.no_deal.button)
    [deal] = services.opportunities.for_account(account.id)
    assert circle.opportunity_id == deal.id
    editor = circle.current_role_editor()
    assert editor is not None and circle.role_stack.currentWidget() is editor
    assert "decision_maker" in editor.role_boxes
