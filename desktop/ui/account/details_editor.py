"""A person's e-mails, phones and postal addresses on the contact form: several of each.

One group per kind (phones, e-mails, addresses), one row per value: its type (work, mobile,
home, other), the value, whether it is the preferred one of its kind, and a remove button; an
"Add" button under each group. A row saves when the rep leaves its value (or presses Return),
picks a type or a preferred one, or removes it; the whole list goes through
``ContactDetailService.replace()``. A refused value stays in its field with the message under
it; a phone the phone library does not know is saved as typed, with a note under it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.contact_details import KINDS, TYPES, Detail
from desktop.domain.phones import is_known_phone
from desktop.domain.validation import ValidationError
from desktop.ui.context import UiContext

from ..widgets.retranslate import Retranslating


class DetailRow(QWidget):
    """One e-mail, phone or address: type, value, preferred, remove; a message under it."""

    def __init__(self, kind: str, detail: Detail | None, group: QButtonGroup) -> None:
        super().__init__()
        self.kind = kind
        self.uid = detail.uid if detail else ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        self.type_combo = QComboBox()
        for kind_type in TYPES:
            self.type_combo.addItem(kind_type, kind_type)
        default = "mobile" if kind == "phone" else "work"
        self.type_combo.setCurrentIndex(TYPES.index(detail.type if detail else default))
        self.value = QLineEdit(detail.value if detail else "")
        self.preferred = QRadioButton()
        group.addButton(self.preferred)
        self.preferred.setChecked(bool(detail and detail.preferred))
        self.remove = QPushButton()
        line.addWidget(self.type_combo)
        line.addWidget(self.value, 1)
        line.addWidget(self.preferred)
        line.addWidget(self.remove)
        outer.addLayout(line)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)

    def detail(self) -> Detail:
        kind_type = str(self.type_combo.currentData())
        return Detail(self.kind, kind_type, self.value.text(), self.preferred.isChecked(), self.uid)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class DetailsEditor(Retranslating, QWidget):
    """The lists of one person's e-mails, phones and addresses (see the module docstring)."""

    def __init__(self, ctx: UiContext, contact_id: Callable[[], int], parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._contact_id = contact_id
        self._saving = False
        self.rows: dict[str, list[DetailRow]] = {kind: [] for kind in KINDS}
        self._boxes: dict[str, QVBoxLayout] = {}
        self._groups: dict[str, QButtonGroup] = {}
        self.headings: dict[str, QLabel] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for kind in ("phone", "email", "address"):
            heading = QLabel()
            heading.setObjectName("muted")
            box = QVBoxLayout()
            box.setSpacing(2)
            add = QPushButton()
            add.clicked.connect(lambda _=False, k=kind: self.add_row(k))
            line = QHBoxLayout()
            line.addWidget(add)
            line.addStretch(1)
            layout.addWidget(heading)
            layout.addLayout(box)
            layout.addLayout(line)
            group = QButtonGroup(self)
            group.setExclusive(True)
            self.headings[kind], self._boxes[kind], self._groups[kind] = heading, box, group
            self.add_buttons[kind] = add
        self._retranslate()

    # Showing ---------------------------------------------------------------------------------

    def load(self, details: list[Detail]) -> None:
        """Show ``details``, unless a save of this editor is under way or they are shown."""
        if self._saving or details == self.details(with_empty=False):
            return
        if any(r.value.hasFocus() and r.value.isModified() for r in self._all_rows()):
            return  # the rep is typing: the next save shows the stored list
        for kind in KINDS:
            for row in self.rows[kind]:
                self._drop(row)
            self.rows[kind] = []
        for d in details:
            self._append(d.kind, d)
        self._retranslate()

    def details(self, with_empty: bool = True) -> list[Detail]:
        """What the rows hold, kind by kind, in order."""
        out = []
        for kind in KINDS:
            for row in self.rows[kind]:
                if with_empty or row.value.text().strip():
                    out.append(row.detail())
        return out

    def add_row(self, kind: str) -> DetailRow:
        """A new empty row of ``kind`` (saved once a value is typed), with the focus in it."""
        row = self._append(kind, None)
        if len(self.rows[kind]) == 1:
            row.preferred.setChecked(True)
        self._retranslate()
        row.value.setFocus()
        return row

    def _append(self, kind: str, detail: Detail | None) -> DetailRow:
        row = DetailRow(kind, detail, self._groups[kind])
        self.rows[kind].append(row)
        self._boxes[kind].addWidget(row)
        row.show()  # at once, not at the next event loop turn (messages are shown right away)
        row.value.editingFinished.connect(self._value_done)
        row.type_combo.activated.connect(self.save)
        row.preferred.clicked.connect(self.save)  # the rep's click or Space, not setChecked
        row.remove.clicked.connect(lambda _=False, r=row: self.remove_row(r))
        return row

    def remove_row(self, row: DetailRow) -> None:
        kind = row.kind
        index = self.rows[kind].index(row)
        self.rows[kind].remove(row)
        self._drop(row)
        rest = self.rows[kind]
        if rest and not any(r.preferred.isChecked() for r in rest):
            rest[0].preferred.setChecked(True)
        self.save()
        # The keyboard stays in the list: on the row that took its place, else on "Add".
        if rest:
            rest[min(index, len(rest) - 1)].value.setFocus()
        else:
            self.add_buttons[kind].setFocus()
        self._retranslate()

    def _drop(self, row: DetailRow) -> None:
        self._groups[row.kind].removeButton(row.preferred)
        self._boxes[row.kind].removeWidget(row)
        row.hide()
        row.deleteLater()  # may be inside one of its own signals

    def _all_rows(self) -> list[DetailRow]:
        return [row for kind in KINDS for row in self.rows[kind]]

    # Saving ----------------------------------------------------------------------------------

    def flush(self) -> bool:
        """Save a value still being typed (before the window changes view or closes)."""
        if any(r.value.isModified() for r in self._all_rows()):
            return self.save()
        return True

    def _value_done(self) -> None:
        if any(r.value.isModified() for r in self._all_rows()):
            self.save()

    def save(self) -> bool:
        """Store the rows as the person's list; False (messages under the rows) if refused."""
        rows = [r for r in self._all_rows() if r.value.text().strip()]
        for row in self._all_rows():
            row.show_message("")
        self._saving = True
        try:
            stored = self._ctx.services.contact_details.replace(
                self._contact_id(), [r.detail() for r in rows]
            )
        except ValidationError as exc:
            for field, text in exc.by_field(self._ctx.lang).items():
                rows[int(field.rpartition(".")[2])].show_message(text)
            return False
        finally:
            self._saving = False
        for row in self._all_rows():
            row.value.setModified(False)
        if len(stored) == len(rows):  # the usual case: the rows stay, with what was stored
            for row, d in zip(rows, sorted(stored, key=lambda d: KINDS.index(d.kind)), strict=True):
                row.uid = d.uid
                if row.value.text() != d.value:
                    row.value.setText(d.value)  # the tidy form of a phone
                row.preferred.setChecked(d.preferred)
        else:  # a value given twice was dropped: show the list as stored
            self.load(stored)
        self._note_unknown_phones()
        return True

    def _note_unknown_phones(self) -> None:
        note = self.tr("Not a number the phone library knows; kept as typed.")
        for row in self.rows["phone"]:
            text = row.value.text()
            row.show_message("" if is_known_phone(text) else note)

    # Texts -----------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        kind_names = {
            "phone": (self.tr("Phones"), self.tr("Add phone"), self.tr("Phone %1")),
            "email": (self.tr("E-mails"), self.tr("Add e-mail"), self.tr("E-mail %1")),
            "address": (self.tr("Addresses"), self.tr("Add address"), self.tr("Address %1")),
        }
        type_names = {
            "work": self.tr("Work"),
            "mobile": self.tr("Mobile"),
            "home": self.tr("Home"),
            "other": self.tr("Other"),
        }
        for kind, (heading, add, each) in kind_names.items():
            self.headings[kind].setText(heading)
            self.add_buttons[kind].setText(add)
            self.add_buttons[kind].setAccessibleName(add)
            for n, row in enumerate(self.rows[kind], start=1):
                name = each.replace("%1", str(n))
                row.value.setAccessibleName(name)
                row.type_combo.setAccessibleName(self.tr("Type of %1").replace("%1", name))
                for i, kind_type in enumerate(TYPES):
                    row.type_combo.setItemText(i, type_names[kind_type])
                row.preferred.setText(self.tr("Preferred"))
                row.preferred.setAccessibleName(self.tr("%1 is preferred").replace("%1", name))
                row.remove.setText(self.tr("Remove"))
                row.remove.setAccessibleName(self.tr("Remove %1").replace("%1", name))
