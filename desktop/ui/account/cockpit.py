"""The deal cockpit at the top of an opportunity: value, stalls, stage tasks, decision points.

- Value: the deal's amount, the win probability and the weighted value (amount × probability).
- Stalls: every decision point answered "maybe", in red, with the next logical action to take.
- The current stage's tasks as a checklist; exit criteria are marked. When they are all ticked
  the next stage is proposed with a button (the rep moves the deal; nothing moves by itself).
- The customer's decision points (CVM): yes / maybe / no and a note for each phase.

Every write goes through ``services.deals`` (or ``services.opportunities`` to move the stage);
the page reloads on the change those publish. Widgets are updated in place, so the keyboard
focus stays where the rep left it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.decision_points import ANSWERS
from desktop.domain.validation import ValidationError

from ..formats import show_date
from ..msgbox import prompter
from ..widgets.retranslate import Retranslating
from ..widgets.section import SectionHeader

STALL_STYLE = "color: #c62828; font-weight: bold;"
MET_STYLE = "color: #2e7d32; font-weight: bold;"


def money(amount: int | None, currency: str) -> str:
    """1234567 CNY → "1,234,567 CNY"; "–" without an amount."""
    return "–" if amount is None else f"{amount:,} {currency}"


class _WrapCheck(QWidget):
    """A check box whose text wraps: the decks' task texts are long, the page is narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setBuddy(self.box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def mouseReleaseEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        self.box.click()  # the text is part of the control, as with a plain check box


