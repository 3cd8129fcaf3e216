"""What every service shares: the database, the playbook, the notifier and lookups."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from desktop.domain.playbook import Playbook, Text
from desktop.domain.validation import ValidationError
from desktop.store.database import Database

from .events import Change, ChangeKind, Notifier, current_initiator

M = TypeVar("M")

ENTITY_LABELS = {
    "account": Text("account", "客户"),
    "contact": Text("contact", "联系人"),
    "opportunity": Text("opportunity", "商机"),
    "visit": Text("visit", "拜访"),
    "item": Text("item", "条目"),
    "competitor": Text("competitor", "竞争对手"),
    "referral": Text("referral", "转介绍"),
    "outside_influencer": Text("influencer", "影响者"),
}


class Service:
    def __init__(self, db: Database, playbook: Playbook, notifier: Notifier) -> None:
        self.db = db
        self.playbook = playbook
        self.notifier = notifier

    @staticmethod
    def fetch(session: Session, model: type[M], ident: int | None, what: str) -> M:
        """The row, or a ValidationError a rep understands if it has gone."""
        obj = session.get(model, ident) if ident is not None else None
        if obj is None:
            raise ValidationError.single("id", "not_found", label=ENTITY_LABELS[what])
        return obj

    @staticmethod
    def apply(obj: Any, values: dict[str, Any]) -> None:
        for name, value in values.items():
            setattr(obj, name, value)

    def announce(
        self,
        kind: ChangeKind | str,
        *ids: int,
        account_id: int | None = None,
        deleted: bool = False,
    ) -> None:
        """Tell the screens, after the transaction committed; the initiator is whoever the
        call runs for (``events.initiated_by``)."""
        change = Change(ChangeKind(kind), frozenset(ids), account_id, deleted, current_initiator())
        self.notifier.publish(change)
