"""The frame: navigation, Back, the keyboard shortcuts, and the shortcuts list in Help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_actions import shortcut, when_dialog

from desktop.ui.account.page import AccountPage
from desktop.ui.widgets.shortcuts import ShortcutsDialog


def test_navigation_by_keyboard_and_back(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    window.accounts.refresh()
    shortcut(window, Qt.Key_2, Qt.ControlModifier)
    assert window.current_screen() is window.upcoming
    assert window.nav.currentRow() == 1
    shortcut(window, Qt.Key_1, Qt.ControlModifier)
    assert window.current_screen() is window.accounts
    page = window.open_account(account.id)
    assert window.current_screen() is page and window.back_action.isEnabled()
    shortcut(window, Qt.Key_Left, Qt.AltModifier)
    assert window.current_screen() is window.accounts
    shortcut(window, Qt.Key_Left, Qt.AltModifier)
    assert window.current_screen() is window.upcoming
    shortcut(window, Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is window.search


def test_help_lists_every_shortcut(qtbot, window):
    rows = {}

    def read(dialog: ShortcutsDialog) -> None:
        rows.update(dialog.rows())
        dialog.reject()

    when_dialog(ShortcutsDialog, read)
    shortcut(window, Qt.Key_F1)
    assert rows["New account"] == "Ctrl+N"
    assert rows["New contact"] == "Ctrl+Shift+N"
    assert rows["Undo"] == "Ctrl+Z"
    assert rows["Redo"].startswith("Ctrl+Shift+Z")
    assert rows["Preferences"] == "Ctrl+,"
    assert rows["Back"] == "Alt+Left"
    assert rows["Find"] == "Ctrl+F"
    assert "Close the search results" in rows


def test_opening_the_same_account_twice_reuses_its_page(qtbot, window, services):
    account = services.accounts.create(name="Acme")
    first = window.open_account(account.id)
    window.show_nav(0)
    assert window.open_account(account.id) is first
    assert isinstance(first, AccountPage)


def test_a_save_after_a_window_closed_reaches_only_the_open_window(qtbot, ctx, services):
    """The services and their change hub outlive a window (a second window, the CLI's writes
    through the same services): a closed window's menus must not answer a later save."""
    from PySide6.QtCore import QEvent

    from desktop.ui.main_window import MainWindow

    first = MainWindow(ctx)
    first.show()
    qtbot.waitExposed(first)
    first.close()
    first.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    del first

    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    # A save now: before, the closed window's Team menu and sync indicator still listened and
    # raised "Internal C++ object already deleted" in the event loop on every change.
    services.accounts.create(name="Acme")
    second.accounts.refresh()
    qtbot.waitUntil(lambda: second.accounts.model.rowCount() == 1)
    qtbot.waitUntil(lambda: second.team is not None)
    assert second.team.share_action.isEnabled() is False  # not joined to a team
