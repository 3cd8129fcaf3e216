"""The negotiation card of a deal, stage C onward (issue 16, item 4).

The phase (导入 / 交锋 / 妥协 / 协议, playbook ``negotiation_phases``), the concessions given and
received, the payment terms, the walk-away line, the competitors' moves and our countermeasure.
Hidden before stage C: the decks negotiate only once the proposal is on the table.

Every write goes through ``services.negotiation``; a refused value is shown in red under the
card and the field keeps what the rep typed, so nothing is lost. Fields with the keyboard focus
are never overwritten by a reload.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
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

TEXT_FIELDS = ("payment_terms", "walk_away", "competitor_moves", "countermeasure")
DIRECTIONS = ("given", "received")


class NegotiationCard(RefusalShowing, Retranslating, QWidget):
    """Edits one deal's negotiation card through the negotiation service."""

    def __init__(self, ctx, opportunity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.opportunity_id = opportunity_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = SectionHeader()
        layout.addWidget(self.header)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        self.phase = QComboBox()
        self.phase.activated.connect(lambda _i: self._save("negotiation_phase"))
        self._row(form, "negotiation_phase", self.phase)
        self.texts: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.editingFinished.connect(lambda n=name: self._save(n))
            self.texts[name] = edit
            self._row(form, name, edit)
        layout.addLayout(form)

        grid = QGridLayout()
        self.list_labels: dict[str, QLabel] = {}
        self.lists: dict[str, QListWidget] = {}
        self.new_texts: dict[str, QLineEdit] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        self.delete_buttons: dict[str, QPushButton] = {}
        for column, direction in enumerate(DIRECTIONS):
            label = QLabel()
            label.setStyleSheet("font-weight: 600;")
            items = QListWidget()
            items.setMaximumHeight(90)
            label.setBuddy(items)
            new = QLineEdit()
            new.returnPressed.connect(lambda d=direction: self.add_concession(d))
            add = QPushButton()
            add.clicked.connect(lambda _c=False, d=direction: self.add_concession(d))
            delete = QPushButton()
            delete.clicked.connect(lambda _c=False, d=direction: self.delete_concession(d))
            shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), items)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda d=direction: self.delete_concession(d))
            grid.addWidget(label, 0, 2 * column, 1, 2)
            grid.addWidget(items, 1, 2 * column, 1, 2)
            grid.addWidget(new, 2, 2 * column, 1, 2)
            grid.addWidget(add, 3, 2 * column)
            grid.addWidget(delete, 3, 2 * column + 1)
            self.list_labels[direction] = label
            self.lists[direction] = items
            self.new_texts[direction] = new
            self.add_buttons[direction] = add
            self.delete_buttons[direction] = delete
        layout.addLayout(grid)
        self.error = refusal_label()
        layout.addWidget(self.error)
        self._retranslate()
        # reload() shows or hides the card, so the form calls it once the card has a parent.

    def _row(self, form: QFormLayout, name: str, widget: QWidget) -> None:
        label = QLabel()
        label.setBuddy(widget)
        self.labels[name] = label
        form.addRow(label, widget)

    # Reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        card = self._ctx.services.negotiation.card(self.opportunity_id)
        self.card = card
        self.setVisible(card.applies)
        self.phase.setCurrentIndex(max(0, self.phase.findData(card.phase)))
        for name, edit in self.texts.items():
            if not edit.hasFocus():
                edit.setText(getattr(card, name))
        for direction, rows in (("given", card.given()), ("received", card.received())):
            items = self.lists[direction]
            items.clear()
            for row in rows:
                item = QListWidgetItem(row.text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                items.addItem(item)

    # Writing -------------------------------------------------------------------------------

    def _save(self, name: str) -> None:
        if name == "negotiation_phase":
            value = self.phase.currentData()
            if value == self.card.phase:
                return
        else:
            value = self.texts[name].text().strip()
            if value == getattr(self.card, name):
                return
        self._write(
            lambda: self._ctx.services.negotiation.update(self.opportunity_id, **{name: value})
        )

    def add_concession(self, direction: str) -> None:
        new = self.new_texts[direction]
        text = new.text()
        if self._write(
            lambda: self._ctx.services.negotiation.add_concession(
                self.opportunity_id, direction, text
            )
        ):
            new.clear()

    def delete_concession(self, direction: str) -> None:
        item = self.lists[direction].currentItem()
        if item is None:
            return
        concession_id = item.data(Qt.ItemDataRole.UserRole)
        self._write(lambda: self._ctx.services.negotiation.delete_concession(concession_id))

    # Language ------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        lang = self._ctx.lang
        self.header.setText(self.tr("Negotiation"))
        names = {
            "negotiation_phase": self.tr("Phase"),
            "payment_terms": self.tr("Payment terms"),
            "walk_away": self.tr("Walk-away line"),
            "competitor_moves": self.tr("Competitor moves"),
            "countermeasure": self.tr("Our countermeasure"),
        }
        for name, text in names.items():
            self.labels[name].setText(text)
            widget = self.phase if name == "negotiation_phase" else self.texts[name]
            widget.setAccessibleName(text)
        self.texts["payment_terms"].setPlaceholderText(
            self.tr("e.g. full payment; or 20 % at signing, the rest within 3 days")
        )
        current = self.phase.currentData()
        self.phase.clear()
        self.phase.addItem(self.tr("Not started"), None)
        for entry in self._ctx.services.playbook.group("negotiation_phases"):
            self.phase.addItem(entry.text(lang), entry.key)
        self.phase.setCurrentIndex(max(0, self.phase.findData(current)))
        titles = {
            "given": self.tr("Concessions we gave"),
            "received": self.tr("Concessions we received"),
        }
        for direction, title in titles.items():
            self.list_labels[direction].setText(title)
            self.lists[direction].setAccessibleName(title)
            self.new_texts[direction].setAccessibleName(
                self.tr("New concession: {list}").format(list=title)
            )
            self.new_texts[direction].setPlaceholderText(self.tr("Type one and press Enter"))
            self.add_buttons[direction].setText(self.tr("Add"))
            self.add_buttons[direction].setAccessibleName(
                self.tr("Add to: {list}").format(list=title)
            )
            self.delete_buttons[direction].setText(self.tr("Remove"))
            self.delete_buttons[direction].setAccessibleName(
                self.tr("Remove the selected one from: {list}").format(list=title)
            )
