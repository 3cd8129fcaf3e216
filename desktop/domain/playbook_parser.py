"""Checking a parsed playbook file thoroughly and turning it into a ``Playbook``.

The first problem found raises ``PlaybookError`` with the file, the key path (``roles[2].label``)
and what is wrong, so an organisation editing its own playbook can find the line. Pure standard
library.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from .playbook_model import (
    _BOOL_FIELDS,
    _ENTRY_LIST_FIELDS,
    _KEY_RE,
    _LANGS,
    _RESERVED_FIELDS,
    _TEXT_FIELDS,
    _TEXT_LIST_FIELDS,
    MIN_QUESTIONS,
    OPTIONAL_GROUPS,
    REQUIRED_GROUPS,
    ROLE_KEYS,
    SUPPORTED_FORMAT,
    VISIT_STEP_KEYS,
    WARNING_PLACEHOLDERS,
    Entry,
    Playbook,
    PlaybookError,
    Text,
)


def _type_name(value: object) -> str:
    """The TOML name of a parsed value's type, for error messages."""
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string"}
    names.update({dict: "a table", list: "an array"})
    return names.get(type(value), type(value).__name__)


class _Parser:
    """Turns parsed TOML into a Playbook, failing on the first problem with its key path."""

    def __init__(self, source: Path) -> None:
        self.source = source

    def fail(self, key_path: str, problem: str) -> NoReturn:
        raise PlaybookError(self.source, key_path, problem)

    def parse(self, data: dict[str, Any]) -> Playbook:
        meta = self.table(data, "meta")
        if "format" not in meta:
            self.fail("meta.format", f"missing (this version reads format {SUPPORTED_FORMAT})")
        fmt = meta["format"]
        if type(fmt) is not int:
            self.fail("meta.format", f"must be an integer, got {_type_name(fmt)}")
        if fmt != SUPPORTED_FORMAT:
            self.fail(
                "meta.format",
                f"unsupported format {fmt} (this version reads format {SUPPORTED_FORMAT} only)",
            )
        playbook_id = self.string(meta, "id", "meta.id")
        version = self.string(meta, "version", "meta.version")
        name = self.text(meta.get("name"), "meta.name", present="name" in meta)

        respond = self.entry(self.table(data, "respond_objections"), "respond_objections")
        groups: dict[str, tuple[Entry, ...]] = {}
        for group in REQUIRED_GROUPS:
            if group not in data:
                self.fail(group, "required group is missing")
            groups[group] = self.group(data[group], group)
        for group in OPTIONAL_GROUPS:
            if group in data:
                groups[group] = self.group(data[group], group)
        # Any other top-level tables belong to the organisation and are ignored.
        self.check_rules(groups)
        return Playbook(
            id=playbook_id,
            version=version,
            name=name,
            source=self.source,
            respond_objections=respond,
            groups=groups,
        )

    # -- building blocks ------------------------------------------------------------------

    def table(self, data: Mapping[str, Any], name: str) -> dict[str, Any]:
        if name not in data:
            self.fail(name, "required table is missing")
        value = data[name]
        if not isinstance(value, dict):
            self.fail(name, f"must be a table, got {_type_name(value)}")
        return value

    def string(self, table: Mapping[str, Any], name: str, key_path: str) -> str:
        if name not in table:
            self.fail(key_path, "missing")
        value = table[name]
        if not isinstance(value, str):
            self.fail(key_path, f"must be a string, got {_type_name(value)}")
        if not value.strip():
            self.fail(key_path, "is empty")
        return value

    def text(self, value: object, key_path: str, present: bool = True) -> Text:
        if not present:
            self.fail(key_path, 'missing (expected { en = "...", zh = "..." })')
        if not isinstance(value, dict):
            self.fail(
                key_path, f'must be a table {{ en = "...", zh = "..." }}, got {_type_name(value)}'
            )
        for lang in _LANGS:
            if lang not in value:
                self.fail(f"{key_path}.{lang}", "missing translation")
            item = value[lang]
            if not isinstance(item, str):
                self.fail(f"{key_path}.{lang}", f"must be a string, got {_type_name(item)}")
            if not item.strip():
                self.fail(f"{key_path}.{lang}", "is empty")
        return Text(en=value["en"], zh=value["zh"])

    def group(self, value: object, key_path: str) -> tuple[Entry, ...]:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(key_path, f"must be an array of tables ([[{key_path}]])")
        if not value:
            self.fail(key_path, "group is empty")
        entries = tuple(self.entry(item, f"{key_path}[{i}]") for i, item in enumerate(value))
        self.unique(entries, key_path)
        return entries

    def entry(self, item: object, key_path: str) -> Entry:
        if not isinstance(item, dict):
            self.fail(key_path, f"must be a table, got {_type_name(item)}")
        if "key" not in item:
            self.fail(f"{key_path}.key", "missing")
        key = item["key"]
        if not isinstance(key, str) or not _KEY_RE.match(key):
            self.fail(
                f"{key_path}.key",
                f"must be an identifier of letters, digits and underscores, got {key!r}",
            )
        label = self.text(item.get("label"), f"{key_path}.label", present="label" in item)
        description = None
        if "description" in item:
            description = self.text(item["description"], f"{key_path}.description")
        extras = {
            name: self.extra(name, value, f"{key_path}.{name}")
            for name, value in item.items()
            if name not in _RESERVED_FIELDS
        }
        return Entry(key=key, label=label, description=description, extras=MappingProxyType(extras))

    def extra(self, name: str, value: object, key_path: str) -> object:
        """Validate and convert one non-reserved field of an entry."""
        if name in _BOOL_FIELDS:
            if not isinstance(value, bool):
                self.fail(key_path, f"must be true or false, got {_type_name(value)}")
            return value
        if name in _TEXT_FIELDS:
            return self.text(value, key_path)
        if name in _TEXT_LIST_FIELDS:
            if not isinstance(value, list):
                self.fail(
                    key_path, f"must be an array of {{ en, zh }} tables, got {_type_name(value)}"
                )
            return tuple(self.text(v, f"{key_path}[{i}]") for i, v in enumerate(value))
        if name in _ENTRY_LIST_FIELDS:
            if not isinstance(value, list):
                self.fail(key_path, f"must be an array of entries, got {_type_name(value)}")
            entries = tuple(self.entry(v, f"{key_path}[{i}]") for i, v in enumerate(value))
            self.unique(entries, key_path)
            return entries
        if name == "probability":
            if type(value) is not int or not 0 <= value <= 100:
                self.fail(key_path, f"must be an integer percentage from 0 to 100, got {value!r}")
            return value
        return self.generic(value, key_path)

    def generic(self, value: object, key_path: str) -> object:
        """Convert an organisation's own field: {en, zh} → Text, {key, label} → Entry."""
        if isinstance(value, dict):
            if "en" in value or "zh" in value:
                return self.text(value, key_path)
            if "key" in value and "label" in value:
                return self.entry(value, key_path)
            return MappingProxyType(
                {k: self.generic(v, f"{key_path}.{k}") for k, v in value.items()}
            )
        if isinstance(value, list):
            return tuple(self.generic(v, f"{key_path}[{i}]") for i, v in enumerate(value))
        return value

    def unique(self, entries: tuple[Entry, ...], key_path: str) -> None:
        seen: dict[str, int] = {}
        for i, entry in enumerate(entries):
            if entry.key in seen:
                self.fail(
                    f"{key_path}[{i}].key",
                    f"duplicate key {entry.key!r} (already used by {key_path}[{seen[entry.key]}])",
                )
            seen[entry.key] = i

    # -- methodology rules -----------------------------------------------------------------

    def check_rules(self, groups: Mapping[str, tuple[Entry, ...]]) -> None:
        steps = tuple(e.key for e in groups["visit_steps"])
        if steps != VISIT_STEP_KEYS:
            self.fail(
                "visit_steps",
                f"keys must be exactly {', '.join(VISIT_STEP_KEYS)} in this order, "
                f"got {', '.join(steps)}",
            )

        roles = {e.key for e in groups["roles"]}
        missing = [k for k in ROLE_KEYS if k not in roles]
        if missing:
            self.fail("roles", f"missing required role(s): {', '.join(missing)}")

        previous = 0
        for i, stage in enumerate(groups["funnel_stages"]):
            probability = stage.probability
            if probability is None:
                self.fail(f"funnel_stages[{i}].probability", "missing")
            if probability < previous:
                self.fail(
                    f"funnel_stages[{i}].probability",
                    f"{probability} is lower than the previous stage's {previous}; "
                    "probabilities must not decrease",
                )
            previous = probability

        for group in ("eric_steps", "spin_types"):
            for i, e in enumerate(groups[group]):
                if len(e.questions) < MIN_QUESTIONS:
                    self.fail(
                        f"{group}[{i}].questions",
                        f"needs at least {MIN_QUESTIONS} questions, got {len(e.questions)}",
                    )

        for i, warning in enumerate(groups["coverage_warnings"]):
            texts: list[tuple[str, Text]] = [("label", warning.label)]
            advice = warning.extras.get("advice")
            if isinstance(advice, Text):
                texts.append(("advice", advice))
            for field_name, text in texts:
                for lang in _LANGS:
                    self.check_placeholders(
                        text.get(lang), f"coverage_warnings[{i}].{field_name}.{lang}"
                    )

    def check_placeholders(self, template: str, key_path: str) -> None:
        """Allow only the {name} and {role} placeholders of str.format."""
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
        except ValueError as exc:
            self.fail(key_path, f"malformed placeholder: {exc}")
        for f in fields:
            if f not in WARNING_PLACEHOLDERS:
                allowed = ", ".join(f"{{{p}}}" for p in sorted(WARNING_PLACEHOLDERS))
                self.fail(key_path, f"unknown placeholder {{{f}}} (allowed: {allowed})")
