"""The account page: a header with who the account is, and the four tabs under it.

A tab is built the first time it is shown or asked for (``page.circle`` …), not when the page
opens: most opens look at one or two tabs, and the decision circle of a large account is the
slowest part of the page. A tab built later reads the data and the language of that moment, and
starts on the opportunity the other tabs have in focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.services.events import ChangeKind
from desktop.ui.context import UiContext

from ..widgets.save_status import SaveReporter
from .first_steps import FirstStepsBanner
from .lazy import LazySlot
from .profile import ProfileTab

if TYPE_CHECKING:  # the other tabs' modules load with the tab, not with the page
    from .circle import CircleTab
    from .opportunities import OpportunitiesTab
    from .visits import VisitsTab

TAB_PROFILE, TAB_CIRCLE, TAB_OPPORTUNITIES, TAB_VISITS = range(4)


class AccountPage(QWidget):
    open_visit = Signal(int)

    def __init__(
        self,
        ctx: UiContext,
        account_id: int,
        undo_stack: QUndoStack,
        reporter: SaveReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.account_id = account_id
        self._undo = undo_stack
        self._reporter = reporter
        self._focused: int | None = None  # the deal in focus; None: each tab's first
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
        self.first_steps = FirstStepsBanner()
        self.first_steps.add_person.connect(self._add_first_person)
        self.first_steps.add_deal.connect(self._add_first_deal)
        layout.addWidget(self.first_steps)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        factories = {
            TAB_PROFILE: self._new_profile,
            TAB_CIRCLE: self._new_circle,
            TAB_OPPORTUNITIES: self._new_opportunities,
            TAB_VISITS: self._new_visits,
        }
        self._slots = [LazySlot(factories[index]) for index in range(len(factories))]
        for slot in self._slots:
            self.tabs.addTab(slot, "")
        layout.addWidget(self.tabs, 1)

        self.tabs.currentChanged.connect(self._tab)  # by click, Ctrl+Tab or show_tab()
        ctx.hub.changed.connect(self._data_changed)
        self._tab(self.tabs.currentIndex())
        self._retranslate()
        self.refresh_header()
        self.refresh_first_steps()

    # The tabs, each built on first use ---------------------------------------------------------

    @property
    def profile(self) -> ProfileTab:
        return cast(ProfileTab, self._tab(TAB_PROFILE))

    @property
    def circle(self) -> CircleTab:
        return cast("CircleTab", self._tab(TAB_CIRCLE))

    @property
    def opportunities(self) -> OpportunitiesTab:
        return cast("OpportunitiesTab", self._tab(TAB_OPPORTUNITIES))

    @property
    def visits(self) -> VisitsTab:
        return cast("VisitsTab", self._tab(TAB_VISITS))

    def is_built(self, index: int) -> bool:
        return self._slots[index].is_built

    def _tab(self, index: int) -> QWidget:
        return self._slots[index].widget()

    def _new_profile(self) -> ProfileTab:
        return ProfileTab(self._ctx, self.account_id, self._undo, self._reporter)

    def _new_circle(self) -> CircleTab:
        from .circle import CircleTab

        tab = CircleTab(
            self._ctx, self.account_id, self._undo, self._reporter, opportunity_id=self._focused
        )
        tab.opportunity_changed.connect(self._focus_opportunity)
        return tab

    def _new_opportunities(self) -> OpportunitiesTab:
        from .opportunities import OpportunitiesTab

        tab = OpportunitiesTab(
            self._ctx, self.account_id, self._undo, self._reporter, opportunity_id=self._focused
        )
        tab.opportunity_changed.connect(self._focus_opportunity)
        return tab

    def _new_visits(self) -> VisitsTab:
        from .visits import VisitsTab

        tab = VisitsTab(self._ctx, self.account_id, opportunity_id=self._focused)
        tab.open_visit.connect(self.open_visit)
        tab.opportunity_changed.connect(self._focus_opportunity)
        return tab

    def _focus_opportunity(self, opportunity_id: int | None) -> None:
        """One deal in focus across the tabs: choosing it in one chooses it in the others."""
        if opportunity_id is None:
            return
        self._focused = opportunity_id
        if self.is_built(TAB_CIRCLE):
            self.circle.choose_opportunity(opportunity_id)
        if self.is_built(TAB_VISITS):
            self.visits.choose_opportunity(opportunity_id)
        if self.is_built(TAB_OPPORTUNITIES):
            self.opportunities.choose(opportunity_id)

    def refresh_first_steps(self) -> None:
        services = self._ctx.services
        people = len(services.contacts.for_account(self.account_id))
        deals = len(services.opportunities.for_account(self.account_id))
        self.first_steps.update_counts(people, deals)

    def _add_first_person(self) -> None:
        self.show_tab(TAB_CIRCLE)
        self.circle.add_contact()

    def _add_first_deal(self) -> None:
        self.show_tab(TAB_OPPORTUNITIES)
        self.opportunities.new_opportunity()

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
        self._tab(index)  # built before it is shown, so it never appears empty
        self.tabs.setCurrentIndex(index)

    def show_contact(self, contact_id: int) -> None:
        self.show_tab(TAB_CIRCLE)
        self.circle.select_contact(contact_id)

    def show_opportunity(self, opportunity_id: int) -> None:
        self.show_tab(TAB_OPPORTUNITIES)
        self.opportunities.choose(opportunity_id)

    def flush(self) -> bool:
        """Save what is typed in every tab built so far (one not built has nothing typed)."""
        results = []
        if self.is_built(TAB_PROFILE):
            results.append(self.profile.flush())
        if self.is_built(TAB_CIRCLE):
            results.append(self.circle.flush())
        if self.is_built(TAB_OPPORTUNITIES):
            results.append(self.opportunities.flush())
        return all(results)

    def _data_changed(self, change) -> None:
        if change.kind in (ChangeKind.CONTACT, ChangeKind.OPPORTUNITY) and change.account_id in (
            self.account_id,
            None,
        ):
            self.refresh_first_steps()
        if (
            change.kind is ChangeKind.ACCOUNT
            and self.account_id in change.ids
            and not change.deleted
        ):
            self.refresh_header()
            # The profile's own save is already on screen there: reload it only for changes
            # made elsewhere (another window, an import, undo in another form…).
            if self.is_built(TAB_PROFILE) and not change.is_from(self.profile.token):
                self.profile.reload()

    def _retranslate(self) -> None:
        self.tabs.setTabText(TAB_PROFILE, self.tr("Profile and research"))
        self.tabs.setTabText(TAB_CIRCLE, self.tr("Decision circle"))
        self.tabs.setTabText(TAB_OPPORTUNITIES, self.tr("Opportunities"))
        self.tabs.setTabText(TAB_VISITS, self.tr("Visits"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.refresh_header()
        super().changeEvent(event)
