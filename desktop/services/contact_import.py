"""Importing contacts from CSV (Outlook, Google Contacts, Salesforce, Callbrief, others) and vCard.

Two steps, so the rep sees everything before anything is written:

1. ``preview_import`` reads the file (UTF-8 with or without BOM, then GB18030/GBK, UTF-16 with a
   BOM or without), recognises the CSV's origin from its header and maps its columns (a mapping
   can be given for files it does not know), and checks every row through the same field rules
   as the services (``fields.clean``). It reports per-row problems ("row 7: E-mail does not look
   like an e-mail address: 'x@'"), likely duplicates (same name and same e-mail or phone, against
   the account's contacts and earlier rows of the file) and how each manager was resolved.
2. ``commit_import`` writes only the good rows, all in one transaction, with reporting lines
   (from a "Manager"/"Reports To" column, Salesforce ``ReportsToId``, vCard ``RELATED`` or an
   Apple/Google "Manager" related name) resolved to people in the file or already at the account,
   and roles, attitude and influence for one opportunity when one is chosen.

Reading bytes and recognising CSV headers live in ``contact_formats``; vCard 2.1/3.0/4.0 is read
by the hand parser in ``vcard_reader`` (not ``vobject``: it must survive what other apps write
and report a bad card without losing the file).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.domain.messages import Message
from desktop.domain.org_chart import would_create_cycle
from desktop.domain.playbook import Playbook, Text
from desktop.domain.text_search import index_text
from desktop.domain.validation import ValidationError
from desktop.store import search_index
from desktop.store.models import Account, BuyingRole, Contact, Opportunity, new_uid, utcnow

from . import fields
from .base import Service
from .contact_formats import (
    ImportFileError,
    detect_format,
    pair,
    read_csv_records,
    read_text,
    unneutralise,
)
from .events import Change
from .vcard_reader import read_vcards, ref

# What a column can be mapped to. "ignore" drops the column.
TARGETS: dict[str, Text] = {
    "ignore": Text("(ignore)", "(忽略)"),
    "name": Text("Full name", "姓名"),
    "given_name": Text("First name", "名"),
    "middle_name": Text("Middle name", "中间名"),
    "family_name": Text("Last name", "姓"),
    "alt_name": Text("Name in the other language", "另一语言姓名"),
    "title": Text("Title", "职位"),
    "department": Text("Department", "部门"),
    "company": Text("Company", "公司"),
    "reports_to": Text("Reports to (name)", "汇报对象(姓名)"),
    "manager_ref": Text("Reports to (ID in this file)", "汇报对象(文件中的 ID)"),
    "ref": Text("ID in this file", "文件中的 ID"),
    "phone_office": Text("Office phone", "办公电话"),
    "phone_mobile": Text("Mobile", "手机"),
    "phone": Text("Phone (kind from its label)", "电话(按标签区分)"),
    "phone_label": Text("Phone label", "电话标签"),
    "email": Text("E-mail", "电子邮件"),
    "wechat": Text("WeChat", "微信"),
    "relation": Text("Related person (kind from its label)", "相关人员(按标签区分)"),
    "relation_label": Text("Related person label", "相关人员标签"),
    "roles": Text("Roles", "角色"),
    "attitude": Text("Attitude", "态度"),
    "influence": Text("Influence", "影响力"),
    "last_contact": Text("Last contact", "最近联系"),
    "notes": Text("Relationship notes", "关系备注"),
}

FORMAT_LABELS: dict[str, Text] = {
    "outlook": Text("Outlook CSV", "Outlook CSV"),
    "google": Text("Google Contacts CSV", "Google 通讯录 CSV"),
    "salesforce": Text("Salesforce CSV", "Salesforce CSV"),
    "callbrief": Text("Callbrief CSV", "Callbrief CSV"),
    "other": Text("CSV (columns mapped by name)", "CSV(按列名匹配)"),
    "vcard": Text("vCard", "vCard 名片"),
}

_TEXTS: dict[str, Text] = {
    "row": Text("row {n}", "第 {n} 行"),
    "card": Text("card {n}", "第 {n} 张名片"),
    "dup_contact": Text(
        "likely duplicate of {name}, already at this account",
        "可能与本客户已有的{name}重复",
    ),
    "dup_row": Text("likely duplicate of {where} of this file", "可能与本文件{where}重复"),
    "manager_missing": Text(
        "manager “{name}” not found; imported without a manager",
        "未找到上级“{name}”,导入后不设上级",
    ),
    "manager_ambiguous": Text(
        "several people are called “{name}”; imported without a manager",
        "有多人名为“{name}”,导入后不设上级",
    ),
    "manager_bad": Text(
        "manager {where} has problems and is not imported; imported without a manager",
        "上级({where})有问题不会导入,导入后不设上级",
    ),
    "manager_loop": Text(
        "reporting to {where} would make a loop; imported without a manager",
        "向{where}汇报会形成循环,导入后不设上级",
    ),
    "no_name_column": Text(
        "No column holds the name: choose which column is the name.",
        "没有找到姓名列:请指定哪一列是姓名。",
    ),
    "no_rows": Text("The file has no contacts in it.", "文件中没有联系人。"),
    "roles_without_opportunity": Text(
        "The file has roles, attitudes or influence: choose an opportunity to import them.",
        "文件中包含角色、态度或影响力:请选择商机以导入这些信息。",
    ),
    "bad_card": Text("this card could not be read: {error}", "此名片无法读取:{error}"),
    "ok": Text("ok", "可导入"),
    "summary": Text(
        "{good} of {total} ready to import, {problems} with problems, {duplicates} likely "
        "duplicates.",
        "共 {total} 条:{good} 条可导入,{problems} 条有问题,{duplicates} 条可能重复。",
    ),
}


def _zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


@dataclass
class Problem:
    """Why a row cannot be imported: a field rule it breaks (with the value), or a file issue."""

    message: Message | None = None
    value: str = ""
    own: tuple[str, dict[str, Any]] | None = None  # a _TEXTS key and its parameters

    def text(self, lang: str) -> str:
        if self.own is not None:
            key, params = self.own
            return _TEXTS[key].get(lang).format(**params)
        assert self.message is not None
        said = self.message.text(lang).rstrip("。.")
        return f"{said}: '{self.value}'" if self.value else said + ("。" if _zh(lang) else ".")


@dataclass
class ImportRow:
    """One person from the file, checked and ready (or not) to be written."""

    number: int  # spreadsheet row number (header = 1) or card number
    kind: str  # "row" or "card"
    source: dict[str, str]  # what the file said, column → cell, empty cells left out
    values: dict[str, Any] = field(default_factory=dict)  # cleaned contact fields
    role: dict[str, Any] = field(default_factory=dict)  # cleaned roles/attitude/influence
    manager_name: str = ""
    manager_ref: str = ""
    ref: str = ""
    company: str = ""
    problems: list[Problem] = field(default_factory=list)
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (_TEXTS key, params)
    duplicate_of_contact: tuple[int, str] | None = None  # (contact id, name)
    duplicate_of_row: int | None = None  # index into the preview's rows
    manager_row: int | None = None  # index into the preview's rows
    manager_contact: int | None = None  # an existing contact id

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of_contact is not None or self.duplicate_of_row is not None

    def where(self, lang: str) -> str:
        return _TEXTS[self.kind].get(lang).format(n=self.number)

    @property
    def name(self) -> str:
        return str(self.values.get("name") or "")


@dataclass
class ImportPreview:
    """What the file holds and what importing it would do; nothing has been written."""

    path: Path
    kind: str  # "csv" or "vcard"
    format: str  # a FORMAT_LABELS key
    encoding: str
    delimiter: str = ","
    columns: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)  # column → TARGETS key
    needs_mapping: bool = False
    rows: list[ImportRow] = field(default_factory=list)
    opportunity_id: int | None = None
    file_notes: list[str] = field(default_factory=list)  # _TEXTS keys
    # The account's people as the duplicate and manager checks saw them (``_people_at``); the
    # commit checks again only if they have changed since.
    checked_against: list[Any] | None = field(default=None, repr=False)

    @property
    def good_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.ok]

    @property
    def problem_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]

    @property
    def duplicate_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if r.is_duplicate]

    def importable(self, skip_duplicates: bool = True) -> list[ImportRow]:
        return [r for r in self.rows if r.ok and not (skip_duplicates and r.is_duplicate)]

    def format_label(self, lang: str) -> str:
        return FORMAT_LABELS[self.format].get(lang)

    def row_problems(self, row: ImportRow, lang: str) -> list[str]:
        """Each problem of ``row``, starting with where it is: "row 7: …"."""
        return [f"{row.where(lang)}: {p.text(lang)}" for p in row.problems]

    def row_remarks(self, row: ImportRow, lang: str) -> list[str]:
        """Duplicates and manager remarks that do not stop the row."""
        out = []
        if row.duplicate_of_contact is not None:
            out.append(_TEXTS["dup_contact"].get(lang).format(name=row.duplicate_of_contact[1]))
        if row.duplicate_of_row is not None:
            other = self.rows[row.duplicate_of_row].where(lang)
            out.append(_TEXTS["dup_row"].get(lang).format(where=other))
        for key, params in row.notes:
            shown = {
                k: (v.where(lang) if isinstance(v, ImportRow) else v) for k, v in params.items()
            }
            out.append(_TEXTS[key].get(lang).format(**shown))
        return out

    def status(self, row: ImportRow, lang: str) -> str:
        if row.problems:
            return "; ".join(p.text(lang) for p in row.problems)
        remarks = self.row_remarks(row, lang)
        return "; ".join(remarks) if remarks else _TEXTS["ok"].get(lang)

    def notes_text(self, lang: str) -> list[str]:
        return [_TEXTS[key].get(lang) for key in self.file_notes]

    def summary(self, lang: str) -> str:
        return (
            _TEXTS["summary"]
            .get(lang)
            .format(
                good=len(self.importable()),
                total=len(self.rows),
                problems=len(self.problem_rows),
                duplicates=len(self.duplicate_rows),
            )
        )


# Turning a record into checked values ----------------------------------------------------------

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


_LABEL_TARGETS = ("phone_label", "relation_label")
_MOBILE_LABEL = re.compile(r"mobile|cell|手机|移动", re.I)
_FAX_LABEL = re.compile(r"fax|pager|传真", re.I)
_MANAGER_LABEL = re.compile(r"manager|上级|经理|boss", re.I)
_TEL_PREFIX = re.compile(r"^tel:", re.I)


@dataclass(frozen=True)
class _CsvPlan:
    """Which cells of a CSV record feed which field, worked out once per file."""

    columns: list[str]
    cells: list[tuple[int, str, str]]  # (cell index, target, pair key), in the mapping's order
    labels: list[tuple[int, str]]  # (cell index, pair key) of phone and related-person labels
    role_targets: tuple[str, ...]  # which of roles, attitude and influence are mapped

    @classmethod
    def build(cls, columns: list[str], mapping: Mapping[str, str]) -> _CsvPlan:
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


class _Builder:
    """Turns one record (CSV cells or vCard fields) into an ImportRow."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.words = _RoleWords.of(playbook)

    def from_csv(self, number: int, record: list[str], plan: _CsvPlan) -> ImportRow:
        # The preview keeps the cells that hold something (a 73-column Outlook row has ~10).
        source = dict(zip(compress(plan.columns, record), filter(None, record), strict=True))
        row = ImportRow(number, "row", source)
        got: dict[str, str] = {}
        phones: list[tuple[str, str]] = []
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
            if target == "phone":
                phones.append((labels.get(key, ""), value))
            elif target == "relation":
                relations.append((labels.get(key, ""), value))
            elif target == "email":
                got.setdefault("email", value.split(":::")[0].strip())
            else:
                got.setdefault(target, value)
        for label, value in phones:
            number_ = value.split(":::")[0].strip()
            kind = "phone_mobile" if _MOBILE_LABEL.search(label) else None
            if kind is None and _FAX_LABEL.search(label):
                continue
            if kind is None:
                kind = "phone_office" if "phone_office" not in got else "phone_mobile"
            got.setdefault(kind, number_)
        for label, value in relations:
            if _MANAGER_LABEL.search(label):
                got.setdefault("reports_to", value)
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
                        role_label = fields.BUYING_ROLE[key].label
                        msg = Message("not_choice", {"label": role_label, "value": got[key]})
                        problems.append(Problem(msg))
                    else:
                        strict_values[key] = wanted
        return self._finish(row, got, strict_values, problems)

    def from_card(self, number: int, found: dict[str, Any]) -> ImportRow:
        source = {
            k: str(found.get(k, ""))
            for k in (
                "name",
                "title",
                "department",
                "company",
                "email",
                "phone_mobile",
                "phone_office",
                "reports_to",
            )
            if found.get(k)
        }
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
        return self._finish(row, got, role, problems)

    def _finish(
        self, row: ImportRow, got: dict[str, str], role: dict[str, Any], problems: list[Problem]
    ) -> ImportRow:
        name = got.get("name", "").strip() or _join_name(
            got.get("given_name", ""), got.get("middle_name", ""), got.get("family_name", "")
        )
        values: dict[str, Any] = {"name": name}
        for key in _VALUE_KEYS:
            value = got.get(key)
            if value:
                values[key] = value.strip()
        notes = got.get("notes")
        if notes:
            notes = notes.replace("\r\n", "\n").replace("\r", "\n").strip()
            if notes:
                values["relationship_notes"] = notes
        for key in ("phone_office", "phone_mobile"):
            phone = values.get(key)
            if phone and phone[0] in "tT":
                values[key] = _TEL_PREFIX.sub("", phone).strip()
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


