"""Open dialogs and forms follow a language switch at once (Preferences → Language)."""

from __future__ import annotations

from desktop.ui import i18n
from desktop.ui.account.dialogs import NewOpportunityDialog


def test_an_open_dialog_changes_language_when_the_rep_switches(qtbot, qapp, ctx, services):
    account = services.accounts.create(name="恒远精密")
    dialog = NewOpportunityDialog(ctx, account.id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New opportunity"
    i18n.install_translators("zh")
    qapp.processEvents()
    assert dialog.windowTitle() == "新建商机"
    i18n.install_translators("en")
    qapp.processEvents()
    assert dialog.windowTitle() == "New opportunity"
