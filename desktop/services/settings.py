"""Preferences kept in the data file, because they travel with the rep's data.

The brief needs our company's and the rep's names; a headless export reads them too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.store.models import Setting

from .base import Service
from .events import ChangeKind


@dataclass(frozen=True)
class Preference:
    default: str
    choices: tuple[str, ...] = ()


PREFERENCES: dict[str, Preference] = {
    "language": Preference("system", ("system", "en", "zh")),
    "brief_language": Preference("same", ("same", "en", "zh")),
    "paper_size": Preference("A4", ("A4", "Letter")),
    "company_name": Preference(""),
    "rep_name": Preference(""),
    "demo_offered": Preference("no", ("no", "yes")),
    # The pipeline flags a deal as stalled after this many days without a visit.
    "stall_days": Preference("30"),
}


class SettingsService(Service):
    def all(self) -> dict[str, str]:
        with self.db.read() as s:
            stored = dict(s.execute(select(Setting.key, Setting.value)).all())
        return {k: stored.get(k, p.default) for k, p in PREFERENCES.items()}

    def get(self, key: str) -> str:
        return self.all()[key]

    def set(self, **values: str) -> None:
        for key, value in values.items():
            pref = PREFERENCES.get(key)
            if pref is None:
                raise KeyError(f"unknown preference {key}")
            if pref.choices and value not in pref.choices:
                raise ValueError(f"{key} must be one of {', '.join(pref.choices)}")
            if key == "stall_days" and not (str(value).isdigit() and 0 < int(value) <= 3650):
                raise ValueError("stall_days must be a number of days from 1 to 3650")
        with self.db.write() as s:
            for key, value in values.items():
                s.merge(Setting(key=key, value=str(value).strip()[:500]))
        self.announce(ChangeKind.SETTINGS)


REMEMBERED = "remembered:"  # free-form keys an import remembers (a file shape's column map)


def _remembered_key(name: str) -> str:
    return REMEMBERED + name[:53]  # the key column holds 64 characters


class RememberedValues(Service):
    """Values an import remembers between runs, such as the column map of a file shape; kept
    apart from the preferences, which have fixed names and choices."""

    def recall(self, name: str) -> str | None:
        with self.db.read() as s:
            row = s.get(Setting, _remembered_key(name))
            return row.value if row is not None else None

    def remember(self, name: str, value: str) -> None:
        with self.db.write() as s:
            s.merge(Setting(key=_remembered_key(name), value=value))
