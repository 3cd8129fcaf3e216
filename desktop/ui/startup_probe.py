"""A measuring hook for the start-up benchmark: report the first paint, then quit.

With ``CALLBRIEF_STARTUP_PROBE=1`` the window, once it has painted for the first time, prints
one JSON line (which heavy modules were imported by then) and ends the process. With
``CALLBRIEF_STARTUP_PROBE=ready`` it waits until the data file is open and the window has
painted again with everything attached. If the benchmark puts its launch time (``time.time()``)
in ``CALLBRIEF_STARTUP_T0``, the line carries the milliseconds from launch to each moment.

The process ends with ``os._exit`` at once: tearing down Qt, or waiting for the worker that is
still opening the file, is not part of what is measured.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from desktop.ui.context import UiContext

ENV = "CALLBRIEF_STARTUP_PROBE"
T0_ENV = "CALLBRIEF_STARTUP_T0"
WATCHED = ("reportlab", "alembic", "openpyxl", "jsonschema", "sqlalchemy")


def _since_launch() -> float | None:
    t0 = os.environ.get(T0_ENV)
    return (time.time() - float(t0)) * 1000 if t0 else None


class _Probe(QObject):
    def __init__(self, window: QWidget, ctx: UiContext) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._report: dict[str, Any] = {}
        self._wait_ready = os.environ.get(ENV) == "ready"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.Paint:
            return False
        if "first_paint_ms" not in self._report:
            self._report["first_paint"] = True
            self._report["first_paint_ms"] = _since_launch()
            self._report["loaded"] = {name: name in sys.modules for name in WATCHED}
        if self._wait_ready and not self._ctx.ready:
            return False
        if self._wait_ready:
            self._report["ready_ms"] = _since_launch()
        print(json.dumps(self._report), flush=True)
        os._exit(0)


def watch(window: QWidget, ctx: UiContext) -> None:
    probe = _Probe(window, ctx)
    window.installEventFilter(probe)
    # Once attached, paint again so "ready" is the moment the rep sees the complete window.
    ctx.hub.ready.connect(window.update)
