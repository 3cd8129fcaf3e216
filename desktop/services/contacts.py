"""Use cases for the people at an account and their reporting lines."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select, update
from sqlalchemy.orm import Session

from desktop.domain.org_chart import would_create_cycle
from desktop.domain.validation import ValidationError
from desktop.store.models import Account, Contact

from . import fields
from .base import Service
from .contact_details import fold_columns
from .events import ChangeKind

CHART_COLUMNS = (
    "id",
    "name",
    "title",
    "department",
    "reports_to_id",
    "communication_style",
    "last_contact",
)


class ContactService(Service):
    def create(self, account_id: int, **values: Any) -> Contact:
        clean = fields.clean(Contact, fields.CONTACT, values, self.playbook, creating=True)
        with self.db.write() as s:
            self.fetch(s, Account, account_id, "account")
            contact = Contact(account_id=account_id)
            manager = clean.pop("reports_to_id", None)
            self.apply(contact, clean)
            s.add(contact)
            s.flush()
            fold_columns(s, contact, clean)
            if manager is not None:
                self._check_manager(s, contact, manager)
                contact.reports_to_id = manager
        self.announce(ChangeKind.CONTACT, contact.id, account_id=account_id)
        return contact

    def update(self, contact_id: int, **changes: Any) -> Contact:
        clean = fields.clean(Contact, fields.CONTACT, changes, self.playbook)
        with self.db.write() as s:
            contact = self.fetch(s, Contact, contact_id, "contact")
            if "reports_to_id" in clean and clean["reports_to_id"] is not None:
                self._check_manager(s, contact, clean["reports_to_id"])
            self.apply(contact, clean)
            fold_columns(s, contact, clean)
        self.announce(ChangeKind.CONTACT, contact_id, account_id=contact.account_id)
        return contact

    def move(self, contact_id: int, manager_id: int | None) -> Contact:
        """Put ``contact_id`` under ``manager_id`` in the org chart (None: at the top)."""
        return self.update(contact_id, reports_to_id=manager_id)

    def delete(self, contact_id: int) -> None:
        """Remove a person; the people who reported to them move up to their manager."""
        with self.db.write() as s:
            contact = self.fetch(s, Contact, contact_id, "contact")
            account_id = contact.account_id
            s.execute(
                update(Contact)
                .where(Contact.reports_to_id == contact_id)
                .values(reports_to_id=contact.reports_to_id)
            )
            s.delete(contact)
        self.announce(ChangeKind.CONTACT, contact_id, account_id=account_id, deleted=True)

    def get(self, contact_id: int) -> Contact:
        with self.db.read() as s:
            return self.fetch(s, Contact, contact_id, "contact")

    def for_account(self, account_id: int) -> list[Contact]:
        with self.db.read() as s:
            rows = s.scalars(
                select(Contact).where(Contact.account_id == account_id).order_by(Contact.id)
            )
            return list(rows)

    def chart(self, account_id: int) -> list[Row[Any]]:
        """The account's people as the org chart lists them: a few columns each, by id.

        Rows (``.id``, ``.name``, ``.title``, ``.department``, ``.reports_to_id``,
        ``.communication_style``, ``.last_contact``) instead of full records: an account with
        hundreds of people opens without building a record, notes and lists, for each of them.
        """
        with self.db.read() as s:
            return list(
                s.execute(
                    select(*(getattr(Contact, name) for name in CHART_COLUMNS))
                    .where(Contact.account_id == account_id)
                    .order_by(Contact.id)
                )
            )

    def _check_manager(self, s: Session, contact: Contact, manager_id: int) -> None:
        field = "reports_to_id"
        if manager_id == contact.id:
            raise ValidationError.single(field, "reports_to_self")
        manager = s.get(Contact, manager_id)
        if manager is None or manager.account_id != contact.account_id:
            raise ValidationError.single(field, "reports_to_other_account")
        chart = dict(
            s.execute(
                select(Contact.id, Contact.reports_to_id).where(
                    Contact.account_id == contact.account_id
                )
            ).all()
        )
        if would_create_cycle(chart, contact.id, manager_id):
            raise ValidationError.single(field, "reports_to_cycle", name=manager.name)
