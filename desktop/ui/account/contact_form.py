"""One person's details: who they are, how to reach them, how they decide, what they need.

A form per contact (kept while the page lives), so that undo always writes to the person the
edit was made on. Simple fields go through a FormBinder; the ranked priorities and the needs
lists through a second FormBinder; both report to the same status bar and undo stack. The
phones, e-mails and addresses are lists of their own (``DetailsEditor``), saved as a whole.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.context import UiContext

from ..binding import FormBinder
from ..formats import date_example
from ..widgets.key_combo import KeyCombo
from ..widgets.key_list import KeyChecklist
from ..widgets.records import IdRemap
from ..widgets.retranslate import Retranslating
from ..widgets.save_status import SaveReporter
from .details_editor import DetailsEditor
from .form_rows import NARROW_LABEL_WIDTH, section, show_starts, text_box


class ContactForm(Retranslating, QWidget):
    def __init__(
        self,
        ctx: UiContext,
        first_id: int,
        remap: IdRemap,
        undo_stack: QUndoStack,
        reporter: SaveReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.first_id = first_id
        self._remap = remap
        contacts = ctx.services.contacts

        def save(values):
            return contacts.update(remap.current(first_id), **values)

        def place() -> str:
            return self.tr("Contact “{name}”").format(name=self.binder.stored("name") or "")

        edit = self.tr("Edit contact")
        self.binder = FormBinder(save, undo_stack, lambda: ctx.lang, self, edit, place)
        self.lists = FormBinder(save, undo_stack, lambda: ctx.lang, self, edit, place)
        reporter.watch(self.binder)
        reporter.watch(self.lists)
        self.fields: dict[str, QWidget] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.person_header, _f, self.person = section(layout, NARROW_LABEL_WIDTH)
        for name in ("name", "alt_name", "title", "department"):
            self._bind(self.person, name, QLineEdit())
        self.reports_to = QComboBox()
        # Sized by the form, not by measuring every name of a large account on first show.
        self.reports_to.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.reports_to.setMinimumContentsLength(16)
        self._bind(self.person, "reports_to_id", self.reports_to)

        self.reach_header, _f, self.reach = section(layout, NARROW_LABEL_WIDTH)
        # Several phones, e-mails and addresses; the contact's phone and e-mail fields follow
        # the preferred ones (services.contact_details), so they are not edited on their own.
        self.details = DetailsEditor(ctx, lambda: self.contact_id)
        self.reach.add("details", self.details)
        for name in ("wechat", "last_contact"):
            self._bind(self.reach, name, QLineEdit())

        self.style_header, _f, self.style_rows = section(layout, NARROW_LABEL_WIDTH)
        self.style_combo = KeyCombo(ctx, "communication_styles")
        self._bind(self.style_rows, "communication_style", self.style_combo)
        self.pitch_tip = QLabel()
        self.pitch_tip.setWordWrap(True)
        self.pitch_tip.setObjectName("tip")
        self.style_rows.form.addRow("", self.pitch_tip)
        self.style_combo.currentIndexChanged.connect(self._show_tip)
        self._bind(self.style_rows, "decision_style", KeyCombo(ctx, "decision_styles"))
        self._bind_list(self.style_rows, "priorities", KeyChecklist(ctx, "priorities", ranked=True))
        self._bind(self.style_rows, "background", text_box())

        self.needs_header, _f, self.needs = section(layout, NARROW_LABEL_WIDTH)
        self._bind_list(self.needs, "business_needs", KeyChecklist(ctx, "business_needs"))
        self._bind_list(self.needs, "personal_needs", KeyChecklist(ctx, "personal_needs"))
        self._bind(self.needs, "needs_notes", text_box())

        self.relation_header, _f, self.relation = section(layout, NARROW_LABEL_WIDTH)
        self._bind(self.relation, "relationship_notes", text_box(90))
        layout.addStretch(1)
        self._retranslate()

    def _bind(self, rows, name: str, widget: QWidget) -> None:
        self.fields[name] = widget
        self.binder.bind(name, widget, rows.add(name, widget))

    def _bind_list(self, rows, name: str, widget: KeyChecklist) -> None:
        self.fields[name] = widget
        self.lists.bind(name, widget, rows.add(name, widget))

    @property
    def contact_id(self) -> int:
        return self._remap.current(self.first_id)

    def load(self, contact, others) -> None:
        """Show ``contact``; ``others`` are the account's people, for the reports-to choice."""
        current = self.reports_to.currentData()
        self.reports_to.blockSignals(True)
        self.reports_to.clear()
        self.reports_to.addItem(self.tr("— nobody (top of the chart)"), None)
        for other in others:
            if other.id != contact.id:
                text = f"{other.name} · {other.title}" if other.title else other.name
                self.reports_to.addItem(text, other.id)
        index = self.reports_to.findData(current)
        self.reports_to.setCurrentIndex(max(index, 0))
        self.reports_to.blockSignals(False)
        self.binder.load(contact, force=False)
        self.lists.load(contact)
        self.details.load(self._ctx.services.contact_details.details(contact.id))
        show_starts(self.fields)
        self._show_tip()

    def flush(self) -> bool:
        return self.binder.flush() and self.lists.flush() and self.details.flush()

    def _show_tip(self, *_args: object) -> None:
        key = self.style_combo.key()
        entry = self._ctx.services.playbook.get("communication_styles", key)
        tip = entry.extra_text("pitch_tip", self._ctx.lang) if entry else None
        self.pitch_tip.setText(tip or "")
        self.pitch_tip.setVisible(bool(tip))

    def _retranslate(self) -> None:
        self.binder.reshow()  # dates in the new language's form
        self.person_header.setText(self.tr("Person"))
        self.reach_header.setText(self.tr("Contact details"))
        self.style_header.setText(self.tr("How they decide"))
        self.needs_header.setText(self.tr("Needs"))
        self.relation_header.setText(self.tr("Relationship"))
        self.person.set_texts(
            {
                "name": self.tr("Name"),
                "alt_name": self.tr("Name in the other language"),
                "title": self.tr("Title"),
                "department": self.tr("Department"),
                "reports_to_id": self.tr("Reports to"),
            }
        )
        self.reach.set_texts(
            {
                "details": self.tr("Phones, e-mails, addresses"),
                "wechat": self.tr("WeChat"),
                "last_contact": self.tr("Last contact"),
            }
        )
        self.style_rows.set_texts(
            {
                "communication_style": self.tr("Communication style"),
                "decision_style": self.tr("Decides"),
                "priorities": self.tr("Cares most about"),
                "background": self.tr("Education and background"),
            }
        )
        self.needs.set_texts(
            {
                "business_needs": self.tr("Business needs"),
                "personal_needs": self.tr("Personal needs"),
                "needs_notes": self.tr("Needs in their words"),
            }
        )
        self.relation.set_texts({"relationship_notes": self.tr("Relationship notes")})
        self.fields["last_contact"].setPlaceholderText(  # type: ignore[attr-defined]  # a QLineEdit
            self.tr("e.g. %1").replace("%1", date_example())
        )
        self.fields["priorities"].setToolTip(
            self.tr("Tick what they care about; drag to rank, most important first.")
        )
        if self.reports_to.count():
            self.reports_to.setItemText(0, self.tr("— nobody (top of the chart)"))
        self._show_tip()