_VALUE_KEYS = (
    "alt_name",
    "title",
    "department",
    "phone_office",
    "phone_mobile",
    "email",
    "wechat",
    "last_contact",
)
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


# Duplicates and managers -------------------------------------------------------------------------


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


def _mark_duplicates(rows: list[ImportRow], existing: Sequence[Any]) -> None:
    """Mark each row that looks like someone at the account or an earlier row of the file."""
    known = [_contact_values(c) for c in existing]
    known_filed: dict[_Key, list[int]] = {}
    for position, values in enumerate(known):
        _file(known_filed, _lookalike_keys(values), position)
    seen = [row.values for row in rows]
    seen_filed: dict[_Key, list[int]] = {}  # rows before the current one
    for i, row in enumerate(rows):
        values = row.values
        keys = _lookalike_keys(values)
        row.duplicate_of_contact = None
        row.duplicate_of_row = None
        if keys and values.get("name"):
            at = _first_like(values, keys, known_filed, known) if known_filed else None
            if at is not None:
                row.duplicate_of_contact = (existing[at].id, existing[at].name)
            else:
                row.duplicate_of_row = _first_like(values, keys, seen_filed, seen)
        _file(seen_filed, keys, i)


def _person_of(rows: list[ImportRow], j: int) -> int:
    """Who row ``j`` is: the contact it duplicates, or a person of its own (a negative)."""
    duplicate = rows[j].duplicate_of_contact
    return duplicate[0] if duplicate is not None else -j - 1


