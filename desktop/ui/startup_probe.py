"""A measuring hook for the start-up benchmark: quit right after the first paint.

With ``CALLBRIEF_STARTUP_PROBE=1`` in the environment the window, once it has painted for the
first time, prints one JSON line (which heavy modules were imported by then) and quits. The
benchmark times the whole process against a bare PySide6 window doing the same.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "CALLBRIEF_STARTUP_PROBE"
WATCHED = ("reportlab", "alembic", "openpyxl", "jsonschema")


def enabled() -> bool:
    return os.environ.get(ENV) == "1"


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Paint:
            watched.removeEventFilter(self)
            loaded = {name: name in sys.modules for name in WATCHED}
            print(json.dumps({"first_paint": True, "loaded": loaded}), flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def watch(window: QWidget) -> None:
    probe = _FirstPaint(window)
    window.installEventFilter(probe)
