"""Use cases for accounts: create, change, delete, read."""

from __future__ import annotations

from typing import Any

from desktop.domain.segment import segment_code
from desktop.store.models import Account

from . import fields
from .base import Service
from .events import ChangeKind

SEGMENT_FIELDS = ("seg_recognition", "seg_pain", "seg_status", "seg_profit_tier")


class AccountService(Service):
    def create(self, **values: Any) -> Account:
        clean = fields.clean(Account, fields.ACCOUNT, values, self.playbook, creating=True)
        with self.db.write() as s:
            account = Account()
            fields.settle_currency(fields.ACCOUNT, account, clean)
            self.apply(account, clean)
            self._derive(account)
            s.add(account)
            s.flush()
        self.announce(ChangeKind.ACCOUNT, account.id, account_id=account.id)
        return account

    def update(self, account_id: int, **changes: Any) -> Account:
        clean = fields.clean(Account, fields.ACCOUNT, changes, self.playbook)
        with self.db.write() as s:
            account = self.fetch(s, Account, account_id, "account")
            fields.settle_currency(fields.ACCOUNT, account, clean)
            self.apply(account, clean)
            self._derive(account)
        self.announce(ChangeKind.ACCOUNT, account_id, account_id=account_id)
        return account

    def delete(self, account_id: int) -> None:
        """Remove the account and all that belongs to it (contacts, opportunities, visits)."""
        with self.db.write() as s:
            s.delete(self.fetch(s, Account, account_id, "account"))
        self.announce(ChangeKind.ACCOUNT, account_id, account_id=account_id, deleted=True)

    def get(self, account_id: int) -> Account:
        with self.db.read() as s:
            return self.fetch(s, Account, account_id, "account")

    @staticmethod
    def _derive(account: Account) -> None:
        account.segment_code = segment_code(*(getattr(account, f) for f in SEGMENT_FIELDS))
