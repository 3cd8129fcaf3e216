"""Getting back: the sidebar always leads to its list, and the toolbar Back works everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from ui_actions import shortcut

from desktop.services.demo import load_demo
from desktop.ui.account.page import TAB_VISITS
from desktop.ui.main_window import NAV_ACCOUNTS


def click_nav(qtbot, window, row: int) -> None:
    item = window.nav.item(row)
    qtbot.mouseClick(
        window.nav.viewport(), Qt.LeftButton, pos=window.nav.visualItemRect(item).center()
    )


def toolbar_back(window) -> QToolButton:
    button = window.toolbar.widgetForAction(window.back_action)
    assert isinstance(button, QToolButton)
    return button


def test_clicking_accounts_in_the_sidebar_returns_to_the_list(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    window.accounts.refresh()
    window.open_account(account.id)
    assert window.nav.currentRow() == NAV_ACCOUNTS  # the account page belongs to Accounts
    click_nav(qtbot, window, NAV_ACCOUNTS)
    assert window.current_screen() is window.accounts


def test_sidebar_and_toolbar_back_work_inside_a_visit_plan(qtbot, window, db):
    account_id = load_demo(db)
    page = window.open_account(account_id)
    page.show_tab(TAB_VISITS)
    plan = window.open_visit(page.visits.visit_ids()[0])
    assert window.current_screen() is plan

    button = toolbar_back(window)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.LeftButton)
    assert window.current_screen() is page

    window.open_visit(page.visits.visit_ids()[0])
    click_nav(qtbot, window, NAV_ACCOUNTS)
    assert window.current_screen() is window.accounts


def test_alt_left_inside_a_plan_goes_back_once(qtbot, window, db):
    """The plan's own Alt+Left and the window's Back never both claim the key."""
    account_id = load_demo(db)
    page = window.open_account(account_id)
    page.show_tab(TAB_VISITS)
    plan = window.open_visit(page.visits.visit_ids()[0])
    plan.pages["prepare"].objective.setFocus()
    shortcut(window, Qt.Key_Left, Qt.AltModifier)
    assert window.current_screen() is page
    shortcut(window, Qt.Key_Left, Qt.AltModifier)
    assert window.current_screen() is window.accounts


def test_help_inside_a_plan_still_lists_back(qtbot, window, db):
    from ui_actions import when_dialog

    from desktop.ui.widgets.shortcuts import ShortcutsDialog

    account_id = load_demo(db)
    page = window.open_account(account_id)
    page.show_tab(TAB_VISITS)
    window.open_visit(page.visits.visit_ids()[0])
    rows = {}

    def read(dialog: ShortcutsDialog) -> None:
        rows.update(dialog.rows())
        dialog.reject()

    when_dialog(ShortcutsDialog, read)
    shortcut(window, Qt.Key_F1)
    assert rows["Back"] == "Alt+Left"
