"""Small dialogs that create things: account, contact, opportunity, competitor, visit.

Each dialog calls its service when the rep presses OK; a refused value keeps the dialog open
with the message under the field, and nothing is created.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.validation import ValidationError
from desktop.ui.context import UiContext

from ..formats import qt_datetime_format
from ..widgets.a11y import FieldLabel
from ..widgets.key_combo import KeyCombo
from ..widgets.records import yes_no_word
from ..widgets.retranslate import Retranslating
from ..widgets.section import with_error


def _form(dialog: QDialog) -> tuple[QVBoxLayout, QFormLayout, QDialogButtonBox]:
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(18, 16, 18, 14)
    outer.setSpacing(12)
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setHorizontalSpacing(12)
    form.setVerticalSpacing(8)
    outer.addLayout(form)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.rejected.connect(dialog.reject)
    outer.addWidget(buttons)
    return outer, form, buttons


def _row(form: QFormLayout, field: QWidget) -> tuple[QLabel, QLabel]:
    """Add a row; returns (label, error label)."""
    label = FieldLabel()
    box, error = with_error(field)
    error.setStyleSheet("color: #c62828;")
    error.setWordWrap(True)
    label.setBuddy(field)
    form.addRow(label, box)
    return label, error


def _rows(form: QFormLayout, **fields: QWidget) -> tuple[dict[str, QLabel], dict[str, QLabel]]:
    """A row per field, in order; returns the labels and the error labels by field name."""
    labels: dict[str, QLabel] = {}
    errors: dict[str, QLabel] = {}
    for key, field in fields.items():
        labels[key], errors[key] = _row(form, field)
    return labels, errors


def _show_errors(exc: ValidationError, lang: str, errors: dict[str, QLabel]) -> str:
    """Put each message under its field; returns what could not be placed."""
    rest = []
    for field, message in exc.by_field(lang).items():
        label = errors.get(field)
        if label is None:
            rest.append(message)
            continue
        label.setText(message)
        label.show()
    return " ".join(rest)


def _clear_errors(errors: dict[str, QLabel]) -> None:
    for label in errors.values():
        label.hide()


class NewAccountDialog(Retranslating, QDialog):
    """Name (required), name in the other language, industry and city; the rest on the page."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.created_id: int | None = None
        self.setMinimumWidth(460)
        _outer, form, self.buttons = _form(self)
        self.name = QLineEdit()
        self.alt_name = QLineEdit()
        self.industry = QLineEdit()
        self.city = QLineEdit()
        self._labels, self._errors = _rows(
            form, name=self.name, alt_name=self.alt_name, industry=self.industry, city=self.city
        )
        self.general = QLabel()
        self.general.setStyleSheet("color: #c62828;")
        self.general.hide()
        form.addRow(self.general)
        self.buttons.accepted.connect(self._create)
        self._retranslate()

    def _create(self) -> None:
        _clear_errors(self._errors)
        try:
            account = self._ctx.services.accounts.create(
                name=self.name.text(),
                alt_name=self.alt_name.text(),
                industry=self.industry.text(),
                city=self.city.text(),
            )
        except ValidationError as exc:
            rest = _show_errors(exc, self._ctx.lang, self._errors)
            self.general.setText(rest)
            self.general.setVisible(bool(rest))
            return
        self.created_id = account.id
        self.accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New account"))
        self._labels["name"].setText(self.tr("Company &name:"))
        self._labels["alt_name"].setText(self.tr("Name in the &other language:"))
        self._labels["industry"].setText(self.tr("&Industry:"))
        self._labels["city"].setText(self.tr("&City:"))
        self.name.setPlaceholderText(self.tr("Required"))


