"""Work around a PySide6 bug: ``Signal.emit()`` from Python drops a reference to ``True``.

Seen with PySide6 6.12.0: every ``emit()`` returns ``True`` without owning the reference it
hands back, so the interpreter's count on the ``True`` object falls by one per emit. A process
starts with only a few hundred references; once they run out Python aborts ("bool_dealloc:
deallocating True or False"). A window emits signals on every keystroke save, so without this
the app would crash within minutes. We keep a large, topped-up reserve of references to
``True`` — harmless on fixed versions, where ``install`` detects no leak and does nothing.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal

LOW_WATER = 2_000_000
CHUNK = 4_000_000
CHECK_MS = 2_000

_reserve: list[list[bool]] = []
_timer: list[QTimer] = []


class _Probe(QObject):
    ping = Signal()


def leaks() -> bool:
    """True when this PySide6 loses a reference to True on each emit."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(20):
        probe.ping.emit()
    leaked = sys.getrefcount(True) < before - 10
    if leaked:
        _reserve.append([True] * 20)  # give back what the probe took
    return leaked


def top_up() -> None:
    if sys.getrefcount(True) < LOW_WATER:
        _reserve.append([True] * CHUNK)


def install(parent: QObject | None = None) -> bool:
    """Start keeping the reserve (once per process); False when the bug is not present."""
    if _timer:
        top_up()
        return True
    if not leaks():
        return False
    top_up()
    timer = QTimer(parent)
    timer.setInterval(CHECK_MS)
    timer.timeout.connect(top_up)
    timer.start()
    _timer.append(timer)
    return True
