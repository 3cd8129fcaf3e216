"""Reporting lines: who reports to whom, and refusing loops."""

from __future__ import annotations

from collections.abc import Mapping


def would_create_cycle(manager_of: Mapping[int, int | None], person: int, new_manager: int) -> bool:
    """True if making ``new_manager`` the manager of ``person`` closes a loop."""
    seen: set[int] = set()
    current: int | None = new_manager
    while current is not None and current not in seen:
        if current == person:
            return True
        seen.add(current)
        current = manager_of.get(current)
    return False


def depth(manager_of: Mapping[int, int | None], person: int) -> int:
    """1 for someone with no manager, 2 for their reports, and so on."""
    level, current, seen = 1, manager_of.get(person), {person}
    while current is not None and current not in seen:
        seen.add(current)
        level += 1
        current = manager_of.get(current)
    return level