class NewContactDialog(Retranslating, QDialog):
    """A person at the account: name, title, department and whom they report to."""

    def __init__(
        self,
        ctx: UiContext,
        account_id: int,
        manager_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._account_id = account_id
        self.created_id: int | None = None
        self.setMinimumWidth(460)
        _outer, form, self.buttons = _form(self)
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.department = QLineEdit()
        self.reports_to = QComboBox()
        self.reports_to.addItem("—", None)
        for contact in ctx.services.contacts.for_account(account_id):
            text = f"{contact.name} · {contact.title}" if contact.title else contact.name
            self.reports_to.addItem(text, contact.id)
        index = self.reports_to.findData(manager_id) if manager_id is not None else 0
        self.reports_to.setCurrentIndex(max(index, 0))
        self._labels, self._errors = _rows(
            form,
            name=self.name,
            title=self.title,
            department=self.department,
            reports_to_id=self.reports_to,
        )
        self.buttons.accepted.connect(self._create)
        self._retranslate()

    def _create(self) -> None:
        _clear_errors(self._errors)
        try:
            contact = self._ctx.services.contacts.create(
                self._account_id,
                name=self.name.text(),
                title=self.title.text(),
                department=self.department.text(),
                reports_to_id=self.reports_to.currentData(),
            )
        except ValidationError as exc:
            _show_errors(exc, self._ctx.lang, self._errors)
            return
        self.created_id = contact.id
        self.accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New contact"))
        self._labels["name"].setText(self.tr("&Name:"))
        self._labels["title"].setText(self.tr("&Title:"))
        self._labels["department"].setText(self.tr("&Department:"))
        self._labels["reports_to_id"].setText(self.tr("&Reports to:"))
        self.name.setPlaceholderText(self.tr("Required"))


def stage_text(entry, lang: str) -> str:
    """A funnel stage as the combos show it: key, label and win probability."""
    return f"{entry.key} · {entry.text(lang)} ({entry.probability or 0}%)"


class NewOpportunityDialog(Retranslating, QDialog):
    def __init__(self, ctx: UiContext, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._account_id = account_id
        self.created_id: int | None = None
        self.setMinimumWidth(480)
        _outer, form, self.buttons = _form(self)
        self.name = QLineEdit()
        self.stage = KeyCombo(ctx, "funnel_stages", allow_none=False, detail=stage_text)
        # "D · Commercial negotiation (75%)" in full: as wide as the longest stage, and as
        # wide as the name field above it.
        self.stage.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.stage.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._labels, self._errors = _rows(form, name=self.name, stage=self.stage)
        self.buttons.accepted.connect(self._create)
        self._retranslate()

    def _create(self) -> None:
        _clear_errors(self._errors)
        try:
            opp = self._ctx.services.opportunities.create(
                self._account_id, name=self.name.text(), stage=self.stage.key()
            )
        except ValidationError as exc:
            _show_errors(exc, self._ctx.lang, self._errors)
            return
        self.created_id = opp.id
        self.accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New opportunity"))
        self._labels["name"].setText(self.tr("&Name:"))
        self._labels["stage"].setText(self.tr("Funnel &stage:"))
        self.name.setPlaceholderText(self.tr("e.g. MES phase 1"))


COMPETITOR_TEXT_FIELDS = ("strengths", "weaknesses", "our_strengths", "our_weaknesses", "strategy")


class CompetitorDialog(Retranslating, QDialog):
    """Add or edit one competitor: who, their strengths and weaknesses, insider, our strategy."""

    def __init__(
        self,
        ctx: UiContext,
        values: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setMinimumWidth(560)
        _outer, form, self.buttons = _form(self)
        self.name = QLineEdit()
        self.strengths = QPlainTextEdit()
        self.weaknesses = QPlainTextEdit()
        self.has_insider = QComboBox()
        self.insider_level = QLineEdit()
        self.our_strengths = QPlainTextEdit()
        self.our_weaknesses = QPlainTextEdit()
        self.strategy = QPlainTextEdit()
        for edit in (self.strengths, self.weaknesses, self.our_strengths, self.our_weaknesses):
            edit.setFixedHeight(58)
            edit.setTabChangesFocus(True)
        self.strategy.setFixedHeight(72)
        self.strategy.setTabChangesFocus(True)
        self._labels, self._errors = _rows(
            form,
            name=self.name,
            strengths=self.strengths,
            weaknesses=self.weaknesses,
            has_insider=self.has_insider,
            insider_level=self.insider_level,
            our_strengths=self.our_strengths,
            our_weaknesses=self.our_weaknesses,
            strategy=self.strategy,
        )
        self.buttons.accepted.connect(self._check)
        self._retranslate()
        self.set_values(values or {})

    def set_values(self, values: dict[str, Any]) -> None:
        self.name.setText(values.get("name", ""))
        for key in COMPETITOR_TEXT_FIELDS:
            getattr(self, key).setPlainText(values.get(key, "") or "")
        insider = yes_no_word(values.get("has_insider"))
        self.has_insider.setCurrentIndex(max(self.has_insider.findData(insider), 0))
        self.insider_level.setText(values.get("insider_level", "") or "")

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name.text(),
            "has_insider": self.has_insider.currentData(),
            "insider_level": self.insider_level.text(),
        }
        for key in COMPETITOR_TEXT_FIELDS:
            out[key] = getattr(self, key).toPlainText()
        return out

    def _check(self) -> None:
        """Only the name is required; the service checks the rest when it saves."""
        _clear_errors(self._errors)
        if not self.name.text().strip():
            self._errors["name"].setText(self.tr("Enter the competitor's name."))
            self._errors["name"].show()
            return
        self.accept()

    def show_errors(self, exc: ValidationError) -> None:
        _show_errors(exc, self._ctx.lang, self._errors)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Competitor"))
        texts = {
            "name": self.tr("&Competitor:"),
            "strengths": self.tr("Their &strengths:"),
            "weaknesses": self.tr("Their &weaknesses:"),
            "has_insider": self.tr("Has an &insider:"),
            "insider_level": self.tr("Insider's &level:"),
            "our_strengths": self.tr("Our strengths against them:"),
            "our_weaknesses": self.tr("Our weaknesses against them:"),
            "strategy": self.tr("Our s&trategy:"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        current = self.has_insider.currentData() if self.has_insider.count() else None
        self.has_insider.clear()
        # Words, not Python booleans, as item data; the service reads yes / no / unknown.
        self.has_insider.addItem(self.tr("Unknown"), "unknown")
        self.has_insider.addItem(self.tr("Yes"), "yes")
        self.has_insider.addItem(self.tr("No"), "no")
        self.has_insider.setCurrentIndex(max(self.has_insider.findData(current), 0))
        self.insider_level.setPlaceholderText(self.tr("e.g. deputy GM, IT manager"))


def tomorrow_at_ten(today: date | None = None) -> datetime:
    return datetime.combine((today or date.today()) + timedelta(days=1), time(10, 0))


class NewVisitDialog(Retranslating, QDialog):
    """When and where; the plan itself is filled in on the plan screen that opens next."""

    def __init__(self, ctx: UiContext, opportunity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._opportunity_id = opportunity_id
        self.created_id: int | None = None
        self.setMinimumWidth(480)
        _outer, form, self.buttons = _form(self)
        self.title = QLineEdit()
        self.starts_at = QDateTimeEdit()
        self.starts_at.setCalendarPopup(True)
        start = tomorrow_at_ten()
        self.starts_at.setDateTime(
            QDateTime(start.year, start.month, start.day, start.hour, start.minute, 0)
        )
        self.place = QLineEdit()
        self._labels, self._errors = _rows(
            form, title=self.title, starts_at=self.starts_at, place=self.place
        )
        self.buttons.accepted.connect(self._create)
        self._retranslate()

    def _create(self) -> None:
        _clear_errors(self._errors)
        qdt = self.starts_at.dateTime()
        d, t = qdt.date(), qdt.time()
        starts = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        try:
            visit = self._ctx.services.visits.plan(
                self._opportunity_id,
                title=self.title.text(),
                starts_at=starts,
                place=self.place.text(),
            )
        except ValidationError as exc:
            _show_errors(exc, self._ctx.lang, self._errors)
            return
        self.created_id = visit.id
        self.accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New visit"))
        self._labels["title"].setText(self.tr("&Title:"))
        self._labels["starts_at"].setText(self.tr("&Date and time:"))
        self.starts_at.setDisplayFormat(qt_datetime_format())  # as dates show everywhere
        self._labels["place"].setText(self.tr("&Place:"))
        self.title.setPlaceholderText(self.tr("e.g. Proposal review with the project group"))
        self.place.setPlaceholderText(self.tr("e.g. Customer HQ, meeting room 3"))
