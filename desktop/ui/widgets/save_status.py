"""One place every form reports to, so the status bar can say "All changes saved" or why not."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SaveReporter(QObject):
    saved = Signal()
    failed = Signal(str)

    def watch(self, binder: QObject) -> None:
        """Follow a FormBinder (anything with ``saved``/``failed`` signals)."""
        binder.saved.connect(lambda *_: self.saved.emit())  # type: ignore[attr-defined]
        binder.failed.connect(self.failed.emit)  # type: ignore[attr-defined]
