"""The opportunity chooser shared by the decision circle and visits tabs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from desktop.ui.context import UiContext


class OpportunityPicker(QComboBox):
    opportunity_changed = Signal(object)  # int | None

    def __init__(
        self,
        ctx: UiContext,
        account_id: int,
        parent: QWidget | None = None,
        *,
        chosen: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._account_id = account_id
        # As wide as the row allows, at least 14 characters: sized to the longest deal's name
        # it pushed the buttons beside it under itself (at 100 % already, more so at 150 %).
        # A name that does not fit is elided here, shown whole in the list and the tooltip.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.currentTextChanged.connect(self.setToolTip)
        self.currentIndexChanged.connect(self._index_changed)
        self.reload(chosen)

    def _index_changed(self, _index: int) -> None:
        self.opportunity_changed.emit(self.current())

    def current(self) -> int | None:
        return self.currentData()

    def reload(self, chosen: int | None = None) -> None:
        """Refill from the database, keeping the choice (or ``chosen``, or the first deal)."""
        if chosen is None:
            chosen = self.currentData()
        services, lang = self._ctx.services, self._ctx.lang
        opportunities = services.opportunities.for_account(self._account_id)
        self.blockSignals(True)
        try:
            self.clear()
            for opp in opportunities:
                stage = services.playbook.label("funnel_stages", opp.stage, lang)
                self.addItem(f"{opp.name}  ·  {opp.stage} {stage}", opp.id)
            if not opportunities:
                self.addItem(self.tr("No opportunities yet"), None)
            index = self.findData(chosen) if chosen is not None else -1
            self.setCurrentIndex(index if index >= 0 else 0)
        finally:
            self.blockSignals(False)
        self.setEnabled(bool(opportunities))
        if self.currentData() != chosen:
            self.opportunity_changed.emit(self.currentData())

    def choose(self, opportunity_id: int | None) -> None:
        index = self.findData(opportunity_id)
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.reload()
        super().changeEvent(event)
