"""The bundle of every service, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from desktop.domain.playbook import Playbook
from desktop.exchange.contact_sheet import ContactSheet
from desktop.store.database import Database

from .accounts import AccountService
from .contact_details import ContactDetailService
from .contact_sheet import contact_sheet
from .contacts import ContactService
from .deal_cockpit import DealCockpitService
from .decision_map import MapService
from .events import Notifier
from .negotiation import NegotiationService
from .next_steps import NextStepService
from .opportunities import OpportunityService
from .outside_influencers import OutsideInfluencerService
from .pipeline import PipelineService
from .queries import QueryService
from .referrals import ReferralService
from .settings import SettingsService
from .visits import VisitService

if TYPE_CHECKING:
    from .backups import BackupService
    from .crm_import import CrmImportService
    from .datafile import DataFileService
    from .reviews import ReviewService
    from .team_changes import LostValuesService
    from .team_sync import TeamSyncService
    from .whole_accounts import BundleService, DemoService


@dataclass
class Services:
    """Everything a screen needs, built once by the composition root.

    ``db`` is for the services and the exporters; screens and the command line use the
    services (``files``, ``backups``, ``bundles``, ``demo`` for the file as a whole)."""

    db: Database
    playbook: Playbook
    notifier: Notifier
    accounts: AccountService
    contacts: ContactService
    opportunities: OpportunityService
    visits: VisitService
    queries: QueryService
    settings: SettingsService
    deals: DealCockpitService
    next_steps: NextStepService

    @classmethod
    def build(cls, db: Database, playbook: Playbook) -> Services:
        notifier = Notifier()
        args = (db, playbook, notifier)
        return cls(
            db,
            playbook,
            notifier,
            AccountService(*args),
            ContactService(*args),
            OpportunityService(*args),
            VisitService(*args),
            QueryService(*args),
            SettingsService(*args),
            DealCockpitService(*args),
            NextStepService(*args),
        )

    @cached_property
    def negotiation(self) -> NegotiationService:
        """A deal's negotiation card and its coaches (issue 16, items 3 and 4)."""
        return NegotiationService(self.db, self.playbook, self.notifier)

    @cached_property
    def contact_details(self) -> ContactDetailService:
        """Each person's e-mails, phones and postal addresses (issue 15)."""
        return ContactDetailService(self.db, self.playbook, self.notifier)

    @cached_property
    def referrals(self) -> ReferralService:
        """A handed-over deal's referral slots, "1+2" (issue 16, item 10)."""
        return ReferralService(self.db, self.playbook, self.notifier)

    @cached_property
    def outside_influencers(self) -> OutsideInfluencerService:
        """A deal's influencers outside the account (issue 16, item 6)."""
        return OutsideInfluencerService(self.db, self.playbook, self.notifier)

    @property
    def decision_map(self) -> MapService:
        """The decision map's reads and edits (plain ``MapData`` for the screen and exports)."""
        return MapService(self)

    @property
    def pipeline(self) -> PipelineService:
        """The pipeline's summed reads (funnel, forecast, stalled deals, territory)."""
        return PipelineService(self.db, self.playbook, self.notifier)

    def contact_sheet(self, account_id: int, opportunity_id: int | None = None) -> ContactSheet:
        """An account's contacts as plain rows for the contacts export."""
        return contact_sheet(self, account_id, opportunity_id)

    # Services for the file and for whole accounts, built on first use (their modules are
    # imported then, not at start-up).

    @cached_property
    def backups(self) -> BackupService:
        from .backups import BackupService

        return BackupService(self.db, self.notifier)

    @cached_property
    def files(self) -> DataFileService:
        from .datafile import DataFileService

        return DataFileService(self.db, self.notifier)

    @cached_property
    def bundles(self) -> BundleService:
        from .whole_accounts import BundleService

        return BundleService(self.db, self.notifier, self.playbook)

    @cached_property
    def crm_import(self) -> CrmImportService:
        """Accounts, deals and contacts from a CRM export (preview, then one transaction)."""
        from .crm_import import CrmImportService

        return CrmImportService(self.db, self.playbook, self.notifier)

    @cached_property
    def demo(self) -> DemoService:
        from .whole_accounts import DemoService

        return DemoService(self.db, self.notifier)

    @cached_property
    def team_sync(self) -> TeamSyncService:
        from .team_sync import TeamSyncService

        return TeamSyncService(self.db, self.notifier)

    @cached_property
    def lost_values(self) -> LostValuesService:
        """The "changed by someone else" list: values a teammate's concurrent edit replaced."""
        from .team_changes import LostValuesService

        return LostValuesService(self.db, self.playbook, self.notifier)

    @cached_property
    def reviews(self) -> ReviewService:
        """A manager's comments and "reviewed" marks on visit plans, from the team server."""
        from .reviews import ReviewService

        return ReviewService(self.db, self.playbook, self.notifier)

    def close(self) -> None:
        """Close the data file (at exit)."""
        self.db.close()