def _resolve_managers(rows: list[ImportRow], existing: Sequence[Any]) -> None:
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


# The two entry points ----------------------------------------------------------------------------

# What duplicate checks, manager links and loop checks need of the people already there: plain
# rows, not ORM objects (an account can hold 100k people after an import).
_KNOWN = (
    Contact.id,
    Contact.uid,
    Contact.name,
    Contact.email,
    Contact.phone_office,
    Contact.phone_mobile,
    Contact.reports_to_id,
)


@contextmanager
def _collector_held() -> Iterator[None]:
    """Hold Python's cycle collector off while a file is turned into rows and written.

    A 100k-row file makes millions of small objects, and the collector would walk all of them
    again and again as they pile up: about half the time of a preview. None of them needs it
    (they form no reference cycles); it runs again as soon as the import is done.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _people_at(s: Session, account_id: int) -> list[Any]:
    query = select(*_KNOWN).where(Contact.account_id == account_id).order_by(Contact.id)
    return list(s.execute(query).all())


def preview_import(
    services: Any,
    path: Path,
    account_id: int,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    *,
    opportunity_id: int | None = None,
) -> ImportPreview:
    """Read and check ``path`` for import into the account; nothing is written."""
    with _collector_held():
        return _preview(services, Path(path), account_id, mapping, encoding, opportunity_id)


def _preview(
    services: Any,
    path: Path,
    account_id: int,
    mapping: dict[str, str] | None,
    encoding: str | None,
    opportunity_id: int | None,
) -> ImportPreview:
    text, used = read_text(path, encoding)
    with services.db.read() as s:
        Service.fetch(s, Account, account_id, "account")
        if opportunity_id is not None:
            opp = Service.fetch(s, Opportunity, opportunity_id, "opportunity")
            if opp.account_id != account_id:
                raise ValidationError.single("opportunity_id", "contact_not_in_account")
        existing = _people_at(s, account_id)
    builder = _Builder(services.playbook)
    head = text.lstrip("\ufeff \t\r\n")[:64].upper()
    if head.startswith("BEGIN:VCARD"):
        preview = ImportPreview(path, "vcard", "vcard", used, opportunity_id=opportunity_id)
        for number, card in read_vcards(text):
            if isinstance(card, str):
                row = ImportRow(number, "card", {})
                row.problems.append(Problem(own=("bad_card", {"error": card})))
                preview.rows.append(row)
            else:
                preview.rows.append(builder.from_card(number, card))
    else:
        if "\x00" in text or not text.strip():
            raise ImportFileError(f"{path.name} is neither a CSV file nor a vCard file")
        delimiter, columns, records = read_csv_records(text)
        del text  # the records hold what is needed; a 100k-row file is tens of MB
        detected, guessed = detect_format(columns)
        chosen = dict(guessed)
        if mapping:
            unknown = {t for t in mapping.values() if t not in TARGETS}
            if unknown:
                raise ImportFileError(f"unknown import field(s): {', '.join(sorted(unknown))}")
            # Columns the mapping does not name keep what was detected for them.
            chosen = {c: mapping.get(c, guessed.get(c, "ignore")) for c in columns}
        preview = ImportPreview(
            path, "csv", detected, used, delimiter, columns, chosen, opportunity_id=opportunity_id
        )
        names = {"name", "given_name", "family_name"}
        if not names & set(chosen.values()):
            preview.needs_mapping = True
            preview.file_notes.append("no_name_column")
        plan = _CsvPlan.build(columns, chosen)
        preview.rows = [builder.from_csv(n, cells, plan) for n, cells in records]
        del records  # each row keeps the cells that hold something
    if not preview.rows:
        preview.file_notes.append("no_rows")
    if opportunity_id is None and any(r.role for r in preview.rows):
        preview.file_notes.append("roles_without_opportunity")
    _mark_duplicates(preview.rows, existing)
    _resolve_managers(preview.rows, existing)
    preview.checked_against = existing
    return preview


def commit_import(
    services: Any,
    preview: ImportPreview,
    account_id: int,
    skip_duplicates: bool = True,
    *,
    opportunity_id: int | None = None,
) -> int:
    """Write the preview's good rows in one transaction; returns how many people were added.

    The rows go in as a few multi-row statements (not one ORM object each), with their search
    index entries, reporting lines and buying roles, all in the same transaction: an error
    anywhere leaves the account as it was.
    """
    opportunity_id = opportunity_id if opportunity_id is not None else preview.opportunity_id
    rows = preview.rows
    with _collector_held(), services.db.write() as s:
        Service.fetch(s, Account, account_id, "account")
        if opportunity_id is not None:
            opp = Service.fetch(s, Opportunity, opportunity_id, "opportunity")
            if opp.account_id != account_id:
                raise ValidationError.single("opportunity_id", "contact_not_in_account")
        existing = _people_at(s, account_id)
        if existing != preview.checked_against:
            # Someone added, changed or removed people since the preview: check again.
            _mark_duplicates(rows, existing)
            _resolve_managers(rows, existing)
            preview.checked_against = existing
        wanted = [
            i for i, r in enumerate(rows) if r.ok and not (skip_duplicates and r.is_duplicate)
        ]
        created, roles_written = _write(s, rows, wanted, existing, account_id, opportunity_id)
    services.notifier.publish(Change("contact", frozenset(created.values()), account_id))
    if roles_written and opportunity_id is not None:  # roles are written for an opportunity
        services.notifier.publish(Change("opportunity", frozenset({opportunity_id}), account_id))
    return len(created)


# What an imported contact gets in the columns its row does not fill (the models' defaults).
_BLANK_FIELDS: dict[str, Any] = {
    "alt_name": "",
    "title": "",
    "department": "",
    "phone_office": "",
    "phone_mobile": "",
    "email": "",
    "wechat": "",
    "relationship_notes": "",
    "last_contact": None,
}
_NEVER_FILLED: dict[str, Any] = {
    "communication_style": None,
    "decision_style": None,
    "background": "",
    "priorities": [],
    "business_needs": [],
    "personal_needs": [],
    "needs_notes": "",
    "map_x": None,
    "map_y": None,
}


def _write(
    s: Session,
    rows: list[ImportRow],
    wanted: list[int],
    existing: Sequence[Any],
    account_id: int,
    opportunity_id: int | None,
) -> tuple[dict[int, int], bool]:
    """Insert the wanted rows; ({row index: new contact id}, whether buying roles were written).

    A good row's values are what ``fields.clean`` returned in the preview. Ids are given out
    here (the write transaction holds the file's only write lock), so reporting lines and index
    entries are known before anything is inserted; foreign keys are checked at commit, as a
    manager may come later in the file than the people who report to them.
    """
    if not wanted:
        return {}, False
    conn = s.connection()
    first = (conn.execute(select(func.max(Contact.id))).scalar() or 0) + 1
    created = {i: first + n for n, i in enumerate(wanted)}
    existing_ids = {c.id for c in existing}
    chart: dict[int, int | None] = {c.id: c.reports_to_id for c in existing}
    chart.update(dict.fromkeys(created.values()))
    for i in wanted:
        contact_id = created[i]
        manager_id = _manager_id(rows, i, created, existing_ids)
        if manager_id is not None and not would_create_cycle(chart, contact_id, manager_id):
            chart[contact_id] = manager_id
    now = utcnow()
    shared = {**_NEVER_FILLED, "account_id": account_id, "created_at": now, "updated_at": now}
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # until this transaction ends
    with _page_cache(conn, IMPORT_CACHE_KIB):
        for start in range(0, len(wanted), WRITE_BATCH):  # batches: memory stays flat
            contacts = [
                {
                    **_BLANK_FIELDS,
                    **rows[i].values,
                    "id": created[i],
                    "uid": new_uid(),
                    "reports_to_id": chart[created[i]],
                }
                for i in wanted[start : start + WRITE_BATCH]
            ]
            _insert_many(conn, cast(Table, Contact.__table__), contacts, shared)
            _index_new_contacts(conn, contacts, account_id)
    blank_role: dict[str, Any] = {
        "roles": [],
        "attitude": "unknown",
        "influence": None,
        "notes": "",
    }
    roles = [
        {**blank_role, **rows[i].role, "opportunity_id": opportunity_id, "contact_id": created[i]}
        for i in wanted
        if opportunity_id is not None and rows[i].role and fields.has_part(rows[i].role)
    ]
    if roles:
        conn.execute(insert(cast(Table, BuyingRole.__table__)), roles)
    return created, bool(roles)


WRITE_BATCH = 10_000  # rows per statement (executemany)
# Pages the import may keep in memory (KiB). With SQLite's default of 2 MiB, 100k new people
# in a large file (L: 1M contacts) dirty far more index pages than fit, and each one is written
# out to the journal again and again before the commit. Only taken as needed, and given back.
IMPORT_CACHE_KIB = 128 * 1024


@contextmanager
def _page_cache(conn: Connection, kib: int) -> Iterator[None]:
    """A page cache of ``kib`` for the block, then the connection's own size again (changed
    pages stay in memory until the commit whatever the size says)."""
    size = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    restore = f"PRAGMA cache_size = {int(size)}"
    conn.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    except BaseException:
        with suppress(DBAPIError):  # the write's own error is the one to report
            conn.exec_driver_sql(restore)
        raise
    conn.exec_driver_sql(restore)


def _insert_many(
    conn: Connection, table: Table, records: list[dict[str, Any]], shared: dict[str, Any]
) -> None:
    """One executemany: each record's own values plus ``shared`` (the same for every row).

    Values reach the driver as SQLAlchemy would store them (its column types convert dates,
    timestamps and JSON lists); the shared ones are converted once, not once per row.
    """
    own = list(records[0])
    if any(len(r) != len(own) for r in records) or set(own) & set(shared):
        raise ValueError("every record must name the same columns, none of them shared")

    def converter(name: str) -> Any:
        return table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)

    fixed = []
    for name, value in shared.items():
        convert = converter(name)
        fixed.append(convert(value) if convert is not None and value is not None else value)
    per_row = [(k, convert) for k, name in enumerate(own) if (convert := converter(name))]
    values = itemgetter(*own)
    params = []
    for record in records:
        row = list(values(record))
        for k, convert in per_row:
            if row[k] is not None:
                row[k] = convert(row[k])
        params.append((*row, *fixed))
    names = [*own, *shared]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    conn.exec_driver_sql(sql, params)


def _index_new_contacts(conn: Connection, contacts: list[dict[str, Any]], account_id: int) -> None:
    """Search index entries for contacts inserted without the ORM, as its flush hook writes
    them (``search_index._entry``; tests compare the two)."""
    code = search_index.KIND_CODES["contact"]
    table = search_index.FTS_TABLE
    low, high = contacts[0]["id"] * 4 + code, contacts[-1]["id"] * 4 + code
    # The ids are new: an entry under one of them can only be left over in a damaged index.
    stale = conn.exec_driver_sql(
        f"SELECT rowid FROM {table} WHERE rowid BETWEEN ? AND ? AND rowid % 4 = ?",
        (low, high, code),
    ).all()
    if stale:
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE rowid = ?", [tuple(r) for r in stale])
    conn.exec_driver_sql(
        f"INSERT INTO {table}(rowid, title, body, account_id) VALUES (?, ?, ?, ?)",
        [
            (
                c["id"] * 4 + code,
                index_text(c["name"], c["alt_name"]),
                index_text(
                    c["title"],
                    c["department"],
                    c["email"],
                    c["phone_mobile"],
                    c["phone_office"],
                    c["wechat"],
                ),
                account_id,
            )
            for c in contacts
        ],
    )


def _manager_id(
    rows: list[ImportRow], i: int, created: dict[int, int], existing: set[int]
) -> int | None:
    row = rows[i]
    if row.manager_contact is not None:
        return row.manager_contact if row.manager_contact in existing else None
    seen: set[int] = set()
    j = row.manager_row
    while j is not None and j not in seen:
        seen.add(j)
        if j in created:
            return created[j]
        manager = rows[j]
        # A skipped duplicate stands for the person it duplicates.
        if manager.duplicate_of_contact is not None:
            return manager.duplicate_of_contact[0]
        j = manager.duplicate_of_row
    return None
