"""The referrals of a handed-over deal, "1+2" (issue 16, item 10).

Shown from stage E (handover): the decks ask each satisfied customer to introduce two more. The
rep types whom they would introduce (Enter adds the ask), and once the new company is a
customer links the ask to its account: a new account made from the ask, or one found by name.
Open asks are offered to the next visit's objective and printed on its brief.

Every write goes through ``services.referrals``; a refused value is shown in red under the
panel and the field keeps what the rep typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..widgets.refusal import RefusalShowing, refusal_label
from ..widgets.retranslate import Retranslating
from ..widgets.section import SectionHeader


class ReferralPanel(RefusalShowing, Retranslating, QWidget):
    """Asks, links and removes one deal's referrals through the referral service."""

    def __init__(self, ctx, opportunity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.opportunity_id = opportunity_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = SectionHeader()
        layout.addWidget(self.header)
        self.guide = QLabel()
        self.guide.setObjectName("muted")
        self.guide.setWordWrap(True)
        layout.addWidget(self.guide)
        self.rows = QListWidget()
        self.rows.setMaximumHeight(90)
        # A referral's or influencer's line holds a name and a note: wrap it rather than hide
        # its end behind a sideways scroll bar.
        self.rows.setWordWrap(True)
        self.rows.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows.setResizeMode(QListWidget.ResizeMode.Adjust)
        layout.addWidget(self.rows)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.rows)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.delete_selected)

        grid = QGridLayout()
        self.name = QLineEdit()
        self.name.returnPressed.connect(self.ask)
        self.note = QLineEdit()
        self.note.returnPressed.connect(self.ask)
        self.ask_button = QPushButton()
        self.ask_button.clicked.connect(self.ask)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.note, 0, 1)
        grid.addWidget(self.ask_button, 0, 2)
        self.find_account = QLineEdit()
        self.find_account.returnPressed.connect(self.search)
        self.found = QComboBox()
        self.link_button = QPushButton()
        self.link_button.clicked.connect(self.link_found)
        grid.addWidget(self.find_account, 1, 0)
        grid.addWidget(self.found, 1, 1)
        grid.addWidget(self.link_button, 1, 2)
        self.new_account = QPushButton()
        self.new_account.clicked.connect(self.link_new_account)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        grid.addWidget(self.new_account, 2, 0, 1, 2)
        grid.addWidget(self.delete_button, 2, 2)
        layout.addLayout(grid)
        self.error = refusal_label()
        layout.addWidget(self.error)
        self._retranslate()

    # Reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        slots = self._ctx.services.referrals.slots(self.opportunity_id)
        self.slots = slots
        self.setVisible(slots.applies or bool(slots.rows))
        current = self._selected_id()
        self.rows.clear()
        for row in slots.rows:
            if row.received:
                text = self.tr("{name}: received, brought {account}").format(
                    name=row.ask_text(), account=row.account_name or row.name
                )
            else:
                text = self.tr("{name}: asked, still open").format(name=row.ask_text())
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.rows.addItem(item)
            if row.id == current:
                self.rows.setCurrentItem(item)
        if self.rows.currentItem() is None and self.rows.count():
            self.rows.setCurrentRow(0)
        free = slots.free_slots
        self.ask_button.setEnabled(free > 0)
        self.name.setEnabled(free > 0)
        self.note.setEnabled(free > 0)
        self.guide.setText(
            self.tr(
                "“1+2”: a satisfied customer introduces two more. {free} of 2 slots free."
            ).format(free=free)
        )

    def _selected_id(self) -> int | None:
        item = self.rows.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # Writing -------------------------------------------------------------------------------

    def ask(self) -> None:
        name, note = self.name.text(), self.note.text()
        if self._write(
            lambda: self._ctx.services.referrals.ask(self.opportunity_id, name, note.strip())
        ):
            self.name.clear()
            self.note.clear()

    def search(self) -> None:
        """The accounts whose name matches what was typed, for the combo beside it."""
        self.found.clear()
        text = self.find_account.text().strip()
        if not text:
            return
        own = self._ctx.services.opportunities.get(self.opportunity_id).account_id
        for hit in self._ctx.services.queries.search(text, limit=30):
            if hit.kind == "account" and hit.id != own:
                self.found.addItem(hit.title, hit.id)
        if self.found.count() == 0:
            self.found.addItem(self.tr("No account of that name"), None)
        self.found.setFocus()

    def link_found(self) -> None:
        referral_id, account_id = self._selected_id(), self.found.currentData()
        if referral_id is None or account_id is None:
            self._show(self.tr("Select a referral above and find the account it brought."))
            return
        self._write(lambda: self._ctx.services.referrals.link(referral_id, account_id))

    def link_new_account(self) -> None:
        """The referred company becomes an account of its own, named as the ask, and linked."""
        referral_id = self._selected_id()
        row = next((r for r in self.slots.rows if r.id == referral_id), None)
        if row is None or row.received:
            self._show(self.tr("Select an open referral above."))
            return

        def create_and_link() -> None:
            account = self._ctx.services.accounts.create(name=row.name)
            self._ctx.services.referrals.link(row.id, account.id)

        self._write(create_and_link)

    def delete_selected(self) -> None:
        referral_id = self._selected_id()
        if referral_id is not None:
            self._write(lambda: self._ctx.services.referrals.delete(referral_id))

    # Language ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.header.setText(self.tr("Referrals (1+2)"))
        self.rows.setAccessibleName(self.tr("Referrals asked"))
        names = (
            (self.name, self.tr("Who they would introduce"), self.tr("Company or person")),
            (self.note, self.tr("Referral note"), self.tr("Note, then Enter")),
            (
                self.find_account,
                self.tr("Find the account it brought"),
                self.tr("Name, then Enter"),
            ),
        )
        for edit, name, hint in names:
            edit.setAccessibleName(name)
            edit.setPlaceholderText(hint)
        self.found.setAccessibleName(self.tr("Accounts found"))
        buttons = (
            (self.ask_button, self.tr("Ask"), self.tr("Ask for this referral")),
            (
                self.link_button,
                self.tr("Link"),
                self.tr("Link the selected referral to the account found"),
            ),
            (
                self.new_account,
                self.tr("New account from the selected referral"),
                self.tr("New account from the selected referral"),
            ),
            (self.delete_button, self.tr("Remove"), self.tr("Remove the selected referral")),
        )
        for button, text, name in buttons:
            button.setText(text)
            button.setAccessibleName(name)
        if hasattr(self, "slots"):
            self.reload()
