"""Shown at start when the data file is damaged: what happened, where the file went, and the
three ways on — restore the newest verified backup, start with an empty file, or quit.

The damaged file has already been moved aside by the start-up check (nothing is deleted);
the dialog only decides what comes next.

Wiring (desktop/ui/application.py, before ``open_services``)::

    from desktop import paths
    from desktop.services import datafile, recovery
    from .recovery_dialog import offer_recovery

    db_path = paths.database_path(paths.data_dir(options.data_dir))
    report = recovery.assess(db_path, datafile.known_passphrase(db_path))
    if report.status == datafile.DAMAGED and not offer_recovery(report):
        return 1  # the rep chose Quit
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import StoreError
from desktop.services import recovery
from desktop.services.datafile import HealthReport

from .formats import show_datetime
from .msgbox import prompter

RESTORE, EMPTY, QUIT = "restore", "empty", "quit"


class RecoveryDialog(QDialog):
    def __init__(self, report: HealthReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.choice = QUIT
        self.setWindowTitle(self.tr("Callbrief – the data file is damaged"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Your data file could not be opened"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.explanation = QLabel(report.explanation)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        moved = (
            self.tr("It has been moved to:\n%1\nNothing was deleted.").replace(
                "%1", str(report.moved_to)
            )
            if report.moved_to is not None
            else ""
        )
        self.location = QLabel(moved)
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.location)
        if report.backup is not None:
            offer = self.tr("The newest backup that passes its check was made %1.").replace(
                "%1", show_datetime(report.backup.created)
            )
        else:
            offer = self.tr("There is no verified backup to restore.")
        self.offer = QLabel(offer)
        self.offer.setWordWrap(True)
        layout.addWidget(self.offer)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore newest verified backup"))
        self.empty_button = QPushButton(self.tr("Start with an empty file"))
        self.quit_button = QPushButton(self.tr("Quit"))
        self.restore_button.setEnabled(report.backup is not None)
        self.restore_button.setDefault(report.backup is not None)
        for button in (self.restore_button, self.empty_button, self.quit_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(lambda: self._choose(RESTORE))
        self.empty_button.clicked.connect(lambda: self._choose(EMPTY))
        self.quit_button.clicked.connect(lambda: self._choose(QUIT))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if choice == QUIT:
            self.reject()
        else:
            self.accept()


def offer_recovery(
    report: HealthReport, passphrase: str | None = None, parent: QWidget | None = None
) -> bool:
    """Run the dialog and carry out the choice; True to go on opening the app, False to quit."""
    dialog = RecoveryDialog(report, parent)
    dialog.exec()
    dialog.deleteLater()
    if dialog.choice == RESTORE:
        try:
            recovery.restore_newest(report, passphrase)
        except (StoreError, OSError) as exc:
            title = QCoreApplication.translate("RecoveryDialog", "Restore a backup")
            prompter.error(parent, title, str(exc))
            return False
        return True
    if dialog.choice == EMPTY:
        recovery.start_empty(report)
        return True
    return False
