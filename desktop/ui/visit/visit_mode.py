"""Visit mode: one uncluttered full-screen page to use during the meeting.

Large type; the objective and commitments, who is in the room (role, style and how to pitch to
them), the questions to tick off with a short answer each, the objections with their prepared
responses, and a quick-note field. Every tick and answer is saved at once; Esc leaves.
Keyboard: Tab goes through the questions (tick box, then answer), Space ticks.
"""

from __future__ import annotations

import functools
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.events import ChangeKind
from desktop.ui.binding import FormBinder
from desktop.ui.context import UiContext
from desktop.ui.formats import show_datetime
from desktop.ui.i18n import colon
from desktop.ui.widgets.page_scroll import page_scroll

from .common import PlanData, item_binder, load_plan, visit_binder
from .prepare_page import role_summary
from .step_page import WrapCheck

BODY_PT = 17
HEADING_PT = 21


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    label.setWordWrap(True)
    return label


def _rich(html: str) -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class VisitModeWindow(QWidget):
    """A top-level window; ``show_mode()`` shows it full screen."""

    left = Signal()

    def __init__(
        self,
        ctx: UiContext,
        undo_stack: QUndoStack | None,
        visit_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.visit_id = visit_id
        self.data: PlanData | None = None
        self.setWindowTitle(self.tr("Visit mode"))
        font = QFont(self.font())
        font.setPointSize(BODY_PT)
        self.setFont(font)
        # Tick boxes big enough to hit during a meeting.
        # A style sheet, not setFont: widgets added later (the question rows) must get the
        # large type too, and style sheets do not pass a parent's font on reliably.
        self.setStyleSheet(
            f"QWidget {{ font-size: {BODY_PT}pt; }}"
            f' QLabel[role="heading"] {{ font-size: {HEADING_PT}pt; font-weight: bold; }}'
            " QCheckBox::indicator { width: 24px; height: 24px; }"
            " QCheckBox { spacing: 10px; }"
        )
        self.question_binders: dict[int, FormBinder] = {}
        self.question_checks: dict[int, QCheckBox] = {}
        self.answers: dict[int, QLineEdit] = {}
        self.objection_binders: dict[int, FormBinder] = {}
        self.resolved: dict[int, QCheckBox] = {}
        self._shape: tuple = ()

        self.notes_binder = visit_binder(
            ctx, undo_stack, visit_id, self._visit, self, self.tr("Edit the meeting notes")
        )
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Quick notes during the meeting"))
        self.notes.setMinimumHeight(160)
        self.notes.setAccessibleName(self.tr("Quick notes during the meeting"))
        self.notes_binder.bind("quick_notes", self.notes)

        self.title = _heading("")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.leave_button = QPushButton(self.tr("Leave visit mode (Esc)"))
        self.leave_button.clicked.connect(self.close)
        top = QHBoxLayout()
        heads = QVBoxLayout()
        heads.addWidget(self.title)
        heads.addWidget(self.subtitle)
        top.addLayout(heads, 1)
        top.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignTop)

        self.goal = _rich("")
        self.people = _rich("")
        self.questions_box = QWidget()
        self.questions_layout = QGridLayout(self.questions_box)
        self.questions_layout.setContentsMargins(0, 0, 0, 0)
        self.questions_layout.setVerticalSpacing(6)
        self.objections_box = QWidget()
        self.objections_layout = QVBoxLayout(self.objections_box)
        self.objections_layout.setContentsMargins(0, 0, 0, 0)

        left = QVBoxLayout()
        left.addWidget(_heading(self.tr("Objective")))
        left.addWidget(self.goal)
        left.addWidget(_heading(self.tr("Questions")))
        left.addWidget(self.questions_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(_heading(self.tr("In the room")))
        right.addWidget(self.people)
        right.addWidget(_heading(self.tr("Objections")))
        right.addWidget(self.objections_box)
        right.addWidget(_heading(self.tr("Notes")))
        right.addWidget(self.notes)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(32, 24, 32, 24)
        outer.addLayout(top)
        outer.addLayout(columns, 1)
        scroll = page_scroll(content, tab_to_fields=False, name=self.tr("Visit mode"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        ctx.hub.changed.connect(self._changed)
        self._listening = True
        self.reload()

    def show_mode(self) -> None:
        self.showFullScreen()
        self.activateWindow()  # the keyboard belongs to the meeting page now
        first = next(iter(self.question_checks.values()), None)
        (first or self.notes).setFocus()

    # Data -----------------------------------------------------------------------------------

    def _visit(self) -> Any:
        return self.data.visit if self.data else None

    def _changed(self, change: Any) -> None:
        if change.kind is ChangeKind.VISIT and self.visit_id in change.ids and change.deleted:
            self.close()
        elif change.kind in (ChangeKind.VISIT, ChangeKind.OPPORTUNITY, ChangeKind.CONTACT):
            self.reload()

    def reload(self) -> None:
        self.data = data = load_plan(self.ctx, self.visit_id)
        visit = data.visit
        self.title.setText(visit.title or visit.opportunity.name)
        when = show_datetime(visit.starts_at)
        self.subtitle.setText(
            " · ".join(p for p in (visit.opportunity.account.name, when, visit.place) if p)
        )
        self._show_goal(visit)
        self._show_people(data)
        shape = (tuple(q.id for q in visit.questions), tuple(o.id for o in visit.objections))
        if shape != self._shape:
            self._shape = shape
            self._build_questions(visit)
            self._build_objections(visit)
        for q in visit.questions:
            self.question_binders[q.id].load(q)
        for o in visit.objections:
            self.objection_binders[o.id].load(o)
        self.notes_binder.load(visit)

    def _show_goal(self, visit: Any) -> None:
        rows: list[tuple[str | None, Any]] = [(None, visit.objective)]
        rows.append((self.tr("Best commitment"), visit.best_commitment))
        rows.append((self.tr("Minimum acceptable"), visit.min_commitment))
        html = []
        for label, text in rows:
            if not text.strip():
                continue
            head = f"<b>{escape(label)}{colon(self.ctx.lang)}</b>" if label else ""
            html.append(f"<p style='margin:0 0 8px 0'>{head}{escape(text)}</p>")
        self.goal.setText("".join(html) or escape(self.tr("No objective set.")))

    def _show_people(self, data: PlanData) -> None:
        pb, lang = self.ctx.services.playbook, self.ctx.lang
        html = []
        for attendee in data.visit.attendees:
            if attendee.contact_id is None:
                continue
            contact = data.contact(attendee.contact_id)
            if contact is None:
                continue
            roles = role_summary(self.ctx, data.roles.get(contact.id))
            style = pb.get("communication_styles", contact.communication_style)
            head = escape(contact.name)
            if roles:
                head += f" <span style='color:#5f6368'>— {escape(roles)}</span>"
            line = f"<p style='margin:0 0 10px 0'><b>{head}</b>"
            if style is not None:
                tip = style.extra_text("pitch_tip", lang) or ""
                line += f"<br/><i>{escape(style.text(lang))}</i>{colon(lang)}{escape(tip)}"
            html.append(line + "</p>")
        team = [a for a in data.visit.attendees if a.contact_id is None]
        if team:
            names = ("、" if lang.startswith("zh") else ", ").join(a.name for a in team)
            label = escape(self.tr("Our team"))
            html.append(f"<p style='margin:0'><b>{label}{colon(lang)}</b>{escape(names)}</p>")
        self.people.setText("".join(html) or escape(self.tr("No attendees chosen.")))

    def _clear(self, layout: Any) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _build_questions(self, visit: Any) -> None:
        self._clear(self.questions_layout)
        for binder in self.question_binders.values():
            binder.deleteLater()
        self.question_binders, self.question_checks, self.answers = {}, {}, {}
        for row, q in enumerate(visit.questions):
            check = WrapCheck(q.text)
            answer = QLineEdit()
            answer.setPlaceholderText(self.tr("Answer"))
            answer.setAccessibleName(self.tr("Answer"))
            answer.setAccessibleDescription(q.text)
            binder = item_binder(
                self.ctx,
                self.undo_stack,
                "question",
                q.id,
                functools.partial(self._question, q.id),
                self,
                self.tr("Record an answer"),
            )
            binder.bind("asked", check.box)
            binder.bind("answer", answer)
            self.questions_layout.addWidget(check, row * 2, 0)
            self.questions_layout.addWidget(answer, row * 2 + 1, 0)
            self.question_binders[q.id] = binder
            self.question_checks[q.id] = check.box
            self.answers[q.id] = answer
        if not visit.questions:
            self.questions_layout.addWidget(QLabel(self.tr("No questions planned.")), 0, 0)

    def _build_objections(self, visit: Any) -> None:
        self._clear(self.objections_layout)
        for binder in self.objection_binders.values():
            binder.deleteLater()
        self.objection_binders, self.resolved = {}, {}
        for o in visit.objections:
            text = f"<b>“{escape(o.text)}”</b>"
            if o.response.strip():
                text += f"<br/>{escape(o.response)}"
            self.objections_layout.addWidget(_rich(text))
            box = QCheckBox(self.tr("Resolved"))
            box.setAccessibleDescription(o.text)  # which objection "Resolved" is about
            binder = item_binder(
                self.ctx,
                self.undo_stack,
                "objection",
                o.id,
                functools.partial(self._objection, o.id),
                self,
                self.tr("Mark an objection resolved"),
            )
            binder.bind("resolved", box)
            self.objections_layout.addWidget(box, 0, Qt.AlignmentFlag.AlignLeft)
            self.objection_binders[o.id] = binder
            self.resolved[o.id] = box
        if not visit.objections:
            self.objections_layout.addWidget(QLabel(self.tr("No objections planned.")))

    @staticmethod
    def _find(items: list[Any], item_id: int) -> Any:
        return next((i for i in items if i.id == item_id), None)

    def _question(self, question_id: int) -> Any:
        return self._find(self._visit().questions, question_id)

    def _objection(self, objection_id: int) -> Any:
        return self._find(self._visit().objections, objection_id)

    # Leaving --------------------------------------------------------------------------------

    def flush(self) -> bool:
        ok = self.notes_binder.flush()
        for binder in [*self.question_binders.values(), *self.objection_binders.values()]:
            ok = binder.flush() and ok
        return ok

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.flush()
        if self._listening:
            self._listening = False
            self.ctx.hub.changed.disconnect(self._changed)
            self.left.emit()
        super().closeEvent(event)
