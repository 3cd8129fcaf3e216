"""Likely duplicates and managers: how the rows of a file meet the people already there.

A row is a likely duplicate when it has the name of someone already at the account (a phone's
export imported twice holds the same people, often without an e-mail to compare), or the name
and the same e-mail or phone of an earlier row of the file (two people of one file may share a
name), found through keys rather than by comparing everyone with everyone.

Managers are linked by an id in the file, then by name (in the file, then at the account); an
ambiguous, missing or looping manager is noted and left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from desktop.domain.org_chart import would_create_cycle

from .contact_import_rows import ImportRow


def _name_key(name: str) -> str:
    return "".join(name.split()).casefold()


_NOT_DIGIT = re.compile(r"\D")
_ASCII_NOT_DIGIT = str.maketrans(
    "", "", "".join(chr(c) for c in range(128) if not chr(c).isdigit())
)


def _digits(phone: str) -> str:
    if not phone:
        return ""
    if phone.isascii():  # the usual case, without a regular expression
        return phone.translate(_ASCII_NOT_DIGIT)
    return _NOT_DIGIT.sub("", phone)


def _same_phone(a: str, b: str) -> bool:
    a, b = _digits(a), _digits(b)
    if len(a) < 7 or len(b) < 7:
        return False
    return a == b or a.endswith(b) or b.endswith(a)  # "+86 139…" is "139…"


def _looks_same(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    if not a.get("name") or _name_key(a["name"]) != _name_key(b.get("name") or ""):
        return False
    if a.get("email") and b.get("email") and a["email"].casefold() == b["email"].casefold():
        return True
    phones_a = [a.get("phone_office", ""), a.get("phone_mobile", "")]
    phones_b = [b.get("phone_office", ""), b.get("phone_mobile", "")]
    return any(_same_phone(x, y) for x in phones_a for y in phones_b if x and y)


def _contact_values(c: Any) -> dict[str, Any]:
    return {
        "name": c.name,
        "email": c.email,
        "phone_office": c.phone_office,
        "phone_mobile": c.phone_mobile,
    }


_Key = tuple[str, str, str]


def _lookalike_keys(values: Mapping[str, Any]) -> list[_Key]:
    """Where ``_mark_duplicates`` files someone: the name key with the case-folded e-mail, and
    the name key with each phone's last seven digits (two numbers ``_same_phone`` calls the same
    always share those). Nameless rows are filed too: a later row with a name never matches."""
    name = _name_key(values.get("name") or "")
    keys = []
    if values.get("email"):
        keys.append(("e", name, values["email"].casefold()))
    for phone in (values.get("phone_office"), values.get("phone_mobile")):
        digits = _digits(phone) if phone else ""
        if len(digits) >= 7:
            keys.append(("p", name, digits[-7:]))
    return keys


def _first_like(
    values: Mapping[str, Any],
    keys: list[_Key],
    filed: dict[_Key, list[int]],
    others: Sequence[Mapping[str, Any]],
) -> int | None:
    """The earliest position in ``filed`` (positions of ``others`` under their keys) whose
    values ``_looks_same`` as ``values``: only the few people filed under its keys are compared,
    never everyone."""
    best: int | None = None
    for key in keys:
        for position in filed.get(key, ()):
            if best is not None and position >= best:
                break
            if _looks_same(values, others[position]):
                best = position
                break
    return best


def _file(filed: dict[_Key, list[int]], keys: list[_Key], position: int) -> None:
    for key in keys:
        positions = filed.get(key)
        if positions is None:
            filed[key] = [position]
        elif positions[-1] != position:  # office and mobile the same number
            positions.append(position)


def mark_duplicates(rows: list[ImportRow], existing: Sequence[Any]) -> None:
    """Mark each row that looks like someone at the account or an earlier row of the file."""
    known = [_contact_values(c) for c in existing]
    known_filed: dict[_Key, list[int]] = {}
    for position, values in enumerate(known):
        _file(known_filed, _lookalike_keys(values), position)
    known_names: dict[str, int] = {}  # name key → the first contact of that name
    for position, c in enumerate(existing):
        known_names.setdefault(_name_key(c.name or ""), position)
    seen = [row.values for row in rows]
    seen_filed: dict[_Key, list[int]] = {}  # rows before the current one
    for i, row in enumerate(rows):
        values = row.values
        keys = _lookalike_keys(values)
        row.duplicate_of_contact = None
        row.duplicate_of_row = None
        if values.get("name"):
            at = _first_like(values, keys, known_filed, known) if keys and known_filed else None
            if at is None:
                at = known_names.get(_name_key(values["name"]))
            if at is not None:
                row.duplicate_of_contact = (existing[at].id, existing[at].name)
            elif keys:
                row.duplicate_of_row = _first_like(values, keys, seen_filed, seen)
        _file(seen_filed, keys, i)


def _person_of(rows: list[ImportRow], j: int) -> int:
    """Who row ``j`` is: the contact it duplicates, or a person of its own (a negative)."""
    duplicate = rows[j].duplicate_of_contact
    return duplicate[0] if duplicate is not None else -j - 1


def link_assistants(rows: list[ImportRow]) -> None:
    """An assistant named on a card (Apple's related name, Outlook's "Assistant's Name")
    reports to that person, when the assistant is one person of the file whose manager the file
    does not name otherwise."""
    by_name: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row.name:
            by_name.setdefault(_name_key(row.name), []).append(i)
    for i, row in enumerate(rows):
        if not row.assistant_name or not row.name:
            continue
        found = [j for j in by_name.get(_name_key(row.assistant_name), []) if j != i]
        if len(found) != 1:
            row.notes.append(("assistant_missing", {"name": row.assistant_name}))
            continue
        assistant = rows[found[0]]
        if not assistant.manager_name and not assistant.manager_ref:
            assistant.manager_name = row.name


def resolve_managers(rows: list[ImportRow], existing: Sequence[Any]) -> None:
    """Link each row to its manager: a row of the file or a contact already at the account."""
    by_ref = {row.ref: i for i, row in enumerate(rows) if row.ref}
    by_name: dict[str, list[int]] = {}
    own_key: list[str] = []
    for i, row in enumerate(rows):
        own_key.append(_name_key(row.name) if row.name else "")
        if row.name:
            by_name.setdefault(own_key[i], []).append(i)

    def people(in_file: Iterable[int]) -> int:
        # A person in the file who duplicates someone at the account is the same person.
        return len({_person_of(rows, j) for j in in_file})

    people_called: dict[str, int] = {}  # name key → how many people of the file have it
    contact_by_uid = {c.uid.lower(): c.id for c in existing}
    contact_by_name: dict[str, list[int]] = {}
    for c in existing:
        contact_by_name.setdefault(_name_key(c.name), []).append(c.id)
    for i, row in enumerate(rows):
        row.manager_row = row.manager_contact = None
        if row.notes:
            row.notes = [n for n in row.notes if not n[0].startswith("manager_")]
        if row.manager_ref:
            if row.manager_ref in by_ref and by_ref[row.manager_ref] != i:
                row.manager_row = by_ref[row.manager_ref]
                continue
            if row.manager_ref in contact_by_uid:
                row.manager_contact = contact_by_uid[row.manager_ref]
                continue
        if not row.manager_name:
            if row.manager_ref:
                row.notes.append(("manager_missing", {"name": row.manager_ref}))
            continue
        key = _name_key(row.manager_name)
        in_file = by_name.get(key, [])
        if own_key[i] == key:  # someone whose manager has their name: not themselves
            in_file = [j for j in in_file if j != i]
            distinct = people(in_file)
        else:  # the usual case: counted once per name, not once per row
            if key not in people_called:
                people_called[key] = people(in_file)
            distinct = people_called[key]
        at_account = contact_by_name.get(key, [])
        if len(in_file) == 1 or (in_file and distinct == 1):
            row.manager_row = in_file[0]
        elif len(in_file) > 1:
            row.notes.append(("manager_ambiguous", {"name": row.manager_name}))
        elif len(at_account) == 1:
            row.manager_contact = at_account[0]
        elif len(at_account) > 1:
            row.notes.append(("manager_ambiguous", {"name": row.manager_name}))
        else:
            row.notes.append(("manager_missing", {"name": row.manager_name}))
    for row in rows:
        j = row.manager_row
        if j is None:
            continue
        manager = rows[j]
        if not manager.ok:
            if manager.duplicate_of_contact is not None:
                row.manager_row, row.manager_contact = None, manager.duplicate_of_contact[0]
            else:
                row.manager_row = None
                row.notes.append(("manager_bad", {"where": manager}))
    # Loops inside the file: the row that closes one loses its manager.
    chart: dict[int, int | None] = {i: None for i in range(len(rows))}
    for i, row in enumerate(rows):
        j = row.manager_row
        if j is None:
            continue
        if would_create_cycle(chart, i, j):
            row.manager_row = None
            row.notes.append(("manager_loop", {"where": rows[j]}))
        else:
            chart[i] = j
