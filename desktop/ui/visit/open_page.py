"""Step 2, Open: the value statement, built from its parts and tailored to the listener."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.domain.playbook import Entry
from desktop.ui.context import UiContext

from .common import PlanData
from .step_page import StepPage
from .value_statement import ValueStatementBuilder


class OpenPage(StepPage):
    step = "open"

    def __init__(
        self,
        ctx: UiContext,
        undo_stack: QUndoStack | None,
        visit_id: int,
        entry: Entry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, undo_stack, visit_id, entry, parent)
        self.builder = ValueStatementBuilder(ctx, self.binder)
        self.body.addWidget(self.builder)
        self.body.addStretch(1)

    def refresh(self, data: PlanData) -> None:
        self.builder.load(data)
