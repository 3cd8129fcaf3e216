"""One opportunity: the deal, its budget, the decision, qualification, risks and competitors.

A form per opportunity (kept while the page lives) so undo always writes to the right deal.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.funnel import win_probability
from desktop.services.events import ScreenToken
from desktop.ui.context import UiContext

from ..binding import FormBinder
from ..formats import date_example
from ..widgets.key_combo import KeyCombo
from ..widgets.records import Shown, lines_to_text, text_to_lines, yes_no_word
from ..widgets.retranslate import Retranslating
from ..widgets.save_status import SaveReporter
from ..widgets.section import SectionHeader
from .coach_panel import CoachPanel
from .cockpit import DealCockpit
from .competitors import CompetitorTable
from .dialogs import stage_text
from .form_rows import amount_with_currency, section, show_starts, text_box
from .negotiation_card import NegotiationCard
from .qualification import QualificationGrid
from .referral_panel import ReferralPanel

YES_NO_FIELDS = ("budget_exists", "is_tender")
YES_NO = ("unknown", "yes", "no")
JUMPS = (
    "deal",
    "budget",
    "decision",
    "qualification",
    "position",
    "competitors",
    "negotiation",
    "coaches",
    "referrals",
)


class OpportunityForm(Retranslating, QWidget):
    def __init__(
        self,
        ctx: UiContext,
        opportunity_id: int,
        undo_stack: QUndoStack,
        reporter: SaveReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.opportunity_id = opportunity_id
        services = ctx.services

        def save(values):
            if "decision_steps" in values:
                values = {**values, "decision_steps": text_to_lines(values["decision_steps"])}
            return self._shown(services.opportunities.update(opportunity_id, **values))

        def place() -> str:
            return self.tr("Opportunity “{name}”").format(name=self.binder.stored("name") or "")

        # Who saved: this form (its tab does not reload it for its own saves).
        self.token = ScreenToken("opportunity form")
        self.binder = FormBinder(
            save,
            undo_stack,
            lambda: ctx.lang,
            self,
            self.tr("Edit opportunity"),
            place,
            initiator=self.token,
        )
        self.json = FormBinder(
            save,
            undo_stack,
            lambda: ctx.lang,
            self,
            self.tr("Edit qualification"),
            place,
            initiator=self.token,
        )
        reporter.watch(self.binder)
        reporter.watch(self.json)
        self.binder.saved.connect(self._show_probability)
        self.fields: dict[str, QWidget] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        # One click (or Tab and Space) to each section of this long page.
        self.jump_buttons: dict[str, QToolButton] = {}
        jumps = QHBoxLayout()
        jumps.setSpacing(2)
        self.jump_label = QLabel()
        self.jump_label.setObjectName("muted")
        jumps.addWidget(self.jump_label)
        # Two rows of jumps: one row of eight would widen the page past a narrow window.
        more = QHBoxLayout()
        more.setSpacing(2)
        for index, key in enumerate(JUMPS):
            button = QToolButton()
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _c=False, k=key: self.jump_to(k))
            (jumps if index < 5 else more).addWidget(button)
            self.jump_buttons[key] = button
        jumps.addStretch(1)
        more.addStretch(1)
        layout.addLayout(jumps)
        layout.addLayout(more)

        self.cockpit = DealCockpit(ctx, opportunity_id)
        self.cockpit.stage_moved.connect(lambda _stage: self.reload())
        # The tab skips reloading this form for its own saves; the cockpit's weighted value and
        # proposed stage follow the amount, stage and probability just saved.
        self.binder.saved.connect(self._refresh_cockpit)
        layout.addWidget(self.cockpit)

        self.deal_header, _f, self.deal = section(layout)
        self._bind(self.deal, "name", QLineEdit())
        self.stage = KeyCombo(ctx, "funnel_stages", allow_none=False, detail=stage_text)
        self._bind(self.deal, "stage", self.stage)
        self.stage_focus = QLabel()
        self.stage_focus.setWordWrap(True)
        self.stage_focus.setObjectName("tip")
        self.deal.form.addRow("", self.stage_focus)
        probability = QLineEdit()
        probability.setMaximumWidth(90)
        self._bind(self.deal, "probability_override", probability)
        value_row, value, value_currency = amount_with_currency()
        value_error = self.deal.add("deal_amount", value_row)
        self.fields["deal_amount"], self.fields["deal_currency"] = value, value_currency
        self.binder.bind("deal_amount", value, value_error)
        self.binder.bind("deal_currency", value_currency, value_error)
        self._bind(self.deal, "expected_close", QLineEdit())
        self._bind(self.deal, "cvm_phase", KeyCombo(ctx, "cvm_phases"))
        self._bind(self.deal, "buying_cycle_stage", KeyCombo(ctx, "buying_cycle"))
        self._bind(self.deal, "purchase_timeline", QLineEdit())
        self._bind(self.deal, "is_tender", self._yes_no())

        self.budget_header, _f, self.budget = section(layout)
        self._bind(self.budget, "budget_exists", self._yes_no())
        amount_row, amount, currency = amount_with_currency()
        error = self.budget.add("budget_amount", amount_row)
        self.fields["budget_amount"], self.fields["budget_currency"] = amount, currency
        self.binder.bind("budget_amount", amount, error)
        self.binder.bind("budget_currency", currency, error)
        self._bind(self.budget, "budget_source", QLineEdit())
        self._bind(self.budget, "budget_confirmed_by", QLineEdit())

        self.decision_header, _f, self.decision = section(layout)
        self._bind(self.decision, "lead_department", QLineEdit())
        self._bind(self.decision, "deciding_department", QLineEdit())
        self._bind(self.decision, "decision_process", KeyCombo(ctx, "decision_processes"))
        self._bind(self.decision, "decision_steps", text_box(84))

        self.qual_header = SectionHeader()
        layout.addWidget(self.qual_header)
        self.qualification = QualificationGrid(ctx)
        layout.addWidget(self.qualification)
        self.qual_error = QLabel()
        layout.addWidget(self.qual_error)
        self.json.bind("qualification", self.qualification, self.qual_error)

        self.position_header, _f, self.position = section(layout)
        for name in ("pains", "risk_notes", "our_strengths", "our_weaknesses"):
            self._bind(self.position, name, text_box())

        self.comp_header = SectionHeader()
        layout.addWidget(self.comp_header)
        self.competitors = CompetitorTable(ctx, opportunity_id, undo_stack, reporter)
        layout.addWidget(self.competitors)
        # Issue 16 items 3 and 4, after the competitors their moves answer: the negotiation
        # card (stage C onward) and the coaches; the "Go to" row reaches both.
        self.negotiation = NegotiationCard(ctx, opportunity_id)
        layout.addWidget(self.negotiation)
        self.negotiation.reload()
        self.coaches = CoachPanel(ctx, opportunity_id)
        layout.addWidget(self.coaches)
        # Issue 16 item 10: the referrals "1+2", once the deal is handed over (stage E on).
        self.referrals = ReferralPanel(ctx, opportunity_id)
        layout.addWidget(self.referrals)
        self.referrals.reload()
        layout.addStretch(1)

        self.stage.currentIndexChanged.connect(self._show_probability)
        self._retranslate()
        self.reload()

    def jump_to(self, key: str) -> None:
        """Scroll the page so the section starts at the top, and put the keyboard in it."""
        header, first = {
            "deal": (self.deal_header, self.fields["name"]),
            "budget": (self.budget_header, self.fields["budget_exists"]),
            "decision": (self.decision_header, self.fields["lead_department"]),
            "qualification": (self.qual_header, self.qualification),
            "position": (self.position_header, self.fields["pains"]),
            "competitors": (self.comp_header, self.competitors.table),
            "negotiation": (self.negotiation.header, self.negotiation.phase),
            "coaches": (self.coaches.header, self.coaches.candidate),
            "referrals": (self.referrals.header, self.referrals.name),
        }[key]
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        inner = area.widget() if area is not None else None
        if area is not None and inner is not None:
            top = header.mapTo(inner, QPoint(0, 0)).y()
            area.verticalScrollBar().setValue(top)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _yes_no(self) -> QComboBox:
        # Words, not Python booleans, as item data (the service reads yes / no / unknown).
        combo = QComboBox()
        for data in YES_NO:
            combo.addItem("", data)
        return combo

    def _bind(self, rows, name: str, widget: QWidget) -> None:
        self.fields[name] = widget
        self.binder.bind(name, widget, rows.add(name, widget))

    @staticmethod
    def _shown(opp):
        return Shown(
            opp,
            decision_steps=lines_to_text,
            budget_exists=yes_no_word,
            is_tender=yes_no_word,
        )

    def reload(self) -> None:
        opp = self._ctx.services.opportunities.get(self.opportunity_id)
        self.binder.load(self._shown(opp))
        self.json.load(opp)
        show_starts(self.fields)
        self.competitors.reload()
        self.cockpit.reload()
        self.negotiation.reload()
        self.jump_buttons["negotiation"].setVisible(not self.negotiation.isHidden())
        self.coaches.reload()
        self._show_referrals()
        self._show_probability()

    def flush(self) -> bool:
        return self.binder.flush() and self.json.flush()

    def _refresh_cockpit(self, *_args: object) -> None:
        self.cockpit.reload()
        self.negotiation.reload()  # a stage saved at C or later opens the card
        self.jump_buttons["negotiation"].setVisible(not self.negotiation.isHidden())
        self._show_referrals()

    def _show_referrals(self) -> None:
        self.referrals.reload()  # a stage saved at E or later opens the referrals
        self.jump_buttons["referrals"].setVisible(not self.referrals.isHidden())

    def _show_probability(self, *_args: object) -> None:
        playbook, lang = self._ctx.services.playbook, self._ctx.lang
        stage = self.stage.key() or "A"
        default = win_probability(playbook, stage, None)
        self.fields["probability_override"].setPlaceholderText(f"{default}")  # type: ignore[attr-defined]  # a QLineEdit
        entry = playbook.get("funnel_stages", stage)
        focus = entry.extra_text("focus", lang) if entry else ""
        self.stage_focus.setText(focus or "")

    def _retranslate(self) -> None:
        self.binder.reshow()  # dates in the new language's form
        self.deal_header.setText(self.tr("The deal"))
        self.budget_header.setText(self.tr("Budget"))
        self.decision_header.setText(self.tr("The decision"))
        self.qual_header.setText(self.tr("Qualification"))
        self.position_header.setText(self.tr("Pains, risks and our position"))
        self.fields["budget_currency"].setAccessibleName(self.tr("Currency"))
        self.fields["deal_currency"].setAccessibleName(self.tr("Deal currency"))
        self.comp_header.setText(self.tr("Competitors"))
        self.jump_label.setText(self.tr("Go to:"))
        jump_texts = {
            "deal": self.tr("Deal"),
            "budget": self.tr("Budget"),
            "decision": self.tr("Decision"),
            "qualification": self.tr("Qualification"),
            "position": self.tr("Position"),
            "competitors": self.tr("Competitors"),
            "negotiation": self.tr("Negotiation"),
            "coaches": self.tr("Coaches"),
            "referrals": self.tr("Referrals"),
        }
        for key, text in jump_texts.items():
            self.jump_buttons[key].setText(text)
            self.jump_buttons[key].setAccessibleName(
                self.tr("Go to {section}").format(section=text)
            )
        self.deal.set_texts(
            {
                "name": self.tr("Opportunity name"),
                "stage": self.tr("Funnel stage"),
                "probability_override": self.tr("Win probability (%)"),
                "deal_amount": self.tr("Deal value"),
                "expected_close": self.tr("Expected close"),
                "cvm_phase": self.tr("Customer value phase"),
                "buying_cycle_stage": self.tr("Buying-cycle position"),
                "purchase_timeline": self.tr("Purchase timeline"),
                "is_tender": self.tr("Tender"),
            }
        )
        self.budget.set_texts(
            {
                "budget_exists": self.tr("Budget exists"),
                "budget_amount": self.tr("Amount"),
                "budget_source": self.tr("Source of funds"),
                "budget_confirmed_by": self.tr("Confirmed by"),
            }
        )
        self.decision.set_texts(
            {
                "lead_department": self.tr("Lead department"),
                "deciding_department": self.tr("Deciding department"),
                "decision_process": self.tr("Decided by"),
                "decision_steps": self.tr("Decision steps"),
            }
        )
        self.position.set_texts(
            {
                "pains": self.tr("Pain points"),
                "risk_notes": self.tr("Risks"),
                "our_strengths": self.tr("Our strengths"),
                "our_weaknesses": self.tr("Our weaknesses"),
            }
        )
        for name in YES_NO_FIELDS:
            combo = self.fields[name]
            for index, text in enumerate((self.tr("Unknown"), self.tr("Yes"), self.tr("No"))):
                combo.setItemText(index, text)  # type: ignore[attr-defined]  # YES_NO_FIELDS are combos
        self.fields["expected_close"].setPlaceholderText(  # type: ignore[attr-defined]  # a QLineEdit
            self.tr("e.g. %1").replace("%1", date_example())
        )
        self.fields["decision_steps"].setPlaceholderText(self.tr("One step per line"))  # type: ignore[attr-defined]  # a text box
        self.fields["probability_override"].setToolTip(
            self.tr("Leave empty to use the stage's probability.")
        )
        self._show_probability()
