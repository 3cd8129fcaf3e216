"""The column-mapping step of File ▸ Import from CRM… for a spreadsheet that is no known export.

One combo box per field the importer understands (account name, opportunity, stage, amount,
close date, the contact's name, title, e-mail, phones and role), each listing the file's columns
and "not in the file". They start from the map remembered for files of the same columns (else
from the column names Salesforce or Dynamics would use). Keyboard: Tab moves between the combos;
typing a column's first letters picks it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.services.crm_import_reading import MAPPABLE

# Our field -> its label on the page (translated when shown).
LABELS = {
    "account": QT_TRANSLATE_NOOP("CrmColumnMap", "Account name"),
    "opportunity": QT_TRANSLATE_NOOP("CrmColumnMap", "Opportunity name"),
    "stage": QT_TRANSLATE_NOOP("CrmColumnMap", "Stage"),
    "amount": QT_TRANSLATE_NOOP("CrmColumnMap", "Amount"),
    "close": QT_TRANSLATE_NOOP("CrmColumnMap", "Close date"),
    "contact": QT_TRANSLATE_NOOP("CrmColumnMap", "Contact's full name"),
    "first": QT_TRANSLATE_NOOP("CrmColumnMap", "Contact's first name"),
    "last": QT_TRANSLATE_NOOP("CrmColumnMap", "Contact's last name"),
    "title": QT_TRANSLATE_NOOP("CrmColumnMap", "Title"),
    "email": QT_TRANSLATE_NOOP("CrmColumnMap", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("CrmColumnMap", "Office phone"),
    "mobile": QT_TRANSLATE_NOOP("CrmColumnMap", "Mobile phone"),
    "role": QT_TRANSLATE_NOOP("CrmColumnMap", "Contact role"),
}


class CrmColumnMap(QWidget):
    """The mapping page: ``mapping()`` is what the rep chose, field -> column name."""

    def __init__(
        self, header: list[str], mapping: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Which column holds what"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This file is not a Salesforce or Dynamics 365 export I know. Choose the column "
                "that holds each field; the choice is remembered for files with the same columns."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.combos: dict[str, QComboBox] = {}
        for field in MAPPABLE:
            label = QCoreApplication.translate("CrmColumnMap", str(LABELS[field]))
            combo = QComboBox()
            combo.setAccessibleName(label)
            combo.addItem(self.tr("(not in the file)"), "")
            for column in header:
                combo.addItem(column, column)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(field, ""))))
            self.combos[field] = combo
            caption = QLabel(label + ("*" if field == "account" else ""))
            caption.setBuddy(combo)
            form.addRow(caption, combo)
            if field == "account":
                # Said next to the field it is about, when Next is pressed without it.
                self.account_error = QLabel()
                self.account_error.setAccessibleName(self.tr("Problem with the account column"))
                self.account_error.setStyleSheet("color: #b00020;")
                self.account_error.setWordWrap(True)
                self.account_error.hide()
                form.addRow("", self.account_error)
                combo.currentIndexChanged.connect(lambda _i: self.account_error.hide())
        self.problem = QLabel()
        self.problem.setAccessibleName(self.tr("Problem with the column map"))
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)

    def mapping(self) -> dict[str, str]:
        return {f: str(c.currentData()) for f, c in self.combos.items() if c.currentData()}

    def check(self) -> bool:
        """Whether the map can be previewed; else says why next to the account combo."""
        if "account" in self.mapping():
            return True
        self.account_error.setText(self.tr("Choose the column that holds the account name."))
        self.account_error.show()
        self.combos["account"].setFocus()
        return False
