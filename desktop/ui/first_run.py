"""The first launch: on an empty data file, offer the demo account or an empty start.

Asked once: the answer is recorded (``demo_offered = yes``) whichever the rep picks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.context import UiContext

if TYPE_CHECKING:
    from desktop.services import Services


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wants_demo = False
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.empty_button = QPushButton()
        self.demo_button = QPushButton()
        self.demo_button.setDefault(True)
        buttons.addWidget(self.empty_button)
        buttons.addWidget(self.demo_button)
        layout.addLayout(buttons)
        self.demo_button.clicked.connect(self._demo)
        self.empty_button.clicked.connect(self.reject)
        self.setWindowTitle(self.tr("Welcome to Callbrief"))
        self.heading.setText(self.tr("Welcome to Callbrief"))
        self.text.setText(
            self.tr(
                "Your data file is empty. Would you like to load a demo account? It shows a "
                "complete example: a decision circle with all five roles, an opportunity with "
                "its budget and competitors, and a fully planned visit. You can delete it later."
            )
        )
        self.demo_button.setText(self.tr("Load the demo account"))
        self.empty_button.setText(self.tr("Start empty"))

    def _demo(self) -> None:
        self.wants_demo = True
        self.accept()


def should_offer(services: Services) -> bool:
    return services.queries.count_accounts() == 0 and services.settings.get("demo_offered") == "no"


def offer_demo(ctx: UiContext, parent: QWidget | None = None) -> int | None:
    """Ask on a new, empty file; returns the demo account's id if the rep loaded it."""
    services = ctx.services
    if not should_offer(services):
        return None
    dialog = FirstRunDialog(parent)
    dialog.exec()
    services.settings.set(demo_offered="yes")
    if not dialog.wants_demo:
        return None
    return services.demo.load()  # announces the account to every screen once it is written
