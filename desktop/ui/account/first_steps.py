"""What to do first on an account that is still empty, and why buying roles need a deal.

A new account has no people and no deals yet; its page says where to start and offers both
first steps as buttons. In the decision circle, a person's buying role belongs to one deal (the
same person can decide one deal and only use another), so with no deal yet the role area says
so and offers to create the first one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..widgets.retranslate import Retranslating

BANNER_STYLE = "QFrame#firstSteps { background: #eef4fb; border: 1px solid #c9d9ec; }"


class FirstStepsBanner(Retranslating, QFrame):
    """Shown on an account page while the account has no people or no deal."""

    add_person = Signal()
    add_deal = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.setStyleSheet(BANNER_STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.person_button = QPushButton()
        self.deal_button = QPushButton()
        self.person_button.clicked.connect(self.add_person)
        self.deal_button.clicked.connect(self.add_deal)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 8, 20, 8)
        row.addWidget(self.text, 1)
        row.addWidget(self.person_button)
        row.addWidget(self.deal_button)
        self._people = self._deals = 0
        self._retranslate()

    def update_counts(self, people: int, deals: int) -> None:
        """Show what is still missing; hide once the account has people and a deal."""
        self._people, self._deals = people, deals
        self.person_button.setVisible(people == 0)
        self.deal_button.setVisible(deals == 0)
        self.setVisible(people == 0 or deals == 0)
        self._retranslate()

    def _retranslate(self) -> None:
        if self._people == 0 and self._deals == 0:
            text = self.tr(
                "A new account. Start with what you know about the company below, then add "
                "the people you know and create the first deal: buying roles, visits and "
                "briefs belong to a deal."
            )
        elif self._deals == 0:
            text = self.tr(
                "No deal yet. Create the first one to record each person's buying role and to "
                "plan visits."
            )
        else:
            text = self.tr(
                "No people yet. Add the decision maker, the users, the technical experts, the "
                "influencers and your coach."
            )
        self.text.setText(text)
        self.person_button.setText(self.tr("Add the first person…"))
        self.person_button.setAccessibleName(self.tr("Add the first person"))
        self.deal_button.setText(self.tr("Create the first deal…"))
        self.deal_button.setAccessibleName(self.tr("Create the first deal"))


class NoDealPanel(Retranslating, QWidget):
    """In place of the role editor while the account has no deal."""

    create_deal = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setObjectName("muted")
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(self.create_deal)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        column.addLayout(row)
        self._retranslate()

    def _retranslate(self) -> None:
        self.text.setText(
            self.tr(
                "Buying roles belong to a deal: the same person can decide one purchase and "
                "only use another. Create this account's first deal to record who decides, "
                "uses, checks, influences and coaches in it."
            )
        )
        self.button.setText(self.tr("Create the first deal…"))
        self.button.setAccessibleName(self.tr("Create the first deal"))
