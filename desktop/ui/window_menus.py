"""The main window's actions, toolbar and menus: built once, each action run through
``MainWindow._when_ready`` (an action asked for before the data file is open runs once it is).
Their texts are set in ``MainWindow._retranslate``, so they follow the language.

A mixin of ``MainWindow`` (desktop/ui/main_window.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QStyle, QToolBar, QWidget

from .search.box import SearchBox
from .window_navigation import NAV_ACCOUNTS, NAV_PIPELINE, NAV_UPCOMING, WindowBase

if TYPE_CHECKING:
    from .context import UiContext


class WindowMenus(WindowBase):
    """Actions with their shortcuts, the toolbar (with the search box) and the menu bar."""

    ctx: UiContext
    upcoming: Any

    if TYPE_CHECKING:  # MainWindow's and WindowNavigation's

        def _when_ready(self, slot: Any) -> None: ...
        def new_account(self) -> None: ...
        def new_contact(self) -> None: ...
        def undo(self) -> None: ...
        def redo(self) -> None: ...
        def preferences(self) -> None: ...
        def go_back(self) -> None: ...
        def focus_search(self) -> None: ...
        def show_nav(self, row: int) -> None: ...
        def save_now(self) -> None: ...
        def show_shortcuts(self) -> None: ...
        def show_backups(self) -> None: ...
        def about(self) -> None: ...

    def _action(self, keys: list[QKeySequence | str], slot, icon=None) -> QAction:
        action = QAction(self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: self._when_ready(slot))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_account_action = self._action(
            ["Ctrl+N"], self.new_account, QStyle.StandardPixmap.SP_FileIcon
        )
        self.new_contact_action = self._action(["Ctrl+Shift+N"], self.new_contact)
        self.undo_action = self._action(["Ctrl+Z"], self.undo)
        self.redo_action = self._action(["Ctrl+Shift+Z", "Ctrl+Y"], self.redo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.prefs_action = self._action(
            ["Ctrl+,"], self.preferences, QStyle.StandardPixmap.SP_FileDialogInfoView
        )
        self.prefs_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.back_action = self._action(
            ["Alt+Left"], self.go_back, QStyle.StandardPixmap.SP_ArrowLeft
        )
        self.find_action = self._action(["Ctrl+F"], self.focus_search)
        self.go_accounts_action = self._action(["Ctrl+1"], lambda: self.show_nav(NAV_ACCOUNTS))
        self.go_upcoming_action = self._action(["Ctrl+2"], lambda: self.show_nav(NAV_UPCOMING))
        self.go_pipeline_action = self._action(["Ctrl+3"], lambda: self.show_nav(NAV_PIPELINE))
        self.print_action = self._action(["Ctrl+P"], lambda: self.upcoming.print_tomorrow())
        self.print_action.setEnabled(False)  # until the data file is open (see _update_back)
        self.save_action = self._action(["Ctrl+S"], self.save_now)
        self.quit_action = self._action(["Ctrl+Q"], self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.shortcuts_action = self._action(["F1"], self.show_shortcuts)
        self.backups_action = self._action([], self.show_backups)
        self.about_action = self._action([], self.about)

    def _build_toolbar(self) -> None:
        bar = QToolBar()
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(16, 16))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        bar.addAction(self.back_action)
        bar.addSeparator()
        bar.addAction(self.new_account_action)
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search = SearchBox(self.ctx, self)
        self.search.setMinimumWidth(360)
        bar.addWidget(self.search)
        bar.addSeparator()
        bar.addAction(self.prefs_action)

    def _build_menus(self) -> None:
        menus = self.menuBar()
        self.file_menu = menus.addMenu("")
        for action in (self.new_account_action, self.new_contact_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.print_action)
        self._bundles_anchor = self.file_menu.addSeparator()  # Import/Export account go here
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.prefs_action)
        self.file_menu.addAction(self.backups_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = menus.addMenu("")
        for action in (self.undo_action, self.redo_action):
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.go_menu = menus.addMenu("")
        go = (self.go_accounts_action, self.go_upcoming_action, self.go_pipeline_action)
        for action in (*go, self.back_action):
            self.go_menu.addAction(action)
        self.team_menu = menus.addMenu("")  # its actions once the data file is open (team_menu.py)
        self.help_menu = menus.addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.about_action)
