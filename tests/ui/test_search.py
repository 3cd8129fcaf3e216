"""Search as you type from the toolbar: Chinese and Latin, results by kind, Enter opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_actions import type_text

from desktop.services.demo import ACCOUNT_NAME, MAIN_OPPORTUNITY_NAME, load_demo
from desktop.ui.account.page import TAB_CIRCLE, TAB_OPPORTUNITIES, AccountPage
from desktop.ui.search.box import HIT_ROLE


def groups(box) -> dict[str, list[str]]:
    results = box.results
    out = {}
    for i in range(results.topLevelItemCount()):
        group = results.topLevelItem(i)
        out[group.text(0)] = [group.child(j).text(0) for j in range(group.childCount())]
    return out


def search(qtbot, window, text: str) -> dict[str, list[str]]:
    box = window.search
    box.clear()
    type_text(box, text)
    qtbot.waitUntil(box.results.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: not box._timer.isActive(), timeout=3000)
    return groups(box)


def test_one_chinese_character_finds_people_and_enter_opens_the_contact(qtbot, window, db):
    account_id = load_demo(db)
    found = search(qtbot, window, "王")
    assert "王建国" in found["CONTACTS"]
    box = window.search
    # Move the highlight to 王建国 and press Enter.
    while box.results.currentItem().text(0) != "王建国":
        QTest.keyClick(box, Qt.Key_Down)
    hit = box.results.currentItem().data(0, HIT_ROLE)
    QTest.keyClick(box, Qt.Key_Return)
    page = window.current_screen()
    assert isinstance(page, AccountPage) and page.account_id == account_id
    assert page.tabs.currentIndex() == TAB_CIRCLE
    assert page.circle.selected_contact() == hit.id
    assert not box.results.isVisible() and box.text() == ""


def test_two_chinese_characters_find_the_account(qtbot, window, db):
    account_id = load_demo(db)
    found = search(qtbot, window, "恒远")
    assert found["ACCOUNTS"] == [ACCOUNT_NAME]
    QTest.keyClick(window.search, Qt.Key_Return)  # the first hit is highlighted
    page = window.current_screen()
    assert isinstance(page, AccountPage) and page.account_id == account_id


def test_latin_prefix_finds_the_opportunity_and_a_click_opens_it(qtbot, window, db, services):
    account_id = load_demo(db)
    found = search(qtbot, window, "mes")
    assert MAIN_OPPORTUNITY_NAME in found["OPPORTUNITIES"]
    results = window.search.results
    group = next(
        results.topLevelItem(i)
        for i in range(results.topLevelItemCount())
        if results.topLevelItem(i).text(0) == "OPPORTUNITIES"
    )
    item = next(
        group.child(j)
        for j in range(group.childCount())
        if group.child(j).text(0) == MAIN_OPPORTUNITY_NAME
    )
    rect = results.visualItemRect(item)
    QTest.mouseClick(results.viewport(), Qt.LeftButton, pos=rect.center())
    page = window.current_screen()
    assert isinstance(page, AccountPage) and page.account_id == account_id
    assert page.tabs.currentIndex() == TAB_OPPORTUNITIES
    opp = item.data(0, HIT_ROLE)
    assert page.opportunities.current_id() == opp.id


def test_no_match_says_so(qtbot, window, db):
    load_demo(db)
    found = search(qtbot, window, "zzzqqq")
    assert found == {"No matches": []}


def test_a_person_is_found_by_a_second_mobile_and_a_second_email(qtbot, window, services):
    from desktop.domain.contact_details import Detail

    account = services.accounts.create(name="恒远精密")
    person = services.contacts.create(account.id, name="周强", phone_mobile="13800000001")
    services.contact_details.replace(
        person.id,
        [
            Detail("phone", "mobile", "13800000001", preferred=True),
            Detail("phone", "mobile", "13912345678"),
            Detail("email", "work", "zhou@hengyuan.example", preferred=True),
            Detail("email", "home", "qiang.zhou@example.org"),
        ],
    )
    assert search(qtbot, window, "13912345678")["CONTACTS"] == ["周强"]
    assert search(qtbot, window, "qiang.zhou")["CONTACTS"] == ["周强"]
