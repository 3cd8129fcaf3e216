"""The small dialog that adds a person from the map or edits one (double-click).

It collects name, title, department, reports-to, the five roles, attitude and influence, and
hands them to a ``save`` callback that calls the services. A ValidationError keeps the dialog
open with the problem shown beside the form, so nothing the rep typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.playbook import Playbook
from desktop.domain.validation import ValidationError
from desktop.services.decision_map import MapData


@dataclass
class PersonValues:
    name: str = ""
    title: str = ""
    department: str = ""
    reports_to_id: int | None = None
    roles: list[str] = field(default_factory=list)
    attitude: str = "unknown"
    influence: str | None = None


class PersonDialog(QDialog):
    """Add or edit one person of the decision circle."""

    def __init__(
        self,
        playbook: Playbook,
        lang: str,
        values: PersonValues,
        managers: Sequence[tuple[int, str]],
        save: Callable[[PersonValues], None],
        *,
        adding: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.lang = lang
        self.setWindowTitle(self.tr("Add a person") if adding else self.tr("Edit person"))
        self.setMinimumWidth(420)

        self.name = QLineEdit(values.name)
        self.title_edit = QLineEdit(values.title)
        self.department = QLineEdit(values.department)
        self.reports_to = QComboBox()
        self.reports_to.addItem(self.tr("(nobody: top of the chart)"), None)
        for contact_id, label in managers:
            self.reports_to.addItem(label, contact_id)
        self.reports_to.setCurrentIndex(max(0, self.reports_to.findData(values.reports_to_id)))

        self.roles: dict[str, QCheckBox] = {}
        roles_box = QWidget()
        roles_layout = QVBoxLayout(roles_box)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        for entry in playbook.group("roles"):
            box = QCheckBox(entry.text(lang))
            box.setToolTip(entry.description_text(lang))
            box.setChecked(entry.key in values.roles)
            self.roles[entry.key] = box
            roles_layout.addWidget(box)

        self.attitude = QComboBox()
        for entry in playbook.group("attitudes"):
            self.attitude.addItem(entry.text(lang), entry.key)
            tip = entry.description_text(lang)
            self.attitude.setItemData(self.attitude.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.attitude.setCurrentIndex(max(0, self.attitude.findData(values.attitude)))
        self.influence = QComboBox()
        self.influence.addItem(self.tr("(not assessed)"), None)
        for entry in playbook.group("influence_levels"):
            self.influence.addItem(entry.text(lang), entry.key)
        self.influence.setCurrentIndex(max(0, self.influence.findData(values.influence)))

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Reports to"), self.reports_to)
        form.addRow(self.tr("Roles in this decision"), roles_box)
        row = QHBoxLayout()
        row.addWidget(self.attitude)
        row.addWidget(QLabel(self.tr("Influence")))
        row.addWidget(self.influence)
        form.addRow(self.tr("Attitude"), row)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def values(self) -> PersonValues:
        return PersonValues(
            name=self.name.text().strip(),
            title=self.title_edit.text().strip(),
            department=self.department.text().strip(),
            reports_to_id=self.reports_to.currentData(),
            roles=[key for key, box in self.roles.items() if box.isChecked()],
            attitude=self.attitude.currentData() or "unknown",
            influence=self.influence.currentData(),
        )

    def _accept(self) -> None:
        try:
            self._save(self.values())
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.accept()

    def show_error(self, exc: ValidationError) -> None:
        self.error.setText(exc.text(self.lang))
        self.error.show()


def manager_choices(data: MapData | None, exclude: int | None) -> list[tuple[int, str]]:
    """The people a box may report to (everyone but ``exclude``), as (id, "name — title")."""
    if data is None:
        return []
    return [
        (p.id, f"{p.name} — {p.title}" if p.title else p.name)
        for p in data.people
        if p.id != exclude
    ]
