"""Handing an account to a colleague: export and import of account bundles from the window.

Both run on a worker thread with a busy dialog; the window stays responsive. An import that is
refused lists every problem the whole-file check found — nothing is written in that case.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui.context import UiContext

from .exports import confirm_saved, file_stem, suggested_path
from .msgbox import prompter
from .tasks import run_task

BUNDLE_FILTER = "Callbrief bundle (*.json)"


class BundleActions(QObject):
    """The File menu's "Export account…" and "Import account…"."""

    imported = Signal(int)  # the account id, once it is in the database

    def __init__(
        self, window: QWidget, ctx: UiContext, current_account: Callable[[], int | None]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._current_account = current_account
        self._busy: QProgressDialog | None = None
        self.export_action = QAction(window)
        self.export_action.triggered.connect(lambda _c=False: self.export_current())
        self.import_action = QAction(window)
        self.import_action.triggered.connect(lambda _c=False: self.import_file())
        self.retranslate()

    def retranslate(self) -> None:
        self.export_action.setText(self.tr("&Export account…"))
        self.export_action.setToolTip(
            self.tr("Save the open account and everything under it as one file for a colleague")
        )
        self.import_action.setText(self.tr("&Import account…"))
        self.import_action.setToolTip(self.tr("Add an account from a colleague's bundle file"))

    def update_enabled(self) -> None:
        self.export_action.setEnabled(self._current_account() is not None)

    # Export ---------------------------------------------------------------------------------

    def export_current(self) -> None:
        account_id = self._current_account()
        if account_id is None:
            return
        from desktop.export.bundle import export_account

        name = self._ctx.services.accounts.get(account_id).name
        path = prompter.save_path(
            self._window,
            self.tr("Export account"),
            suggested_path(file_stem(name), ".json"),
            BUNDLE_FILTER,
        )
        if not path:
            return
        services = self._ctx.services
        self._start(self.tr("Exporting {name}…").format(name=name))

        def done(_result: object) -> None:
            self._stop()
            confirm_saved(self._window, self.tr("Export account"), path)

        run_task(lambda: export_account(services, account_id, Path(path)), done, self._failed)

    # Import ---------------------------------------------------------------------------------

    def import_file(self) -> None:
        path = prompter.open_path(self._window, self.tr("Import account"), BUNDLE_FILTER)
        if not path:
            return
        bundles = self._ctx.services.bundles
        self._start(self.tr("Checking and importing {file}…").format(file=Path(path).name))
        # The service announces the new account once its transaction has committed.
        run_task(lambda: bundles.import_file(Path(path)), self._imported, self._failed)

    def _imported(self, result: Any) -> None:
        if result.replaced:
            text = self.tr("{name} was replaced by the copy in the bundle.")
        else:
            text = self.tr("{name} was added.")
        self._finish(text.format(name=result.account_name))
        self.imported.emit(result.account_id)

    # Progress -------------------------------------------------------------------------------

    def _start(self, text: str) -> None:
        busy = QProgressDialog(text, "", 0, 0, self._window)
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)  # quick jobs never flash a dialog
        busy.setWindowTitle("Callbrief")
        self._busy = busy

    def _stop(self) -> None:
        if self._busy is not None:
            self._busy.close()
            self._busy.deleteLater()
            self._busy = None

    def _finish(self, text: str) -> None:
        self._stop()
        prompter.info(self._window, "Callbrief", text)

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        prompter.error(self._window, "Callbrief", str(exc))
