"""Referrals "1+2" on the deal screen, driven as a rep drives them (issue 16, item 10): the
panel opens when the deal is handed over (stage E), asks are typed (Chinese through the input
method) and added with Enter, a third is refused with the reason, one ask becomes a new account
and another is linked to an account found by name; Delete removes one. Checked in the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_actions import OFFSCREEN_POPUPS, choose, click, enter, type_text

from desktop.ui.account.page import TAB_OPPORTUNITIES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def test_referrals_are_asked_and_linked_once_the_deal_is_handed_over(qtbot, window, services):
    account = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="D")
    delta = services.accounts.create(name="Delta Tools")
    page = window.open_account(account.id)
    page.show_tab(TAB_OPPORTUNITIES)
    form = page.opportunities.current_form()
    panel = form.referrals
    assert panel.isHidden() and form.jump_buttons["referrals"].isHidden()  # not handed over
    choose(form.stage, "E")
    qtbot.waitUntil(lambda: not panel.isHidden())
    assert not form.jump_buttons["referrals"].isHidden()

    type_text(panel.name, "华丰电子")
    enter(panel.note, "王经理的老同学")
    enter(panel.name, "Delta")
    rows = services.referrals.slots(opp.id).rows
    assert [(r.name, r.note) for r in rows] == [("华丰电子", "王经理的老同学"), ("Delta", "")]
    assert panel.rows.count() == 2 and not panel.name.isEnabled()  # both slots used
    assert panel.name.text() == "" and "0 of 2" in panel.guide.text()

    panel.rows.setCurrentRow(0)
    click(panel.new_account)
    qtbot.waitUntil(lambda: services.referrals.slots(opp.id).rows[0].received)
    brought = services.referrals.slots(opp.id).rows[0]
    assert services.accounts.get(brought.account_id).name == "华丰电子"
    assert "received" in panel.rows.item(0).text()

    panel.rows.setCurrentRow(1)
    enter(panel.find_account, "Delta")
    assert panel.found.currentData() == delta.id and panel.found.hasFocus()
    click(panel.link_button)
    assert services.referrals.slots(opp.id).rows[1].account_id == delta.id
    assert services.referrals.counts([opp.id])[opp.id].received == 2

    panel.rows.setFocus()
    panel.rows.setCurrentRow(1)
    QTest.keyClick(panel.rows, Qt.Key_Delete)
    assert [r.name for r in services.referrals.slots(opp.id).rows] == ["华丰电子"]
    assert panel.name.isEnabled() and "1 of 2" in panel.guide.text()
    for widget in (
        panel.name,
        panel.note,
        panel.find_account,
        panel.found,
        panel.rows,
        panel.link_button,
    ):
        assert widget.accessibleName()


def test_selecting_nothing_says_what_to_do(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    services.opportunities.create(account.id, name="Done", stage="F")
    page = window.open_account(account.id)
    page.show_tab(TAB_OPPORTUNITIES)
    panel = page.opportunities.current_form().referrals
    assert not panel.isHidden()
    click(panel.link_button)
    assert not panel.error.isHidden() and "Select a referral" in panel.error.text()
