"""The stage-A qualification checklist: yes / no / unknown and a note for each playbook item.

Stored whole in ``Opportunity.qualification`` as {item key: {"answer": ..., "note": ...}}.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from desktop.ui.context import UiContext

ANSWERS = ("unknown", "yes", "no")


class QualificationGrid(QWidget):
    edited = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._quiet = False
        self._extra: dict[str, Any] = {}  # answers to items this playbook no longer has
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(2, 4)
        self.questions: dict[str, QLabel] = {}
        self.answers: dict[str, QComboBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        for row, entry in enumerate(ctx.services.playbook.group("qualification_items")):
            question = QLabel()
            question.setWordWrap(True)
            answer = QComboBox()
            answer.setMinimumWidth(90)
            note = QLineEdit()
            grid.addWidget(question, row, 0)
            grid.addWidget(answer, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(note, row, 2, Qt.AlignmentFlag.AlignTop)
            question.setBuddy(answer)
            self.questions[entry.key] = question
            self.answers[entry.key] = answer
            self.notes[entry.key] = note
            answer.activated.connect(lambda _i: self._changed())
            note.editingFinished.connect(self._note_done)
        self._retranslate()

    def value(self) -> dict[str, Any]:
        out = dict(self._extra)
        for key, combo in self.answers.items():
            answer, note = combo.currentData(), self.notes[key].text().strip()
            if answer != "unknown" or note:
                out[key] = {"answer": answer, "note": note}
        return out

    def set_value(self, value: dict[str, Any] | None) -> None:
        value = dict(value or {})
        self._quiet = True
        try:
            for key, combo in self.answers.items():
                item = value.pop(key, None) or {}
                index = combo.findData(item.get("answer", "unknown"))
                combo.setCurrentIndex(max(index, 0))
                self.notes[key].setText(item.get("note", ""))
            self._extra = value
        finally:
            self._quiet = False

    def _note_done(self) -> None:
        if any(n.isModified() for n in self.notes.values()):
            for note in self.notes.values():
                note.setModified(False)
            self._changed()

    def _changed(self) -> None:
        if not self._quiet:
            self.edited.emit()

    def _retranslate(self) -> None:
        playbook, lang = self._ctx.services.playbook, self._ctx.lang
        labels = {"unknown": self.tr("Unknown"), "yes": self.tr("Yes"), "no": self.tr("No")}
        for key, combo in self.answers.items():
            self.questions[key].setText(playbook.label("qualification_items", key, lang))
            current = combo.currentData() or "unknown"
            combo.clear()
            for answer in ANSWERS:
                combo.addItem(labels[answer], answer)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            self.notes[key].setPlaceholderText(self.tr("Note"))
            self.notes[key].setAccessibleName(
                self.tr("Note on {question}").format(question=self.questions[key].text())
            )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._quiet = True
            try:
                self._retranslate()
            finally:
                self._quiet = False
        super().changeEvent(event)
