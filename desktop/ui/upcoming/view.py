"""Upcoming visits, grouped by day, with each plan's readiness; print tomorrow's briefs.

The brief renderer (``desktop.export.brief.render_briefs_for_day``) is imported only when the
rep asks for it, and runs on a worker thread; if it is not part of this build the button is
disabled and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..msgbox import prompter
from ..tasks import run_task

VISIT_ROLE = Qt.UserRole
(COL_TIME, COL_ACCOUNT, COL_OPPORTUNITY, COL_TITLE, COL_PLACE, COL_STATUS, COL_READY) = range(7)


def brief_renderer() -> Callable[..., Any] | None:
    """The day's-briefs renderer, or None when the PDF module is not available."""
    try:
        from desktop.export.brief import render_briefs_for_day
    except ImportError:
        return None
    return render_briefs_for_day


def readiness_colour(percent: int) -> str:
    if percent >= 80:
        return "#2e7d32"
    if percent >= 50:
        return "#8a5a00"
    return "#b3261e"


class UpcomingView(QWidget):
    open_visit = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._ctx = ctx
        self._stale = False
        self._renderer = brief_renderer()
        self._task = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)

        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.range = QLabel(self)
        self.range.setObjectName("muted")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_tomorrow)
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.range, 0, Qt.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.print_button)
        layout.addLayout(top)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(7)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setItemsExpandable(False)
        self.tree.itemActivated.connect(self._activated)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column, width in enumerate((64, 220, 220, 260, 150, 90, 80)):
            self.tree.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.Stretch)
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(self)
        self.empty.setObjectName("muted")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty)

        ctx.hub.changed.connect(self._data_changed)
        self._retranslate()
        self._stale = True  # filled when first shown: start-up does not wait for it

    # Content ------------------------------------------------------------------------------

    def days(self, today: date | None = None) -> tuple[date, date]:
        """Today through the end of next week (Sunday)."""
        today = today or date.today()
        end = today + timedelta(days=6 - today.weekday() + 7)
        return today, end

    def refresh(self) -> None:
        self._stale = False
        services, lang = self._ctx.services, self._ctx.lang
        start, end = self.days()
        visits = services.visits.upcoming(start, end)
        self.tree.clear()
        locale = QLocale()
        self.range.setText(
            f"{locale.toString(_qdate(start), QLocale.ShortFormat)} – "
            f"{locale.toString(_qdate(end), QLocale.ShortFormat)}"
        )
        bold = QFont(self.font())
        bold.setBold(True)
        day_item: QTreeWidgetItem | None = None
        current_day: date | None = None
        for visit, readiness in visits:
            assert visit.starts_at is not None
            day = visit.starts_at.date()
            if day != current_day:
                current_day = day
                day_item = QTreeWidgetItem(self.tree, [self._day_title(day, start)])
                day_item.setFirstColumnSpanned(True)
                day_item.setFont(0, bold)
                day_item.setForeground(0, QBrush(QColor("#1f3a5f")))
                day_item.setFlags(Qt.ItemIsEnabled)
                day_item.setExpanded(True)
            opp = visit.opportunity
            percent = readiness.percent
            item = QTreeWidgetItem(
                day_item,
                [
                    visit.starts_at.strftime("%H:%M"),
                    opp.account.name,
                    opp.name,
                    visit.title,
                    visit.place.splitlines()[0] if visit.place else "",
                    services.playbook.label("visit_statuses", visit.status, lang),
                    f"{percent}%",
                ],
            )
            item.setData(0, VISIT_ROLE, visit.id)
            item.setForeground(COL_READY, QBrush(QColor(readiness_colour(percent))))
            item.setToolTip(COL_READY, self.tr("Plan readiness"))
            item.setToolTip(COL_TITLE, visit.title)
            item.setToolTip(COL_PLACE, visit.place)
        for i in range(self.tree.topLevelItemCount()):
            self.tree.topLevelItem(i).setExpanded(True)
        self.empty.setVisible(not visits)
        self.tree.setVisible(bool(visits))

    def _day_title(self, day: date, today: date) -> str:
        locale = QLocale()
        name = locale.toString(_qdate(day), QLocale.LongFormat)
        if day == today:
            return self.tr("Today · {date}").format(date=name)
        if day == today + timedelta(days=1):
            return self.tr("Tomorrow · {date}").format(date=name)
        return name

    def visit_rows(self) -> list[QTreeWidgetItem]:
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            day = self.tree.topLevelItem(i)
            rows.extend(day.child(j) for j in range(day.childCount()))
        return rows

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        visit_id = item.data(0, VISIT_ROLE)
        if visit_id is not None:
            self.open_visit.emit(int(visit_id))

    def _data_changed(self, change) -> None:  # type: ignore[no-untyped-def]
        if change.kind in ("visit", "opportunity", "account"):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.refresh()  # also catches the date turning over at midnight
        super().showEvent(event)

    # Printing -----------------------------------------------------------------------------

    def print_tomorrow(self) -> None:
        renderer = self._renderer
        if renderer is None:
            return
        day = date.today() + timedelta(days=1)
        path = prompter.save_path(
            self,
            self.tr("Save tomorrow's briefs"),
            str(Path.home() / f"briefs-{day.isoformat()}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        services = self._ctx.services
        self.print_button.setEnabled(False)
        self.progress.show()
        self._task = run_task(
            lambda: renderer(services, day, Path(path)),
            lambda _result: self._printed(path),
            self._print_failed,
        )

    def _printing_done(self) -> None:
        self.print_button.setEnabled(True)
        self.progress.hide()
        self._task = None

    def _printed(self, path: str) -> None:
        self._printing_done()
        prompter.info(
            self,
            self.tr("Briefs saved"),
            self.tr("Tomorrow's briefs were saved to {path}.").format(path=path),
        )

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
        self.tree.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Account"),
                self.tr("Opportunity"),
                self.tr("Title"),
                self.tr("Place"),
                self.tr("Status"),
                self.tr("Readiness"),
            ]
        )
        self.print_button.setText(self.tr("Print tomorrow's briefs…"))
        if self._renderer is None:
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(
                self.tr("The PDF brief is not part of this build, so briefs cannot be printed.")
            )
        else:
            self.print_button.setToolTip(
                self.tr("Save one PDF with a brief for each of tomorrow's visits (Ctrl+P)")
            )
        self.empty.setText(
            self.tr("No visits planned for today, this week or next week.")
            + "\n"
            + self.tr("Open an account and plan one from its Visits tab.")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
            self.refresh()
        super().changeEvent(event)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
