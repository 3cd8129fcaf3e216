"""A person's e-mails, phones and postal addresses: several of each, typed, one preferred.

Each detail is one ``Detail``: its kind (``email``, ``phone``, ``address``), its type (``work``,
``mobile``, ``home``, ``other``), the value and whether it is the preferred one of its kind.
The contact's old columns stay as the preferred values, so the code that reads them (search, the
org chart, duplicates, the brief) keeps working: ``email`` is the preferred e-mail,
``phone_office`` the preferred phone unless it is a mobile (else the first other phone) and
``phone_mobile`` the preferred phone if it is a mobile (else the first mobile). ``columns()``
computes them from a list, ``with_column()`` folds a value written to one of those columns back
into the list.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .playbook import Text

KINDS = ("email", "phone", "address")
TYPES = ("work", "mobile", "home", "other")
# The contact columns that mirror the preferred values (see the module docstring).
COLUMNS = ("email", "phone_office", "phone_mobile")
# A type as files and the form name it; the exports write "Home: 0512 6700 0000" lines, which
# the import reads back (``type_of``).
TYPE_LABELS = {
    "work": Text("Work", "工作"),
    "mobile": Text("Mobile", "手机"),
    "home": Text("Home", "住宅"),
    "other": Text("Other", "其他"),
}


@dataclass(frozen=True)
class Detail:
    kind: str  # one of KINDS
    type: str  # one of TYPES
    value: str
    preferred: bool = False
    uid: str = ""  # the stored row's uid; empty for a detail not stored yet


def tidy(details: Iterable[Detail]) -> list[Detail]:
    """The list as it is stored: no empty values, no value twice within a kind, an unknown type
    read as ``other``, and exactly one preferred per kind that has any (the first one marked,
    else the first of the kind). Order is kept."""
    # Built directly rather than with dataclasses.replace: an import tidies every row (100k),
    # twice. The first value of each kind is noted on the way, not in a second pass.
    kept: list[Detail] = []
    seen: set[tuple[str, str]] = set()
    chosen: dict[str, int] = {}  # kind → index of its preferred detail
    first: dict[str, int] = {}  # kind → index of its first detail
    for d in details:
        value = d.value.strip()
        if not value:
            continue
        kind = d.kind
        key = (kind, value.casefold())
        if key in seen:
            continue
        seen.add(key)
        if kind not in first:
            first[kind] = len(kept)
        if d.preferred and kind not in chosen:
            chosen[kind] = len(kept)
        kept.append(d if value == d.value and d.type in _TYPE_SET else _with(d, value=value))
    first.update(chosen)
    return [
        d if d.preferred == (first[d.kind] == i) else _with(d, preferred=not d.preferred)
        for i, d in enumerate(kept)
    ]


_TYPE_SET = frozenset(TYPES)


def _with(d: Detail, value: str | None = None, preferred: bool | None = None) -> Detail:
    """``d`` with another value or preference; an unknown type read as ``other``."""
    return Detail(
        d.kind,
        d.type if d.type in TYPES else "other",
        d.value.strip() if value is None else value,
        d.preferred if preferred is None else preferred,
        d.uid,
    )


def of_kind(details: Sequence[Detail], kind: str) -> list[Detail]:
    """The details of one kind, the preferred one first."""
    return sorted((d for d in details if d.kind == kind), key=lambda d: not d.preferred)


def preferred(details: Sequence[Detail], kind: str) -> Detail | None:
    found = of_kind(details, kind)
    return found[0] if found else None


def _mirror(details: Sequence[Detail], column: str) -> Detail | None:
    """The detail a contact column shows."""
    if column == "email":
        return preferred(details, "email")
    mobile = column == "phone_mobile"
    phones = of_kind(details, "phone")
    return next((d for d in phones if (d.type == "mobile") == mobile), None)


def columns(details: Sequence[Detail]) -> dict[str, str]:
    """The values of the contact's columns ``email``, ``phone_office``, ``phone_mobile``."""
    # What ``_mirror`` gives for each column, in one pass (an import asks for 100k people):
    # within a kind, the first preferred value that fits, else the first other one.
    found: dict[str, tuple[bool, str]] = {}  # column → (preferred, value) of the best so far
    for d in details:
        if d.kind == "email":
            column = "email"
        elif d.kind == "phone":
            column = "phone_mobile" if d.type == "mobile" else "phone_office"
        else:
            continue
        best = found.get(column)
        if best is None or (d.preferred and not best[0]):
            found[column] = (d.preferred, d.value)
    return {column: found[column][1] if column in found else "" for column in COLUMNS}


