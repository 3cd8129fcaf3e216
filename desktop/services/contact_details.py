"""A person's e-mails, phones and postal addresses, written through the one door.

``ContactDetailService.replace()`` checks the whole list (an e-mail must look like one, a phone
needs a digit and is tidied like any phone, a value fits its column), stores it row by row with
uids kept for the details that were there before, sets the contact's ``email``,
``phone_office`` and ``phone_mobile`` to the preferred values, and announces a contact change.
``fold_columns()`` is for the writes that set those columns directly (the contact form's fields,
imports): the details follow, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import contact_details as cd
from desktop.domain.messages import Message
from desktop.domain.playbook import Playbook
from desktop.domain.validation import FieldError, ValidationError
from desktop.store.models import Contact, ContactDetail

from .base import Service
from .events import ChangeKind
from .field_values import Bad, Spec, clean_text

# How each kind is checked, and the label its messages name (by type where the form has one).
_SPECS = {
    "email": Spec("E-mail", "电子邮件", "email"),
    "phone": Spec("Phone", "电话", "phone"),
    "address": Spec("Address", "地址", "text"),
}
_TYPED_SPECS = {
    ("phone", "work"): Spec("Office phone", "办公电话", "phone"),
    ("phone", "mobile"): Spec("Mobile", "手机", "phone"),
    ("phone", "home"): Spec("Home phone", "住宅电话", "phone"),
}
# As long as the contact's column a preferred value is copied to may be.
_MAX_LEN = {"email": 200, "phone": 40, "address": 400}


def detail_field(index: int) -> str:
    """The field name an error about the ``index``-th detail of a list carries."""
    return f"details.{index}"


class ContactDetailService(Service):
    def details(self, contact_id: int) -> list[cd.Detail]:
        """The person's details, preferred first within each kind in stored order; values only
        in the columns (written by a path that knows only them) are included."""
        with self.db.read() as s:
            contact = self.fetch(s, Contact, contact_id, "contact")
            return _read(s, contact)

    def for_account(self, account_id: int) -> dict[int, list[cd.Detail]]:
        """Every person's details at an account, by contact id (one query for exports)."""
        with self.db.read() as s:
            contacts = list(s.scalars(select(Contact).where(Contact.account_id == account_id)))
            rows = s.scalars(
                select(ContactDetail)
                .join(Contact)
                .where(Contact.account_id == account_id)
                .order_by(ContactDetail.contact_id, ContactDetail.position)
            )
            stored: dict[int, list[cd.Detail]] = {}
            for row in rows:
                stored.setdefault(row.contact_id, []).append(_detail(row))
            return {c.id: cd.completed(stored.get(c.id, []), _columns(c)) for c in contacts}

    def replace(self, contact_id: int, details: Sequence[cd.Detail]) -> list[cd.Detail]:
        """Store ``details`` as the person's whole list; raises ValidationError naming each bad
        entry (``details.<index>``) and writes nothing then."""
        checked = check(details, self.playbook)
        with self.db.write() as s:
            contact = self.fetch(s, Contact, contact_id, "contact")
            _store(s, contact, checked)
            account_id = contact.account_id
            result = _read(s, contact)
        self.announce(ChangeKind.CONTACT, contact_id, account_id=account_id)
        return result


# What each phone or address (kind, type, value) cleaned to, or the Bad it raised: an import
# checks the same switchboard and mobile (Outlook's "Mobile", "Primary" and "Car" phone) and the
# same office address again and again, and tidying a phone is the dearest part of a row.
# Neither depends on the playbook. Emptied when full, so it stays small.
_CLEANED: dict[tuple[str, str, str], str | Bad] = {}
_CLEANED_MAX = 200_000
_CLEANED_LENGTH = 80


