"""Each funnel stage's tasks and exit criteria (METHODOLOGY.md §9), read from the playbook.

Every ``[[funnel_stages]]`` entry of the playbook lists its ``tasks``: a stable key, the label in
both languages and ``exit = true`` when the task is one of the stage's exit criteria. A deal's
progress is the set of task keys the rep ticked; when every exit criterion of the current stage is
ticked, the next stage is proposed (the rep confirms). Winning a visit's best commitment no longer
moves a deal on by itself: the decks teach a stage's work, not a commitment, as the way through.

Pure standard library: no Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .playbook import Entry, Playbook, PlaybookError, Text


@dataclass(frozen=True)
class StageTask:
    """One task of a funnel stage."""

    key: str
    stage: str
    label: Text
    exit: bool  # one of the stage's exit criteria

    def text(self, lang: str) -> str:
        return self.label.get(lang)


@dataclass(frozen=True)
class StageProgress:
    """Where a deal stands in its current stage's work."""

    stage: str
    tasks: tuple[StageTask, ...]
    done: frozenset[str]
    next_stage: str | None  # the stage after this one; None at the last stage

    @property
    def open(self) -> tuple[StageTask, ...]:
        return tuple(t for t in self.tasks if t.key not in self.done)

    @property
    def done_count(self) -> int:
        return sum(1 for t in self.tasks if t.key in self.done)

    @property
    def exit_open(self) -> tuple[StageTask, ...]:
        """The exit criteria still to meet."""
        return tuple(t for t in self.tasks if t.exit and t.key not in self.done)

    @property
    def exit_met(self) -> bool:
        return bool(self.tasks) and not self.exit_open

    @property
    def proposed(self) -> str | None:
        """The next stage, when every exit criterion is met; else None."""
        return self.next_stage if self.exit_met else None


def stage_tasks(playbook: Playbook, stage: str) -> tuple[StageTask, ...]:
    """The tasks of ``stage`` in playbook order; empty for an unknown stage or none listed."""
    entry = playbook.get("funnel_stages", stage)
    return _tasks(entry) if entry is not None else ()


def all_tasks(playbook: Playbook) -> dict[str, StageTask]:
    """Every stage's tasks by key; raises PlaybookError when a key is used twice."""
    found: dict[str, StageTask] = {}
    for entry in playbook.funnel_stages:
        for task in _tasks(entry):
            if task.key in found:
                raise PlaybookError(
                    playbook.source,
                    f"funnel_stages.{entry.key}.tasks",
                    f"task key {task.key!r} is already used by stage {found[task.key].stage}",
                )
            found[task.key] = task
    return found


def progress(playbook: Playbook, stage: str, done: Iterable[str]) -> StageProgress:
    """The deal's progress through ``stage``'s tasks, given the task keys ticked."""
    keys = list(playbook.keys("funnel_stages"))
    after = keys[keys.index(stage) + 1] if stage in keys and stage != keys[-1] else None
    return StageProgress(stage, stage_tasks(playbook, stage), frozenset(done), after)


def _tasks(entry: Entry) -> tuple[StageTask, ...]:
    value = entry.extras.get("tasks")
    if not isinstance(value, tuple):
        return ()
    out = []
    for item in value:
        if isinstance(item, Entry):
            out.append(StageTask(item.key, entry.key, item.label, item.extras.get("exit") is True))
    return tuple(out)
