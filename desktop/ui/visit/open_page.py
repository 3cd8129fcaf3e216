"""Step 2, Open: the value statement, built from its parts and tailored to the listener."""

from __future__ import annotations

from .common import PlanData
from .step_page import StepPage
from .value_statement import ValueStatementBuilder


class OpenPage(StepPage):
    step = "open"

    def __init__(self, ctx, undo_stack, visit_id, entry, parent=None) -> None:
        super().__init__(ctx, undo_stack, visit_id, entry, parent)
        self.builder = ValueStatementBuilder(ctx, self.binder)
        self.body.addWidget(self.builder)
        self.body.addStretch(1)

    def refresh(self, data: PlanData) -> None:
        self.builder.load(data)
