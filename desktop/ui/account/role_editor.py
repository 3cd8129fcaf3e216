"""A contact's part in one opportunity's decision: roles, attitude, influence, notes.

Bound with a FormBinder whose save merges the ticked roles into the stored list, so that undo
of one box restores exactly that box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.playbook import ROLE_KEYS
from desktop.ui.context import UiContext

from ..binding import FormBinder
from ..widgets.key_combo import KeyCombo
from ..widgets.records import IdRemap
from ..widgets.retranslate import Retranslating
from ..widgets.save_status import SaveReporter
from .form_rows import NARROW_LABEL_WIDTH, section, text_box


class RoleView:
    """A buying role (or none yet) as the editor's fields read it."""

    def __init__(self, role: Any | None) -> None:
        roles = set(role.roles or []) if role is not None else set()
        for key in ROLE_KEYS:
            setattr(self, f"role_{key}", key in roles)
        self.roles = [k for k in ROLE_KEYS if k in roles]
        self.attitude = role.attitude if role is not None else "unknown"
        self.influence = role.influence if role is not None else None
        self.notes = role.notes if role is not None else ""


def find_role(ctx: UiContext, opportunity_id: int, contact_id: int):
    return ctx.services.opportunities.role(opportunity_id, contact_id)


class RoleEditor(Retranslating, QWidget):
    def __init__(
        self,
        ctx: UiContext,
        opportunity_id: int,
        first_contact_id: int,
        remap: IdRemap,
        undo_stack: QUndoStack,
        reporter: SaveReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.opportunity_id = opportunity_id
        self.first_contact_id = first_contact_id
        self._remap = remap
        self.binder = FormBinder(
            self._save, undo_stack, lambda: ctx.lang, self, self.tr("Edit role")
        )
        reporter.watch(self.binder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.header, _form, self.rows = section(layout, NARROW_LABEL_WIDTH)
        boxes = QWidget()
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(16)
        self.role_boxes: dict[str, QCheckBox] = {}
        for index, key in enumerate(ROLE_KEYS):
            box = QCheckBox()
            self.role_boxes[key] = box
            grid.addWidget(box, index // 2, index % 2)
        error = self.rows.add("roles", boxes)
        for key, box in self.role_boxes.items():
            self.binder.bind(f"role_{key}", box, error)
        self.attitude = KeyCombo(ctx, "attitudes", allow_none=False)
        self.binder.bind("attitude", self.attitude, self.rows.add("attitude", self.attitude))
        self.influence = KeyCombo(ctx, "influence_levels")
        self.binder.bind("influence", self.influence, self.rows.add("influence", self.influence))
        self.notes = text_box(52)
        self.binder.bind("notes", self.notes, self.rows.add("notes", self.notes))
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setObjectName("tip")
        self.rows.form.addRow("", self.advice)
        self._retranslate()

    @property
    def contact_id(self) -> int:
        return self._remap.current(self.first_contact_id)

    def _save(self, values: dict[str, Any]) -> RoleView:
        contact_id = self.contact_id
        current = RoleView(find_role(self._ctx, self.opportunity_id, contact_id))
        ticked = {k for k in ROLE_KEYS if values.get(f"role_{k}", getattr(current, f"role_{k}"))}
        payload: dict[str, Any] = {"roles": [k for k in ROLE_KEYS if k in ticked]}
        for name in ("attitude", "influence", "notes"):
            if name in values:
                payload[name] = values[name]
        role = self._ctx.services.opportunities.set_role(self.opportunity_id, contact_id, **payload)
        view = RoleView(role)
        self._show_advice(view)
        return view

    def load(self) -> None:
        view = RoleView(find_role(self._ctx, self.opportunity_id, self.contact_id))
        self.binder.load(view)
        self._show_advice(view)

    def flush(self) -> bool:
        return self.binder.flush()

    def _show_advice(self, view: RoleView) -> None:
        """The playbook's advice for the first role ticked: what to do with this person."""
        playbook, lang = self._ctx.services.playbook, self._ctx.lang
        tips = [playbook.entry("roles", k).extra_text("advice", lang) or "" for k in view.roles]
        self.advice.setText(tips[0] if tips else "")
        self.advice.setVisible(bool(tips and tips[0]))

    def set_title(self, opportunity_name: str) -> None:
        self._opportunity_name = opportunity_name
        self.header.setText(self.tr("Role in “{name}”").format(name=opportunity_name))

    def _retranslate(self) -> None:
        playbook, lang = self._ctx.services.playbook, self._ctx.lang
        for key, box in self.role_boxes.items():
            entry = playbook.entry("roles", key)
            box.setText(entry.text(lang))
            box.setToolTip(entry.description_text(lang))
        self.rows.set_texts(
            {
                "roles": self.tr("Roles"),
                "attitude": self.tr("Attitude to us"),
                "influence": self.tr("Influence"),
                "notes": self.tr("Notes"),
            }
        )
        name = getattr(self, "_opportunity_name", "")
        self.header.setText(self.tr("Role in “{name}”").format(name=name))
        self._show_advice(self._current_view())

    def _current_view(self) -> RoleView:
        view = RoleView(None)
        view.roles = [k for k, box in self.role_boxes.items() if box.isChecked()]
        return view
