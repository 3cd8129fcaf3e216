"""One place every form reports to, so the status bar can say "All changes saved" or why not.

The reporter also remembers the forms it follows, so whoever words the status bar can ask what
is still not saved (``unsaved()``) instead of trusting the last signal: a save in one field
must not announce "All changes saved" while another field holds a refused value.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from shiboken6 import Shiboken


class SaveReporter(QObject):
    saved = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._binders: list[QObject] = []

    def watch(self, binder: QObject) -> None:
        """Follow a FormBinder (anything with ``saved``/``failed`` signals)."""
        self._binders.append(binder)
        binder.destroyed.connect(lambda *_, b=binder: self._forget(b))
        binder.saved.connect(lambda *_: self.saved.emit())  # type: ignore[attr-defined]  # a FormBinder
        binder.failed.connect(self.failed.emit)  # type: ignore[attr-defined]  # a FormBinder

    def _forget(self, binder: QObject) -> None:
        self._binders = [b for b in self._binders if b is not binder]

    def unsaved(self, others: Iterable[QObject] = ()) -> list[str]:
        """Every refused value still on screen: "where: why", in the rep's language; from the
        forms followed and from ``others`` (forms that do not report, such as a visit plan's)."""
        lines: list[str] = []
        for binder in dict.fromkeys([*self._binders, *others]):
            problems = getattr(binder, "problems", None)
            if problems is None or not Shiboken.isValid(binder):  # gone, not yet forgotten
                continue
            place = binder.place()  # type: ignore[attr-defined]  # has problems(), so place() too
            for problem in problems():
                lines.append(
                    self.tr("{place}: {problem}").format(place=place, problem=problem)
                    if place
                    else problem
                )
        return lines
