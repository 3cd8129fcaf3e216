"""Issue 15 on the contact form: several phones, e-mails and addresses, each typed, one
preferred, edited with the keyboard; refused values and unknown phones explained under the row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_account_tabs import click_tab, switch_language
from ui_actions import OFFSCREEN_POPUPS, enter, type_text

from desktop.domain.contact_details import Detail
from desktop.ui.account.page import TAB_CIRCLE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


@pytest.fixture
def account_id(services):
    return services.accounts.create(name="苏州恒远精密制造有限公司").id


def _form(window, account_id, contact_id):
    page = window.open_account(account_id)
    click_tab(page, TAB_CIRCLE)
    page.circle.select_contact(contact_id)
    return page.circle.current_form()


def _stored(services, contact_id):
    return [
        (d.kind, d.type, d.value, d.preferred) for d in services.contact_details.details(contact_id)
    ]


def test_a_rep_adds_phones_and_emails_by_keyboard_and_picks_the_preferred(
    window, services, account_id
):
    contact_id = services.contacts.create(account_id, name="王建国").id
    editor = _form(window, account_id, contact_id).details
    # Add phone (Space on the focused button), type the number, Return saves it.
    editor.add_buttons["phone"].setFocus()
    QTest.keyClick(editor.add_buttons["phone"], Qt.Key_Space)
    first = editor.rows["phone"][0]
    assert first.value.hasFocus()
    enter(first.value, "+86 (139) 1554-2088")
    assert first.value.text() == "139 1554 2088"  # tidied, shown back
    # A second phone, typed as an office line: the type combo by keyboard (Down, Return).
    QTest.keyClick(editor.add_buttons["phone"], Qt.Key_Space)
    second = editor.rows["phone"][1]
    enter(second.value, "0512-6588-1001")
    second.type_combo.setFocus()
    QTest.keyClick(second.type_combo, Qt.Key_Up)  # mobile → work
    QTest.keyClick(second.type_combo, Qt.Key_Up)
    # An e-mail typed in Chinese input is refused with the message under it; fixed, saved.
    QTest.keyClick(editor.add_buttons["email"], Qt.Key_Space)
    mail = editor.rows["email"][0]
    type_text(mail.value, "王建国 at 恒远")
    QTest.keyClick(mail.value, Qt.Key_Return)
    assert "e-mail" in mail.message.text() and mail.message.isVisibleTo(editor)
    assert mail.value.text() == "王建国 at 恒远"  # nothing lost
    enter(mail.value, "wjg@hengyuan.example")
    assert not mail.message.isVisibleTo(editor)
    # The office line becomes the preferred phone: Space on its radio button.
    second.preferred.setFocus()
    QTest.keyClick(second.preferred, Qt.Key_Space)
    assert _stored(services, contact_id) == [
        ("email", "work", "wjg@hengyuan.example", True),
        ("phone", "mobile", "139 1554 2088", False),
        ("phone", "work", "0512 6588 1001", True),
    ]
    contact = services.contacts.get(contact_id)
    assert (contact.phone_office, contact.phone_mobile) == ("0512 6588 1001", "139 1554 2088")
    # Remove the mobile: the keyboard lands on the row that is left.
    first.remove.setFocus()
    QTest.keyClick(first.remove, Qt.Key_Space)
    assert [r.value.text() for r in editor.rows["phone"]] == ["0512 6588 1001"]
    assert editor.rows["phone"][0].value.hasFocus()
    assert services.contacts.get(contact_id).phone_mobile == ""


def test_a_phone_the_library_does_not_know_is_kept_as_typed_with_a_note(
    window, services, account_id
):
    contact_id = services.contacts.create(account_id, name="刘芳").id
    editor = _form(window, account_id, contact_id).details
    row = editor.add_row("phone")
    enter(row.value, "总机 6588-1001 转 8")
    assert row.value.text() == "总机 6588-1001 转 8"
    assert "kept as typed" in row.message.text() and row.message.isVisibleTo(editor)
    assert _stored(services, contact_id) == [("phone", "mobile", "总机 6588-1001 转 8", True)]


def test_every_control_has_an_accessible_name_in_either_language(
    qtbot, window, services, account_id
):
    contact_id = services.contacts.create(account_id, name="周敏").id
    services.contact_details.replace(
        contact_id,
        [Detail("email", "work", "zm@x.example"), Detail("address", "home", "人民路 100 号")],
    )
    editor = _form(window, account_id, contact_id).details
    row = editor.rows["address"][0]
    assert row.value.text() == "人民路 100 号" and row.type_combo.currentText() == "Home"
    names = [row.value, row.type_combo, row.preferred, row.remove, editor.add_buttons["phone"]]
    assert [w.accessibleName() for w in names] == [
        "Address 1",
        "Type of Address 1",
        "Address 1 is preferred",
        "Remove Address 1",
        "Add phone",
    ]
    switch_language(qtbot, window, "zh")
    assert row.value.accessibleName() == "地址 1" and row.type_combo.currentText() == "住宅"
    assert editor.add_buttons["email"].text() == "添加电子邮件"


def test_undoing_a_delete_brings_back_every_phone_email_and_address(
    window, services, account_id, monkeypatch
):
    from ui_actions import click

    from desktop.ui.msgbox import prompter

    contact_id = services.contacts.create(account_id, name="王建国").id
    details = [
        Detail("email", "home", "wjg@163.com", preferred=True),
        Detail("phone", "mobile", "139 1554 2088", preferred=True),
        Detail("phone", "home", "0512 6700 0000"),
        Detail("address", "work", "星湖街 328 号"),
    ]
    services.contact_details.replace(contact_id, details)
    page = window.open_account(account_id)
    click_tab(page, TAB_CIRCLE)
    page.circle.select_contact(contact_id)
    monkeypatch.setattr(prompter, "confirm", lambda *_args: True)
    click(page.circle.delete_button)
    assert services.contacts.for_account(account_id) == []
    window.undo_action.trigger()
    restored = services.contacts.for_account(account_id)[0]
    assert [
        (d.kind, d.type, d.value, d.preferred)
        for d in services.contact_details.details(restored.id)
    ] == [(d.kind, d.type, d.value, True if d.kind == "address" else d.preferred) for d in details]
