"""The filter bar over the account list: tier, funnel stage, segment prefix and name."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from desktop.services.account_rows import AccountFilter
from desktop.ui.context import UiContext

from ..widgets.a11y import name_inner_buttons
from ..widgets.key_combo import KeyCombo
from ..widgets.retranslate import Retranslating

TYPING_PAUSE_MS = 250


class AccountFilterBar(Retranslating, QWidget):
    changed = Signal(object)  # AccountFilter

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.name = QLineEdit(self)
        self.name.setClearButtonEnabled(True)
        self.tier = KeyCombo(
            ctx, "pyramid_tiers", none_text=lambda: self.tr("All tiers"), parent=self
        )
        self.stage = KeyCombo(
            ctx,
            "funnel_stages",
            detail=lambda e, lang: f"{e.key} · {e.text(lang)}",
            none_text=lambda: self.tr("Any stage"),
            parent=self,
        )
        self.segment = QLineEdit(self)
        self.segment.setMaxLength(4)
        self.segment.setClearButtonEnabled(True)
        self.segment.setFixedWidth(150)
        layout.addWidget(self.name, 3)
        layout.addWidget(self.tier, 1)
        layout.addWidget(self.stage, 2)
        layout.addWidget(self.segment)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._emit)
        self.name.textChanged.connect(self._timer.start)
        self.segment.textChanged.connect(self._timer.start)
        self.tier.currentIndexChanged.connect(self._emit)
        self.stage.currentIndexChanged.connect(self._emit)
        self._retranslate()

    def value(self) -> AccountFilter:
        return AccountFilter(
            tier=self.tier.key(),
            stage=self.stage.key(),
            segment=self.segment.text().strip() or None,
            text=self.name.text(),
        )

    def _emit(self, *_args: object) -> None:
        self._timer.stop()
        self.changed.emit(self.value())

    def _retranslate(self) -> None:
        self.name.setPlaceholderText(self.tr("Filter by name…"))
        self.segment.setPlaceholderText(self.tr("Segment, e.g. E1"))
        self.name.setAccessibleName(self.tr("Filter by name"))
        name_inner_buttons(self, self.tr("Clear"))
        self.segment.setAccessibleName(self.tr("Filter by segment code"))
        self.tier.setAccessibleName(self.tr("Pyramid tier"))
        self.stage.setAccessibleName(self.tr("Funnel stage"))
