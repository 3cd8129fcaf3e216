"""Pieces every page of the visit plan shares: the plan's data, binders, small widgets.

Undo here never touches widgets: each saved edit becomes a ``FieldEdit`` whose replay calls the
service, and the screens redraw from the change the service announces. So undo keeps working
after the plan view that made the edit has been closed.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.readiness import Readiness, visit_readiness
from desktop.ui.binding import FormBinder
from desktop.ui.context import UiContext
from desktop.ui.undo import FieldEdit
from desktop.ui.widgets.a11y import FieldLabel

LABEL_WIDTH = 150
TEXT_HEIGHT = 64  # a multi-line field shows about three lines before it scrolls
MUTED = "color: #5f6368;"
GAP_STYLE = "color: #9a5b00;"
DONE_STYLE = "color: #2e7d32;"


@dataclass
class PlanData:
    """One consistent read of everything the plan view shows."""

    visit: Any  # the Visit row with its lists, opportunity and account loaded
    readiness: Readiness
    contacts: list[Any] = field(default_factory=list)  # the account's contacts
    roles: dict[int, Any] = field(default_factory=dict)  # contact id -> BuyingRole
    warnings: list[Any] = field(default_factory=list)  # desktop.domain.coverage.Warning

    def contact(self, contact_id: int | None) -> Any | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def customer_attendees(self) -> list[Any]:
        """The customer's people in the meeting, as contacts, in meeting order."""
        ids = [a.contact_id for a in self.visit.attendees if a.contact_id is not None]
        return [c for i in ids if (c := self.contact(i)) is not None]


def load_plan(ctx: UiContext, visit_id: int) -> PlanData:
    services = ctx.services
    visit = services.visits.get(visit_id)
    opp_id = visit.opportunity_id
    roles = {r.contact_id: r for r in services.opportunities.get(opp_id).roles}
    return PlanData(
        visit=visit,
        readiness=visit_readiness(visit),
        contacts=services.contacts.for_account(visit.opportunity.account_id),
        roles=roles,
        warnings=services.opportunities.warnings(opp_id, ctx.lang),
    )


def _service_binder(
    ctx: UiContext,
    undo_stack: QUndoStack | None,
    update: Callable[..., Any],
    current: Callable[[], Any],
    parent: QObject,
    description: str,
) -> FormBinder:
    """A FormBinder saving through ``update(**values)``; its undo entries replay through it
    too (never through the widgets), with the old values read from ``current()``."""

    def replay(values: dict[str, Any]) -> None:
        update(**values)

    def save(values: dict[str, Any]) -> Any:
        record = current()
        old = {n: copy.deepcopy(getattr(record, n)) for n in values} if record else {}
        result = update(**values)
        if undo_stack is not None and record is not None:
            stored = {n: getattr(result, n) for n in values}
            undo_stack.push(FieldEdit(description, replay, old, stored))
        return result

    return FormBinder(save, None, lambda: ctx.lang, parent, description)


def visit_binder(
    ctx: UiContext,
    undo_stack: QUndoStack | None,
    visit_id: int,
    current: Callable[[], Any],
    parent: QObject,
    description: str,
) -> FormBinder:
    """A FormBinder for visit fields; its undo entries replay through the service only."""

    def update(**values: Any) -> Any:
        return ctx.services.visits.update(visit_id, **values)

    return _service_binder(ctx, undo_stack, update, current, parent, description)


def item_binder(
    ctx: UiContext,
    undo_stack: QUndoStack | None,
    kind: str,
    item_id: int,
    current: Callable[[], Any],
    parent: QObject,
    description: str,
) -> FormBinder:
    """A FormBinder for one visit item (a question's answer, say), undone through the service."""

    def update(**values: Any) -> Any:
        return ctx.services.visits.update_item(kind, item_id, **values)

    return _service_binder(ctx, undo_stack, update, current, parent, description)


def save_checklist(
    ctx: UiContext,
    undo_stack: QUndoStack | None,
    visit: Any,
    step: str,
    item: str,
    checked: bool,
    description: str,
) -> None:
    """Tick or untick one checklist item of one step; undoable."""
    old = copy.deepcopy(visit.checklist or {})
    new = copy.deepcopy(old)
    items = [k for k in new.get(step, []) if k != item]
    if checked:
        items.append(item)
    new[step] = items
    visit_id = visit.id

    def replay(values: dict[str, Any]) -> None:
        ctx.services.visits.update(visit_id, **values)

    ctx.services.visits.update(visit_id, checklist=new)
    if undo_stack is not None:
        undo_stack.push(FieldEdit(description, replay, {"checklist": old}, {"checklist": new}))


# Widgets ------------------------------------------------------------------------------------


def line_edit(placeholder: str = "") -> QLineEdit:
    widget = QLineEdit()
    widget.setPlaceholderText(placeholder)
    return widget


def text_edit(placeholder: str = "", height: int = TEXT_HEIGHT) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    widget.setPlaceholderText(placeholder)
    widget.setTabChangesFocus(True)  # Tab moves on, as in every other field
    widget.setFixedHeight(height)
    return widget


def combo(choices: list[tuple[str, Any]], none_label: str | None = None) -> QComboBox:
    widget = QComboBox()
    widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    widget.setMinimumContentsLength(16)
    fill_combo(widget, choices, none_label)
    return widget


def fill_combo(widget: QComboBox, choices: list[tuple[str, Any]], none_label: str | None) -> None:
    """Replace a combo's choices, keeping the current value when it is still offered."""
    current = widget.currentData()
    widget.blockSignals(True)
    widget.clear()
    if none_label is not None:
        widget.addItem(none_label, None)
    for label, value in choices:
        widget.addItem(label, value)
    index = widget.findData(current) if current is not None else -1
    widget.setCurrentIndex(max(index, 0))
    widget.blockSignals(False)


def playbook_choices(ctx: UiContext, group: str) -> list[tuple[str, str]]:
    return [(e.text(ctx.lang), e.key) for e in ctx.services.playbook.group(group)]


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


def add_field(
    form: QFormLayout, binder: FormBinder, name: str, label: str, widget: QWidget
) -> QLabel:
    """A labelled field with its error line underneath, bound to ``name``."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    error = error_label()
    column.addWidget(error)
    binder.bind(name, widget, error)
    caption = FieldLabel(label)
    caption.setBuddy(widget)
    caption.setWordWrap(True)
    caption.setFixedWidth(LABEL_WIDTH)  # one label column across the page's sections
    form.addRow(caption, box)
    return error


def heading(text: str, size_delta: int = 2) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + size_delta)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(MUTED)
    return label


def bullet_list(lines: list[str]) -> str:
    """Lines as a rich-text bullet list (escaped)."""
    from html import escape

    return "".join(f"<p style='margin:0 0 4px 0'>• {escape(line)}</p>" for line in lines)


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return form


class Collapsible(QWidget):
    """A titled section that folds away; used for guidance the rep may not need every time."""

    def __init__(self, title: str, content: QWidget, open_: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(open_)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.toggle.setStyleSheet("QToolButton { border: none; font-weight: bold; }")
        self.toggle.toggled.connect(self._toggled)
        self.content = content
        content.setVisible(open_)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(content)

    def set_title(self, title: str) -> None:
        self.toggle.setText(title)

    def _toggled(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.content.setVisible(on)


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return line