def _clean_detail(spec: Spec, d: cd.Detail) -> str:
    # Every detail spec is of a text kind: ``clean_text`` is what ``clean_one`` would run.
    # E-mails are cheap to check and mostly different each time; long values (addresses of up
    # to 400 characters) are not kept: at most 200k short values, as phones alone were.
    if d.kind == "email" or len(d.value) > _CLEANED_LENGTH:
        return clean_text(spec, d.value, _MAX_LEN[d.kind])
    key = (d.kind, d.type, d.value)
    found = _CLEANED.get(key)
    if found is None:
        try:
            found = clean_text(spec, d.value, _MAX_LEN[d.kind])
        except Bad as bad:
            found = bad
        if len(_CLEANED) >= _CLEANED_MAX:
            _CLEANED.clear()
        _CLEANED[key] = found
    if isinstance(found, Bad):
        raise Bad(found.code, **found.params)  # a new one: a raised one keeps its traceback
    return found


def check(details: Sequence[cd.Detail], playbook: Playbook) -> list[cd.Detail]:
    """The list cleaned as any field is (phones tidied), or a ValidationError."""
    errors: list[FieldError] = []
    out: list[cd.Detail] = []
    for i, d in enumerate(details):
        spec = _TYPED_SPECS.get((d.kind, d.type)) or _SPECS.get(d.kind)
        if spec is None:
            errors.append(FieldError(detail_field(i), Message("unknown_field", {"label": d.kind})))
            continue
        try:
            value = _clean_detail(spec, d)
        except Bad as bad:
            params = {"label": spec.label, **bad.params}
            errors.append(FieldError(detail_field(i), Message(bad.code, params)))
            continue
        # The same (frozen) detail when cleaning changed nothing: most e-mails.
        out.append(d if value == d.value else cd.Detail(d.kind, d.type, value, d.preferred, d.uid))
    if errors:
        raise ValidationError(errors)
    return cd.tidy(out)


def fold_columns(s: Session, contact: Contact, changed: dict[str, object]) -> None:
    """After a write set some of the contact's ``email`` / ``phone_office`` / ``phone_mobile``
    (already cleaned), make the stored details agree, in the caller's transaction."""
    touched = [c for c in cd.COLUMNS if c in changed]
    if not touched:
        return
    current = _read(s, contact) if contact.id is not None else []
    for column in touched:
        current = cd.with_column(current, column, str(changed[column] or ""))
    _store(s, contact, current)


def add_details(s: Session, contact: Contact, details: Sequence[cd.Detail]) -> bool:
    """Add the ``details`` (checked) the person lacks, none of them preferred over what the
    person has (a merge fills in, it never overrides); whether anything was added."""
    current = _read(s, contact)
    have = {(d.kind, d.value.casefold()) for d in current}
    new = [
        cd.Detail(d.kind, d.type, d.value)
        for d in details
        if (d.kind, d.value.casefold()) not in have
    ]
    if not new and all(d.uid for d in current):
        return False
    _store(s, contact, cd.tidy([*current, *new]))
    return bool(new)


def _store(s: Session, contact: Contact, details: Sequence[cd.Detail]) -> None:
    s.flush()  # a new contact needs its id
    rows = {
        r.uid: r
        for r in s.scalars(select(ContactDetail).where(ContactDetail.contact_id == contact.id))
    }
    keep: set[str] = set()
    for position, d in enumerate(details):
        row = rows.get(d.uid) if d.uid else None
        if row is None:
            row = ContactDetail(contact_id=contact.id)
            s.add(row)
        else:
            keep.add(d.uid)
        row.kind, row.type, row.value = d.kind, d.type, d.value
        row.preferred, row.position = d.preferred, position
    for uid, row in rows.items():
        if uid not in keep:
            s.delete(row)
    for column, value in cd.columns(details).items():
        setattr(contact, column, value)
    s.flush()


def _read(s: Session, contact: Contact) -> list[cd.Detail]:
    rows = s.scalars(
        select(ContactDetail)
        .where(ContactDetail.contact_id == contact.id)
        .order_by(ContactDetail.position)
    )
    return cd.completed([_detail(r) for r in rows], _columns(contact))


def _detail(row: ContactDetail) -> cd.Detail:
    return cd.Detail(row.kind, row.type, row.value, row.preferred, row.uid)


def _columns(contact: Contact) -> dict[str, str]:
    return {c: getattr(contact, c) or "" for c in cd.COLUMNS}
