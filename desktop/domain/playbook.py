"""The sales methodology as bilingual data: load and validate the playbook TOML file.

The playbook (``resources/playbook/playbook.toml`` by default, or an organisation's own file)
holds every step, role, question bank and warning of METHODOLOGY.md as groups of entries. Each
entry has a stable ``key`` (stored in the database) and a ``label`` in English and Chinese; any
other fields are kept in ``Entry.extras``. The loader checks the file thoroughly and reports the
first problem as a ``PlaybookError`` naming the file, the key path and the problem.

Pure standard library: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import re
import string
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from .input_files import InputFileError, read_limited

SUPPORTED_FORMAT = 1

# Groups every playbook must define (as non-empty [[group]] arrays).
REQUIRED_GROUPS: tuple[str, ...] = (
    "visit_steps",
    "roles",
    "attitudes",
    "influence_levels",
    "communication_styles",
    "decision_styles",
    "eric_steps",
    "spin_types",
    "question_types",
    "question_pitfalls",
    "objection_types",
    "objection_natures",
    "objection_timings",
    "objection_methods",
    "lscpa_steps",
    "next_actions",
    "close_techniques",
    "funnel_stages",
    "qualification_items",
    "segment_status",
    "profit_tiers",
    "recognition_levels",
    "pain_levels",
    "pyramid_tiers",
    "buying_behaviours",
    "customer_types",
    "buying_cycle",
    "cvm_phases",
    "business_needs",
    "personal_needs",
    "need_clarity",
    "need_scopes",
    "decision_processes",
    "priorities",
    "visit_statuses",
    "commitment_outcomes",
    "coverage_warnings",
)

# Groups the loader knows and validates when present; absent ones read as empty.
OPTIONAL_GROUPS: tuple[str, ...] = (
    "need_awareness",
    "fab_parts",
    "objection_principles",
    "objection_loop",
    "research_items",
    "competitor_questions",
    "customer_concerns",
    "negotiation_phases",
    "value_dimensions",
    "account_value_measures",
)

VISIT_STEP_KEYS: tuple[str, ...] = ("prepare", "open", "consult", "propose", "close")
ROLE_KEYS: tuple[str, ...] = ("decision_maker", "user", "technical_expert", "influencer", "coach")
MIN_QUESTIONS = 5
WARNING_PLACEHOLDERS = frozenset({"name", "role"})

# Field names with a fixed meaning inside an entry.
_TEXT_FIELDS = frozenset(
    {
        "summary",
        "motto",
        "advice",
        "pitch_tip",
        "example",
        "focus",
        "decision_point",
        "connector",
        "response",
    }
)
_TEXT_LIST_FIELDS = frozenset({"prompts", "questions"})
_ENTRY_LIST_FIELDS = frozenset({"checklist"})
_BOOL_FIELDS = frozenset({"decides", "can_veto", "assertive", "warm"})
_RESERVED_FIELDS = frozenset({"key", "label", "description"})
_KEY_RE = re.compile(r"^[A-Za-z0-9_]+$")
_LANGS = ("en", "zh")


class PlaybookError(Exception):
    """A playbook file that cannot be used; ``str()`` names the file, key path and problem."""

    def __init__(self, source: str | os.PathLike[str], key_path: str, problem: str) -> None:
        self.source = Path(source)
        self.key_path = key_path
        self.problem = problem
        where = f"{self.source}: {key_path}" if key_path else str(self.source)
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Text:
    """One text in both interface languages."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        """The text for ``lang``: anything starting with "zh" (zh, zh_CN, zh-Hans) is Chinese."""
        return self.zh if lang.lower().startswith("zh") else self.en


def _empty_extras() -> Mapping[str, object]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Entry:
    """One item of a playbook group: a stable key, a label and any further fields."""

    key: str
    label: Text
    description: Text | None = None
    # Dicts are unhashable, so the extras take no part in hashing (they still do in equality).
    extras: Mapping[str, object] = field(default_factory=_empty_extras, hash=False)

    def text(self, lang: str) -> str:
        """The label in ``lang``."""
        return self.label.get(lang)

    def description_text(self, lang: str) -> str:
        """The description in ``lang``, or "" when there is none."""
        return self.description.get(lang) if self.description else ""

    def extra_text(self, name: str, lang: str) -> str | None:
        """A bilingual extra field in ``lang`` (e.g. ``pitch_tip``), or None if absent."""
        value = self.extras.get(name)
        return value.get(lang) if isinstance(value, Text) else None

    def _texts(self, name: str) -> tuple[Text, ...]:
        value = self.extras.get(name)
        if isinstance(value, tuple):
            return tuple(v for v in value if isinstance(v, Text))
        return ()

    @property
    def questions(self) -> tuple[Text, ...]:
        return self._texts("questions")

    @property
    def prompts(self) -> tuple[Text, ...]:
        return self._texts("prompts")

    @property
    def checklist(self) -> tuple[Entry, ...]:
        value = self.extras.get("checklist")
        if isinstance(value, tuple):
            return tuple(v for v in value if isinstance(v, Entry))
        return ()

    @property
    def probability(self) -> int | None:
        value = self.extras.get("probability")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def flag(self, name: str) -> bool:
        """A boolean field such as ``decides`` or ``warm``; False when absent."""
        return self.extras.get(name) is True


@dataclass(frozen=True)
class Playbook:
    """A loaded, validated playbook. Groups are tuples of entries in file order."""

    id: str
    version: str
    name: Text
    source: Path
    respond_objections: Entry
    groups: Mapping[str, tuple[Entry, ...]] = field(repr=False, hash=False)
    _index: Mapping[str, Mapping[str, Entry]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        groups = MappingProxyType(dict(self.groups))
        object.__setattr__(self, "groups", groups)
        index = {name: {e.key: e for e in entries} for name, entries in groups.items()}
        object.__setattr__(self, "_index", index)

    def _known(self, group: str) -> None:
        if group not in self.groups and group not in OPTIONAL_GROUPS:
            raise PlaybookError(self.source, group, "no such group in the playbook")

    def group(self, name: str) -> tuple[Entry, ...]:
        """All entries of a group; raises PlaybookError for an unknown group."""
        self._known(name)
        return self.groups.get(name, ())

    def keys(self, group: str) -> tuple[str, ...]:
        return tuple(e.key for e in self.group(group))

    def entry(self, group: str, key: str) -> Entry:
        """The entry with ``key``; raises KeyError naming the group and key if absent."""
        self._known(group)
        try:
            return self._index.get(group, {})[key]
        except KeyError:
            raise KeyError(f"playbook group {group!r} has no entry {key!r}") from None

    def get(self, group: str, key: str | None) -> Entry | None:
        """The entry with ``key``, or None when ``key`` is None or unknown."""
        self._known(group)
        if key is None:
            return None
        return self._index.get(group, {}).get(key)

    def label(self, group: str, key: str | None, lang: str) -> str:
        """The label of ``key`` in ``lang``: "" for None, the key itself if it is unknown."""
        if key is None:
            self._known(group)
            return ""
        entry = self.get(group, key)
        return entry.text(lang) if entry else key

    # Convenience accessors for the common groups.
    @property
    def visit_steps(self) -> tuple[Entry, ...]:
        return self.group("visit_steps")

    @property
    def roles(self) -> tuple[Entry, ...]:
        return self.group("roles")

    @property
    def attitudes(self) -> tuple[Entry, ...]:
        return self.group("attitudes")

    @property
    def influence_levels(self) -> tuple[Entry, ...]:
        return self.group("influence_levels")

    @property
    def communication_styles(self) -> tuple[Entry, ...]:
        return self.group("communication_styles")

    @property
    def eric_steps(self) -> tuple[Entry, ...]:
        return self.group("eric_steps")

    @property
    def spin_types(self) -> tuple[Entry, ...]:
        return self.group("spin_types")

    @property
    def objection_types(self) -> tuple[Entry, ...]:
        return self.group("objection_types")

    @property
    def funnel_stages(self) -> tuple[Entry, ...]:
        return self.group("funnel_stages")

    @property
    def next_actions(self) -> tuple[Entry, ...]:
        return self.group("next_actions")


def load_playbook(path: str | os.PathLike[str], cache_dir: Path | None = None) -> Playbook:
    """Read and validate a playbook file; raises PlaybookError on the first problem.

    With ``cache_dir`` the parsed TOML is kept there (marshal, keyed by the file's path, size,
    modification time and the Python version): parsing costs start-up ~15 ms, reading the
    cache ~1 ms. Validation runs either way."""
    source = Path(path)
    data = _cached(source, cache_dir)
    if data is None:
        data = _parse_toml(source)
        _keep(source, cache_dir, data)
    return _Parser(source).parse(data)


# The shipped playbook is about 60 KB; an organisation's own one is the same kind of text.
MAX_PLAYBOOK_BYTES = 5 * 1024 * 1024


def _parse_toml(source: Path) -> dict[str, Any]:
    import tomllib  # here: with a warm cache start-up never needs it

    try:
        raw = read_limited(source, MAX_PLAYBOOK_BYTES, "playbook file")
    except InputFileError as exc:
        raise PlaybookError(source, "", str(exc)) from None
    try:
        # utf-8-sig: tolerate the byte-order mark some Windows editors add.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlaybookError(source, "", f"not valid UTF-8 (byte {exc.start})") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlaybookError(source, "", f"invalid TOML: {exc}") from exc


def _cache_file(source: Path, cache_dir: Path) -> Path | None:
    try:
        stat = source.stat()
    except OSError:
        return None  # reading the file says what is wrong
    key = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{sys.version_info[:2]}|1"
    return cache_dir / f"playbook-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"


def _cached(source: Path, cache_dir: Path | None) -> dict[str, Any] | None:
    file = _cache_file(source, cache_dir) if cache_dir is not None else None
    if file is None:
        return None
    try:
        data = marshal.loads(file.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # no cache yet, or a damaged one: parse the file
    return data if isinstance(data, dict) else None


def _keep(source: Path, cache_dir: Path | None, data: dict[str, Any]) -> None:
    file = _cache_file(source, cache_dir) if cache_dir is not None else None
    if file is None:
        return
    try:
        blob = marshal.dumps(data)  # ValueError for TOML dates: such a file is not cached
        file.parent.mkdir(parents=True, exist_ok=True)
        for old in file.parent.glob("playbook-*.marshal"):
            old.unlink(missing_ok=True)  # one playbook in use at a time
        temporary = file.with_suffix(".tmp")
        try:
            temporary.write_bytes(blob)
            os.replace(temporary, file)  # never a half-written cache
        finally:
            temporary.unlink(missing_ok=True)  # a full disk leaves no half-written copy
    except (OSError, ValueError):
        pass  # a cache is an optimisation: a read-only folder just parses each time


def default_playbook_path() -> Path:
    """The bundled playbook: under ``desktop.paths.resources_dir()`` when available."""
    try:
        from desktop import paths
    except ImportError:
        paths = None  # type: ignore[assignment]  # no desktop.paths: the module is optional here
    resources_dir = getattr(paths, "resources_dir", None)
    if callable(resources_dir):
        return Path(resources_dir()) / "playbook" / "playbook.toml"
    return Path(__file__).resolve().parents[2] / "resources" / "playbook" / "playbook.toml"


@functools.cache
def default_playbook(cache_dir: Path | None = None) -> Playbook:
    """The bundled playbook, loaded once per process."""
    return load_playbook(default_playbook_path(), cache_dir)


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
