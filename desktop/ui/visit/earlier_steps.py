"""The debrief's list of next steps still open from this deal's earlier visits.

Each is kept open, ticked off as done, or carried onto this visit (so the next brief of the deal
shows it). The choice is saved with the call report, in the same transaction.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ..formats import show_date
from ..widgets.retranslate import Retranslating

CHOICES = ("keep", "done", "carry")


class EarlierSteps(Retranslating, QWidget):
    def __init__(
        self, ctx, opportunity_id: int, visit_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.steps = ctx.services.next_steps.open_for_deal(opportunity_id, except_visit=visit_id)
        self.choices: dict[int, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        self.labels: dict[int, QLabel] = {}
        for row, step in enumerate(self.steps):
            parts = [p for p in (step.description, step.owner, show_date(step.due_date)) if p]
            label = QLabel("• " + " · ".join(parts))
            label.setWordWrap(True)
            combo = QComboBox()
            for choice in CHOICES:
                combo.addItem("", choice)
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            self.choices[step.id] = combo
            self.labels[step.id] = label
        self.setVisible(bool(self.steps))
        self._retranslate()

    def chosen(self, choice: str) -> set[int]:
        """The ids of the steps the rep set to ``choice`` ("done" or "carry")."""
        return {sid for sid, combo in self.choices.items() if combo.currentData() == choice}

    def _retranslate(self) -> None:
        self.intro.setText(
            self.tr("Open next steps from earlier visits of this deal: tick off or carry on.")
        )
        texts = {
            "keep": self.tr("Keep open"),
            "done": self.tr("Done"),
            "carry": self.tr("Carry to this visit"),
        }
        for step in self.steps:
            combo = self.choices[step.id]
            for index in range(combo.count()):
                combo.setItemText(index, texts[combo.itemData(index)])
            combo.setAccessibleName(self.tr("Earlier step: {step}").format(step=step.description))
