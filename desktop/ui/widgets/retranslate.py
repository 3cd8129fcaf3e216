"""Re-running a widget's ``_retranslate()`` when the interface language changes.

Qt sends every widget a LanguageChange event after a translator is installed or removed
(Preferences → Language applies at once). Widgets whose texts are all set in ``_retranslate``
list this mixin first among their bases instead of each writing the same ``changeEvent``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()  # type: ignore[attr-defined]  # each user of the mixin defines it
        super().changeEvent(event)  # type: ignore[misc]  # the QWidget after this mixin
