"""Influencers outside the account on the Decision circle tab, driven as a rep drives them
(issue 16, item 6): a colleague typed in (Chinese through the input method), a person of another
company typed with the company, one found among another account's contacts; a person of the
account itself is refused with the reason; Delete removes one; the coverage warnings stay as
they were. Checked in the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_actions import OFFSCREEN_POPUPS, choose, click, enter, type_text

from desktop.ui.account.page import TAB_CIRCLE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def test_outside_influencers_on_the_circle(qtbot, window, services):
    account = services.accounts.create(name="恒远精密")
    services.contacts.create(account.id, name="李娜", title="总经理助理")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    institute = services.accounts.create(name="苏州设计院")
    zhao = services.contacts.create(institute.id, name="赵工", title="总工程师")
    page = window.open_account(account.id)
    page.show_tab(TAB_CIRCLE)
    circle = page.circle
    panel = circle.outside
    assert not panel.isHidden() and panel.rows.count() == 0
    warnings_before = circle.warnings.codes()
    assert warnings_before  # a circle without roles is warned about

    choose(panel.side, "ours")
    assert not panel.company.isEnabled()
    type_text(panel.name, "王磊")
    QTest.keyClick(panel.name, Qt.Key_Return)
    choose(panel.side, "other")
    type_text(panel.name, "Mr Keller")
    enter(panel.company, "TÜV Süd")

    enter(panel.find_person, "赵工")
    assert panel.found.currentData() == zhao.id
    click(panel.add_found)
    rows = services.outside_influencers.list(opp.id)
    assert [(r.name, r.side, r.organisation) for r in rows] == [
        ("王磊", "ours", ""),
        ("Mr Keller", "other", "TÜV Süd"),
        ("赵工", "other", "苏州设计院"),
    ]
    assert rows[2].contact_id == zhao.id
    assert panel.rows.count() == 3 and "our side" in panel.rows.item(0).text()

    enter(panel.find_person, "李娜")  # the account's own person: not found as an outsider
    assert panel.found.currentData() is None
    click(panel.add_found)
    assert not panel.error.isHidden() and "Find the person" in panel.error.text()

    panel.rows.setFocus()
    panel.rows.setCurrentRow(1)
    QTest.keyClick(panel.rows, Qt.Key_Delete)
    assert [r.name for r in services.outside_influencers.list(opp.id)] == ["王磊", "赵工"]
    qtbot.waitUntil(lambda: circle.outside.rows.count() == 2)
    assert circle.warnings.codes() == warnings_before  # not counted in role coverage
    assert services.opportunities.circle(opp.id) == []
    for widget in (panel.side, panel.name, panel.company, panel.find_person, panel.found):
        assert widget.accessibleName()
