"""Influencers outside the account, on the Decision circle tab (issue 16, item 6).

The decks: an influencer can sit in another company or on our own side. For the chosen deal
the rep adds a person of another company (typed, or found among the contacts of the other
accounts in this file) or a colleague of ours; influencer is their only role, and the circle's
coverage warnings do not count them. Delete removes the selected one.

Every write goes through ``services.outside_influencers``; a refused value is shown in red
under the panel and the fields keep what the rep typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
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


class OutsidePanel(RefusalShowing, Retranslating, QWidget):
    """Lists, adds and removes one deal's outside influencers."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.opportunity_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = SectionHeader()
        layout.addWidget(self.header)
        self.rows = QListWidget()
        self.rows.setMaximumHeight(100)
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
        self.side = QComboBox()
        self.name = QLineEdit()
        self.company = QLineEdit()
        self.add_button = QPushButton()
        for edit in (self.name, self.company):
            edit.returnPressed.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        self.side.currentIndexChanged.connect(self._side_changed)
        grid.addWidget(self.side, 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.company, 0, 2)
        grid.addWidget(self.add_button, 0, 3)
        self.find_person = QLineEdit()
        self.find_person.returnPressed.connect(self.search)
        self.found = QComboBox()
        self.add_found = QPushButton()
        self.add_found.clicked.connect(self.add_contact)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        grid.addWidget(self.find_person, 1, 0, 1, 2)
        grid.addWidget(self.found, 1, 2)
        grid.addWidget(self.add_found, 1, 3)
        grid.addWidget(self.delete_button, 2, 3)
        layout.addLayout(grid)
        self.error = refusal_label()
        layout.addWidget(self.error)
        self._retranslate()

    # Reading -------------------------------------------------------------------------------

    def show_deal(self, opportunity_id: int | None) -> None:
        self.opportunity_id = opportunity_id
        self.setVisible(opportunity_id is not None)
        self.reload()

    def reload(self) -> None:
        self.rows.clear()
        if self.opportunity_id is None:
            return
        ours = self.tr("our side")
        for row in self._ctx.services.outside_influencers.list(self.opportunity_id):
            where = row.where(ours)
            text = f"{row.name} · {where}" if where else row.name
            if row.title:
                text += f" · {row.title}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.rows.addItem(item)
        if self.rows.count():
            self.rows.setCurrentRow(0)

    # Writing -------------------------------------------------------------------------------

    def add_typed(self) -> None:
        opp, side = self.opportunity_id, self.side.currentData()
        name, company = self.name.text(), self.company.text().strip()
        if opp is None:
            return
        if self._write(
            lambda: self._ctx.services.outside_influencers.add(
                opp, side, name, company if side == "other" else ""
            )
        ):
            self.name.clear()
            self.company.clear()

    def search(self) -> None:
        """People of the other accounts whose name matches, for the combo beside it."""
        self.found.clear()
        text = self.find_person.text().strip()
        if not text or self.opportunity_id is None:
            return
        own = self._ctx.services.opportunities.get(self.opportunity_id).account_id
        for hit in self._ctx.services.queries.search(text, limit=30):
            if hit.kind == "contact" and hit.account_id != own:
                self.found.addItem(f"{hit.title} · {hit.subtitle}", hit.id)
        if self.found.count() == 0:
            self.found.addItem(self.tr("Nobody of that name in another account"), None)
        self.found.setFocus()

    def add_contact(self) -> None:
        opp, contact_id = self.opportunity_id, self.found.currentData()
        if opp is None or contact_id is None:
            self._show(self.tr("Find the person by name first, then add them."))
            return
        if self._write(lambda: self._ctx.services.outside_influencers.add_contact(opp, contact_id)):
            self.find_person.clear()
            self.found.clear()

    def delete_selected(self) -> None:
        item = self.rows.currentItem()
        if item is not None:
            ident = item.data(Qt.ItemDataRole.UserRole)
            self._write(lambda: self._ctx.services.outside_influencers.delete(ident))

    def _side_changed(self, _index: int) -> None:
        self.company.setEnabled(self.side.currentData() == "other")  # a colleague is ours

    # Language ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.header.setText(self.tr("Influencers outside the account"))
        self.rows.setAccessibleName(self.tr("Influencers outside the account"))
        side = self.side.currentData()
        self.side.clear()
        self.side.addItem(self.tr("Another company"), "other")
        self.side.addItem(self.tr("Our side (a colleague)"), "ours")
        self.side.setCurrentIndex(max(0, self.side.findData(side)))
        self.side.setAccessibleName(self.tr("Where the influencer sits"))
        edits = (
            (self.name, self.tr("Influencer's name"), self.tr("Name, then Enter")),
            (self.company, self.tr("Influencer's company"), self.tr("Company")),
            (
                self.find_person,
                self.tr("Find a person in another account"),
                self.tr("Find a person in another account"),
            ),
        )
        for edit, name, hint in edits:
            edit.setAccessibleName(name)
            edit.setPlaceholderText(hint)
        self.found.setAccessibleName(self.tr("People found"))
        buttons = (
            (self.add_button, self.tr("Add"), self.tr("Add this influencer")),
            (self.add_found, self.tr("Add"), self.tr("Add the person found as influencer")),
            (self.delete_button, self.tr("Remove"), self.tr("Remove the selected influencer")),
        )
        for button, text, name in buttons:
            button.setText(text)
            button.setAccessibleName(name)
        if self.opportunity_id is not None:
            self.reload()
