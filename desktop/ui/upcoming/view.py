"""Upcoming visits, grouped by day, with each plan's readiness; print tomorrow's briefs.

The list is a view on ``UpcomingModel``, which reads the visits a page at a time as they are
drawn (the fortnight can hold thousands). The brief renderer
(``desktop.export.brief.render_briefs_for_day``) is imported only when the rep asks for it, and
runs on a worker thread.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.events import ChangeKind
from desktop.ui.context import UiContext

from ..exports import confirm_saved, day_text, file_stem, suggested_path
from ..formats import show_date
from ..msgbox import prompter
from ..tasks import Task, run_task
from .model import COL_TITLE, VISIT_ROLE, ShownRow, UpcomingModel
from .next_steps import NextStepsPanel


class UpcomingView(QWidget):
    open_visit = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._task: Task | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)

        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.range = QLabel(self)
        self.range.setObjectName("muted")
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Preparing the briefs…"))
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_tomorrow)
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.range, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.print_button)
        layout.addLayout(top)

        self.model = UpcomingModel(ctx, self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move between cells
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setCornerButtonEnabled(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.activated.connect(self._activated)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in enumerate((64, 220, 220, 260, 150, 90, 80)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.model.modelReset.connect(self._span_headings)  # a day's heading spans its row
        self.model.total_changed.connect(self._show_total)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self)
        self.empty.setObjectName("muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty)
        # Next steps across every account, below the visits: overdue, today, this week.
        self.next_steps = NextStepsPanel(ctx, self)
        self.next_steps.open_visit.connect(self.open_visit)
        layout.addWidget(self.next_steps, 1)

        ctx.hub.changed.connect(self._data_changed)
        self._retranslate()  # the rows are read when first shown: start-up does not wait

    # Content ------------------------------------------------------------------------------

    def days(self, today: date | None = None) -> tuple[date, date]:
        """Today through the end of next week (Sunday)."""
        today = today or date.today()
        end = today + timedelta(days=6 - today.weekday() + 7)
        return today, end

    def refresh(self) -> None:
        """Count the period again; its rows are read as they are drawn. After a change the rep
        stays where they were: the same rows on screen, the same visit selected."""
        start, end = self.days()
        same = self.model.period == (start, end)
        current = self.table.currentIndex()
        visit_id = current.data(VISIT_ROLE) if same and current.isValid() else None
        top = self.table.indexAt(QPoint(0, 0)).row() if same else -1
        self.model.reload(start, end)
        if visit_id is not None and (row := self.model.row_of(visit_id, current.row())) >= 0:
            self.table.setCurrentIndex(self.model.index(row, current.column()))
        if 0 < top < self.model.rowCount():
            self.table.scrollTo(
                self.model.index(top, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )
        elif not same:
            self.table.scrollToTop()  # a new day: the list starts from today again
        self.next_steps.refresh()

    def _span_headings(self) -> None:
        self.table.clearSpans()
        for row in self.model.heading_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())

    def _show_total(self, total: int) -> None:
        start, end = self.model.period
        self.range.setText(
            f"{show_date(start)} – {show_date(end)}  ·  " + self.model.count_text(total)
        )
        self.empty.setVisible(total == 0)
        self.table.setVisible(total > 0)

    def visit_rows(self) -> list[ShownRow]:
        """Every visit row, in list order (headings left out); reading a cell reads its page."""
        return self.model.visit_rows()

    def _activated(self, index: QModelIndex) -> None:
        visit_id = index.data(VISIT_ROLE)
        if visit_id is not None:
            self.open_visit.emit(int(visit_id))

    def _data_changed(self, change) -> None:
        if (
            change.kind in (ChangeKind.VISIT, ChangeKind.OPPORTUNITY, ChangeKind.ACCOUNT)
            and self.isVisible()
        ):
            self.refresh()  # hidden: showing it refreshes anyway

    def showEvent(self, event) -> None:  # noqa: N802
        self.refresh()  # also catches the date turning over at midnight
        super().showEvent(event)

    # Printing -----------------------------------------------------------------------------

    def print_tomorrow(self) -> None:
        from desktop.export.brief import render_briefs_for_day

        day = date.today() + timedelta(days=1)
        path = prompter.save_path(
            self,
            self.tr("Save tomorrow's briefs"),
            suggested_path(file_stem(day_text(day), self.tr("visit briefs")), ".pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        services = self._ctx.services
        self.print_button.setEnabled(False)
        self.progress.show()
        self._task = run_task(
            lambda: render_briefs_for_day(services, day, Path(path)),
            lambda _result: self._printed(path),
            self._print_failed,
        )

    def _printing_done(self) -> None:
        self.print_button.setEnabled(True)
        self.progress.hide()
        self._task = None

    def _printed(self, path: str) -> None:
        self._printing_done()
        confirm_saved(self, self.tr("Save tomorrow's briefs"), path)

    def _print_failed(self, exc: BaseException) -> None:
        self._printing_done()
        prompter.error(
            self,
            self.tr("Could not print the briefs"),
            self.tr("The briefs could not be saved: {error}").format(error=exc),
        )

    # Language -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Upcoming visits"))
        self.table.setAccessibleName(self.tr("Upcoming visits"))
        self.print_button.setText(self.tr("Print tomorrow's briefs…"))
        self.print_button.setToolTip(
            self.tr("Save one PDF with a brief for each of tomorrow's visits (Ctrl+P)")
        )
        self.empty.setText(
            self.tr("No visits planned for today, this week or next week.")
            + "\n"
            + self.tr("Open an account and plan one from its Visits tab.")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.model.retranslate()  # headings, statuses and dates are worded as they are drawn
            self._show_total(self.model.total)
        super().changeEvent(event)
