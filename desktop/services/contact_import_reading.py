"""Turning one record of a contacts file (CSV cells or a vCard's fields) into a checked row.

``Builder`` maps cells to the contact's columns (declared once in
``desktop.domain.contact_columns``), joins name parts, sorts phones by their labels, reads roles,
attitude and influence in either language, and runs the values through the same field rules as
every service (``fields.clean``), so a row's problems are the ones a form would report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import compress
from typing import Any

from desktop.domain import contact_columns
from desktop.domain.contact_details import COLUMNS as DETAIL_COLUMNS
from desktop.domain.contact_details import (
    Detail,
    from_labelled_lines,
    prefer_work,
    tidy,
    type_of,
)
from desktop.domain.contact_details import columns as detail_columns
from desktop.domain.messages import Message
from desktop.domain.playbook import Playbook
from desktop.domain.validation import ValidationError
from desktop.store.models import BuyingRole, Contact

from . import fields
from .contact_details import check as check_details
from .contact_formats import pair, unneutralise
from .contact_import_rows import ImportRow, Problem
from .vcard_reader import ref

_CJK = re.compile(r"^[\u3400-\u9fff\u00b7·]+$")
_SPLIT_LIST = re.compile(r"[;,、/|，;]+")


def _join_name(given: str, middle: str, family: str) -> str:
    given, middle, family = given.strip(), middle.strip(), family.strip()
    if family and _CJK.match(family) and (not given or _CJK.match(given)) and not middle:
        return family + given  # 王 + 建国
    return " ".join(p for p in (given, middle, family) if p)


def _matcher(playbook: Playbook, group: str) -> dict[str, str]:
    """Label (either language) or key, case-folded → key."""
    out = {}
    for entry in playbook.group(group):
        out[entry.key.casefold()] = entry.key
        out[entry.label.en.casefold()] = entry.key
        out[entry.label.zh.casefold()] = entry.key
    return out


@dataclass(frozen=True)
class _RoleWords:
    """The words that name roles, attitudes and influence levels, looked up once per file."""

    roles: dict[str, str]
    attitudes: dict[str, str]
    influence: dict[str, str]
    influence_words: frozenset[str]  # "influence" in either language

    @classmethod
    def of(cls, playbook: Playbook) -> _RoleWords:
        label = fields.BUYING_ROLE["influence"].label
        return cls(
            _matcher(playbook, "roles"),
            _matcher(playbook, "attitudes"),
            _matcher(playbook, "influence_levels"),
            frozenset({label.en.casefold(), label.zh.casefold()}),
        )


def _match_roles(
    tokens: Iterable[str], words: _RoleWords, strict: bool
) -> tuple[dict[str, Any], list[Problem]]:
    """Roles, attitude and influence from labels (either language) or keys.

    ``strict`` (a roles/attitude column of our own) makes an unknown word a problem; categories
    from other apps hold all sorts of words, which are ignored.
    """
    roles_by, attitudes_by, influence_by = words.roles, words.attitudes, words.influence
    influence_words = words.influence_words
    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for token in tokens:
        word = token.strip().casefold()
        if not word:
            continue
        said = re.match(r"^(.+?)\s*[:：]\s*(.+)$", word)  # "Influence: High"
        if said and said.group(1) in influence_words and said.group(2) in influence_by:
            out["influence"] = influence_by[said.group(2)]
            continue
        if word in roles_by:
            out.setdefault("roles", []).append(roles_by[word])
        elif word in attitudes_by:
            out["attitude"] = attitudes_by[word]
        elif word in influence_by and strict:
            out["influence"] = influence_by[word]
        elif strict:
            label = fields.BUYING_ROLE["roles"].label
            problems.append(Problem(Message("not_choice", {"label": label, "value": token}), ""))
    return out, problems


_LABEL_TARGETS = ("phone_label", "relation_label", "email_label", "address_label")
_MANAGER_LABEL = re.compile(r"manager|上级|经理|boss", re.I)
_ASSISTANT_LABEL = re.compile(r"assistant|助理|秘书", re.I)
# Targets that hold one or more e-mails, phones or addresses (":::" between several, as
# Google writes them), and the type a value gets when no label says it.
_DETAIL_TARGETS = {
    "email": ("email", "work"),
    "email_more": ("email", "other"),
    "phone": ("phone", "other"),
    "phone_office": ("phone", "work"),
    "phone_work": ("phone", "work"),
    "phone_mobile": ("phone", "mobile"),
    "phone_home": ("phone", "home"),
    "phone_other": ("phone", "other"),
    "address": ("address", "other"),
}
_LINES_TARGETS = {"more_phones": "phone", "more_emails": "email", "addresses": "address"}
# Outlook's address parts, one column each: the type of the address they make up.
_ADDRESS_PARTS = {"address_work": "work", "address_home": "home", "address_other": "other"}


def _csv_details(target: str, label: str, value: str) -> list[Detail]:
    """The details one cell holds: Google joins several values with ":::" and marks the
    primary one's label with "* "; a label names the type ("Mobile", "Work Fax", "住宅")."""
    kind, default = _DETAIL_TARGETS[target]
    preferred = label.startswith("*")
    label = label.lstrip("* ").strip()
    kind_type = type_of([label]) if label else default
    if kind_type is None:  # a fax or a pager
        return []
    values = [v.strip() for v in value.split(":::") if v.strip()]
    return [Detail(kind, kind_type, v, preferred and n == 0) for n, v in enumerate(values)]


