"""Timing helpers and the result record every benchmark returns."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Result:
    """One figure at one dataset size."""

    name: str
    size: str  # S / M / L, or "-" where the size does not apply
    samples_ms: list[float]
    target_ms: float | None = None  # compared with p95 unless ``on_median``
    on_median: bool = False
    unit: str = "ms"
    floor_ms: float | None = None  # the same run's baseline, where one exists
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def judged(self) -> float:
        return self.median if self.on_median else self.p95

    def met(self) -> bool | None:
        return None if self.target_ms is None else self.judged <= self.target_ms


def time_calls(fn: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    """Milliseconds per call of ``fn``, after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples
