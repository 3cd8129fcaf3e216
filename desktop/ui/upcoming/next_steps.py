"""Next steps across every account, on the rep's week screen: overdue, today, this week.

A tree with one branch per period (at most fifty steps each, the heading counts them all);
each step is a checkable row (Space or a click ticks it off,
through ``services.next_steps``). A ticked step leaves the list at the next refresh; the line
under the title says what was ticked, so a slip of the key is seen and can be undone by ticking
it again from the deal's visit. Enter on a step opens the visit that agreed it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.validation import ValidationError

from ..formats import show_date
from ..msgbox import prompter

STEP_ROLE = Qt.ItemDataRole.UserRole
VISIT_ROLE = Qt.ItemDataRole.UserRole + 1
MORE_ROLE = Qt.ItemDataRole.UserRole + 2
PER_GROUP = 50  # steps shown per group; the heading gives the full count
GROUPS = ("overdue", "today", "week")


class NextStepsPanel(QWidget):
    open_visit = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.today: date | None = None  # None: the real today (tests set a day)
        self.rows: list = []
        self.counts: dict[str, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.status, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemChanged.connect(self._ticked)
        self.tree.itemActivated.connect(self._activated)
        for column, width in enumerate((360, 120, 110)):
            self.tree.setColumnWidth(column, width)
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(self)
        self.empty.setObjectName("muted")
        self.empty.hide()
        layout.addWidget(self.empty)
        self._retranslate()

    def refresh(self) -> None:
        if not self._ctx.ready:
            return
        day = self.today or date.today()
        week = self._ctx.services.next_steps.week(day, PER_GROUP)
        self.rows, self.counts = week.rows, week.counts
        current = self.tree.currentItem()
        keep = current.data(0, STEP_ROLE) if current is not None else None
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            self.groups: dict[str, QTreeWidgetItem] = {}
            for group in GROUPS:
                steps = [r for r in self.rows if r.bucket == group]
                if not steps:
                    continue
                head = QTreeWidgetItem(self.tree)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                head.setFirstColumnSpanned(True)
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                head.setData(0, STEP_ROLE, None)
                self.groups[group] = head
                for step in steps:
                    item = QTreeWidgetItem(self.tree)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    item.setCheckState(0, Qt.CheckState.Unchecked)
                    item.setText(0, step.description)
                    item.setText(1, step.owner)
                    item.setText(2, show_date(step.due_date))
                    item.setText(3, f"{step.account} · {step.opportunity}")
                    item.setData(0, STEP_ROLE, step.id)
                    item.setData(0, VISIT_ROLE, step.visit_id)
                    if group == "overdue":
                        item.setForeground(2, Qt.GlobalColor.red)
                    if step.id == keep:
                        self.tree.setCurrentItem(item)
                hidden = self.counts[group] - len(steps)
                if hidden > 0:  # a page per group keeps the screen quick; the CLI lists all
                    more = QTreeWidgetItem(self.tree)
                    more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    more.setFirstColumnSpanned(True)
                    more.setData(0, MORE_ROLE, hidden)
            self._group_texts()
        finally:
            self.tree.blockSignals(False)
        self.empty.setVisible(not self.rows)
        self.tree.setVisible(bool(self.rows))

    def step_items(self) -> list[QTreeWidgetItem]:
        """Every step row, in list order (the period headings left out)."""
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [i for i in items if i is not None and i.data(0, STEP_ROLE) is not None]

    def _ticked(self, item: QTreeWidgetItem, column: int) -> None:
        step_id = item.data(0, STEP_ROLE)
        if column != 0 or step_id is None:
            return
        done = item.checkState(0) == Qt.CheckState.Checked
        text = item.text(0)
        # Saved once the click or key press is over: the change it publishes refreshes the
        # list, which must not delete the item while Qt is still delivering its event.
        QTimer.singleShot(0, lambda: self._save(int(step_id), done, text))

    def _save(self, step_id: int, done: bool, text: str) -> None:
        try:
            self._ctx.services.next_steps.set_done(step_id, done, self.today)
        except ValidationError as exc:
            prompter.error(self, self.tr("Could not save"), exc.text(self._ctx.lang))
            return
        if done:
            self.status.setText(self.tr("Done: {step}").format(step=text))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        visit_id = item.data(0, VISIT_ROLE)
        if visit_id is not None:
            self.open_visit.emit(int(visit_id))

    def _group_texts(self) -> None:
        names = {
            "overdue": self.tr("Overdue"),
            "today": self.tr("Today"),
            "week": self.tr("This week"),
        }
        for group, head in getattr(self, "groups", {}).items():
            head.setText(0, f"{names[group]} ({self.counts[group]:,})")
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            hidden = item.data(0, MORE_ROLE) if item is not None else None
            if item is not None and hidden:
                item.setText(0, self.tr("… and {count} more").format(count=f"{hidden:,}"))

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Next steps"))
        self.tree.setAccessibleName(self.tr("Next steps due this week"))
        self.tree.setHeaderLabels(
            [self.tr("Next step"), self.tr("Owner"), self.tr("Due"), self.tr("Account · deal")]
        )
        self.empty.setText(self.tr("No open next steps due this week."))
        self._group_texts()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self._ctx.ready and self.isVisible():
                self.refresh()  # dates in the new language's form
        super().changeEvent(event)
