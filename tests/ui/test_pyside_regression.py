"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 under Python 3.11 dropped one reference to ``True`` per ``Signal.emit()``; after a
few hundred emits (a few minutes of autosaving) the interpreter aborted. pyproject.toml keeps
that release out; this test fails if an upgrade brings such a bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    with_value = Signal(object)
    bare = Signal()


def test_emitting_signals_keeps_reference_counts(qapp):
    emitter = Emitter()
    emitter.with_value.connect(lambda value: None)
    emitter.bare.connect(lambda: None)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for _ in range(300):
        emitter.with_value.emit(1)
        emitter.bare.emit()
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert all(a >= b - 5 for a, b in zip(after, before, strict=True)), (before, after)