class DealCockpit(Retranslating, QWidget):
    """The cockpit of one deal; ``stage_moved`` asks the form around it to reload."""

    stage_moved = Signal(str)

    def __init__(self, ctx, opportunity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.opportunity_id = opportunity_id
        self._stage: str | None = None
        self.task_boxes: dict[str, QCheckBox] = {}
        self.answer_combos: dict[str, QComboBox] = {}
        self.note_edits: dict[str, QLineEdit] = {}
        self.question_labels: dict[str, QLabel] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.header = SectionHeader()
        layout.addWidget(self.header)
        self.value = QLabel()
        self.value.setObjectName("dealValue")
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.value)
        self.stall = QLabel()
        self.stall.setObjectName("dealStall")
        self.stall.setWordWrap(True)
        self.stall.setStyleSheet(STALL_STYLE)
        layout.addWidget(self.stall)

        self.tasks_header = QLabel()
        self.tasks_header.setStyleSheet("font-weight: 600;")
        self.tasks_header.setWordWrap(True)
        layout.addWidget(self.tasks_header)
        self.tasks_box = QVBoxLayout()
        self.tasks_box.setSpacing(2)
        layout.addLayout(self.tasks_box)
        proposal = QHBoxLayout()
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.proposal.setStyleSheet(MET_STYLE)
        self.move_button = QPushButton()
        self.move_button.clicked.connect(self.move_to_proposed)
        proposal.addWidget(self.proposal, 1)
        proposal.addWidget(self.move_button)
        layout.addLayout(proposal)

        self.points_header = QLabel()
        self.points_header.setStyleSheet("font-weight: 600;")
        layout.addWidget(self.points_header)
        self.points = QGridLayout()
        self.points.setHorizontalSpacing(8)
        self.points.setColumnStretch(1, 1)
        layout.addLayout(self.points)
        self._build_points()
        self._retranslate()
        self.reload()

    # Building ------------------------------------------------------------------------------

    def _build_points(self) -> None:
        playbook = self._ctx.services.playbook
        for row, phase in enumerate(playbook.group("cvm_phases")):
            name = QLabel()
            name.setStyleSheet("font-weight: 600;")
            question = QLabel()
            question.setWordWrap(True)
            combo = QComboBox()
            combo.addItem("", None)
            for answer in ANSWERS:
                combo.addItem("", answer)
            combo.activated.connect(lambda _i, p=phase.key: self._save_point(p))
            note = QLineEdit()
            note.editingFinished.connect(lambda p=phase.key: self._save_point(p, only_note=True))
            question.setBuddy(combo)
            # Two lines per decision point (the note under the question) keep the page narrow.
            self.points.addWidget(name, 2 * row, 0)
            self.points.addWidget(question, 2 * row, 1)
            self.points.addWidget(combo, 2 * row, 2)
            self.points.addWidget(note, 2 * row + 1, 1, 1, 2)
            self.question_labels[phase.key] = question
            self.answer_combos[phase.key] = combo
            self.note_edits[phase.key] = note
            self.question_labels[phase.key + ".name"] = name

    def _build_tasks(self, stage: str) -> None:
        """The checklist of ``stage`` (rebuilt only when the deal changes stage)."""
        while self.tasks_box.count():
            item = self.tasks_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.task_boxes = {}
        self.task_labels: dict[str, QLabel] = {}
        for task in self._ctx.services.deals.progress(self.opportunity_id).tasks:
            row = _WrapCheck()
            row.box.toggled.connect(lambda on, k=task.key: self._save_task(k, on))
            self.tasks_box.addWidget(row)
            self.task_boxes[task.key] = row.box
            self.task_labels[task.key] = row.label
        self._stage = stage
        self._task_texts()

    # Reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        summary = self._ctx.services.deals.summary(self.opportunity_id)
        self.summary = summary
        if summary.stage != self._stage:
            self._build_tasks(summary.stage)
        for key, box in self.task_boxes.items():
            box.blockSignals(True)
            box.setChecked(key in summary.progress.done)
            box.blockSignals(False)
        for phase, combo in self.answer_combos.items():
            answer = summary.answers.get(phase)
            combo.setCurrentIndex(combo.findData(answer.answer if answer else None))
            note = self.note_edits[phase]
            if not note.hasFocus():
                note.setText(answer.note if answer else "")
        self._show()

    def _show(self) -> None:
        summary, lang = self.summary, self._ctx.lang
        playbook = self._ctx.services.playbook
        close = show_date(summary.expected_close) if summary.expected_close else "–"
        self.value.setText(
            self.tr(
                "Value {amount} · win probability {percent}% · weighted value {weighted}"
                " · expected close {close}"
            ).format(
                amount=money(summary.amount, summary.currency),
                percent=summary.probability,
                weighted=money(summary.weighted, summary.currency),
                close=close,
            )
        )
        self.value.setAccessibleName(self.value.text())
        if summary.stalls:
            lines = [self.tr("Stalled: the customer answered “maybe”.")]
            for stall in summary.stalls:
                line = f"{stall.phase_label.get(lang)}: {stall.question.get(lang)}"
                if stall.next_action_label is not None:
                    line += " " + self.tr("Next logical action: {action}").format(
                        action=stall.next_action_label.get(lang)
                    )
                if stall.note:
                    line += f" ({stall.note})"
                lines.append("⚑ " + line)
            self.stall.setText("<br>".join(escape(line) for line in lines))
            self.stall.setAccessibleName(" ".join(lines))
            self.stall.show()
        else:
            self.stall.clear()
            self.stall.hide()
        progress = summary.progress
        stage_name = playbook.label("funnel_stages", progress.stage, lang)
        self.tasks_header.setText(
            self.tr("Stage {stage} {name}: {done} of {total} tasks done").format(
                stage=progress.stage,
                name=stage_name,
                done=progress.done_count,
                total=len(progress.tasks),
            )
            + (
                "  ·  "
                + self.tr("{count} exit criteria open").format(count=len(progress.exit_open))
                if progress.exit_open
                else ""
            )
        )
        proposed = progress.proposed
        if proposed is not None:
            label = playbook.label("funnel_stages", proposed, lang)
            self.proposal.setText(
                self.tr("Exit criteria met: the deal is ready for stage {stage} {name}.").format(
                    stage=proposed, name=label
                )
            )
            self.move_button.setText(self.tr("Move to stage {stage}").format(stage=proposed))
        self.proposal.setVisible(proposed is not None)
        self.move_button.setVisible(proposed is not None)

    def _task_texts(self) -> None:
        lang = self._ctx.lang
        for task in self._ctx.services.deals.progress(self.opportunity_id).tasks:
            box = self.task_boxes.get(task.key)
            if box is None:
                continue
            text = task.text(lang)
            if task.exit:
                text += "  " + self.tr("(exit criterion)")
            self.task_labels[task.key].setText(text)
            box.setAccessibleName(text)

    # Writing -------------------------------------------------------------------------------

    def _save_task(self, key: str, done: bool) -> None:
        try:
            self._ctx.services.deals.set_task(self.opportunity_id, key, done)
        except ValidationError as exc:
            prompter.error(self, self.tr("Could not save"), exc.text(self._ctx.lang))
        self.reload()

    def _save_point(self, phase: str, only_note: bool = False) -> None:
        combo, note = self.answer_combos[phase], self.note_edits[phase]
        answer = combo.currentData()
        stored = self.summary.answers.get(phase)
        if only_note and (answer is None or (stored and stored.note == note.text().strip())):
            return  # a note belongs to an answer; an unchanged one needs no write
        try:
            self._ctx.services.deals.set_decision_point(
                self.opportunity_id, phase, answer, note.text().strip() if answer else ""
            )
        except ValidationError as exc:
            prompter.error(self, self.tr("Could not save"), exc.text(self._ctx.lang))
        self.reload()

    def move_to_proposed(self) -> None:
        proposed = self.summary.progress.proposed
        if proposed is None:
            return
        try:
            self._ctx.services.opportunities.update(self.opportunity_id, stage=proposed)
        except ValidationError as exc:
            prompter.error(self, self.tr("Could not save"), exc.text(self._ctx.lang))
            return
        self.reload()
        self.stage_moved.emit(proposed)

    # Language ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        lang = self._ctx.lang
        playbook = self._ctx.services.playbook
        self.header.setText(self.tr("Deal cockpit"))
        self.move_button.setText(self.tr("Move to the next stage"))  # named while hidden too
        self.points_header.setText(self.tr("The customer's decision points"))
        answer_texts = {
            None: self.tr("Not asked yet"),
            "yes": self.tr("Yes"),
            "maybe": self.tr("Maybe"),
            "no": self.tr("No"),
        }
        for phase in playbook.group("cvm_phases"):
            question = phase.extra_text("decision_point", lang) or phase.text(lang)
            self.question_labels[phase.key + ".name"].setText(phase.text(lang))
            self.question_labels[phase.key].setText(question)
            combo = self.answer_combos[phase.key]
            for index in range(combo.count()):
                combo.setItemText(index, answer_texts[combo.itemData(index)])
            combo.setAccessibleName(self.tr("Answer: {question}").format(question=question))
            self.note_edits[phase.key].setAccessibleName(
                self.tr("Note: {question}").format(question=question)
            )
            self.note_edits[phase.key].setPlaceholderText(self.tr("Note"))
        self._task_texts()
        if hasattr(self, "summary"):
            self._show()