def with_column(details: Sequence[Detail], column: str, value: str) -> list[Detail]:
    """``details`` after ``value`` was written to the contact column ``column``: the detail the
    column shows takes the new value (or goes, for an empty value); with none, a new one is
    added, preferred when it is the first of its kind."""
    value = value.strip()
    current = _mirror(details, column)
    out = list(details)
    if current is not None:
        index = out.index(current)
        if value:
            out[index] = replace(current, value=value)
        else:
            del out[index]
        return tidy(out)
    if not value:
        return out
    kind = "email" if column == "email" else "phone"
    kind_type = {"email": "work", "phone_office": "work", "phone_mobile": "mobile"}[column]
    first = not any(d.kind == kind for d in out)
    out.append(Detail(kind, kind_type, value, preferred=first))
    return tidy(out)


def from_columns(email: str, phone_office: str, phone_mobile: str) -> list[Detail]:
    """The details a contact's columns alone give (a person saved before revision 0008, or by a
    path that writes only the columns): the office phone is preferred over the mobile."""
    return tidy(
        [
            Detail("email", "work", email, preferred=True),
            Detail("phone", "work", phone_office, preferred=True),
            Detail("phone", "mobile", phone_mobile),
        ]
    )


def completed(details: Sequence[Detail], cols: dict[str, str]) -> list[Detail]:
    """``details`` with the column values they lack added (a path that writes only the columns,
    such as an older bundle, saved them), so that a reader sees both."""
    out = list(details)
    for column in COLUMNS:
        value = cols.get(column, "").strip()
        kind = "email" if column == "email" else "phone"
        if value and not any(
            d.kind == kind and d.value.casefold() == value.casefold() for d in out
        ):
            kind_type = "mobile" if column == "phone_mobile" else "work"
            first = not any(d.kind == kind for d in out)
            out.append(Detail(kind, kind_type, value, preferred=first))
    return tidy(out)


# How other programs name a value's type (vCard TYPE parameters, Apple labels, Google and
# Outlook column labels), in English and Chinese, case-folded.
_TYPE_WORDS = (
    ("mobile", ("cell", "mobile", "iphone", "手机", "移动")),
    ("work", ("work", "business", "office", "company", "main", "工作", "单位", "公司", "办公")),
    ("home", ("home", "personal", "private", "住宅", "家庭", "家", "私人")),
)
_NOT_STORED = ("fax", "pager", "传真", "寻呼")


def type_of(words: Iterable[str]) -> str | None:
    """The type (``work``, ``mobile``, ``home``, ``other``) that labels name, or None for a fax
    or pager number (not a phone a rep calls, so not kept)."""
    return _type_of_text(" ".join(words).casefold())


@functools.lru_cache(maxsize=256)  # a file repeats its few labels on every row
def _type_of_text(text: str) -> str | None:
    if any(w in text for w in _NOT_STORED):
        return None
    for kind_type, names in _TYPE_WORDS:
        if any(w in text for w in names):
            return kind_type
    return "other"


# When a file marks no value as preferred: a work value first (a rep calls at work), then a
# mobile, then any other, a home value last.
_DEFAULT_RANK = {"work": 0, "mobile": 1, "other": 2, "home": 3}


def prefer_work(details: Sequence[Detail]) -> list[Detail]:
    """``details`` tidied, where a kind no value is marked preferred in gets its first work
    value (else mobile, other, home) as the preferred one."""
    out = list(details)
    # One pass over the list, not one a kind: each kind's best default, and whether it has a
    # value marked already. The best is the first of the lowest rank, as min() would give.
    best: dict[str, tuple[int, int]] = {}  # kind → (rank, index)
    marked: set[str] = set()
    for i, d in enumerate(out):
        if not d.value.strip():
            continue
        if d.preferred:
            marked.add(d.kind)
        rank = _DEFAULT_RANK.get(d.type, 2)
        found = best.get(d.kind)
        if found is None or rank < found[0]:
            best[d.kind] = (rank, i)
    for kind in KINDS:
        if kind in best and kind not in marked:
            i = best[kind][1]
            out[i] = _with(out[i], preferred=True)
    return tidy(out)


def labelled_lines(details: Iterable[Detail], lang: str) -> str:
    """One "Type: value" line per detail (an export's cell)."""
    return "\n".join(f"{TYPE_LABELS[d.type].get(lang)}: {d.value}" for d in details)


def from_labelled_lines(kind: str, text: str) -> list[Detail]:
    """The details of ``labelled_lines`` text, in either language (a line without a label is
    of type ``other``)."""
    out: list[Detail] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        label, sep, value = line.partition(": ")
        if not sep:
            label, value = "", line
        kind_type = type_of([label]) if label else "other"
        if value.strip() and kind_type is not None:
            out.append(Detail(kind, kind_type, value.strip()))
    return out
