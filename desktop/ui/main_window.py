"""The main window: navigation on the left, the rep's screens in the middle, one undo stack.

Screens: the account list, upcoming visits, an account page per opened account (kept for the
session so undo always has the form it was made in) and the visit plan (part of the visit
package, opened from an account or from upcoming visits). Back (Alt+Left) returns along the
history. Closing the window saves pending edits first.

Split by responsibility: the screens and the way between them (and what a change notice does
to them) are in window_navigation.py; the actions, toolbar and menus in window_menus.py; this
module builds the window, wires it, keeps the save status, and holds its visible texts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from . import wheel_guard
from .accounts.view import AccountListView
from .context import UiContext
from .msgbox import prompter
from .widgets.a11y import name_inner_buttons
from .widgets.retranslate import Retranslating
from .widgets.save_status import SaveReporter
from .widgets.style import stylesheet
from .window_menus import WindowMenus
from .window_navigation import (
    NAV_ACCOUNTS,
    NAV_PIPELINE,
    NAV_UPCOMING,
    WindowNavigation,
    visit_plan_class,
)

if TYPE_CHECKING:  # the rest is imported when the data file is open, after the first paint
    from .account.page import AccountPage
    from .visit.plan_view import VisitPlanView

log = logging.getLogger(__name__)
__all__ = [
    "NAV_ACCOUNTS",
    "NAV_PIPELINE",
    "NAV_UPCOMING",
    "MainWindow",
    "first_size",
    "visit_plan_class",
]


def _warm_up() -> None:
    """Import the account page and visit plan while the rep looks at the list, so the first
    account opened does not pay for them (about 100 ms)."""
    from .account import page  # noqa: F401

    visit_plan_class()


def first_size(available: QSize) -> QSize:
    """1280×800, or the screen's free area where that is smaller (a 1366×768 laptop, or any
    screen at 125 % or 150 % scale): a window larger than the screen hides its bottom edge."""
    return QSize(min(1280, available.width()), min(800, available.height()))


class MainWindow(WindowNavigation, WindowMenus, Retranslating, QMainWindow):
    """Built in two steps: the frame and the account list paint first (possibly from a
    StartView), and ``_attach`` adds what needs the open data file once ``ctx`` is ready.
    Actions triggered in between run then, in order."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        # Before any field is built: the wheel scrolls forms, it does not change their values.
        wheel_guard.install(QApplication.instance())  # type: ignore[arg-type]  # a QApplication: widgets exist
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setStyleSheet(stylesheet(QApplication.font().pointSizeF()))
        self.resize(first_size(self.screen().availableGeometry().size()))
        self.undo_stack = QUndoStack(self)
        self.reporter = SaveReporter(self)
        self._pages: dict[int, AccountPage] = {}
        self._history: list[QWidget] = []
        self._visit_view: VisitPlanView | None = None
        self._waiting: list[Callable[[], object]] = []  # actions asked for before the file opened
        self._plan_renewal = False  # a language switch asked for the visit plan to be rebuilt
        self.bundles: Any = None
        self.upcoming: Any = None
        self.pipeline: Any = None
        self.sync_status: Any = None  # the team sync state (desktop/ui/sync_status.py)
        self.team: Any = None  # the Team menu's actions (desktop/ui/team_menu.py)

        # Centre: navigation column and the stack of screens.
        centre = QWidget()
        row = QHBoxLayout(centre)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(QSize(18, 18))
        for icon in (
            QStyle.StandardPixmap.SP_DirHomeIcon,
            QStyle.StandardPixmap.SP_FileDialogDetailedView,
            QStyle.StandardPixmap.SP_FileDialogContentsView,
        ):
            self.nav.addItem(QListWidgetItem(self.style().standardIcon(icon), ""))
        row.addWidget(self.nav)
        self.stack = QStackedWidget()
        row.addWidget(self.stack, 1)
        self.setCentralWidget(centre)

        self.accounts = AccountListView(ctx)
        self.stack.addWidget(self.accounts)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()

        self.save_label = QLabel()
        self.statusBar().addPermanentWidget(self.save_label)
        self.statusBar().setSizeGripEnabled(False)

        self.nav.currentRowChanged.connect(self._nav_clicked)
        # A click on the row already current (Accounts while an account page or a visit plan
        # shows) changes no row: it still means "take me to that list".
        self.nav.itemClicked.connect(lambda item: self._nav_clicked(self.nav.row(item)))
        self.accounts.open_account.connect(
            lambda account_id: self._when_ready(lambda: self.open_account(account_id))
        )
        self.accounts.new_account.connect(lambda: self._when_ready(self.new_account))
        self.search.open_hit.connect(self.open_hit)
        self.reporter.saved.connect(self._saved)
        self.reporter.failed.connect(self._failed)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._undo_tips)
        self.undo_stack.redoTextChanged.connect(self._undo_tips)
        ctx.hub.changed.connect(self._data_changed)

        self._retranslate()
        self.nav.setCurrentRow(NAV_ACCOUNTS)
        self._history.clear()
        self._update_back()
        if ctx.ready:
            self._attach()
        else:
            self.statusBar().showMessage(self.tr("Opening your data…"))
            ctx.hub.ready.connect(self._attach)

    def _attach(self) -> None:
        """The screens and actions that need the open data file."""
        from .autobackup import AutoBackupTimer
        from .bundle_actions import BundleActions
        from .upcoming.view import UpcomingView

        self.upcoming = UpcomingView(self.ctx)
        self.stack.addWidget(self.upcoming)
        self.upcoming.open_visit.connect(self.open_visit)
        from .pipeline.view import PipelineView

        self.pipeline = PipelineView(self.ctx)
        self.stack.addWidget(self.pipeline)
        self.pipeline.open_deal.connect(
            lambda account_id, deal_id: self.open_account(account_id, opportunity_id=deal_id)
        )

        self.bundles = BundleActions(self, self.ctx, self._current_account_id)
        self.bundles.imported.connect(self.open_account)
        from .crm_import_dialog import CrmImportAction

        self.crm_import_action = CrmImportAction(self, self.ctx)
        self.file_menu.insertActions(
            self._bundles_anchor,
            [self.bundles.import_action, self.crm_import_action, self.bundles.export_action],
        )
        from .changed_dialog import ChangedAction

        self.changed_action = ChangedAction(self, self.ctx)  # team sync: values replaced
        self.file_menu.insertAction(self.backups_action, self.changed_action)
        from .sync_status import SyncIndicator

        self.sync_status = SyncIndicator(self.ctx, self.changed_action.open_dialog, self)
        self.statusBar().insertPermanentWidget(0, self.sync_status.button)
        if self.sync_status.joined():  # this laptop joined a team: sync on a worker thread
            self.sync_status.start()
        from .team_menu import TeamMenu

        self.team = TeamMenu(
            self, self.ctx, self.team_menu, self.sync_status, self._current_account_id
        )
        # Backups after changes (at most every 10 minutes) and on exit, off the GUI thread.
        self._autobackup = AutoBackupTimer(
            self.ctx.services.backups, self.ctx.services.notifier, parent=self
        )
        self._autobackup.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self._retranslate()
        self._update_back()
        self.statusBar().clearMessage()
        waiting, self._waiting = self._waiting, []
        if waiting:
            QApplication.restoreOverrideCursor()
        for call in waiting:
            call()
        QTimer.singleShot(0, _warm_up)

    def _when_ready(self, slot: Callable[[], object]) -> None:
        """Run ``slot`` now, or once the data file is open (with a busy cursor meanwhile)."""
        if self.ctx.ready:
            slot()
            return
        if not self._waiting:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._waiting.append(slot)

    # Actions ------------------------------------------------------------------------------

    def new_account(self) -> None:
        from .account.dialogs import NewAccountDialog

        dialog = NewAccountDialog(self.ctx, self)
        if dialog.exec() and dialog.created_id is not None:
            self.open_account(dialog.created_id)

    def new_contact(self) -> None:
        page = self.stack.currentWidget()
        if self._is_account_page(page):
            page.show_tab(1)
            page.circle.add_contact()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush_all(self) -> bool:
        """Save every pending edit in every form; False if a field refused its value."""
        from .binding import FormBinder

        ok = True
        for binder in self.findChildren(FormBinder):
            ok = binder.flush() and ok
        if self._visit_view is not None:
            ok = bool(self._visit_view.flush()) and ok
        return ok

    def save_now(self) -> None:
        if self.flush_all():
            self._saved()
        else:
            self._failed(self.tr("a field holds a value that cannot be saved"))

    def undo(self) -> None:
        self.flush_all()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush_all()
        self.undo_stack.redo()

    def preferences(self) -> None:
        from .preferences import PreferencesDialog

        PreferencesDialog(self.ctx, self).exec()

    def show_shortcuts(self) -> None:
        from .widgets.shortcuts import ShortcutsDialog

        extra = [
            (self.tr("Next / previous tab"), "Ctrl+Tab / Ctrl+Shift+Tab"),
            (self.tr("Open the selected account, visit or search result"), "Enter"),
            (self.tr("Move through search results"), "↑ / ↓"),
            (self.tr("Close the search results"), "Esc"),
        ]
        ShortcutsDialog(self.shortcut_actions(), extra, self).exec()

    def shortcut_actions(self) -> list[QAction]:
        return [
            self.new_account_action,
            self.new_contact_action,
            self.save_action,
            self.undo_action,
            self.redo_action,
            self.find_action,
            self.go_accounts_action,
            self.go_upcoming_action,
            self.go_pipeline_action,
            self.back_action,
            self.print_action,
            self.prefs_action,
            self.shortcuts_action,
            self.quit_action,
        ]

    def about(self) -> None:
        from desktop import __version__ as version

        prompter.info(
            self,
            self.tr("About Callbrief"),
            self.tr("Callbrief {version}\nCall planning for B2B field sales.").format(
                version=version
            ),
        )

    # Status -------------------------------------------------------------------------------

    def _saved(self) -> None:
        # A save in one field says nothing about the others: a refused value elsewhere is
        # still not saved, and the status bar says so rather than "All changes saved".
        unsaved = self._unsaved()
        if unsaved:
            self._show_unsaved(unsaved)
            return
        self.save_label.setObjectName("saveOk")
        self.save_label.setStyleSheet("color: #2e7d32;")
        self.save_label.setText(self.tr("All changes saved"))
        self.save_label.setToolTip("")

    def _failed(self, message: str) -> None:
        # A refused value is named with its place; a failed save (disk full…) by its reason.
        unsaved = self._unsaved()
        self._show_unsaved(unsaved or [message])

    def _unsaved(self) -> list[str]:
        from .binding import FormBinder

        return self.reporter.unsaved(self.findChildren(FormBinder))

    def _show_unsaved(self, reasons: list[str]) -> None:
        reason = reasons[0]
        if len(reasons) > 1:
            reason = self.tr("{first} (and {more} more)").format(
                first=reason, more=len(reasons) - 1
            )
        self.save_label.setObjectName("saveFailed")
        self.save_label.setStyleSheet("color: #c62828;")
        self.save_label.setText(self.tr("Not saved: {reason}").format(reason=reason))
        self.save_label.setToolTip("\n".join(reasons))

    def _undo_tips(self, *_args: object) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setToolTip(
            self.tr("Undo {what} (Ctrl+Z)").format(what=undo) if undo else self.tr("Undo (Ctrl+Z)")
        )
        self.redo_action.setToolTip(
            self.tr("Redo {what} (Ctrl+Shift+Z)").format(what=redo)
            if redo
            else self.tr("Redo (Ctrl+Shift+Z)")
        )

    def show_backups(self) -> None:
        if not self.flush_all():
            return
        from .backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.ctx.services.backups, self)
        dialog.exec()
        dialog.deleteLater()

    # Closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.flush_all():
            discard = prompter.confirm(
                self,
                self.tr("Some changes are not saved"),
                self.tr(
                    "A field holds a value that cannot be saved; it is marked in red. "
                    "Close anyway and discard that change?"
                ),
            )
            if not discard:
                event.ignore()
                return
        if self.ctx.ready:
            self._autobackup.at_exit()
        if self.sync_status is not None:
            self.sync_status.stop()
        event.accept()

    # Language -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.nav.item(NAV_ACCOUNTS).setText(self.tr("Accounts"))
        self.nav.item(NAV_UPCOMING).setText(self.tr("Upcoming visits"))
        self.nav.item(NAV_PIPELINE).setText(self.tr("Pipeline"))
        self.nav.setAccessibleName(self.tr("Sections"))
        texts = {
            self.new_account_action: (
                self.tr("&New account…"),
                self.tr("Create an account (Ctrl+N)"),
            ),
            self.new_contact_action: (
                self.tr("New &contact…"),
                self.tr("Add a person to the open account (Ctrl+Shift+N)"),
            ),
            self.undo_action: (self.tr("&Undo"), self.tr("Undo (Ctrl+Z)")),
            self.redo_action: (self.tr("&Redo"), self.tr("Redo (Ctrl+Shift+Z)")),
            self.prefs_action: (self.tr("&Preferences…"), self.tr("Preferences (Ctrl+,)")),
            self.back_action: (self.tr("&Back"), self.tr("Back (Alt+Left)")),
            self.find_action: (self.tr("&Find…"), self.tr("Search (Ctrl+F)")),
            self.go_accounts_action: (self.tr("&Accounts"), self.tr("Accounts (Ctrl+1)")),
            self.go_upcoming_action: (
                self.tr("Upcoming &visits"),
                self.tr("Upcoming visits (Ctrl+2)"),
            ),
            self.go_pipeline_action: (self.tr("&Pipeline"), self.tr("Pipeline (Ctrl+3)")),
            self.print_action: (
                self.tr("&Print tomorrow's briefs…"),
                self.tr("Print tomorrow's briefs (Ctrl+P)"),
            ),
            self.save_action: (self.tr("&Save now"), self.tr("Save pending edits now (Ctrl+S)")),
            self.quit_action: (self.tr("&Quit"), self.tr("Quit (Ctrl+Q)")),
            self.shortcuts_action: (
                self.tr("&Keyboard shortcuts"),
                self.tr("Keyboard shortcuts (F1)"),
            ),
            self.about_action: (self.tr("&About Callbrief"), ""),
            self.backups_action: (
                self.tr("&Backups…"),
                self.tr("See the backups of your data and restore one"),
            ),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
        self.file_menu.setTitle(self.tr("&File"))
        if self.bundles is not None:
            self.bundles.retranslate()
            self.crm_import_action.retranslate()
            self.changed_action.retranslate()
            self.sync_status.retranslate()
            self.team.retranslate()
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.go_menu.setTitle(self.tr("&Go"))
        if self.team is None:
            self.team_menu.setTitle(self.tr("&Team"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        name_inner_buttons(self.toolbar, self.tr("More tools"))
        name_inner_buttons(self.menuBar(), self.tr("More menus"))
        self._undo_tips()
        if self.save_label.text():
            self._saved()  # in the new language, and still saying what is not saved
        if self._visit_view is not None and not self._plan_renewal:
            # Once per switch (each translator swapped sends LanguageChange), after it is done.
            self._plan_renewal = True
            QTimer.singleShot(0, self._renew_plan)
