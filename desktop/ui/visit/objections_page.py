"""Objections, reachable from every step: the planner table, LSCPA and the method's example."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.playbook import Entry
from desktop.ui.context import UiContext

from .common import PlanData, heading, muted, playbook_choices
from .item_table import ItemField, ItemTable, ItemTexts
from .step_page import StepPage


class ObjectionsPage(StepPage):
    step = "objections"

    def __init__(
        self,
        ctx: UiContext,
        undo_stack: QUndoStack | None,
        visit_id: int,
        entry: Entry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, undo_stack, visit_id, entry, parent)
        pb, lang = ctx.services.playbook, ctx.lang
        self.body.addWidget(heading(self.tr("Objections you expect"), 1))
        self.body.addWidget(
            muted(
                self.tr(
                    "Write each objection as the customer would say it, decide when and how you "
                    "will answer it, and prepare the answer."
                )
            )
        )

        def choices(group: str):
            return lambda: playbook_choices(ctx, group)

        self.table = ItemTable(
            ctx,
            undo_stack,
            visit_id,
            "objection",
            [
                ItemField(
                    "text",
                    self.tr("Objection"),
                    "text",
                    placeholder=self.tr("In the customer's words"),
                ),
                ItemField("type", self.tr("Type"), "combo", choices=choices("objection_types")),
                ItemField(
                    "nature",
                    self.tr("Nature"),
                    "combo",
                    choices=choices("objection_natures"),
                    none_label="—",
                ),
                ItemField(
                    "timing",
                    self.tr("When to answer"),
                    "combo",
                    choices=choices("objection_timings"),
                    none_label="—",
                ),
                ItemField(
                    "method",
                    self.tr("Method"),
                    "combo",
                    choices=choices("objection_methods"),
                    none_label="—",
                ),
                ItemField(
                    "step",
                    self.tr("Expected at"),
                    "combo",
                    choices=choices("visit_steps"),
                    none_label="—",
                ),
                ItemField("response", self.tr("Prepared response"), "text"),
            ],
            ItemTexts(
                add=self.tr("Add an objection"),
                edit=self.tr("Edit an objection"),
                delete=self.tr("Delete an objection"),
                move=self.tr("Move an objection"),
                new_hint=self.tr("Type the objection as the customer would say it to add it."),
                title=self.tr("Objections you expect"),
            ),
            defaults=lambda: {"type": "need"},
            vertical=True,
        )
        self.table.setMinimumHeight(640)
        self.tables.append(self.table)
        self.body.addWidget(self.table)

        self.method_help = QLabel()
        self.method_help.setObjectName("method_help")
        self.method_help.setWordWrap(True)
        self.method_help.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.method_help)
        self.body.addWidget(heading(self.tr("Handling it live: LSCPA"), 1))
        steps = [
            f"<p style='margin:0 0 4px 0'><b>{i}. {escape(e.text(lang))}</b> — "
            f"{escape(e.description_text(lang))}</p>"
            for i, e in enumerate(pb.group("lscpa_steps"), start=1)
        ]
        self.lscpa = QLabel("".join(steps))
        self.lscpa.setWordWrap(True)
        self.lscpa.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.lscpa)
        self.body.addStretch(1)
        self.table.current_changed.connect(self._show_method)
        self._show_method(None)

    def prompts_title(self) -> str:
        return self.tr("Principles")

    def refresh(self, data: PlanData) -> None:
        self.table.set_items(list(data.visit.objections))
        self._show_method(self.table.current_item())

    def _show_method(self, item: Any | None) -> None:
        pb, lang = self.ctx.services.playbook, self.ctx.lang
        if item is None:
            self.method_help.setText(
                escape(self.tr("Select an objection to see its type and method explained."))
            )
            return
        parts = []
        kind = pb.get("objection_types", item.type)
        if kind is not None:
            parts.append(f"<b>{escape(kind.text(lang))}</b>: {escape(kind.description_text(lang))}")
        method = pb.get("objection_methods", item.method)
        if method is not None:
            parts.append(
                f"<b>{escape(method.text(lang))}</b>: {escape(method.description_text(lang))}"
            )
            example = method.extra_text("example", lang)
            if example:
                label = escape(self.tr("Example"))
                parts.append(f"<i>{label}: {escape(example)}</i>")
        self.method_help.setText("".join(f"<p style='margin:0 0 6px 0'>{p}</p>" for p in parts))
