"""Coach development in a deal (issue 16, item 3): each coach's ladder, seniority and methods.

Per person: the ladder (identified → trusted → informs us → cross-checked), how senior our
insider is (内线的资历), the deck's seven ways to build trust as check boxes, what to bring or ask
next time, and the deck's prompts for the rung they are on. "Develop as coach" adds any person
of the account (the decks: cannot reach the decision maker? develop a user or an expert).

Writes go through ``services.negotiation``; fields with the keyboard focus survive a reload.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.validation import ValidationError

from ..widgets.retranslate import Retranslating
from ..widgets.section import SectionHeader
from .cockpit import _WrapCheck as WrapCheck  # a check box whose long text wraps


class CoachRow(QFrame):
    """One coach: rung, seniority, methods used, the next ask and the rung's prompts."""

    def __init__(self, panel: CoachPanel, contact_id: int) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.panel, self.contact_id = panel, contact_id
        playbook = panel._ctx.services.playbook
        layout = QVBoxLayout(self)
        self.name = QLabel()
        self.name.setStyleSheet("font-weight: 600;")
        self.name.setWordWrap(True)
        layout.addWidget(self.name)
        form = QFormLayout()
        self.rung = QComboBox()
        self.seniority = QComboBox()
        self.next_ask = QLineEdit()
        self.rung_label, self.seniority_label, self.next_label = QLabel(), QLabel(), QLabel()
        for label, widget in (
            (self.rung_label, self.rung),
            (self.seniority_label, self.seniority),
            (self.next_label, self.next_ask),
        ):
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.rung.activated.connect(lambda _i: self.save(coach_rung=self.rung.currentData()))
        self.seniority.activated.connect(
            lambda _i: self.save(coach_seniority=self.seniority.currentData())
        )
        self.next_ask.editingFinished.connect(self._save_next)
        self.prompts = QLabel()
        self.prompts.setWordWrap(True)
        self.prompts.setObjectName("tip")
        layout.addWidget(self.prompts)
        self.methods_label = QLabel()
        layout.addWidget(self.methods_label)
        grid = QGridLayout()
        self.methods: dict[str, QCheckBox] = {}
        self.method_labels: dict[str, QLabel] = {}
        for index, entry in enumerate(playbook.group("trust_methods")):
            check = WrapCheck()
            check.box.toggled.connect(lambda _on: self._save_methods())
            grid.addWidget(check, index, 0)  # one column: the texts are long, the page narrow
            self.methods[entry.key] = check.box
            self.method_labels[entry.key] = check.label
        layout.addLayout(grid)
        self.retranslate()

    def show_card(self, card) -> None:
        self.card = card
        lang = self.panel._ctx.lang
        self.name.setText(f"{card.name} · {card.title}" if card.title else card.name)
        self.rung.setCurrentIndex(max(0, self.rung.findData(card.rung)))
        self.seniority.setCurrentIndex(max(0, self.seniority.findData(card.seniority)))
        if not self.next_ask.hasFocus():
            self.next_ask.setText(card.next_ask)
        for key, box in self.methods.items():
            box.blockSignals(True)
            box.setChecked(key in card.trust_methods)
            box.blockSignals(False)
        lines = [p.get(lang) for p in card.prompts]
        self.prompts.setText(
            escape(self.tr("The decks suggest at this rung:"))
            + "<br>"
            + "<br>".join("• " + escape(line) for line in lines)
        )
        self.prompts.setAccessibleName(" ".join(lines))

    def _save_next(self) -> None:
        text = self.next_ask.text().strip()
        if text != self.card.next_ask:
            self.save(coach_next=text)

    def _save_methods(self) -> None:
        self.save(trust_methods=[k for k, box in self.methods.items() if box.isChecked()])

    def save(self, **values) -> None:
        self.panel.write(
            lambda: self.panel._ctx.services.negotiation.set_coach(
                self.panel.opportunity_id, self.contact_id, **values
            )
        )

    def retranslate(self) -> None:
        ctx = self.panel._ctx
        lang, playbook = ctx.lang, ctx.services.playbook
        self.rung_label.setText(self.tr("Coach ladder"))
        self.seniority_label.setText(self.tr("How senior"))
        self.next_label.setText(self.tr("Bring or ask next time"))
        for combo, group, none in (
            (self.rung, "coach_ladder", self.tr("Not yet identified")),
            (self.seniority, "coach_seniority", self.tr("Not known")),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(none, None)
            for entry in playbook.group(group):
                combo.addItem(entry.text(lang), entry.key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.methods_label.setText(self.tr("Trust built by (the deck's seven ways):"))
        for entry in playbook.group("trust_methods"):
            self.method_labels[entry.key].setText(entry.text(lang))
            self.methods[entry.key].setAccessibleName(entry.text(lang))

    def name_widgets(self, who: str) -> None:
        """Accessible names that say whose coach field this is."""
        for widget, label in (
            (self.rung, self.rung_label),
            (self.seniority, self.seniority_label),
            (self.next_ask, self.next_label),
        ):
            widget.setAccessibleName(f"{label.text()}: {who}")


class CoachPanel(Retranslating, QWidget):
    """Every coach of one deal, and a way to start developing another person as coach."""

    def __init__(self, ctx, opportunity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.opportunity_id = opportunity_id
        self.rows: dict[int, CoachRow] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = SectionHeader()
        layout.addWidget(self.header)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.rows_box = QVBoxLayout()
        layout.addLayout(self.rows_box)
        add = QHBoxLayout()
        self.candidate = QComboBox()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.develop)
        add.addWidget(self.candidate, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        layout.addWidget(self.error)
        self._retranslate()
        self.reload()

    def reload(self) -> None:
        services = self._ctx.services
        cards = services.negotiation.coaches(self.opportunity_id)
        wanted = [c.contact_id for c in cards]
        if wanted != list(self.rows):  # rebuild only when the set or order of coaches changes
            for row in self.rows.values():
                row.setParent(None)
                row.deleteLater()
            self.rows = {}
            for contact_id in wanted:
                row = CoachRow(self, contact_id)
                self.rows_box.addWidget(row)
                self.rows[contact_id] = row
        for card in cards:
            self.rows[card.contact_id].show_card(card)
            self.rows[card.contact_id].name_widgets(card.name)
        self.empty.setVisible(not cards)
        account_id = services.opportunities.get(self.opportunity_id).account_id
        self.candidate.clear()
        for contact in services.contacts.for_account(account_id):
            if contact.id not in self.rows:
                self.candidate.addItem(contact.name, contact.id)
        self.add_button.setEnabled(self.candidate.count() > 0)

    def develop(self) -> None:
        contact_id = self.candidate.currentData()
        if contact_id is None:
            return
        first = self._ctx.services.playbook.keys("coach_ladder")[0]
        self.write(
            lambda: self._ctx.services.negotiation.set_coach(
                self.opportunity_id, contact_id, coach_rung=first
            )
        )

    def write(self, call) -> None:
        try:
            call()
        except ValidationError as exc:
            self.error.setText(exc.text(self._ctx.lang))
            self.error.setAccessibleName(self.error.text())
            self.error.show()
            return
        self.error.hide()
        self.reload()

    def _retranslate(self) -> None:
        self.header.setText(self.tr("Coaches and how far each has come"))
        self.empty.setText(
            self.tr(
                "No coach yet. Cannot reach the decision maker? Develop a user or an expert "
                "into a coach: pick them below."
            )
        )
        self.candidate.setAccessibleName(self.tr("Person to develop as coach"))
        self.add_button.setText(self.tr("Develop as coach"))
        for row in self.rows.values():
            row.retranslate()
        if hasattr(self, "rows") and self.rows:
            self.reload()