_TEL_PREFIX = re.compile(r"^tel:", re.I)


@dataclass(frozen=True)
class CsvPlan:
    """Which cells of a CSV record feed which field, worked out once per file."""

    columns: list[str]
    cells: list[tuple[int, str, str]]  # (cell index, target, pair key), in the mapping's order
    labels: list[tuple[int, str]]  # (cell index, pair key) of phone and related-person labels
    role_targets: tuple[str, ...]  # which of roles, attitude and influence are mapped

    @classmethod
    def build(cls, columns: list[str], mapping: Mapping[str, str]) -> CsvPlan:
        index = {column: i for i, column in enumerate(columns)}
        cells, labels = [], []
        for column, target in mapping.items():
            if column not in index or target == "ignore":
                continue
            if target in _LABEL_TARGETS:
                labels.append((index[column], pair(column)))
            else:
                cells.append((index[column], target, pair(column)))
        mapped = {target for _, target, _ in cells}
        roles = tuple(t for t in ("roles", "attitude", "influence") if t in mapped)
        return cls(columns, cells, labels, roles)


class Builder:
    """Turns one record (CSV cells or vCard fields) into an ImportRow."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.words = _RoleWords.of(playbook)
        self.value_keys = _value_keys()  # once per file, not once per row
        # What a card said, shown in the preview: the columns it can fill, as it had them.
        self.card_keys = tuple(c.key for c in contact_columns.imported())

    def from_csv(self, number: int, record: list[str], plan: CsvPlan) -> ImportRow:
        # The preview keeps the cells that hold something (a 73-column Outlook row has ~10).
        source = dict(zip(compress(plan.columns, record), filter(None, record), strict=True))
        row = ImportRow(number, "row", source)
        got: dict[str, str] = {}
        details: list[Detail] = []
        addresses: dict[str, list[str]] = {}  # type → the parts of one address, in order
        relations: list[tuple[str, str]] = []
        labels = {key: unneutralise(record[i]) for i, key in plan.labels} if plan.labels else {}
        problems: list[Problem] = []
        for i, target, key in plan.cells:
            value = record[i]
            if not value:
                continue
            first = value[0]
            value = unneutralise(value) if first == "'" or first.isspace() else value.rstrip()
            if not value:
                continue
            if target in _DETAIL_TARGETS:
                details += _csv_details(target, labels.get(key, ""), value)
            elif target in _LINES_TARGETS:  # our own export's "Type: value" lines
                details += from_labelled_lines(_LINES_TARGETS[target], value)
            elif target in _ADDRESS_PARTS:
                addresses.setdefault(_ADDRESS_PARTS[target], []).append(value.strip())
            elif target == "relation":
                relations.append((labels.get(key, ""), value))
            else:
                got.setdefault(target, value)
        for kind_type, parts in addresses.items():
            details.append(Detail("address", kind_type, ", ".join(p for p in parts if p)))
        for label, value in relations:
            if _MANAGER_LABEL.search(label):
                got.setdefault("reports_to", value)
            elif _ASSISTANT_LABEL.search(label):
                got.setdefault("assistant", value)
        strict_values: dict[str, Any] = {}
        for key in plan.role_targets:
            if got.get(key):
                found, bad = _match_roles(_SPLIT_LIST.split(got[key]), self.words, True)
                if key == "roles":
                    strict_values["roles"] = found.get("roles", [])
                    problems += bad
                else:
                    wanted = found.get(key)
                    if wanted is None:
                        named = fields.BUYING_ROLE[key].label
                        msg = Message("not_choice", {"label": named, "value": got[key]})
                        problems.append(Problem(msg))
                    else:
                        strict_values[key] = wanted
        return self._finish(row, got, strict_values, problems, prefer_work(details))

    def from_card(self, number: int, found: dict[str, Any]) -> ImportRow:
        source = {k: str(found[k]) for k in self.card_keys if found.get(k)}
        # The preferred e-mail and phones, as the card had them (all are in its details).
        source.update((k, v) for k, v in detail_columns(found.get("details") or []).items() if v)
        row = ImportRow(number, "card", source)
        role: dict[str, Any] = {}
        problems: list[Problem] = []
        if found.get("role_keys") or found.get("attitude_key") or found.get("influence_key"):
            role = {
                "roles": list(found.get("role_keys") or []),
                "attitude": found.get("attitude_key") or "unknown",
                "influence": found.get("influence_key") or None,
            }
        else:
            tokens = list(found.get("categories") or [])
            if found.get("role_text"):
                tokens += _SPLIT_LIST.split(found["role_text"])
            role, _ = _match_roles(tokens, self.words, False)
        notes = str(found.get("notes") or "")
        manager_from_note, notes = _strip_reports_to(notes)
        got = {k: v for k, v in found.items() if isinstance(v, str)}
        got["notes"] = notes
        if manager_from_note and not got.get("reports_to"):
            got["reports_to"] = manager_from_note
        return self._finish(row, got, role, problems, list(found.get("details") or []))

    def _finish(
        self,
        row: ImportRow,
        got: dict[str, str],
        role: dict[str, Any],
        problems: list[Problem],
        details: list[Detail],
    ) -> ImportRow:
        name = got.get("name", "").strip() or _join_name(
            got.get("given_name", ""), got.get("middle_name", ""), got.get("family_name", "")
        )
        values: dict[str, Any] = {"name": name}
        for key in self.value_keys:
            value = got.get(key)
            if value:
                values[key] = value.strip()
        values["name"] = _without_affixes(
            name, values.get("name_prefix", ""), values.get("name_suffix", "")
        )
        notes = got.get("notes")
        if notes:
            notes = notes.replace("\r\n", "\n").replace("\r", "\n").strip()
            if notes:
                values["relationship_notes"] = notes
        details = [_without_tel(d) if d.kind == "phone" else d for d in details]
        # Every e-mail and phone is checked as a detail; the columns hold the preferred ones.
        try:
            row.details = check_details(details, self.playbook)
        except ValidationError as exc:
            row.details = tidy(details)
            for error in exc.errors:
                index = int(error.field.rpartition(".")[2])
                problems.append(Problem(error.message, details[index].value))
        for column in DETAIL_COLUMNS:  # checked above, with the detail they come from
            values.pop(column, None)
        row.assistant_name = " ".join(got.get("assistant", "").split())
        reports_to = got.get("reports_to")
        row.manager_name = " ".join(reports_to.split()) if reports_to else ""
        row.manager_ref = ref(got["manager_ref"]) if got.get("manager_ref") else ""
        row.ref = ref(got["ref"]) if got.get("ref") else ""
        row.company = got.get("company", "")
        # ``creating`` only adds "required" for required fields left out: skip that pass when
        # none is (the name always is there).
        creating = not _REQUIRED_CONTACT_FIELDS <= values.keys()
        try:
            row.values = fields.clean(
                Contact, fields.CONTACT, values, self.playbook, creating=creating
            )
        except ValidationError as exc:
            for error in exc.errors:
                shown = values.get(error.field, "")
                problems.append(Problem(error.message, str(shown) if shown else ""))
            row.values = values  # as read, so the preview can still show and compare them
        # The contact's e-mail and phone fields hold the preferred details.
        row.values.update((k, v) for k, v in detail_columns(row.details).items() if v)
        if role:
            try:
                cleaned = fields.clean(BuyingRole, fields.BUYING_ROLE, role, self.playbook)
                cleaned.setdefault("attitude", "unknown")
                cleaned.setdefault("roles", [])
                row.role = cleaned
            except ValidationError as exc:
                problems += [Problem(e.message, str(role.get(e.field, ""))) for e in exc.errors]
        row.problems = problems
        return row


def _without_tel(d: Detail) -> Detail:
    """A phone without a "tel:" prefix (vCard 4.0 URIs) and stray blanks; the same detail
    when it has neither (most do: no copy made)."""
    value = _TEL_PREFIX.sub("", d.value).strip() if "tel:" in d.value.lower() else d.value.strip()
    return d if value == d.value else replace(d, value=value)


def _without_affixes(name: str, prefix: str, suffix: str) -> str:
    """The name without the prefix and suffix a card's FN repeats ("Dr. Emily Carter, PhD").

    They are kept in their own fields; a name that does not repeat them is left as it is.
    """
    if prefix and name.casefold().startswith(prefix.casefold()):
        rest = name[len(prefix) :]
        if not rest or rest[0] in " \t,":
            name = rest.strip(" \t,")
    if suffix and name.casefold().endswith(suffix.casefold()):
        rest = name[: len(name) - len(suffix)]
        if not rest or rest[-1] in " \t,":
            name = rest.strip(" \t,")
    return name or prefix or suffix


def _value_keys() -> tuple[str, ...]:
    """The columns a row carries as they are (trimmed) into the contact field of that name."""
    return tuple(c.key for c in contact_columns.imported() if c.plain_value)


_REQUIRED_CONTACT_FIELDS = frozenset(k for k, spec in fields.CONTACT.items() if spec.required)

_NOTE_PATTERNS = [
    re.compile(r"^\s*reports to:\s*(.+?)\s*$", re.I),
    re.compile(r"^\s*汇报对象\s*[:：]\s*(.+?)\s*$"),
]


def _strip_reports_to(notes: str) -> tuple[str, str]:
    """The manager's name from a "Reports to: X" line our export writes, and the rest."""
    lines = notes.split("\n")
    if lines:
        for pattern in _NOTE_PATTERNS:
            m = pattern.match(lines[0])
            if m:
                return m.group(1), "\n".join(lines[1:]).strip()
    return "", notes
