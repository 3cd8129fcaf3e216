"""Picking planned questions from the playbook's banks: ERIC steps, SPIN types, question types.

The rep ticks any number of questions (and may reword one in place with a double-click or F2);
"Add" hands them back as planned-question values. Question types contribute their example.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import UiContext
from desktop.ui.widgets.a11y import name_inner_buttons
from desktop.ui.widgets.tree_items import child_items, top_level_items

from .common import fill_combo, muted

ROLE = Qt.ItemDataRole.UserRole  # (framework, step) on each question item


class QuestionBankDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext,
        people: list[tuple[str, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Add questions from the bank"))
        self.resize(820, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                self.tr(
                    "Tick the questions to plan. Double-click a question to reword it before "
                    "adding it; you can edit them afterwards too."
                )
            )
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter questions"))
        self.search.setAccessibleName(self.tr("Filter questions"))
        self.search.setClearButtonEnabled(True)
        name_inner_buttons(self.search, self.tr("Clear"))
        self.search.textChanged.connect(self._filter)
        layout.addWidget(self.search)

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Question bank"))
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        layout.addWidget(self.tree, 1)
        self._fill()

        row = QHBoxLayout()
        caption = QLabel(self.tr("Ask whom"))
        self.target = QComboBox()
        fill_combo(self.target, people, self.tr("Anyone"))
        caption.setBuddy(self.target)
        row.addWidget(caption)
        row.addWidget(self.target)
        row.addStretch(1)
        self.count = muted()
        row.addWidget(self.count)
        layout.addLayout(row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Add the ticked questions")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.tree.itemChanged.connect(self._count)
        self._count()

    def _fill(self) -> None:
        pb, lang = self.ctx.services.playbook, self.ctx.lang
        banks = (
            ("eric", "ERIC", pb.group("eric_steps")),
            ("spin", "SPIN", pb.group("spin_types")),
        )
        for framework, name, entries in banks:
            for entry in entries:
                group = self._group(f"{name} · {entry.text(lang)}", entry.description_text(lang))
                for question in entry.questions:
                    self._question(group, framework, entry.key, question.get(lang))
        types = self._group(
            self.tr("Question types, with an example of each"),
            self.tr("Use the example as a pattern and reword it for this customer."),
        )
        for entry in pb.group("question_types"):
            example = entry.extra_text("example", lang)
            if example:
                item = self._question(types, "type", entry.key, example)
                item.setToolTip(0, f"{entry.text(lang)}: {entry.description_text(lang)}")
        self.tree.expandAll()

    def _group(self, title: str, description: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setToolTip(0, description)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    def _question(
        self, group: QTreeWidgetItem, framework: str, step: str, text: str
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [text])
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
        )
        item.setCheckState(0, Qt.CheckState.Unchecked)
        item.setData(0, ROLE, (framework, step))
        return item

    def question_items(self) -> list[QTreeWidgetItem]:
        return [q for group in top_level_items(self.tree) for q in child_items(group)]

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for group in top_level_items(self.tree):
            shown = 0
            for child in child_items(group):
                hide = bool(needle) and needle not in child.text(0).lower()
                child.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)

    def _count(self, *_args: Any) -> None:
        n = len(self.selected())
        self.count.setText(self.tr("%n question(s) ticked", "", n))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)

    def selected(self) -> list[dict[str, Any]]:
        """The ticked questions as planned-question values, in bank order."""
        out = []
        target = self.target.currentData()
        for item in self.question_items():
            if item.checkState(0) == Qt.CheckState.Checked and item.text(0).strip():
                framework, step = item.data(0, ROLE)
                values = {"framework": framework, "step": step, "text": item.text(0).strip()}
                if target is not None:
                    values["target_contact_id"] = target
                out.append(values)
        return out
