"""The pipeline screen: filters, the four charts (funnel, forecast, buying cycle, territory)
and the stalled deals with why and what to do next; Enter or a double click opens the deal.

Every figure comes from ``services.pipeline.review`` (summed by SQLite); the charts are the
shapes of ``exchange.pipeline_review.charts``, which the review PDF prints too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.pipeline_review import PipelineFilter, PipelineReview, charts, money
from desktop.services.events import Change
from desktop.ui.context import UiContext

from ..exports import confirm_saved, day_text, file_stem, suggested_path, with_suffix
from ..msgbox import prompter
from ..tasks import run_task
from .chart import CHART_WIDTH, ChartView

DEAL_ROLE = Qt.ItemDataRole.UserRole
ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1


class StalledTable(QTableWidget):
    """The stalled deals; Enter opens the current one (a table would only move down)."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.activated_row.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class PipelineView(QWidget):
    open_deal = Signal(int, int)  # account id, opportunity id

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._stale = True
        self._reading = False  # a read runs on a worker
        self._again = False  # and another is wanted after it
        self.review: PipelineReview | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(8)

        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        top.addWidget(self.title)
        top.addStretch(1)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_dialog)
        top.addWidget(self.export_button)
        outer.addLayout(top)

        filters = QHBoxLayout()
        self.stage_label = QLabel(self)
        self.stage = QComboBox(self)
        self.stage_label.setBuddy(self.stage)
        self.tier_label = QLabel(self)
        self.tier = QComboBox(self)
        self.tier_label.setBuddy(self.tier)
        self.stalled_only = QCheckBox(self)
        for widget in (self.stage_label, self.stage, self.tier_label, self.tier):
            filters.addWidget(widget)
        filters.addWidget(self.stalled_only)
        filters.addStretch(1)
        outer.addLayout(filters)
        self.summary = QLabel(self)
        self.summary.setObjectName("muted")
        outer.addWidget(self.summary)

        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        self.charts = [ChartView(body) for _ in range(5)]
        for i, view in enumerate(self.charts[:4]):
            grid.addWidget(view, i // 2, i % 2)
        grid.addWidget(self.charts[4], 2, 0, 1, 2)
        self.stalled_title = QLabel(body)
        self.stalled_title.setObjectName("sectionTitle")
        grid.addWidget(self.stalled_title, 3, 0, 1, 2)
        self.table = StalledTable(0, 5, body)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)  # the stage
        self.table.setMinimumHeight(220)
        self.table.cellDoubleClicked.connect(lambda row, _col: self._open_row(row))
        self.table.activated_row.connect(self._open_row)
        grid.addWidget(self.table, 4, 0, 1, 2)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

        self.stage.currentIndexChanged.connect(lambda _i: self.refresh())
        self.tier.currentIndexChanged.connect(lambda _i: self.refresh())
        self.stalled_only.toggled.connect(lambda _on: self.refresh())
        ctx.hub.changed.connect(self._changed)
        self._retranslate()

    # Reading --------------------------------------------------------------------------------

    def filters(self) -> PipelineFilter:
        return PipelineFilter(
            self.stage.currentData(), self.tier.currentData(), self.stalled_only.isChecked()
        )

    def refresh(self) -> None:
        """Read the pipeline again on a worker thread (about 0.7 s at L); the screen paints at
        once and stays live, and the charts fill in when the figures arrive. A filter changed
        while a read runs starts one more read after it, for the filters then chosen."""
        if self._filling:
            return
        self._stale = False
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        self.summary.setText(self.tr("Reading the pipeline…"))
        pipeline, chosen = self._ctx.services.pipeline, self.filters()
        run_task(lambda: pipeline.review(chosen), self._arrived, self._read_failed, owner=self)

    def busy(self) -> bool:
        """True while the figures are being read."""
        return self._reading

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        self.summary.setText(self.tr("The pipeline could not be read: {reason}").format(reason=exc))

    def _arrived(self, review: PipelineReview) -> None:
        self._reading = False
        if self._again:
            self.refresh()
            return
        self.show_review(review)

    def show_review(self, review: PipelineReview) -> None:
        lang = self._ctx.lang
        playbook = self._ctx.services.playbook
        self.review = review
        for view, chart in zip(
            self.charts, charts(review, playbook, lang, CHART_WIDTH), strict=True
        ):
            view.set_chart(chart)
        self.charts[4].set_chart(charts(review, playbook, lang, CHART_WIDTH * 2)[4])
        summary = self.tr("{count} open deals · weighted {weighted} · {stalled} stalled").format(
            count=review.open_count,
            weighted=money(review.open_weighted, review.currency),
            stalled=review.stalled_total,
        )
        # The "1+2" of handed-over deals (issue 16 item 10): one count over a small table.
        referrals = self._ctx.services.referrals.totals()
        if referrals.asked:
            summary += " · " + self.tr("referrals: {asked} asked, {received} received").format(
                asked=referrals.asked, received=referrals.received
            )
        self.summary.setText(summary)
        # Filled with the stage column at a fixed width, then fitted once: fitted as it fills,
        # each of the 1,000 cells measured the whole column again (90 ms for 200 deals).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.setRowCount(0)
        self.table.setRowCount(len(review.stalled))
        for row, deal in enumerate(review.stalled):
            cells = (
                deal.account,
                deal.name,
                deal.stage,
                "; ".join(deal.reasons(lang, review.stall_days)),
                deal.suggestion(playbook, lang),
            )
            for col, cell in enumerate(cells):
                item = QTableWidgetItem(cell)
                item.setToolTip(cell)
                item.setData(DEAL_ROLE, deal.opportunity_id)
                item.setData(ACCOUNT_ROLE, deal.account_id)
                self.table.setItem(row, col, item)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_deal.emit(int(item.data(ACCOUNT_ROLE)), int(item.data(DEAL_ROLE)))

    def _changed(self, _change: Change) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # Export ---------------------------------------------------------------------------------

    def export_dialog(self) -> None:
        title = self.tr("Export the pipeline review")
        what = self.tr("pipeline review")
        suggested = suggested_path(file_stem(what, day_text(self._today())), ".pdf")
        path = prompter.save_path(self, title, suggested, self.tr("PDF files (*.pdf)"))
        if path and self.export_to(with_suffix(path, ".pdf")):
            confirm_saved(self, title, with_suffix(path, ".pdf"))

    def export_to(self, path: Path) -> bool:
        """Write the review (as filtered on screen) as PDF; a problem is shown, not raised."""
        from desktop.export.pipeline.pdf import write_review

        services = self._ctx.services
        shown = self.review
        current = shown is not None and shown.filters == self.filters() and not self._reading
        try:
            write_review(
                shown if current and shown else services.pipeline.review(self.filters()),
                services.playbook,
                path,
                self._ctx.lang,
                services.settings.get("paper_size"),
            )
        except OSError as exc:
            prompter.error(self, self.tr("Export the pipeline review"), str(exc))
            return False
        return True

    def _today(self):
        return self.review.today if self.review else None

    # Language -------------------------------------------------------------------------------

    _filling = False

    def _retranslate(self) -> None:
        lang = self._ctx.lang
        playbook = self._ctx.services.playbook
        self.title.setText(self.tr("Pipeline"))
        self.export_button.setText(self.tr("Export review…"))
        self.export_button.setToolTip(self.tr("The pipeline on one printable page (PDF)"))
        self.stage_label.setText(self.tr("&Stage:"))
        self.tier_label.setText(self.tr("&Tier:"))
        self.stalled_only.setText(self.tr("Stalled deals only"))
        self.stalled_title.setText(self.tr("Stalled deals"))
        self.table.setAccessibleName(self.tr("Stalled deals"))
        self.scroll_area.setAccessibleName(self.tr("Pipeline charts and stalled deals"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Deal"),
                self.tr("Stage"),
                self.tr("Why stalled"),
                self.tr("Suggested next action"),
            ]
        )
        self._filling = True
        for combo, group, keys in (
            (self.stage, "funnel_stages", self._ctx.services.pipeline.open_stages()),
            (self.tier, "pyramid_tiers", [e.key for e in playbook.group("pyramid_tiers")]),
        ):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for key in keys:
                label = playbook.label(group, key, lang)
                combo.addItem(f"{key} · {label}" if group == "funnel_stages" else label, key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        self._filling = False
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
