"""The account page's tabs and the circle's map are built when first opened: what the rep sees
there is the same as if they had been built with the page (data, language, deal in focus).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from ui_actions import OFFSCREEN_POPUPS, choose, click, when_dialog

from desktop.services.demo import load_demo
from desktop.store.models import Contact
from desktop.ui.account.page import TAB_CIRCLE, TAB_OPPORTUNITIES, TAB_PROFILE, TAB_VISITS
from desktop.ui.preferences import PreferencesDialog

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)
CHINESE = re.compile("[\u4e00-\u9fff]")


def click_tab(page, index: int) -> None:  # type: ignore[no-untyped-def]
    bar = page.tabs.tabBar()
    QTest.mouseClick(bar, Qt.LeftButton, Qt.NoModifier, bar.tabRect(index).center())


def switch_language(qtbot, window, lang: str) -> None:  # type: ignore[no-untyped-def]
    def answer(dialog: PreferencesDialog) -> None:
        choose(dialog.language, lang)
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    when_dialog(PreferencesDialog, answer)
    window.prefs_action.trigger()
    QCoreApplication.sendPostedEvents()  # deliver LanguageChange, as the event loop would
    qtbot.wait(10)


def test_opening_an_account_builds_only_the_tab_shown(window, db):
    page = window.open_account(load_demo(db))
    assert page.tabs.currentIndex() == TAB_PROFILE
    assert page.profile.fields["name"].text()  # the profile shows the account
    built = [page.is_built(i) for i in (TAB_CIRCLE, TAB_OPPORTUNITIES, TAB_VISITS)]
    assert built == [False, False, False]
    assert page.flush()  # nothing typed in tabs never opened: leaving the page is fine


def test_a_tab_first_opened_after_switching_to_chinese_is_in_chinese(qtbot, window, db, services):
    account_id = load_demo(db)
    page = window.open_account(account_id)
    switch_language(qtbot, window, "zh")
    assert not page.is_built(TAB_CIRCLE)

    click_tab(page, TAB_CIRCLE)
    circle = page.circle
    assert page.tabs.currentIndex() == TAB_CIRCLE and circle.isVisible()
    names = {c.name for c in services.contacts.for_account(account_id)}
    assert {item.text(0) for item in circle._all_items()} == names
    assert circle.tree.headerItem().text(0) == "人员"
    assert any("影响力高的反对者" in t for t in circle.warnings.texts())

    click(circle.map_button)  # the map, also built only now
    assert circle.map.isVisible()
    assert circle.map.warnings_title.text() == "决策圈覆盖情况"
    assert {i.person.name for i in circle.map.person_items()} == names

    click_tab(page, TAB_OPPORTUNITIES)
    assert page.opportunities.new_button.text() and CHINESE.search(
        page.opportunities.new_button.text()
    )

    switch_language(qtbot, window, "en")  # and back, for tabs built in Chinese
    assert circle.tree.headerItem().text(0) == "Person"
    assert circle.map.warnings_title.text() == "Coverage of the decision circle"


def test_the_deal_chosen_in_one_tab_is_the_one_a_later_tab_opens_on(window, db, services):
    account_id = load_demo(db)
    first = services.opportunities.for_account(account_id)[0]
    second = services.opportunities.create(account_id, name="Spare parts", stage="A")
    page = window.open_account(account_id)
    page.show_tab(TAB_CIRCLE)
    assert page.circle.opportunity_id == first.id
    choose(page.circle.picker, second.id)

    page.show_tab(TAB_VISITS)
    assert page.visits.opportunity_id == second.id
    assert page.visits.visit_ids() == []  # the demo's visits belong to the first deal
    page.show_tab(TAB_OPPORTUNITIES)
    assert page.opportunities.current_id() == second.id

    choose(page.visits.picker, first.id)  # and back: every tab built so far follows
    assert page.circle.opportunity_id == first.id
    assert page.opportunities.current_id() == first.id
    assert len(page.visits.visit_ids()) == len(services.visits.for_opportunity(first.id))


def test_the_map_opens_on_the_deal_chosen_in_the_list(window, db, services):
    account_id = load_demo(db)
    second = services.opportunities.create(account_id, name="Spare parts", stage="A")
    page = window.open_account(account_id)
    page.show_tab(TAB_CIRCLE)
    choose(page.circle.picker, second.id)

    click(page.circle.map_button)
    assert page.circle.map.opportunity_id == second.id
    assert page.circle.views.currentWidget().isVisible()
    boxes = page.circle.map.person_items()
    assert len(boxes) == len(services.contacts.for_account(account_id))
    assert not any(box.person.in_circle for box in boxes)  # nobody has a part in the new deal
    click(page.circle.list_button)
    assert page.circle.tree.isVisible()


def test_ctrl_tab_opens_the_next_tab_with_its_data(qtbot, window, db, services):
    account_id = load_demo(db)
    page = window.open_account(account_id)
    field = page.profile.fields["name"]
    field.setFocus()
    QTest.keyClick(field, Qt.Key_Tab, Qt.ControlModifier)
    assert page.tabs.currentIndex() == TAB_CIRCLE
    assert page.circle.tree.topLevelItemCount() > 0
    assert page.circle.current_form() is not None  # the first person's details beside the tree


def test_people_added_before_the_tab_is_opened_are_in_it(window, db, services):
    account_id = load_demo(db)
    page = window.open_account(account_id)
    added = services.contacts.create(account_id, name="周敏", title="采购经理")
    page.show_contact(added.id)
    assert page.tabs.currentIndex() == TAB_CIRCLE
    assert page.circle.selected_contact() == added.id
    assert page.circle.current_form().fields["title"].text() == "采购经理"


def test_people_in_a_reporting_loop_from_old_data_are_all_listed(window, db, services):
    account = services.accounts.create(name="恒远精密")
    boss = services.contacts.create(account.id, name="王建国")
    a = services.contacts.create(account.id, name="刘芳", reports_to_id=boss.id)
    b = services.contacts.create(account.id, name="周敏", reports_to_id=a.id)
    below = services.contacts.create(account.id, name="李娜", reports_to_id=b.id)
    with db.write() as s:  # an old file: the app refuses such a loop today
        s.get(Contact, a.id).reports_to_id = b.id
    page = window.open_account(account.id)
    page.show_tab(TAB_CIRCLE)
    tree = page.circle.tree
    top = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert top == ["王建国", "刘芳", "周敏", "李娜"]  # the boss first, then the rest by id
    assert [i.text(0) for i in page.circle._all_items()].count("李娜") == 1
    assert below.id in {i.data(0, Qt.UserRole) for i in page.circle._all_items()}
