"""Step 5, Close: the close technique, the plan for the ask, and what to ask for."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.playbook import Entry
from desktop.ui.context import UiContext

from ..i18n import colon
from .common import (
    PlanData,
    add_field,
    combo,
    form_layout,
    heading,
    muted,
    playbook_choices,
    text_edit,
)
from .step_page import StepPage


class ClosePage(StepPage):
    step = "close"

    def __init__(
        self,
        ctx: UiContext,
        undo_stack: QUndoStack | None,
        visit_id: int,
        entry: Entry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, undo_stack, visit_id, entry, parent)
        self.body.addWidget(heading(self.tr("What you will ask for"), 1))
        self.commitments = QLabel()
        self.commitments.setWordWrap(True)
        self.commitments.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.commitments)

        self.body.addWidget(heading(self.tr("How you will close"), 1))
        form = form_layout()
        self.technique = combo(playbook_choices(ctx, "close_techniques"), "—")
        add_field(form, self.binder, "close_technique", self.tr("Close technique"), self.technique)
        self.technique_help = muted()
        form.addRow("", self.technique_help)
        self.plan = text_edit(
            self.tr("The words of the ask, then silence; the next step to agree (who, what, when)"),
            110,
        )
        add_field(form, self.binder, "close_plan", self.tr("Close plan"), self.plan)
        self.body.addLayout(form)
        self.technique.currentIndexChanged.connect(self._show_technique_help)
        self.body.addStretch(1)

    def prompts_title(self) -> str:
        return self.tr("Buying signals and the ask")

    def _show_technique_help(self) -> None:
        entry = self.ctx.services.playbook.get("close_techniques", self.technique.currentData())
        self.technique_help.setText(entry.description_text(self.ctx.lang) if entry else "")

    def refresh(self, data: PlanData) -> None:
        self._show_technique_help()
        visit = data.visit
        none = self.tr("not set yet (see Prepare)")
        rows = [
            (self.tr("Best commitment"), visit.best_commitment.strip() or none),
            (self.tr("Minimum acceptable commitment"), visit.min_commitment.strip() or none),
        ]
        sep = colon(self.ctx.lang)
        self.commitments.setText(
            "".join(
                f"<p style='margin:0 0 4px 0'><b>{escape(k)}{sep}</b>{escape(v)}</p>"
                for k, v in rows
            )
        )
