"""The debrief: the call report after the visit, saved in one go.

What happened, the commitment won against the one planned, answers to the planned questions
(prefilled from visit mode), objections resolved or not, next steps with owner and due date,
new needs, the open steps of earlier visits (done, or carried onto this visit), and — once the
stage's exit criteria are met — moving the opportunity to the next funnel stage, which the rep
must confirm with a tick. Saving stamps every customer attendee's last contact. Save checks
everything first: a bad row is marked and nothing is written; then ``complete_report`` saves
the report in one transaction.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.validation import ValidationError
from desktop.services import fields as service_fields
from desktop.services.visits import ITEMS, CallReport
from desktop.ui.binding import INVALID_STYLE
from desktop.ui.context import UiContext
from desktop.ui.formats import date_example, show_date
from desktop.ui.i18n import colon
from desktop.ui.msgbox import prompter
from desktop.ui.widgets.page_scroll import page_scroll
from desktop.ui.widgets.screen_fit import fit_to_screen

from .common import combo, fill_combo, form_layout, heading, muted, playbook_choices, text_edit
from .earlier_steps import EarlierSteps
from .step_page import WrapCheck


class _Row:
    """One editable row (a next step or a new need): its widgets and a remove button."""

    def __init__(self, widgets: dict[str, QWidget], remove: QPushButton) -> None:
        self.widgets = widgets
        self.remove = remove

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QLineEdit):
                out[name] = widget.text().strip()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData()
        return out

    def blank(self) -> bool:
        return not any(w.text().strip() for w in self.widgets.values() if isinstance(w, QLineEdit))

    def clear_marks(self) -> None:
        for widget in self.widgets.values():
            widget.setStyleSheet("")
            widget.setToolTip("")

    def mark(self, name: str, message: str) -> None:
        widget = self.widgets.get(name) or next(iter(self.widgets.values()))
        widget.setStyleSheet(INVALID_STYLE)
        widget.setToolTip(message)


class DebriefDialog(QDialog):
    def __init__(self, ctx: UiContext, visit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = visit_id
        services = ctx.services
        self.visit = visit = services.visits.get(visit_id)
        self.stage_before = visit.opportunity.stage
        self.contacts = services.contacts.for_account(visit.opportunity.account_id)
        self.setWindowTitle(self.tr("Debrief: call report"))
        # As large as is comfortable, never larger than the screen: the content scrolls and
        # the Save button stays in view on a 1366×768 laptop.
        fit_to_screen(self, 980, 860)

        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(16, 12, 16, 12)
        self.body.setSpacing(10)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828; font-weight: bold;")
        self.errors.hide()
        self.body.addWidget(self.errors)
        self.future = QLabel()
        self.future.setObjectName("futureVisit")
        self.future.setWordWrap(True)
        self.future.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.future.setVisible(self.in_future())
        if self.in_future():
            self.future.setText(
                self.tr(
                    "This visit is planned for {when}: it has not happened yet. Saving the "
                    "call report marks it as done."
                ).format(when=self._when())
            )
        self.body.addWidget(self.future)

        self._outcome_section(visit)
        self._questions_section(visit)
        self._objections_section(visit)
        self._needs_section(visit)
        self._next_steps_section(visit)
        self._stage_section()
        self.body.addStretch(1)

        scroll = page_scroll(content, tab_to_fields=False, name=self.tr("Call report"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Save the call report")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self._update_stage()

    # Sections -------------------------------------------------------------------------------

    def _outcome_section(self, visit: Any) -> None:
        self.body.addWidget(heading(self.tr("What happened"), 1))
        self.outcome = text_edit(self.tr("The outcome of the meeting, in a few sentences"), 100)
        self.outcome.setPlainText(visit.report_outcome)
        self.outcome.setAccessibleName(self.tr("What happened"))
        self.body.addWidget(self.outcome)

        self.body.addWidget(heading(self.tr("Commitment"), 1))
        self.planned = planned = QLabel()
        planned.setWordWrap(True)
        planned.setTextFormat(Qt.TextFormat.RichText)
        none = self.tr("not set")
        rows = [
            (self.tr("Best commitment planned"), visit.best_commitment.strip() or none),
            (self.tr("Minimum acceptable planned"), visit.min_commitment.strip() or none),
        ]
        sep = colon(self.ctx.lang)
        planned.setText(
            "".join(
                f"<p style='margin:0 0 4px 0'><b>{escape(k)}{sep}</b>{escape(v)}</p>"
                for k, v in rows
            )
        )
        self.body.addWidget(planned)
        form = form_layout()
        self.commitment = combo(
            playbook_choices(self.ctx, "commitment_outcomes"), self.tr("— choose —")
        )
        self.commitment.setCurrentIndex(max(self.commitment.findData(visit.report_commitment), 0))
        self.commitment.currentIndexChanged.connect(self._update_stage)
        form.addRow(self.tr("Commitment achieved"), self.commitment)
        self.commitment_notes = text_edit(self.tr("What exactly they agreed to"), 64)
        self.commitment_notes.setPlainText(visit.report_commitment_notes)
        form.addRow(self.tr("Commitment notes"), self.commitment_notes)
        self.body.addLayout(form)

    def _questions_section(self, visit: Any) -> None:
        self.body.addWidget(heading(self.tr("Answers to the planned questions"), 1))
        self.asked: dict[int, QCheckBox] = {}
        self.answers: dict[int, QLineEdit] = {}
        if not visit.questions:
            self.body.addWidget(muted(self.tr("No questions were planned.")))
            return
        grid = QGridLayout()
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        for row, q in enumerate(visit.questions):
            check = WrapCheck(q.text)
            check.box.setChecked(q.asked or bool(q.answer.strip()))
            answer = QLineEdit(q.answer)
            answer.setPlaceholderText(self.tr("Their answer"))
            answer.setAccessibleName(self.tr("Their answer"))
            answer.setAccessibleDescription(q.text)
            grid.addWidget(check, row, 0)
            grid.addWidget(answer, row, 1)
            self.asked[q.id] = check.box
            self.answers[q.id] = answer
        self.body.addLayout(grid)

    def _objections_section(self, visit: Any) -> None:
        self.resolved: dict[int, QCheckBox] = {}
        if not visit.objections:
            return
        self.body.addWidget(heading(self.tr("Objections"), 1))
        for o in visit.objections:
            box = QCheckBox(self.tr("Resolved"))
            box.setChecked(bool(o.resolved))
            box.setAccessibleDescription(o.text)  # which objection "Resolved" is about
            text = QLabel(f"“{o.text}”")
            text.setWordWrap(True)
            row = QHBoxLayout()
            row.addWidget(text, 1)
            row.addWidget(box)
            self.body.addLayout(row)
            self.resolved[o.id] = box

    def _needs_section(self, visit: Any) -> None:
        self.body.addWidget(heading(self.tr("Needs found"), 1))
        if visit.needs:
            lines = "".join(
                f"<p style='margin:0 0 2px 0'>• {escape(n.description)}</p>" for n in visit.needs
            )
            known = QLabel(lines)
            known.setWordWrap(True)
            known.setTextFormat(Qt.TextFormat.RichText)
            self.body.addWidget(known)
        self.need_rows: list[_Row] = []
        self.needs_grid = QGridLayout()
        self.body.addLayout(self.needs_grid)
        add = QPushButton(self.tr("Add a need"))
        add.clicked.connect(self.add_need_row)
        self.add_need_button = add
        self.body.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    def _next_steps_section(self, visit: Any) -> None:
        self.body.addWidget(heading(self.tr("Next steps"), 1))
        for step in visit.next_steps:
            due = show_date(step.due_date)
            parts = [p for p in (step.description, step.owner, due) if p]
            self.body.addWidget(muted("• " + " · ".join(parts)))
        self.step_rows: list[_Row] = []
        self.steps_grid = QGridLayout()
        self.steps_grid.setColumnStretch(0, 3)
        self.steps_grid.setColumnStretch(1, 1)
        self.steps_grid.setColumnStretch(2, 1)
        for col, text in enumerate((self.tr("Next step"), self.tr("Owner"), self.tr("Due"))):
            self.steps_grid.addWidget(muted(text), 0, col)
        self.body.addLayout(self.steps_grid)
        self.earlier_steps = EarlierSteps(self.ctx, visit.opportunity_id, self.visit_id)
        self.body.addWidget(self.earlier_steps)
        add = QPushButton(self.tr("Add a next step"))
        add.clicked.connect(self.add_step_row)
        self.add_step_button = add
        self.body.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_step_row()

    def _stage_section(self) -> None:
        self.body.addWidget(heading(self.tr("Funnel stage"), 1))
        self.stage_text = QLabel()
        self.stage_text.setWordWrap(True)
        self.stage_text.setStyleSheet("font-weight: bold;")
        self.stage_confirm = QCheckBox(self.tr("Yes, move the opportunity to this stage"))
        self.body.addWidget(self.stage_text)
        self.body.addWidget(self.stage_confirm, 0, Qt.AlignmentFlag.AlignLeft)

    # Rows -----------------------------------------------------------------------------------

    def add_step_row(self) -> _Row:
        description, owner, due = QLineEdit(), QLineEdit(), QLineEdit()
        due.setPlaceholderText(self.tr("e.g. %1").replace("%1", date_example()))
        description.setAccessibleName(self.tr("Next step"))
        owner.setAccessibleName(self.tr("Owner"))
        due.setAccessibleName(self.tr("Due"))
        widgets: dict[str, QWidget] = {"description": description, "owner": owner, "due_date": due}
        return self._add_row(self.step_rows, self.steps_grid, widgets)

    def add_need_row(self) -> _Row:
        description = QLineEdit()
        description.setPlaceholderText(self.tr("The need, in the customer's words"))
        description.setAccessibleName(self.tr("The need, in the customer's words"))
        widgets: dict[str, QWidget] = {"description": description}
        widgets["scope"] = combo(playbook_choices(self.ctx, "need_scopes"))
        widgets["clarity"] = combo(playbook_choices(self.ctx, "need_clarity"))
        whose = combo([], "—")
        fill_combo(whose, [(c.name, c.id) for c in self.contacts], "—")
        widgets["contact_id"] = whose
        widgets["scope"].setAccessibleName(self.tr("Scope"))
        widgets["clarity"].setAccessibleName(self.tr("Clarity"))
        whose.setAccessibleName(self.tr("Whose need"))
        return self._add_row(self.need_rows, self.needs_grid, widgets)

    def _add_row(self, rows: list[_Row], grid: QGridLayout, widgets: dict[str, QWidget]) -> _Row:
        remove = QPushButton(self.tr("Remove"))
        row = _Row(widgets, remove)
        index = grid.rowCount()
        for col, widget in enumerate(widgets.values()):
            grid.addWidget(widget, index, col)
        grid.addWidget(remove, index, len(widgets))
        rows.append(row)

        def drop() -> None:
            rows.remove(row)
            for widget in [*widgets.values(), remove]:
                grid.removeWidget(widget)
                widget.deleteLater()

        remove.clicked.connect(drop)
        next(iter(widgets.values())).setFocus()
        return row

    # Stage ----------------------------------------------------------------------------------

    def proposed(self) -> str:
        return self.ctx.services.visits.proposed_stage(self.visit_id)

    def _stage_label(self, key: str) -> str:
        return f"{key} {self.ctx.services.playbook.label('funnel_stages', key, self.ctx.lang)}"

    def _update_stage(self) -> None:
        new = self.proposed()
        if new != self.stage_before:
            self.stage_text.setText(
                self.tr("Move from {old} to {new}?").format(
                    old=self._stage_label(self.stage_before), new=self._stage_label(new)
                )
            )
            self.stage_confirm.show()
        else:
            self.stage_text.setText(
                self.tr("The opportunity stays at {stage}.").format(
                    stage=self._stage_label(self.stage_before)
                )
            )
            self.stage_confirm.setChecked(False)
            self.stage_confirm.hide()

    # Saving ---------------------------------------------------------------------------------

    def in_future(self) -> bool:
        starts = self.visit.starts_at
        return starts is not None and starts > datetime.now()

    def _when(self) -> str:
        starts = self.visit.starts_at
        return starts.strftime("%Y-%m-%d %H:%M") if starts is not None else ""

    def _confirm_future(self) -> bool:
        """A report for a visit still to come is most likely on the wrong visit: ask first."""
        if not self.in_future():
            return True
        return prompter.confirm(
            self,
            self.tr("Visit not yet held"),
            self.tr(
                "This visit is planned for {when}, in the future. Save the call report anyway "
                "and mark the visit as done?"
            ).format(when=self._when()),
        )

    def _check_rows(self) -> tuple[list[dict], list[dict], list[str]]:
        """Clean values of the filled-in rows, and the problems found (rows marked)."""
        playbook, lang = self.ctx.services.playbook, self.ctx.lang
        problems: list[str] = []
        checked: dict[str, list[dict]] = {"next_step": [], "need": []}
        groups = (("next_step", self.step_rows), ("need", self.need_rows))
        for kind, rows in groups:
            model, specs = ITEMS[kind]
            for number, row in enumerate(rows, start=1):
                row.clear_marks()
                if row.blank():
                    continue
                values = row.values()
                try:
                    service_fields.clean(model, specs, values, playbook, creating=True)
                except ValidationError as exc:
                    for field, message in exc.by_field(lang).items():
                        row.mark(field, message)
                    if kind == "next_step":
                        text = self.tr("Next step {n}: {problem}")
                    else:
                        text = self.tr("New need {n}: {problem}")
                    problems.append(text.format(n=number, problem=exc.text(lang)))
                    continue
                checked[kind].append(values)
        return checked["next_step"], checked["need"], problems

    def save(self) -> None:
        problems: list[str] = []
        self.outcome.setStyleSheet("")
        if not self.outcome.toPlainText().strip():
            self.outcome.setStyleSheet(INVALID_STYLE)
            problems.append(self.tr("Describe what happened in the meeting."))
        steps, needs, row_problems = self._check_rows()
        problems += row_problems
        if problems:
            self._show_errors(problems)
            return
        if not self._confirm_future():
            return
        new = self.proposed()
        confirmed = new != self.stage_before and self.stage_confirm.isChecked()
        report = CallReport(
            outcome=self.outcome.toPlainText().strip(),
            commitment=self.commitment.currentData(),
            commitment_notes=self.commitment_notes.toPlainText().strip(),
            answers={qid: w.text().strip() for qid, w in self.answers.items()},
            asked={qid for qid, box in self.asked.items() if box.isChecked()},
            resolved_objections={oid: box.isChecked() for oid, box in self.resolved.items()},
            next_steps=steps,
            new_needs=needs,
            stage_after=new if confirmed else None,
            closed_steps=self.earlier_steps.chosen("done"),
            carried_steps=self.earlier_steps.chosen("carry"),
        )
        services = self.ctx.services
        try:
            services.visits.complete_report(self.visit_id, report)
        except ValidationError as exc:
            self._show_errors([exc.text(self.ctx.lang)])
            return
        self.accept()

    def _show_errors(self, problems: list[str]) -> None:
        self.errors.setText(
            self.tr("Nothing was saved. Please correct:") + "\n" + "\n".join(problems)
        )
        self.errors.show()
