"""Dialogs show their choices in full: nothing a rep must read is cut off."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from desktop.ui import i18n
from desktop.ui.account.dialogs import NewOpportunityDialog


def edit_field_width(combo: QComboBox) -> int:
    """The width the closed combo gives its text (without frame and arrow)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    rect = combo.style().subControlRect(
        QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxEditField, combo
    )
    return rect.width()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_funnel_stage_fits_in_the_new_opportunity_combo(qtbot, services, ctx, lang):
    account = services.accounts.create(name="Acme")
    ctx.lang = lang
    i18n.install_translators(lang)
    dialog = NewOpportunityDialog(ctx, account.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    metrics = dialog.stage.fontMetrics()
    widths = {}
    for index in range(dialog.stage.count()):
        dialog.stage.setCurrentIndex(index)
        text = dialog.stage.currentText()
        widths[text] = metrics.horizontalAdvance(text)
    room = edit_field_width(dialog.stage)
    assert max(widths.values()) <= room, f"{room}px for {widths}"
