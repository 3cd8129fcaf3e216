"""The frame of every step page: the playbook's guidance, what is missing, and the fields.

Left: the step's fields (each subclass adds its own). Right: the playbook's prompts and
checklist (ticks saved to ``Visit.checklist``) and the decision-circle warnings, folded away
when the rep does not need them. Above both: the step's summary and what readiness still misses.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.playbook import Entry
from desktop.ui.context import UiContext
from desktop.ui.widgets.page_scroll import page_scroll

from .common import (
    DONE_STYLE,
    GAP_STYLE,
    Collapsible,
    PlanData,
    bullet_list,
    heading,
    muted,
    save_checklist,
    visit_binder,
)

GUIDE_WIDTH = 340
REVIEW_STYLE = "QLabel#review { background: #e8f0fe; border: 1px solid #aecbfa; }"
TWO_COLUMNS_MIN_WIDTH = 900  # narrower (150 % on a laptop): the guide goes under the fields


class WrapCheck(QWidget):
    """A checkbox whose text wraps (a plain QCheckBox clips long checklist items)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def mouseReleaseEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.box.click()  # the text is part of the control, as with a normal checkbox


class StepPage(QWidget):
    """One step of the visit plan. Subclasses fill ``self.body`` and override ``refresh``."""

    step = ""  # readiness step key

    def __init__(
        self,
        ctx: UiContext,
        undo_stack: QUndoStack | None,
        visit_id: int,
        entry: Entry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.visit_id = visit_id
        self.entry = entry
        self.data: PlanData | None = None
        self.binder = visit_binder(
            ctx, undo_stack, visit_id, self._record, self, self.tr("Edit the visit plan")
        )
        self.tables: list[Any] = []  # ItemTables on this page, flushed with the page
        lang = ctx.lang

        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.setSpacing(8)
        self.summary = heading(entry.extra_text("summary", lang) or entry.text(lang), 1)
        outer.addWidget(self.summary)
        motto = entry.extra_text("motto", lang)
        if motto:
            self.motto = muted(motto)
            self.motto.setStyleSheet("color: #5f6368; font-style: italic;")
            outer.addWidget(self.motto)
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setTextFormat(Qt.TextFormat.RichText)
        self.gaps.setObjectName("gaps")
        self.gaps.setFrameShape(QFrame.Shape.StyledPanel)
        self.gaps.setContentsMargins(8, 6, 8, 6)
        self.gaps.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The tallest the box has been while the rep works on this step: it keeps that room
        # when a gap closes, so the fields below do not move under the pointer (a closed gap
        # moved the next attendee tick onto the wrong row). Reset when the step is shown.
        self._gaps_room = 0
        outer.addWidget(self.gaps)
        # The manager's review of this step (and of the plan as a whole), from the team server.
        self.review = QLabel()
        self.review.setObjectName("review")
        self.review.setWordWrap(True)
        self.review.setTextFormat(Qt.TextFormat.RichText)
        self.review.setFrameShape(QFrame.Shape.StyledPanel)
        self.review.setContentsMargins(8, 6, 8, 6)
        self.review.setStyleSheet(REVIEW_STYLE)
        self.review.setAccessibleName(self.tr("Manager's review"))
        self.review.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.review.setVisible(False)
        outer.addWidget(self.review)

        row = self._columns = QHBoxLayout()
        row.setSpacing(16)
        body_widget = QWidget()
        self.body = QVBoxLayout(body_widget)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(10)
        row.addWidget(body_widget, 1)
        # Joins the row on the first load, after the subclass built its fields: Qt's Tab order
        # follows the order widgets join the window, and the guide is read after the fields.
        self._guide_widget = self._guide(entry)
        outer.addLayout(row, 1)

        # Tables and boxes leave the wheel to the page; Tab goes to the fields.
        scroll = page_scroll(content)
        self.scroll_area = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        # Beside the fields the guide left them a few characters, or was cut off at the right.
        wide = event.size().width() >= TWO_COLUMNS_MIN_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)
        super().resizeEvent(event)

    # The guide column -----------------------------------------------------------------------

    def prompts_title(self) -> str:
        return self.tr("Questions to ask yourself")

    def _guide(self, entry: Entry) -> QWidget:
        lang = self.ctx.lang
        guide = QWidget()
        guide.setFixedWidth(GUIDE_WIDTH)
        column = QVBoxLayout(guide)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        prompts = QLabel(bullet_list([p.get(lang) for p in entry.prompts]))
        prompts.setWordWrap(True)
        prompts.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(Collapsible(self.prompts_title(), prompts, True))

        self.checks: dict[str, WrapCheck] = {}
        if entry.checklist:
            box = QWidget()
            checks = QVBoxLayout(box)
            checks.setContentsMargins(0, 0, 0, 0)
            checks.setSpacing(4)
            for item in entry.checklist:
                check = WrapCheck(item.text(lang))
                check.box.clicked.connect(lambda on, k=item.key: self._tick(k, on))
                checks.addWidget(check)
                self.checks[item.key] = check
            column.addWidget(Collapsible(self.tr("Checklist"), box, True))

        self.warning_list = QLabel()
        self.warning_list.setWordWrap(True)
        self.warning_list.setTextFormat(Qt.TextFormat.RichText)
        self.warnings = Collapsible(self.tr("Decision circle"), self.warning_list, False)
        column.addWidget(self.warnings)
        column.addStretch(1)
        return guide

    def _tick(self, item: str, on: bool) -> None:
        if self.data is None:
            return
        save_checklist(
            self.ctx,
            self.undo_stack,
            self.data.visit,
            self.entry.key,
            item,
            on,
            self.tr("Tick a checklist item"),
        )

    # Loading --------------------------------------------------------------------------------

    def _record(self) -> Any:
        return self.data.visit if self.data is not None else None

    def load(self, data: PlanData) -> None:
        if self._guide_widget.parentWidget() is None:
            self._columns.addWidget(self._guide_widget, 0)
        self.data = data
        visit = data.visit
        self.binder.load(visit)
        ticked = set((visit.checklist or {}).get(self.entry.key, []))
        for key, check in self.checks.items():
            check.box.setChecked(key in ticked)
        self._show_gaps(data)
        self._show_review()
        self._show_warnings(data)
        self.refresh(data)

    def refresh(self, data: PlanData) -> None:
        """Subclasses: show the rest of ``data``."""

    def gap_texts(self, data: PlanData) -> list[str]:
        return [g.text(self.ctx.lang) for g in data.readiness.step(self.step).gaps]

    def _show_gaps(self, data: PlanData) -> None:
        gaps = self.gap_texts(data)
        if gaps:
            title = escape(self.tr("Still missing for this step:"))
            self.gaps.setText(f"<b>{title}</b>{bullet_list(gaps)}")
            self.gaps.setStyleSheet(GAP_STYLE)
        else:
            self.gaps.setText(escape(self.tr("✓ Nothing is missing for this step.")))
            self.gaps.setStyleSheet(DONE_STYLE)
        self._keep_gaps_room()

    def _show_review(self) -> None:
        review = self.ctx.services.reviews.for_visit(self.visit_id)
        comments = review.on(self.entry.key) + review.on("plan")
        if not comments and not review.reviewed_by:
            self.review.setVisible(False)
            return
        if review.reviewed_by:
            day = (review.reviewed_at or "")[:10]
            title = self.tr("Reviewed by {name} on {day}").format(name=review.reviewed_by, day=day)
        else:
            title = self.tr("Your manager's comments")
        lines = [f"{c.text} — {c.by}" for c in comments]  # bullet_list escapes
        items = bullet_list(lines) if lines else ""
        self.review.setText(f"<b>{escape(title, quote=False)}</b>{items}")
        self.review.setVisible(True)

    def _keep_gaps_room(self) -> None:
        if not self.isVisible() or self.gaps.width() <= 0:
            self.gaps.setMinimumHeight(0)  # laid out afresh when next shown
            return
        margins = self.gaps.contentsMargins()
        width = self.gaps.width()
        needed = self.gaps.heightForWidth(width)
        if needed < 0:
            needed = self.gaps.sizeHint().height()
        self._gaps_room = max(self._gaps_room, needed, self.gaps.height())
        self.gaps.setMinimumHeight(max(self._gaps_room, margins.top() + margins.bottom()))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        # A step shown afresh (switched to, or the plan reopened) starts with the room it needs.
        self._gaps_room = 0
        self.gaps.setMinimumHeight(0)
        super().showEvent(event)

    def _show_warnings(self, data: PlanData) -> None:
        playbook, lang = self.ctx.services.playbook, self.ctx.lang
        count = len(data.warnings)
        if count:
            # Not self.tr: with a count, PySide6 stops at the subclass's context (PreparePage…),
            # where %n is already filled in, and never reaches StepPage's translation.
            title = QCoreApplication.translate(
                "StepPage", "Decision circle: %n warning(s)", "", count
            )
            self.warnings.set_title(title)
        else:
            self.warnings.set_title(self.tr("Decision circle: no warnings"))
        lines = []
        for w in data.warnings:
            colour = "#c62828" if w.severity == "danger" else "#9a5b00"
            text, advice = escape(w.text(playbook, lang)), escape(w.advice(playbook, lang))
            lines.append(
                f"<p style='margin:0 0 6px 0'><span style='color:{colour}'>●</span> {text}"
                f"<br/><span style='color:#5f6368'>{advice}</span></p>"
            )
        self.warning_list.setText("".join(lines))

    def flush(self) -> bool:
        ok = self.binder.flush()
        for table in self.tables:
            ok = table.flush() and ok
        return ok
