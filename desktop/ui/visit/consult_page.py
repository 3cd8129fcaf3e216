"""Step 3, Consult: the planned questions (ERIC / SPIN / question types) and the needs found."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.domain.playbook import Entry
from desktop.ui.context import UiContext

from .common import PlanData, add_field, form_layout, heading, playbook_choices, text_edit
from .item_table import ItemField, ItemTable, ItemTexts
from .question_bank import QuestionBankDialog
from .step_page import StepPage


def split_kind(value: Any) -> dict[str, str]:
    """ "spin:problem" -> the framework and step the service stores."""
    if not value:
        return {}
    framework, _, step = str(value).partition(":")
    return {"framework": framework, "step": step}


class ConsultPage(StepPage):
    step = "consult"

    def __init__(
        self,
        ctx: UiContext,
        undo_stack: QUndoStack | None,
        visit_id: int,
        entry: Entry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, undo_stack, visit_id, entry, parent)
        self.bank: QuestionBankDialog | None = None

        self.body.addWidget(heading(self.tr("Planned questions"), 1))
        self.pitfalls = QLabel()
        self.pitfalls.setWordWrap(True)
        self.pitfalls.setTextFormat(Qt.TextFormat.RichText)
        self.pitfalls.setStyleSheet("color: #5f6368;")
        self.body.addWidget(self.pitfalls)
        self._show_pitfalls()
        row = QHBoxLayout()
        self.bank_button = QPushButton(self.tr("Add from the bank…"))
        self.bank_button.setToolTip(
            self.tr("Pick questions from the ERIC and SPIN banks and the question types.")
        )
        self.bank_button.clicked.connect(self.open_bank)
        row.addWidget(self.bank_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.questions = ItemTable(
            ctx,
            undo_stack,
            visit_id,
            "question",
            [
                ItemField(
                    "kind",
                    self.tr("Framework and step"),
                    "combo",
                    choices=self._kinds,
                    read=lambda q: f"{q.framework}:{q.step}",
                    write=split_kind,
                    sources=("framework", "step"),
                ),
                ItemField("text", self.tr("Question"), "text"),
                ItemField(
                    "target_contact_id",
                    self.tr("Ask whom"),
                    "combo",
                    choices=self._people,
                    none_label=self.tr("Anyone"),
                ),
            ],
            ItemTexts(
                add=self.tr("Add a question"),
                edit=self.tr("Edit a question"),
                delete=self.tr("Delete a question"),
                move=self.tr("Move a question"),
                new_hint=self.tr("Type the question to add it to the plan."),
                title=self.tr("Planned questions"),
            ),
            defaults=lambda: {"kind": "eric:explore"},
        )
        self.questions.setMinimumHeight(470)
        self.tables.append(self.questions)
        self.body.addWidget(self.questions)

        self.body.addWidget(heading(self.tr("Needs"), 1))
        self.needs = ItemTable(
            ctx,
            undo_stack,
            visit_id,
            "need",
            [
                ItemField("description", self.tr("Need"), "text"),
                ItemField(
                    "scope",
                    self.tr("Business or personal"),
                    "combo",
                    choices=lambda: playbook_choices(ctx, "need_scopes"),
                ),
                ItemField(
                    "clarity",
                    self.tr("Implicit or explicit"),
                    "combo",
                    choices=lambda: playbook_choices(ctx, "need_clarity"),
                ),
                ItemField(
                    "category",
                    self.tr("Kind of need"),
                    "combo",
                    choices=self._categories,
                    none_label="—",
                    column=False,
                ),
                ItemField(
                    "contact_id",
                    self.tr("Whose need"),
                    "combo",
                    choices=self._people,
                    none_label="—",
                ),
            ],
            ItemTexts(
                add=self.tr("Add a need"),
                edit=self.tr("Edit a need"),
                delete=self.tr("Delete a need"),
                move=self.tr("Move a need"),
                new_hint=self.tr("Describe the need in the customer's words to add it."),
                title=self.tr("Needs"),
            ),
            defaults=lambda: {"scope": "business", "clarity": "implicit"},
        )
        self.needs.setMinimumHeight(460)
        self.tables.append(self.needs)
        self.body.addWidget(self.needs)

        form = form_layout()
        self.notes = text_edit(self.tr("How you will run the conversation"), 80)
        add_field(form, self.binder, "consult_notes", self.tr("Consulting notes"), self.notes)
        self.body.addLayout(form)
        self.body.addStretch(1)

    # Choices --------------------------------------------------------------------------------

    def _kinds(self) -> list[tuple[str, str]]:
        pb, lang = self.ctx.services.playbook, self.ctx.lang
        out = [(f"ERIC · {e.text(lang)}", f"eric:{e.key}") for e in pb.group("eric_steps")]
        out += [(f"SPIN · {e.text(lang)}", f"spin:{e.key}") for e in pb.group("spin_types")]
        out += [(e.text(lang), f"type:{e.key}") for e in pb.group("question_types")]
        return out

    def _people(self) -> list[tuple[str, int]]:
        if self.data is None:
            return []
        attending = {c.id for c in self.data.customer_attendees()}
        # The people in the meeting first.
        people = sorted(self.data.contacts, key=lambda c: (c.id not in attending, c.id))
        return [(c.name, c.id) for c in people]

    def _categories(self) -> list[tuple[str, str]]:
        return playbook_choices(self.ctx, "business_needs") + playbook_choices(
            self.ctx, "personal_needs"
        )

    def _show_pitfalls(self) -> None:
        pb, lang = self.ctx.services.playbook, self.ctx.lang
        items = [
            f"<b>{escape(e.text(lang))}</b>: {escape(e.description_text(lang))}"
            for e in pb.group("question_pitfalls")
        ]
        title = escape(self.tr("Avoid:"))
        self.pitfalls.setText(f"{title} " + " · ".join(items))

    # Loading --------------------------------------------------------------------------------

    def refresh(self, data: PlanData) -> None:
        self.questions.set_items(list(data.visit.questions))
        self.needs.set_items(list(data.visit.needs))

    def open_bank(self) -> None:
        """The picker, non-modal for the event loop (tests and screen readers can reach it)."""
        self.questions.flush()
        self.bank = QuestionBankDialog(self.ctx, self._people(), self)
        self.bank.setWindowModality(Qt.WindowModality.WindowModal)
        self.bank.accepted.connect(lambda: self.questions.add_many(self.bank.selected()))
        self.bank.finished.connect(self.bank.deleteLater)
        self.bank.open()
