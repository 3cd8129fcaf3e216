"""The bundle of every service, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.playbook import Playbook
from desktop.store.database import Database

from .accounts import AccountService
from .contacts import ContactService
from .deal_cockpit import DealCockpitService
from .events import Notifier
from .next_steps import NextStepService
from .opportunities import OpportunityService
from .queries import QueryService
from .settings import SettingsService
from .visits import VisitService


@dataclass
class Services:
    """Everything a screen needs, built once by the composition root."""

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
