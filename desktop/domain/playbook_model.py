"""The playbook's data: groups of bilingual entries, and the names every playbook defines.

``Text`` is one text in both interface languages; ``Entry`` is one item of a group (a stable
key, a label and further fields); ``Playbook`` is a loaded, validated file. The constants name
the groups every playbook must define, the ones it may define and the fixed field names inside
an entry, which the parser (``playbook_parser``) checks. Pure standard library.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

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
    "coach_ladder",
    "coach_seniority",
    "trust_methods",
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
