"""The window's Team menu: Join a team…, Share this account…, Leave this shared account…,
Sync now. The same steps as ``callbrief team join | share | leave`` and ``callbrief sync``,
through the same module (desktop/sync/team_actions.py).

What can be done follows the state: sharing and syncing need a team joined; sharing needs an
account on screen, leaving an account on screen that is shared. Joining starts the background
sync (the team state appears in the status bar); sharing and Sync now wake it. Leaving asks
first, then runs on a worker thread: the data file is backed up, the account leaves this laptop
(its page closes) and the status bar says where the backup is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from .context import UiContext
from .msgbox import prompter
from .tasks import run_task

if TYPE_CHECKING:
    from .sync_status import SyncIndicator


class TeamMenu(QObject):
    def __init__(
        self,
        window: QMainWindow,
        ctx: UiContext,
        menu: QMenu,
        sync_status: SyncIndicator,
        current_account: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self._window, self._ctx, self._menu = window, ctx, menu
        self._sync = sync_status
        self._current_account = current_account
        self._leaving = False
        self.join_action = self._action(self.join)
        self.share_action = self._action(self.share)
        self.leave_action = self._action(self.leave)
        menu.addSeparator()
        self.sync_action = self._action(self.sync_now)  # no key: F5 is the visit plan's
        # A bound slot, not a lambda: Qt drops the connection when the window (our parent) goes,
        # while the hub lives on for the next window.
        ctx.hub.changed.connect(self._on_change)
        self.retranslate()
        self.update_enabled()

    def _action(self, slot: Callable[[], object]) -> QAction:
        action = QAction(self._window)
        action.triggered.connect(lambda _checked=False: slot())
        self._menu.addAction(action)
        return action

    @property
    def folder(self) -> Path:
        return Path(self._ctx.services.files.folder)

    def retranslate(self) -> None:
        self._menu.setTitle(self.tr("&Team"))
        texts = {
            self.join_action: (
                self.tr("&Join a team…"),
                self.tr("Log in to your team's server to share accounts"),
            ),
            self.share_action: (
                self.tr("&Share this account…"),
                self.tr("Share the open account with a teammate, a team or a territory"),
            ),
            self.leave_action: (
                self.tr("&Leave this shared account…"),
                self.tr("Stop receiving the open shared account and remove it from this laptop"),
            ),
            self.sync_action: (
                self.tr("Sync &now"),
                self.tr("Send your changes and receive the team's now"),
            ),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def _on_change(self, _change: object) -> None:
        self.update_enabled()

    def update_enabled(self) -> None:
        from desktop.sync.team_actions import is_joined, is_shared

        joined = is_joined(self.folder)
        account_id = self._current_account()
        shared = account_id is not None and is_shared(self._ctx.services, account_id)
        self.share_action.setEnabled(joined and account_id is not None)
        self.leave_action.setEnabled(joined and shared and not self._leaving)
        self.sync_action.setEnabled(joined)

    # Join and share --------------------------------------------------------------------------

    def join(self) -> None:
        from .team_dialogs import JoinDialog

        dialog = JoinDialog(self._ctx, self._window)
        joined = dialog.exec() == QDialog.DialogCode.Accepted
        config: Any = dialog.config
        dialog.deleteLater()
        if not joined:
            return
        text = self.tr("Joined the team at %1 as %2.")
        self._tell(text.replace("%1", config.url).replace("%2", config.user))
        self._sync_now()
        self.update_enabled()

    def share(self) -> None:
        account_id = self._current_account()
        if account_id is None:
            return
        from .team_dialogs import ShareDialog

        name = self._ctx.services.accounts.get(account_id).name
        dialog = ShareDialog(self._ctx, account_id, name, self._window)
        shared = dialog.exec() == QDialog.DialogCode.Accepted
        grantee = dialog.grantee.text().strip()
        dialog.deleteLater()
        if not shared:
            return
        text = self.tr("“%1” is shared with %2; it is sent at this sync.")
        self._tell(text.replace("%1", name).replace("%2", grantee))
        self._sync_now()
        self.update_enabled()

    # Leave --------------------------------------------------------------------------------

    def leave(self) -> None:
        account_id = self._current_account()
        if account_id is None or self._leaving:
            return
        from desktop.sync.team_actions import leave_share

        name = self._ctx.services.accounts.get(account_id).name
        asked = prompter.confirm(
            self._window,
            self.tr("Leave this shared account"),
            self.tr(
                "Stop receiving “%1” from the team and remove it from this laptop? Your data"
                " file is backed up first; your teammates keep the account."
            ).replace("%1", name),
        )
        if not asked:
            return
        self._leaving = True
        self.update_enabled()
        services, folder = self._ctx.services, self.folder

        def done(removal: Any) -> None:
            self._leaving = False
            text = self.tr("“%1” was removed from this laptop. A backup is at %2.")
            self._tell(text.replace("%1", name).replace("%2", str(removal.backup)))
            self.update_enabled()

        def failed(error: BaseException) -> None:
            from desktop.sync.client import AuthRefused, TeamError
            from desktop.sync.team_actions import TeamRefused

            from .team_dialogs import login_refused

            self._leaving = False
            self.update_enabled()
            if not isinstance(error, TeamError):
                raise error
            reason = error.reason if isinstance(error, TeamRefused) else ""
            if isinstance(error, AuthRefused):
                reason = "login"
            words = {
                "login": login_refused(reason),
                "owner": self.tr(
                    "You shared this account first, so it cannot be left: it stays here."
                ),
                "unreachable": self.tr(
                    "The team server cannot be reached; the account stays here. Try again"
                    " when you are online."
                ),
            }
            prompter.error(
                self._window, self.tr("Leave this shared account"), words.get(reason, str(error))
            )

        run_task(lambda: leave_share(services, folder, account_id), done, failed, owner=self)

    # Sync -----------------------------------------------------------------------------------

    def sync_now(self) -> None:
        self._sync_now()

    def _sync_now(self) -> None:
        """Start the background sync if it is not running (just joined), else wake it."""
        if self._sync.worker is None:
            self._sync.start()
        else:
            self._sync.worker.wake()

    def _tell(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 15_000)
