"""Bundle problems in words: JSON paths, shown values, and JSON Schema errors as sentences.

Shared by the reading (bundle_read.py) and checking (bundle_checks.py) halves of the bundle
importer, so every problem reads the same way: ``account.contacts[3].reports_to: …``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from desktop.domain.limits import EARLIEST, LATEST
from desktop.exchange.bundle_format import VERSION

JsonPath = tuple[str | int, ...]

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
    "object": "an object",
    "array": "a list",
}


def describe(error: Any) -> Iterator[tuple[JsonPath, str]]:
    path: JsonPath = tuple(error.absolute_path)
    value, rule, arg = error.instance, error.validator, error.validator_value
    if rule == "additionalProperties" and isinstance(value, dict):
        known = list(error.schema.get("properties", {}))
        for key in value:
            if key not in known:
                hint = difflib.get_close_matches(key, known, n=1)
                tail = f"; did you mean {show(hint[0])}?" if hint else ""
                yield path + (key,), f"unknown field (not part of format version {VERSION}){tail}"
    elif rule == "required" and isinstance(value, dict):
        for key in arg:
            if key not in value:
                yield path + (key,), "is required but missing"
    elif rule == "type":
        wanted = [arg] if isinstance(arg, str) else list(arg)
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        yield path, f"must be {words}, found {kind(value)}"
    elif rule == "maxLength":
        yield path, f"is {len(value)} characters long; at most {arg} are allowed"
    elif rule == "minLength":
        yield path, "must not be empty" if arg == 1 else f"must be at least {arg} characters"
    elif rule in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        if low is not None and high is not None:
            yield path, f"{value} is out of range: must be between {low} and {high}"
        elif low is not None:
            yield path, f"{value} is out of range: must be at least {low}"
        else:
            yield path, f"{value} is out of range: must be at most {high}"
    elif rule == "pattern":
        what = "date and time (YYYY-MM-DDTHH:MM:SS)" if "T" in arg else "date (YYYY-MM-DD)"
        yield path, f"{show(value)} is not a {what}"
    elif rule == "const":
        yield path, f"must be {show(arg)}, found {show(value)}"
    elif rule == "enum":
        yield path, f"must be one of {', '.join(map(show, arg))}, found {show(value)}"
    else:
        yield path, error.message[:200]


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def format_path(path: Iterable[str | int]) -> str:
    """``("account", "contacts", 3, "uid")`` -> ``account.contacts[3].uid``; the root is ``$``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENTIFIER.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out or "$"


def path_key(path: JsonPath) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


def show(value: Any) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {show(value)}"
    return "a list" if isinstance(value, list) else "an object"


def out_of_range(value: str) -> str:
    return f"{show(value)} is outside {EARLIEST.isoformat()} to {LATEST.isoformat()}"


def parses(parse: Any, value: str) -> Any:
    try:
        return parse(value)
    except ValueError:
        return None
