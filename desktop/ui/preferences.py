"""Preferences: where the data lives, the languages, paper size, the names on the brief and
after how many days without a visit a deal counts as stalled.

Stored with the data (services.settings). A new interface language applies at once: the
translators are swapped and every screen retranslates itself on LanguageChange.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import UiContext

from .i18n import apply_language, resolve
from .widgets.retranslate import Retranslating
from .widgets.section import SectionHeader


class PreferencesDialog(Retranslating, QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setMinimumWidth(560)
        settings = ctx.services.settings.all()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 14)
        layout.setSpacing(6)

        self.data_header = SectionHeader()
        layout.addWidget(self.data_header)
        data_form = QFormLayout()
        layout.addLayout(data_form)
        self.data_dir = QLineEdit(str(ctx.services.files.folder))
        self.data_dir.setReadOnly(True)
        self.open_folder = QPushButton()
        self.open_folder.clicked.connect(self._open_folder)
        row = QHBoxLayout()
        row.addWidget(self.data_dir, 1)
        row.addWidget(self.open_folder)
        self.data_label = QLabel()
        self.data_label.setBuddy(self.data_dir)  # names the folder field for screen readers
        data_form.addRow(self.data_label, row)

        self.lang_header = SectionHeader()
        layout.addWidget(self.lang_header)
        lang_form = QFormLayout()
        layout.addLayout(lang_form)
        self.language = QComboBox()
        self.brief_language = QComboBox()
        self.language_label, self.brief_label = QLabel(), QLabel()
        self.language_label.setBuddy(self.language)
        self.brief_label.setBuddy(self.brief_language)
        lang_form.addRow(self.language_label, self.language)
        lang_form.addRow(self.brief_label, self.brief_language)

        self.brief_header = SectionHeader()
        layout.addWidget(self.brief_header)
        brief_form = QFormLayout()
        layout.addLayout(brief_form)
        self.paper_size = QComboBox()
        for size in ("A4", "Letter"):
            self.paper_size.addItem(size, size)
        self.company_name = QLineEdit(settings["company_name"])
        self.rep_name = QLineEdit(settings["rep_name"])
        self.paper_label, self.company_label, self.rep_label = QLabel(), QLabel(), QLabel()
        for label, field in (
            (self.paper_label, self.paper_size),
            (self.company_label, self.company_name),
            (self.rep_label, self.rep_name),
        ):
            label.setBuddy(field)
            brief_form.addRow(label, field)

        # The one stall rule (desktop/domain/stalls.py) reads N from here: pipeline, brief, CLI.
        self.pipeline_header = SectionHeader()
        layout.addWidget(self.pipeline_header)
        pipeline_form = QFormLayout()
        layout.addLayout(pipeline_form)
        self.stall_days = QSpinBox()
        self.stall_days.setRange(1, 3650)
        self.stall_days.setValue(
            int(settings["stall_days"]) if settings["stall_days"].isdigit() else 30
        )
        self.stall_label = QLabel()
        self.stall_label.setBuddy(self.stall_days)
        pipeline_form.addRow(self.stall_label, self.stall_days)

        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._retranslate()
        self._choose(self.language, settings["language"])
        self._choose(self.brief_language, settings["brief_language"])
        self._choose(self.paper_size, settings["paper_size"])

    @staticmethod
    def _choose(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.data_dir.text()))

    def save(self) -> None:
        settings = self._ctx.services.settings
        language = self.language.currentData()
        settings.set(
            language=language,
            brief_language=self.brief_language.currentData(),
            paper_size=self.paper_size.currentData(),
            company_name=self.company_name.text(),
            rep_name=self.rep_name.text(),
            stall_days=str(self.stall_days.value()),
        )
        new_lang = resolve(language)
        if new_lang != self._ctx.lang:
            apply_language(self._ctx, new_lang)
        self.accept()

    def _fill_languages(self) -> None:
        for combo, first in (
            (self.language, (self.tr("Same as the system"), "system")),
            (self.brief_language, (self.tr("Same as the interface"), "same")),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(*first)
            combo.addItem("English", "en")
            combo.addItem("中文", "zh")
            if current is not None:
                self._choose(combo, current)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.data_header.setText(self.tr("Your data"))
        self.data_label.setText(self.tr("Data folder"))
        self.open_folder.setText(self.tr("Open folder"))
        self.data_dir.setToolTip(
            self.tr("Everything you record is kept in this folder, with its backups.")
        )
        self.lang_header.setText(self.tr("Language"))
        self.language_label.setText(self.tr("&Interface language"))
        self.brief_label.setText(self.tr("&Brief language"))
        self.brief_header.setText(self.tr("Printed briefs"))
        self.paper_label.setText(self.tr("&Paper size"))
        self.company_label.setText(self.tr("Our &company"))
        self.rep_label.setText(self.tr("Your &name"))
        self.company_name.setPlaceholderText(self.tr("Printed on every brief"))
        self.rep_name.setPlaceholderText(self.tr("Printed on every brief"))
        self.pipeline_header.setText(self.tr("Pipeline"))
        self.stall_label.setText(self.tr("&Stalled after"))
        self.stall_days.setSuffix(self.tr(" days without a visit"))
        self.stall_days.setAccessibleName(self.tr("Stalled after this many days without a visit"))
        self._fill_languages()
