"""Creating an account and filling its profile, as a rep does: typing, picking, undoing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_actions import (
    OFFSCREEN_POPUPS,
    choose,
    enter,
    replace_text,
    shortcut,
    type_text,
    when_dialog,
)

from desktop.ui.account.dialogs import NewAccountDialog
from desktop.ui.account.page import AccountPage

# Combo popups on the offscreen platform say this; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def create_account(qtbot, window, name: str, city: str = "") -> AccountPage:
    def fill(dialog: NewAccountDialog) -> None:
        type_text(dialog.name, name)
        if city:
            type_text(dialog.city, city)
        QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)

    when_dialog(NewAccountDialog, fill)
    shortcut(window, Qt.Key_N, Qt.ControlModifier)
    page = window.current_screen()
    assert isinstance(page, AccountPage)
    return page


def test_new_account_with_a_chinese_name_opens_its_page(qtbot, window, services):
    page = create_account(qtbot, window, "华东精工集团", "Hangzhou")

    accounts = services.queries.accounts()
    assert [a.name for a in accounts] == ["华东精工集团"]
    assert accounts[0].city == "Hangzhou"
    assert page.name.text() == "华东精工集团"
    assert "华东精工集团" in window.windowTitle()
    assert page.profile.fields["name"].text() == "华东精工集团"


def test_a_name_is_required_and_said_at_the_field(qtbot, window, services):
    seen = {}

    def fill(dialog: NewAccountDialog) -> None:
        QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)
        error = dialog._errors["name"]
        seen["error"] = error.isVisible() and error.text()
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_dialog(NewAccountDialog, fill)
    window.new_account()
    assert seen["open"] is True
    assert "Company name" in seen["error"]
    assert services.queries.count_accounts() == 0


def test_profile_fields_save_as_the_rep_types_and_undo(qtbot, window, services):
    page = create_account(qtbot, window, "Acme Precision")
    account_id = page.account_id
    fields = page.profile.fields

    enter(fields["headcount"], "1,250")
    enter(fields["annual_revenue"], "86000000")
    replace_text(fields["main_business"], "CNC machining of gearbox housings")
    qtbot.waitUntil(
        lambda: services.accounts.get(account_id).main_business.startswith("CNC"), timeout=3000
    )
    account = services.accounts.get(account_id)
    assert account.headcount == 1250
    assert account.annual_revenue == 86_000_000
    assert window.save_label.text() == "All changes saved"

    enter(fields["headcount"], "a thousand")
    assert "whole number" in page.profile.facts.errors["headcount"].text()
    assert page.profile.facts.errors["headcount"].isVisible()
    assert services.accounts.get(account_id).headcount == 1250
    assert window.save_label.text().startswith("Not saved")

    enter(fields["headcount"], "1300")
    assert services.accounts.get(account_id).headcount == 1300
    assert not page.profile.facts.errors["headcount"].isVisible()

    window.undo_action.trigger()
    assert services.accounts.get(account_id).headcount == 1250
    assert fields["headcount"].text() == "1250"
    window.redo_action.trigger()
    assert services.accounts.get(account_id).headcount == 1300


def test_segment_combos_spell_out_the_code(qtbot, window, services):
    page = create_account(qtbot, window, "Acme Precision")
    profile = page.profile
    assert profile.segment_code.text() == "— — — —"
    choose(profile.fields["seg_recognition"], "E")
    choose(profile.fields["seg_pain"], "1")
    choose(profile.fields["seg_status"], "B")
    assert profile.segment_code.text() == "— — — —"
    choose(profile.fields["seg_profit_tier"], "2")

    assert profile.segment_code.text() == "E1B2"
    meaning = profile.segment_meaning.text()
    assert "High recognition of our expertise" in meaning
    assert "Much pain" in meaning and "Attended an event or a trial" in meaning
    assert "2M–10M" in meaning
    assert services.accounts.get(page.account_id).segment_code == "E1B2"
    assert page.segment.text() == "E1B2"  # the header badge follows

    choose(profile.fields["pyramid_tier"], "key")
    assert services.accounts.get(page.account_id).pyramid_tier == "key"
    assert page.tier.text() == "Key account"
    # The playbook's description is the tooltip of each choice.
    combo = profile.fields["buying_behaviour"]
    tip = combo.itemData(combo.findData("innovation_partner"), Qt.ToolTipRole)
    assert "industry expertise" in tip


def next_by_tab(widget):  # type: ignore[no-untyped-def]
    """The widget Tab moves to: the next one in the focus chain that takes Tab focus."""
    candidate = widget.nextInFocusChain()
    while not (
        candidate.focusPolicy() & Qt.TabFocus
        and candidate.isVisibleTo(widget.window())
        and candidate.isEnabled()
    ):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_tab_order_follows_the_form(qtbot, window):
    page = create_account(qtbot, window, "Acme Precision")
    fields = page.profile.fields
    order = [
        "name", "alt_name", "industry", "city", "address", "website", "headcount",
        "annual_revenue", "currency", "category_spend", "main_business",
    ]  # fmt: skip
    for here, there in zip(order, order[1:], strict=False):
        assert next_by_tab(fields[here]) is fields[there], f"Tab from {here}"
    # The classification column comes after the company facts.
    assert next_by_tab(fields["pyramid_tier"]) is fields["buying_behaviour"]
