"""The main window's screens and the way between them: the navigation column, the stack of
screens, Back along the history, one account page per opened account, the visit plan, and what
a change notice does to them (an account deleted closes its page; a restore closes them all).

A mixin of ``MainWindow`` (desktop/ui/main_window.py), which builds the widgets named below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeGuard

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QListWidget, QMainWindow, QStackedWidget, QWidget

from desktop.services.events import Change, ChangeKind

if TYPE_CHECKING:
    from desktop.services.queries import SearchHit

    from .account.page import AccountPage
    from .accounts.view import AccountListView
    from .context import UiContext
    from .visit.plan_view import VisitPlanView
    from .widgets.save_status import SaveReporter

NAV_ACCOUNTS, NAV_UPCOMING, NAV_PIPELINE = range(3)

# Type checkers see the window these mixins end up in; at run time they are plain classes.
if TYPE_CHECKING:
    WindowBase = QMainWindow
else:
    WindowBase = object


def visit_plan_class() -> type[VisitPlanView]:
    """The visit plan screen's class, imported when first needed (not before the first paint)."""
    from .visit.plan_view import VisitPlanView

    return VisitPlanView


class WindowNavigation(WindowBase):
    """Which screen shows, how the rep got there, and the screens' lives."""

    # Built by MainWindow.__init__ / _attach:
    ctx: UiContext
    nav: QListWidget
    stack: QStackedWidget
    accounts: AccountListView
    upcoming: Any
    pipeline: Any
    bundles: Any
    team: Any
    undo_stack: QUndoStack
    reporter: SaveReporter
    back_action: QAction
    go_accounts_action: QAction
    go_upcoming_action: QAction
    go_pipeline_action: QAction
    print_action: QAction
    _pages: dict[int, AccountPage]
    _history: list[QWidget]
    _visit_view: QWidget | None
    _plan_renewal: bool
    _when_ready: Callable[[Callable[[], None]], None]

    def _nav_clicked(self, row: int) -> None:
        if row in (NAV_UPCOMING, NAV_PIPELINE) and self.upcoming is None:
            self._when_ready(lambda: self._nav_clicked(row))
            return
        target = {NAV_ACCOUNTS: self.accounts, NAV_UPCOMING: self.upcoming}.get(row, self.pipeline)
        if self.stack.currentWidget() is not target:
            self.show_screen(target)

    def show_nav(self, row: int) -> None:
        self.nav.setCurrentRow(row)
        self._nav_clicked(row)

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_screen(self, widget: QWidget, remember: bool = True) -> None:
        current = self.stack.currentWidget()
        if current is widget:
            return
        self._flush_screen(current)
        if remember and current is not None:
            self._history.append(current)
            del self._history[:-50]
        self.stack.setCurrentWidget(widget)
        self.nav.blockSignals(True)
        if widget is self.upcoming:
            self.nav.setCurrentRow(NAV_UPCOMING)
        elif widget is self.pipeline:
            self.nav.setCurrentRow(NAV_PIPELINE)
        elif widget is self.accounts or self._is_account_page(widget):
            self.nav.setCurrentRow(NAV_ACCOUNTS)
        self.nav.blockSignals(False)
        self._update_title()
        self._update_back()
        if self.bundles is not None:
            self.bundles.update_enabled()
            self.team.update_enabled()

    def _is_account_page(self, widget: QWidget | None) -> TypeGuard[AccountPage]:
        return any(widget is page for page in self._pages.values())

    def _current_account_id(self) -> int | None:
        """The account on screen (its page), for actions such as Export account."""
        widget = self.stack.currentWidget()
        return widget.account_id if self._is_account_page(widget) else None

    def _update_back(self) -> None:
        # The visit plan has its own Ctrl+1…5 and Ctrl+P while it has the focus; the window's
        # actions with the same keys step aside so that no key is ambiguous. Back (toolbar,
        # menu, Alt+Left) is the window's everywhere: the plan's own Alt+Left is off in here.
        in_plan = self._visit_view is not None and self.stack.currentWidget() is self._visit_view
        self.back_action.setEnabled(bool(self._history))
        actions = (self.go_accounts_action, self.go_upcoming_action, self.go_pipeline_action)
        for action in (*actions, self.print_action):
            can = action is not self.print_action or self.upcoming is not None
            action.setEnabled(not in_plan and can)

    def go_back(self) -> None:
        while self._history:
            widget = self._history.pop()
            if self.stack.indexOf(widget) >= 0:
                self.show_screen(widget, remember=False)
                return
        self._update_back()

    def _flush_screen(self, widget: QWidget | None) -> None:
        flush = getattr(widget, "flush", None)
        if callable(flush):
            flush()

    def account_page(self, account_id: int) -> AccountPage:
        from .account.page import AccountPage

        page = self._pages.get(account_id)
        if page is None:
            page = AccountPage(self.ctx, account_id, self.undo_stack, self.reporter)
            page.open_visit.connect(self.open_visit)
            self._pages[account_id] = page
            self.stack.addWidget(page)
        return page

    def open_account(
        self,
        account_id: int,
        contact_id: int | None = None,
        opportunity_id: int | None = None,
    ) -> AccountPage:
        page = self.account_page(account_id)
        self.show_screen(page)
        if contact_id is not None:
            page.show_contact(contact_id)
        elif opportunity_id is not None:
            page.show_opportunity(opportunity_id)
        return page

    def open_hit(self, hit: SearchHit) -> None:
        if hit.kind == "contact":
            self.open_account(hit.account_id, contact_id=hit.id)
        elif hit.kind == "opportunity":
            self.open_account(hit.account_id, opportunity_id=hit.id)
        else:
            self.open_account(hit.account_id)

    def open_visit(self, visit_id: int) -> VisitPlanView:
        old = self._visit_view
        if old is not None:
            self._flush_screen(old)
        view = visit_plan_class()(self.ctx, visit_id, self.undo_stack, self)
        view.back_requested.connect(self.go_back)
        view.back_shortcut.setEnabled(False)  # the window's Back has Alt+Left
        self.stack.addWidget(view)
        self._visit_view = view
        self.show_screen(view)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        if old is not None:
            # Keep it (hidden) while its edits can still be undone; drop it from history.
            self._history = [w for w in self._history if w is not old]
        return view

    def _renew_plan(self) -> None:
        """The open visit plan, built again in the new language where the rep left it."""
        self._plan_renewal = False
        old = self._visit_view
        new = old.renewed() if old is not None else None  # type: ignore[attr-defined]  # _visit_view is typed QWidget; it is a VisitView
        if new is None:  # no plan, or a refused value on it: that stays on screen as it is
            return
        new.back_requested.connect(self.go_back)
        new.back_shortcut.setEnabled(False)
        self.stack.addWidget(new)
        self._visit_view = new
        self._history = [new if w is old else w for w in self._history]
        if self.stack.currentWidget() is old:
            self.stack.setCurrentWidget(new)  # in place of the old one: no history, no flush
            new.setFocus(Qt.FocusReason.OtherFocusReason)
            self._update_back()
        # The old plan stays (hidden) while its edits can still be undone, as in open_visit.

    def _data_changed(self, change: Change) -> None:
        if change.kind is ChangeKind.RESTORED:
            self._reload_everything()
            return
        if change.kind is ChangeKind.ACCOUNT and change.deleted:
            for account_id in change.ids:
                page = self._pages.pop(account_id, None)
                if page is not None:
                    if self.stack.currentWidget() is page:
                        self.show_screen(self.accounts, remember=False)
                    self._history = [w for w in self._history if w is not page]
                    self.stack.removeWidget(page)
                    page.deleteLater()
        if change.kind is ChangeKind.ACCOUNT:
            self._update_title()

    def _reload_everything(self) -> None:
        """After a restore the data file is another one: drop every open screen and its undo."""
        self.undo_stack.clear()
        for page in list(self._pages.values()):
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        if self._visit_view is not None:
            self.stack.removeWidget(self._visit_view)
            self._visit_view.deleteLater()
            self._visit_view = None
        self._history.clear()
        self.show_screen(self.accounts, remember=False)
        self.accounts.refresh()
        self._update_back()
        self._update_title()

    def _update_title(self) -> None:
        widget = self.stack.currentWidget()
        if self._is_account_page(widget):
            self.setWindowTitle(f"{widget.name.text()} — Callbrief")
        else:
            self.setWindowTitle("Callbrief")
