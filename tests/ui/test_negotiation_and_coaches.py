"""The negotiation card and the coaches of a deal, driven as a rep drives them (issue 16,
items 3 and 4): the card opens at stage C, phase from the list, terms typed, concessions added
with Enter and removed with Delete; a person developed as coach climbs the ladder with the
deck's prompts for each rung. Checked in the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_actions import OFFSCREEN_POPUPS, choose, click, enter, tick

from desktop.ui.account.page import TAB_OPPORTUNITIES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


@pytest.fixture
def deal(services):
    account = services.accounts.create(name="恒远精密")
    clerk = services.contacts.create(account.id, name="李娜", title="总经理助理")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    return account, clerk, opp


def open_form(window, account_id):
    page = window.open_account(account_id)
    page.show_tab(TAB_OPPORTUNITIES)
    return page.opportunities.current_form()


def test_the_negotiation_card_from_stage_c(qtbot, window, services, deal):
    account, _clerk, opp = deal
    form = open_form(window, account.id)
    card = form.negotiation
    assert card.isHidden()  # stage B: no negotiation yet
    choose(form.stage, "C")
    qtbot.waitUntil(lambda: not card.isHidden())

    choose(card.phase, "compromise")
    assert "妥协" not in card.phase.currentText()  # English interface
    qtbot.waitUntil(lambda: services.negotiation.card(opp.id).phase == "compromise")
    enter(card.texts["payment_terms"], "20% at signing, the rest within 3 days")
    enter(card.texts["walk_away"], "not below 2.5M")
    saved = services.negotiation.card(opp.id)
    assert saved.payment_terms == "20% at signing, the rest within 3 days"
    assert saved.walk_away == "not below 2.5M"

    enter(card.new_texts["given"], "two extra training days")
    enter(card.new_texts["received"], "reference visit")
    enter(card.new_texts["given"], "free upgrade")
    assert card.lists["given"].count() == 2 and card.new_texts["given"].text() == ""
    given = card.lists["given"]
    given.setFocus()
    given.setCurrentRow(1)
    QTest.keyClick(given, Qt.Key_Delete)
    saved = services.negotiation.card(opp.id)
    assert [c.text for c in saved.given()] == ["two extra training days"]
    assert [c.text for c in saved.received()] == ["reference visit"]

    enter(card.new_texts["given"], "   ")  # nothing typed: refused, said, nothing added
    assert not card.error.isHidden() and "Concession" in card.error.text()
    assert len(services.negotiation.card(opp.id).given()) == 1


def test_a_person_is_developed_into_a_coach(qtbot, window, services, deal):
    account, clerk, opp = deal
    form = open_form(window, account.id)
    panel = form.coaches
    assert not panel.empty.isHidden() and panel.rows == {}
    choose(panel.candidate, clerk.id)
    click(panel.add_button)
    qtbot.waitUntil(lambda: clerk.id in panel.rows)
    row = panel.rows[clerk.id]
    assert row.rung.currentData() == "identified"
    assert "courtesy" in row.prompts.text()
    assert "coach" in services.opportunities.role(opp.id, clerk.id).roles

    choose(row.rung, "trusted")
    qtbot.waitUntil(lambda: "small favour" in panel.rows[clerk.id].prompts.text())
    row = panel.rows[clerk.id]
    choose(row.seniority, "top")
    tick(row.methods["praise"])
    enter(row.next_ask, "ask which day the boss has an hour")
    coach = services.negotiation.coaches(opp.id)[0]
    assert (coach.rung, coach.seniority) == ("trusted", "top")
    assert coach.trust_methods == ("praise",)
    assert coach.next_ask == "ask which day the boss has an hour"
    assert row.rung.accessibleName() == "Coach ladder: 李娜"
