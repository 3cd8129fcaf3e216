"""The account page: a header with who the account is, and the four tabs under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ..widgets.save_status import SaveReporter
from .circle import CircleTab
from .opportunities import OpportunitiesTab
from .profile import ProfileTab
from .visits import VisitsTab

TAB_PROFILE, TAB_CIRCLE, TAB_OPPORTUNITIES, TAB_VISITS = range(4)


class AccountPage(QWidget):
    open_visit = Signal(int)

    def __init__(
        self,
        ctx,  # type: ignore[no-untyped-def]
        account_id: int,
        undo_stack: QUndoStack,
        reporter: SaveReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.account_id = account_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        header = QWidget()
        header.setObjectName("accountHeader")
        head = QHBoxLayout(header)
        head.setContentsMargins(20, 14, 20, 10)
        names = QVBoxLayout()
        names.setSpacing(0)
        self.name = QLabel()
        self.name.setObjectName("pageTitle")
        self.alt_name = QLabel()
        self.alt_name.setObjectName("muted")
        names.addWidget(self.name)
        names.addWidget(self.alt_name)
        head.addLayout(names, 1)
        self.tier = QLabel()
        self.tier.setObjectName("badge")
        self.segment = QLabel()
        self.segment.setObjectName("badgeStrong")
        head.addWidget(self.tier)
        head.addWidget(self.segment)
        layout.addWidget(header)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.profile = ProfileTab(ctx, account_id, undo_stack, reporter)
        self.circle = CircleTab(ctx, account_id, undo_stack, reporter)
        self.opportunities = OpportunitiesTab(ctx, account_id, undo_stack, reporter)
        self.visits = VisitsTab(ctx, account_id)
        for tab in (self.profile, self.circle, self.opportunities, self.visits):
            self.tabs.addTab(tab, "")
        layout.addWidget(self.tabs, 1)

        self.visits.open_visit.connect(self.open_visit)
        # One deal in focus across the tabs: choosing it in one chooses it in the others.
        self.opportunities.opportunity_changed.connect(self._focus_opportunity)
        self.circle.opportunity_changed.connect(self._focus_opportunity)
        self.visits.opportunity_changed.connect(self._focus_opportunity)
        ctx.hub.changed.connect(self._data_changed)
        self._focus_opportunity(self.opportunities.current_id())
        self._retranslate()
        self.refresh_header()

    def _focus_opportunity(self, opportunity_id: int | None) -> None:
        if opportunity_id is None:
            return
        self.circle.choose_opportunity(opportunity_id)
        self.visits.choose_opportunity(opportunity_id)
        self.opportunities.choose(opportunity_id)

    def refresh_header(self) -> None:
        services, lang = self._ctx.services, self._ctx.lang
        account = services.accounts.get(self.account_id)
        self.name.setText(account.name)
        self.alt_name.setText(account.alt_name)
        self.alt_name.setVisible(bool(account.alt_name))
        tier = services.playbook.label("pyramid_tiers", account.pyramid_tier, lang)
        self.tier.setText(tier)
        self.tier.setVisible(bool(tier))
        self.segment.setText(account.segment_code)
        self.segment.setVisible(bool(account.segment_code))
        self.segment.setToolTip(self.tr("Segment code"))

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def show_contact(self, contact_id: int) -> None:
        self.tabs.setCurrentWidget(self.circle)
        self.circle.select_contact(contact_id)

    def show_opportunity(self, opportunity_id: int) -> None:
        self.tabs.setCurrentWidget(self.opportunities)
        self.opportunities.choose(opportunity_id)

    def flush(self) -> bool:
        results = [
            self.profile.flush(),
            self.circle.flush(),
            self.opportunities.flush(),
        ]
        return all(results)

    def _data_changed(self, change) -> None:  # type: ignore[no-untyped-def]
        if change.kind == "account" and self.account_id in change.ids and not change.deleted:
            self.refresh_header()
            self.profile.reload()

    def _retranslate(self) -> None:
        self.tabs.setTabText(TAB_PROFILE, self.tr("Profile and research"))
        self.tabs.setTabText(TAB_CIRCLE, self.tr("Decision circle"))
        self.tabs.setTabText(TAB_OPPORTUNITIES, self.tr("Opportunities"))
        self.tabs.setTabText(TAB_VISITS, self.tr("Visits"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.LanguageChange:
            self._retranslate()
            self.refresh_header()
        super().changeEvent(event)
