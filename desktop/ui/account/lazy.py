"""A placeholder that builds its widget the first time it is needed.

The account page has four tabs and the decision circle two views; a rep opening an account
looks at one or two of them. Building only what is shown keeps opening an account fast; the
rest is built when first needed, with the data and the interface language of that moment.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazySlot(QWidget):
    """Holds the place of a widget (a tab, a view) and makes it on the first ``widget()``."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory: Callable[[], QWidget] | None = factory
        self._widget: QWidget | None = None
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

    @property
    def is_built(self) -> bool:
        return self._widget is not None

    def built_widget(self) -> QWidget | None:
        """The widget if it has been made, without making it."""
        return self._widget

    def widget(self) -> QWidget:
        if self._widget is None:
            assert self._factory is not None
            factory, self._factory = self._factory, None  # a factory that asks again: no loop
            widget = factory()
            self._widget = widget
            self._layout.addWidget(widget)
            # A layout shows a child added to a visible parent only later, from the event loop;
            # the slot may be painted before that, so show it now.
            widget.show()
        return self._widget
