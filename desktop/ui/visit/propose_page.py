"""Step 4, Propose: the next logical action and the FAB statements, each tied to a need."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.domain.playbook import Entry
from desktop.ui.context import UiContext

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
from .item_table import ItemField, ItemTable, ItemTexts, short
from .step_page import StepPage


class ProposePage(StepPage):
    step = "propose"

    def __init__(
        self,
        ctx: UiContext,
        undo_stack: QUndoStack | None,
        visit_id: int,
        entry: Entry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, undo_stack, visit_id, entry, parent)
        self.body.addWidget(heading(self.tr("Next logical action"), 1))
        form = form_layout()
        self.next_action = combo(playbook_choices(ctx, "next_actions"), "—")
        add_field(form, self.binder, "next_action", self.tr("Action to propose"), self.next_action)
        self.action_help = muted()
        form.addRow("", self.action_help)
        self.detail = text_edit(self.tr("Who takes part, when, and what it will show"), 80)
        add_field(form, self.binder, "next_action_detail", self.tr("Details"), self.detail)
        self.body.addLayout(form)
        self.next_action.currentIndexChanged.connect(self._show_action_help)

        self.body.addWidget(heading(self.tr("Feature → advantage → benefit"), 1))
        self.body.addWidget(
            muted(
                self.tr(
                    "A benefit only counts when it meets a need the customer stated: link each "
                    "statement to one of the needs found in Consult."
                )
            )
        )
        unlinked = self.tr("⚠ Not linked to a need")
        self.fabs = ItemTable(
            ctx,
            undo_stack,
            visit_id,
            "fab",
            [
                ItemField("feature", self.tr("Feature"), "text", placeholder=self.tr("It has…")),
                ItemField(
                    "advantage", self.tr("Advantage"), "text", placeholder=self.tr("…which means…")
                ),
                ItemField("benefit", self.tr("Benefit"), "text", placeholder=self.tr("…so you…")),
                ItemField(
                    "need_id",
                    self.tr("Need it meets"),
                    "combo",
                    choices=self._needs,
                    none_label=unlinked,
                    show=lambda f: self._need_text(f.need_id) or unlinked,
                ),
            ],
            ItemTexts(
                add=self.tr("Add a FAB statement"),
                edit=self.tr("Edit a FAB statement"),
                delete=self.tr("Delete a FAB statement"),
                move=self.tr("Move a FAB statement"),
                new_hint=self.tr("Fill in the feature, advantage and benefit, then pick the need."),
                title=self.tr("Feature → advantage → benefit"),
            ),
        )
        self.fabs.setMinimumHeight(520)
        self.tables.append(self.fabs)
        self.body.addWidget(self.fabs)
        self.body.addStretch(1)

    def _needs(self) -> list[tuple[str, int]]:
        if self.data is None:
            return []
        # Implicit needs stay in the list, marked, so the rep sees why picking one is refused.
        implicit = self.tr("(implicit, not yet stated)")
        return [
            (short(n.description, 60) + ("" if n.clarity == "explicit" else f" {implicit}"), n.id)
            for n in self.data.visit.needs
        ]

    def _need_text(self, need_id: int | None) -> str:
        if self.data is None or need_id is None:
            return ""
        need = next((n for n in self.data.visit.needs if n.id == need_id), None)
        return short(need.description, 60) if need else ""

    def _show_action_help(self) -> None:
        entry = self.ctx.services.playbook.get("next_actions", self.next_action.currentData())
        self.action_help.setText(entry.description_text(self.ctx.lang) if entry else "")

    def refresh(self, data: PlanData) -> None:
        self._show_action_help()
        self.fabs.set_items(list(data.visit.fabs))
