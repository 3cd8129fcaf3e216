"""Reading a bundle: the bytes, the JSON and the header, then the content checks.

``check_file`` reads at most ``max_bytes`` of a regular file, refuses what is not UTF-8, empty,
nested too deep, not JSON, holding ``NaN`` or numbers too long to read; ``check_document`` then
checks the format and version header and hands the content to bundle_checks.Checker. Both
return a ``Checked``: the document, every problem in words, and the uids per table that the
database still has to be asked about (bundle_match.py).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.domain.input_files import InputFileError, read_limited
from desktop.domain.playbook import Playbook, default_playbook
from desktop.exchange.bundle_format import FORMAT, VERSION

from .bundle_checks import Checker
from .bundle_words import JsonPath, format_path, kind, parses, show

MAX_DEPTH = 32  # the format itself needs about 10 levels


@dataclass
class Checked:
    doc: Any = None
    problems: list[str] = field(default_factory=list)
    uids: dict[str, dict[str, JsonPath]] = field(default_factory=dict)  # table -> uid -> path


class _DupDict(dict[str, Any]):
    """A JSON object in which some key appeared more than once (the last value is kept)."""

    duplicates: list[str]


class _NonFinite(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    dups: list[str] = []
    for key, value in pairs:
        if key in out:
            dups.append(key)
        out[key] = value
    if not dups:
        return out
    marked = _DupDict(out)
    marked.duplicates = dups
    return marked


def _reject_constant(name: str) -> Any:
    raise _NonFinite(name)


def check_file(src: Path, max_bytes: int, playbook: Playbook | None = None) -> Checked:
    """Read and check the bundle in ``src`` (at most ``max_bytes``) against ``playbook`` (the
    bundled one when None); nothing is written."""
    result = Checked()
    name = src.name or str(src)

    def fail(message: str) -> Checked:
        result.problems.append(f"{name}: {message}")
        return result

    # The bytes.
    if not src.exists() and not src.is_symlink():
        return fail("there is no such file")
    try:
        raw = read_limited(src, max_bytes, "bundle")
    except InputFileError as exc:
        result.problems.append(str(exc))
        return result
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0  # some editors add one
    try:
        content = raw[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = bom + exc.start
        line = raw.count(b"\n", 0, at) + 1
        return fail(f"is not UTF-8 text (byte 0x{raw[at]:02x} at offset {at}, line {line})")
    if not content.strip():
        return fail("is empty")
    # The JSON.
    if too_deep := _too_deep(content):
        line, column = too_deep
        return fail(f"is nested deeper than {MAX_DEPTH} levels (line {line}, column {column})")
    try:
        doc = json.loads(content, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        return fail(f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
    except _NonFinite as exc:
        return fail(f"is not valid JSON: {exc} is not a number JSON allows")
    except RecursionError:
        return fail(f"is nested deeper than {MAX_DEPTH} levels")
    except ValueError:  # Python refuses integers of thousands of digits
        return fail("is not valid JSON: it holds a number too long to read")
    return check_document(doc, playbook)


def check_document(doc: Any, playbook: Playbook | None = None) -> Checked:
    """Check a parsed bundle: the header first (if it is wrong, nothing else is worth
    reporting), then the whole content, its keys against ``playbook`` (the bundled one when
    None)."""
    result = Checked(doc=doc)
    if not isinstance(doc, dict):
        return _at(result, (), f"must be a JSON object, found {kind(doc)}")
    if doc.get("format") != FORMAT:
        found = doc.get("format")
        what = "is missing" if found is None else f"is {show(found)}, not {show(FORMAT)}"
        return _at(result, ("format",), f"{what}; this is not a Callbrief bundle")
    version = doc.get("version")
    if version is None:
        return _at(result, ("version",), "is missing")
    if not isinstance(version, int) or isinstance(version, bool):
        return _at(result, ("version",), f"must be a whole number, found {show(version)}")
    if version > VERSION:
        return _at(
            result,
            ("version",),
            f"format version {version} was made by a newer Callbrief; this one reads up to "
            f"version {VERSION}. Update Callbrief to import it",
        )
    if version != VERSION:
        return _at(result, ("version",), f"format version {version} is not supported")
    # The content.
    checker = Checker(playbook if playbook is not None else default_playbook())
    checker.duplicate_keys(doc, ())
    checker.schema(doc)
    if isinstance(doc.get("account"), dict):
        checker.account(doc["account"])
    exported = doc.get("exported_at")
    if isinstance(exported, str) and not parses(datetime.fromisoformat, exported):
        checker.add(("exported_at",), f"{show(exported)} is not an ISO 8601 date and time")
    result.problems = checker.messages()
    result.uids = checker.uids
    return result


def _at(result: Checked, path: JsonPath, message: str) -> Checked:
    result.problems.append(f"{format_path(path)}: {message}")
    return result


_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _too_deep(content: str) -> tuple[int, int] | None:
    """(line, column) where nesting first exceeds MAX_DEPTH, scanning past strings."""
    depth = 0
    for match in _TOKEN.finditer(content):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                pos = match.start()
                line = content.count("\n", 0, pos) + 1
                return line, pos - content.rfind("\n", 0, pos)
        elif token in "]}":
            depth -= 1
    return None
