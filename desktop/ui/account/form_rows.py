"""Building the account page's forms: labelled rows with an error line under each field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..widgets.a11y import FieldLabel
from ..widgets.section import SectionHeader, with_error

TEXT_HEIGHT = 62
LABEL_WIDTH = 150  # the same label column in every section, so the fields line up
NARROW_LABEL_WIDTH = 118  # beside the org chart, where space is short


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setHorizontalSpacing(12)
    form.setVerticalSpacing(6)
    return form


def text_box(height: int = TEXT_HEIGHT) -> QPlainTextEdit:
    """A multi-line field where Tab moves on, as in the rest of the form."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def amount_with_currency() -> tuple[QWidget, QLineEdit, QLineEdit]:
    """One row: an amount field and, beside it, its currency: typed as a code, sign or name
    (no length limit, which would cut "US dollars" silently; the service stores the code)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    amount, currency = QLineEdit(), QLineEdit()
    currency.setFixedWidth(64)
    layout.addWidget(amount, 1)
    layout.addWidget(currency)
    row.setFocusProxy(amount)  # the row's label names and focuses the amount
    return row, amount, currency


class Rows:
    """Adds rows to a form and keeps their labels, so a retranslate can set their text."""

    def __init__(self, form: QFormLayout, label_width: int = LABEL_WIDTH) -> None:
        self.form = form
        self.label_width = label_width
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, name: str, field: QWidget) -> QLabel:
        label = FieldLabel()  # names the field for screen readers
        label.setBuddy(field)
        label.setWordWrap(self.label_width < LABEL_WIDTH)  # narrow columns wrap long labels
        label.setMinimumWidth(self.label_width)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        box, error = with_error(field)
        self.form.addRow(label, box)
        self.labels[name] = label
        self.errors[name] = error
        return error

    def set_texts(self, texts: dict[str, str]) -> None:
        for name, text in texts.items():
            if name in self.labels:
                self.labels[name].setText(text)


def section(
    parent_layout: QVBoxLayout, label_width: int = LABEL_WIDTH
) -> tuple[SectionHeader, QFormLayout, Rows]:
    header = SectionHeader()
    parent_layout.addWidget(header)
    form = form_layout()
    parent_layout.addLayout(form)
    return header, form, Rows(form, label_width)


def show_starts(fields: dict[str, QWidget]) -> None:
    """Single-line fields show the start of their text, not the end, until the rep types."""
    for widget in fields.values():
        if isinstance(widget, QLineEdit) and not widget.hasFocus():
            widget.setCursorPosition(0)
