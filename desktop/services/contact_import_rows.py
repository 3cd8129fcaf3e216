"""What a contacts file holds once read: its rows, their problems, and the preview of it all.

``ImportRow`` is one person from the file, checked; ``ImportPreview`` is the whole file as the
import dialog and the CLI show it before anything is written. The texts here are the import's
own remarks, in both languages (row numbers, duplicates, managers not found).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.contact_details import Detail
from desktop.domain.messages import Message
from desktop.domain.playbook import Text

FORMAT_LABELS: dict[str, Text] = {
    "outlook": Text("Outlook CSV", "Outlook CSV"),
    "google": Text("Google Contacts CSV", "Google 通讯录 CSV"),
    "salesforce": Text("Salesforce CSV", "Salesforce CSV"),
    "callbrief": Text("Callbrief CSV", "Callbrief CSV"),
    "other": Text("CSV (columns mapped by name)", "CSV(按列名匹配)"),
    "vcard": Text("vCard", "vCard 名片"),
}

TEXTS: dict[str, Text] = {
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
    "assistant_missing": Text(
        "assistant “{name}” is not in this file; not linked",
        "助理“{name}”不在本文件中,未建立汇报关系",
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
    own: tuple[str, dict[str, Any]] | None = None  # a TEXTS key and its parameters

    def text(self, lang: str) -> str:
        if self.own is not None:
            key, params = self.own
            return TEXTS[key].get(lang).format(**params)
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
    details: list[Detail] = field(default_factory=list)  # checked e-mails, phones, addresses
    assistant_name: str = ""  # their assistant, as the file names them
    problems: list[Problem] = field(default_factory=list)
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (TEXTS key, params)
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
        return TEXTS[self.kind].get(lang).format(n=self.number)

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
    file_notes: list[str] = field(default_factory=list)  # TEXTS keys
    # The account's people as the duplicate and manager checks saw them (``_people_at``); the
    # commit checks again only if they have changed since.
    checked_against: list[Any] | None = field(default=None, repr=False)
    merged: int = 0  # people already at the account the last commit filled in (merge)
    account_name: str = ""  # the account the file is previewed for
    # Companies the file names that are not the account (told before anything is written).
    other_companies: list[str] = field(default_factory=list)

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
            out.append(TEXTS["dup_contact"].get(lang).format(name=row.duplicate_of_contact[1]))
        if row.duplicate_of_row is not None:
            other = self.rows[row.duplicate_of_row].where(lang)
            out.append(TEXTS["dup_row"].get(lang).format(where=other))
        for key, params in row.notes:
            shown = {
                k: (v.where(lang) if isinstance(v, ImportRow) else v) for k, v in params.items()
            }
            out.append(TEXTS[key].get(lang).format(**shown))
        return out

    def status(self, row: ImportRow, lang: str) -> str:
        if row.problems:
            return "; ".join(p.text(lang) for p in row.problems)
        remarks = self.row_remarks(row, lang)
        return "; ".join(remarks) if remarks else TEXTS["ok"].get(lang)

    def notes_text(self, lang: str) -> list[str]:
        return [TEXTS[key].get(lang) for key in self.file_notes]

    def summary(self, lang: str) -> str:
        return (
            TEXTS["summary"]
            .get(lang)
            .format(
                good=len(self.importable()),
                total=len(self.rows),
                problems=len(self.problem_rows),
                duplicates=len(self.duplicate_rows),
            )
        )
