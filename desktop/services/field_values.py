"""Reading one typed value the forgiving way and checking it against its field's ``Spec``.

``Spec`` says how a field is checked (its kind, whether it is required, its playbook group, its
range); ``clean_one`` turns what the rep typed into the value to store, or raises ``Bad`` with
the message code and its parameters. ``fields.clean`` runs every field of a save through here
and gathers the problems into one ValidationError.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.domain.amounts import NotAnAmount, currency_code, fold, parse_money, parse_whole
from desktop.domain.dates import NotADate, parse_minutes
from desktop.domain.dates import parse_date as read_date
from desktop.domain.dates import parse_datetime as read_datetime
from desktop.domain.limits import EARLIEST, LATEST, date_in_range, unwritable_character
from desktop.domain.phones import normalise_phone
from desktop.domain.playbook import Playbook, Text

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DIGIT = re.compile(r"\d")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_TRUE = {"yes", "y", "true", "1", "是"}
_FALSE = {"no", "n", "false", "0", "否"}
_UNKNOWN = {"", "unknown", "?", "未知"}


@dataclass(frozen=True)
class Spec:
    """How one field is checked. ``kind`` is one of the branches in ``clean_one``."""

    en: str
    zh: str
    kind: str = "text"
    required: bool = False
    group: str | None = None  # playbook group for "key" / "keys"
    low: int | None = None
    high: int | None = None
    currency_field: str | None = None  # for "amount": where the currency it names belongs

    @property
    def label(self) -> Text:
        return Text(self.en, self.zh)


class Bad(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        self.code, self.params = code, params


def _parse_int(value: Any, money: bool = False) -> tuple[int | None, str | None]:
    """A whole number and the currency it named; ``money`` rounds fractions and takes a sign."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    bad = "not_amount" if money else "not_integer"
    if isinstance(value, bool):
        raise Bad(bad)
    if isinstance(value, int):
        return value, None
    if isinstance(value, float) and (value.is_integer() or money):
        return round(value), None
    if isinstance(value, str):
        try:
            return parse_money(value) if money else parse_whole(value)
        except NotAnAmount as exc:
            raise Bad("two_currencies" if exc.reason == "two_currencies" else bad) from None
    raise Bad(bad)


def _parse_date(value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return read_date(value)
        except NotADate:
            pass
    raise Bad("not_date")


def _parse_datetime(value: Any) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(value, str):
        try:
            return read_datetime(value)
        except NotADate:
            pass
    raise Bad("not_datetime")


def _parse_bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    lowered = str(value).strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    if lowered in _UNKNOWN:
        return None
    raise Bad("not_bool")


def _writable(text: str) -> str:
    """``text`` if every exporter can write it out (see domain.limits), else Bad."""
    bad = unwritable_character(text)
    if bad is not None:
        raise Bad("bad_character", char=bad)
    return text


def _writable_json(value: Any) -> Any:
    if isinstance(value, str):
        _writable(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _writable(str(key))
            _writable_json(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _writable_json(item)
    return value


def _in_range(day: Any) -> Any:
    if day is not None and not date_in_range(day):
        raise Bad("date_range", low=EARLIEST.isoformat(), high=LATEST.isoformat())
    return day


def clean_one(
    spec: Spec, value: Any, max_len: int | None, playbook: Playbook
) -> tuple[Any, str | None]:
    """The value to store, and the currency an amount named (else None)."""
    if spec.kind == "minutes" and isinstance(value, str) and value.strip():
        try:
            value = parse_minutes(value)  # "90 min", "1.5h", "1小时30分"
        except NotADate:
            raise Bad("not_minutes") from None
    if spec.kind in ("int", "amount", "percent", "minutes"):
        if spec.kind == "percent" and isinstance(value, str):
            value = fold(value).removesuffix("%").rstrip()  # "60%" / "６０％" is 60
        number, currency = _parse_int(value, money=spec.kind == "amount")
        if number is None and spec.required:
            raise Bad("required")
        low = spec.low if spec.low is not None else -(2**62)
        high = spec.high if spec.high is not None else 2**62
        if number is not None and not low <= number <= high:
            raise Bad("out_of_range", low=low, high=high)
        return number, currency
    return _clean_value(spec, value, max_len, playbook), None


def clean_text(spec: Spec, value: Any, max_len: int | None) -> str:
    """``clean_one`` for the text kinds (text, e-mail, phone, currency, name), called directly
    where the kind is known to be one of them (a contact's details, 100k at an import)."""
    kind = spec.kind
    text = _writable("" if value is None else str(value))
    # Single-line fields lose stray surrounding blanks; multi-line text keeps its layout.
    if max_len is not None:
        text = text.strip()
    if kind == "phone":
        # Tidied when it is a number we know, kept as typed when not ("139… after 6pm");
        # only text without a single digit cannot be meant as a phone (nor a formula).
        if text.strip() and not _DIGIT.search(text):
            raise Bad("not_phone")
        text = normalise_phone(text)
    if kind == "currency":
        # "rmb", "¥", "人民币", "US dollars" mean a code; other letters are checked as typed.
        text = currency_code(text) or unicodedata.normalize("NFKC", text)
    if spec.required and not text.strip():
        raise Bad("required")
    if max_len is not None and len(text) > max_len:
        raise Bad("too_long", length=len(text), limit=max_len)
    if kind == "email" and text and not _EMAIL.match(text):
        raise Bad("not_email")
    if kind == "currency" and not _CURRENCY.match(text := text.upper()):
        raise Bad("not_currency")
    return text


_TEXT_KINDS = frozenset({"text", "email", "phone", "currency", "name"})


def _clean_value(spec: Spec, value: Any, max_len: int | None, playbook: Playbook) -> Any:
    kind = spec.kind
    if kind in _TEXT_KINDS:
        return clean_text(spec, value, max_len)
    if kind == "date":
        return _in_range(_parse_date(value))
    if kind == "datetime":
        stamp = _parse_datetime(value)
        if stamp is None and spec.required:
            raise Bad("required")
        return _in_range(stamp)
    if kind == "bool":
        return _parse_bool(value)
    if kind == "flag":
        return bool(value)
    if kind == "float":
        if value is None or value == "":
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            raise Bad("not_integer") from None
    if kind == "key":
        if value is None or value == "":
            if spec.required:
                raise Bad("required")
            return None
        assert spec.group is not None
        if str(value) not in playbook.keys(spec.group):
            raise Bad("not_choice", value=value)
        return str(value)
    if kind == "keys":
        assert spec.group is not None
        items = [str(v) for v in (value or [])]
        allowed = playbook.keys(spec.group)
        for item in items:
            if item not in allowed:
                raise Bad("not_choice", value=item)
        return list(dict.fromkeys(items))  # keep the rep's order, drop repeats
    if kind == "lines":
        return [_writable(str(v).strip()) for v in (value or []) if str(v).strip()]
    if kind == "json":
        return _writable_json(value) if value is not None else {}
    raise AssertionError(f"unknown field kind {kind}")
