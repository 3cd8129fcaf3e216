"""The value-statement builder: three parts in the rep's words, a proof, and listener tips.

"Compose" only joins what the rep wrote (who we are, what we want to do in this meeting, why it
is worth their time); it invents nothing (desktop/domain/value_statement.py). The tips change
with the main listener: their role in the deal and their communication style's pitch tip from
the playbook.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.value_statement import compose
from desktop.ui.binding import FormBinder
from desktop.ui.context import UiContext
from desktop.ui.msgbox import prompter

from .common import PlanData, add_field, fill_combo, form_layout, heading, muted, text_edit
from .prepare_page import role_summary


class ValueStatementBuilder(QWidget):
    def __init__(self, ctx: UiContext, binder: FormBinder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.binder = binder
        self.data: PlanData | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        layout.addWidget(heading(self.tr("Value statement"), 1))
        form = form_layout()
        self.who = text_edit(
            self.tr("A fast credential: what we have done for customers like them")
        )
        add_field(form, binder, "vs_who", self.tr("Who we are"), self.who)
        self.what = text_edit(self.tr("What you want to do in this meeting, as a proposed agenda"))
        add_field(form, binder, "vs_what", self.tr("What we want to do"), self.what)
        self.why = text_edit(self.tr("The value to them of giving you this time"))
        add_field(form, binder, "vs_why", self.tr("Why it is worth their time"), self.why)
        self.reference = text_edit(self.tr("A fact, a reference customer or a credible claim"))
        add_field(form, binder, "reference", self.tr("Proof or reference"), self.reference)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.compose_button = QPushButton(self.tr("Compose the statement"))
        self.compose_button.setToolTip(
            self.tr("Join the three parts above into the statement below, in your own words.")
        )
        self.compose_button.clicked.connect(self.compose)
        row.addWidget(self.compose_button)
        self.compose_note = muted()
        row.addWidget(self.compose_note, 1)
        layout.addLayout(row)
        form = form_layout()
        self.statement = text_edit(self.tr("The statement as you will say it; edit freely"), 96)
        add_field(form, binder, "value_statement", self.tr("Statement"), self.statement)
        layout.addLayout(form)

        layout.addWidget(heading(self.tr("Tailor it to your main listener"), 1))
        self.listener = QComboBox()
        self.listener.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.listener.currentIndexChanged.connect(self._show_tips)
        pick = QHBoxLayout()
        caption = QLabel(self.tr("Main listener"))
        caption.setBuddy(self.listener)
        pick.addWidget(caption)
        pick.addWidget(self.listener)
        pick.addStretch(1)
        layout.addLayout(pick)
        self.tips = QLabel()
        self.tips.setWordWrap(True)
        self.tips.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.tips)

    def role_tips(self) -> dict[str, str]:
        return {
            "decision_maker": self.tr(
                "Decision maker: talk about outcomes, return and risk; be brief and let them "
                "decide."
            ),
            "user": self.tr(
                "User: show how it makes their day-to-day work easier, in terms of their own "
                "problems."
            ),
            "technical_expert": self.tr(
                "Technical expert: show the fit with their criteria and bring proof: data, "
                "references, documents."
            ),
            "influencer": self.tr(
                "Influencer: give them arguments they can repeat to the decision maker."
            ),
            "coach": self.tr(
                "Coach: be open about what you want from the meeting and ask how the others "
                "will take it."
            ),
        }

    def load(self, data: PlanData) -> None:
        self.data = data
        people = data.customer_attendees()
        choices = [(c.name, c.id) for c in people]
        had = self.listener.currentData()
        fill_combo(self.listener, choices, None)
        if had is None and people:
            # Default: the decision maker if they attend, else the first customer attendee.
            deciders = [c for c in people if "decision_maker" in self._roles(c.id)]
            self.listener.setCurrentIndex(self.listener.findData((deciders or people)[0].id))
        self._show_tips()

    def _roles(self, contact_id: int) -> list[str]:
        role = self.data.roles.get(contact_id) if self.data else None
        return list(role.roles or []) if role else []

    def _show_tips(self) -> None:
        if self.data is None:
            return
        contact_id = self.listener.currentData()
        contact = self.data.contact(contact_id)
        if contact is None:
            self.tips.setText(
                escape(
                    self.tr(
                        "Tick the customer's attendees in Prepare to get tips for your main "
                        "listener."
                    )
                )
            )
            return
        ctx, pb = self.ctx, self.ctx.services.playbook
        lines = []
        role = self.data.roles.get(contact.id)
        roles = role_summary(ctx, role)
        if roles:
            lines.append(f"<b>{escape(roles)}</b>")
        tips = self.role_tips()
        for key in self._roles(contact.id):
            if key in tips:
                lines.append(escape(tips[key]))
        style = pb.get("communication_styles", contact.communication_style)
        if style is not None:
            tip = style.extra_text("pitch_tip", ctx.lang) or ""
            text = self.tr("Communication style {style}: {tip}").format(
                style=style.text(ctx.lang), tip=tip
            )
            lines.append(escape(text))
        if not lines:
            lines.append(escape(self.tr("Nothing is known yet about this person's role or style.")))
        self.tips.setText("".join(f"<p style='margin:0 0 6px 0'>{line}</p>" for line in lines))

    def compose(self) -> None:
        composed = compose(
            [self.who.toPlainText(), self.what.toPlainText(), self.why.toPlainText()]
        )
        if not composed:
            self.compose_note.setText(self.tr("Write at least one of the three parts first."))
            return
        self.compose_note.setText("")
        current = self.statement.toPlainText().strip()
        if current and current != composed:
            if not prompter.confirm(
                self,
                self.tr("Compose the statement"),
                self.tr("Replace the statement you have edited with the three parts joined?"),
            ):
                return
        self.statement.setPlainText(composed)
        self.binder.flush()
