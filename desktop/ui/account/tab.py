"""What every tab of the account page shares: its place, its page, its guidance and its upkeep.

Each tab (Profile, Decision circle, Opportunities, Visits) shows one account, lays its page
out with the same margins, shows a muted line of guidance while it has nothing to show, redraws
itself when the services announce a change to its account (``listen``: each tab decides in
``_data_changed`` which changes concern it), and sets its texts again, then re-reads its data,
when the interface language changes (playbook labels are read in the language of the moment).
``AccountTab`` holds that once; the tabs keep only what is theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .opportunity_picker import OpportunityPicker

PAGE_MARGINS = (20, 10, 20, 10)  # left, top, right, bottom: the same edge on every tab
PAGE_SPACING = 8


class AccountTab(QWidget):
    """The base of the account page's tabs; a tab overrides ``reload`` and ``_retranslate``.

    ``RELOAD_ON_LANGUAGE``: a tab whose data shows playbook labels re-reads it after a language
    change; one whose fields translate themselves (the profile's combos) only retranslates.
    """

    RELOAD_ON_LANGUAGE = True

    def __init__(
        self,
        ctx,
        account_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.account_id = account_id

    # Building ------------------------------------------------------------------------------

    def page_layout(self, horizontal: bool = False) -> QBoxLayout:
        """The tab's own layout, with the page's margins."""
        layout: QBoxLayout = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        if not horizontal:
            layout.setSpacing(PAGE_SPACING)
        return layout

    @staticmethod
    def guidance(centred: bool = False) -> QLabel:
        """A muted, wrapping line that says what to do while the tab has nothing to show."""
        label = QLabel()
        label.setObjectName("muted")
        label.setWordWrap(True)
        if centred:
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def deal_picker(self, chosen: int | None) -> tuple[QLabel, OpportunityPicker]:
        """The "Opportunity:" label and the picker of the account's deals it names."""
        label = QLabel()
        picker = OpportunityPicker(self._ctx, self.account_id, chosen=chosen)
        label.setBuddy(picker)
        return label, picker

    def listen(self) -> None:
        """Redraw on the changes the services announce (after commit); ``_data_changed`` picks."""
        self._ctx.hub.changed.connect(self._data_changed)

    # What a tab provides -------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the tab's data from the services."""

    def flush(self) -> bool:
        """Save what is typed and not yet saved; False when something was refused."""
        return True

    def _data_changed(self, change) -> None:
        """React to one announced change (a tab that listens overrides this)."""

    def _retranslate(self) -> None:
        """Set every visible text in the interface language."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.RELOAD_ON_LANGUAGE:
                self.reload()
        super().changeEvent(event)
