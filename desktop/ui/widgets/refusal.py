"""The red line under a small panel that writes through a service: a refused value is shown
there in the rep's language, and a write that went through hides it and reloads the panel.

Shared by the deal's negotiation card, referral slots and outside influencers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel

from desktop.domain.validation import ValidationError


def refusal_label() -> QLabel:
    """A hidden, wrapping, red label for the panel's layout."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label


class RefusalShowing:
    """Mixin: ``self.error`` is a ``refusal_label()``; ``self._ctx`` the UI context; the panel
    defines ``reload()``."""

    error: QLabel
    _ctx: Any

    def reload(self) -> None:
        raise NotImplementedError

    def _write(self, call: Callable[[], object]) -> bool:
        """Run a service call; a refusal is shown under the panel instead of raised."""
        try:
            call()
        except ValidationError as exc:
            self._show(exc.text(self._ctx.lang))
            return False
        self.error.hide()
        self.reload()
        return True

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error.show()
