"""First launch on an empty file offers the demo; closing saves; a new window finds it all."""

from __future__ import annotations

import pytest
from ui_actions import OFFSCREEN_POPUPS, click, replace_text, when_dialog

from desktop.services.demo import ACCOUNT_NAME, UPCOMING_VISIT_TITLE
from desktop.ui.context import UiContext
from desktop.ui.first_run import FirstRunDialog, offer_demo, should_offer
from desktop.ui.main_window import MainWindow
from desktop.ui.msgbox import prompter

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def reopen(qtbot, db_path):  # type: ignore[no-untyped-def]
    """A fresh database connection and window on the same file, as after a restart."""
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.store.database import open_database

    db = open_database(db_path)
    services = Services.build(db, default_playbook())
    window = MainWindow(UiContext.build(services, "en"))
    qtbot.addWidget(window)
    window.show()
    return db, services, window


def test_first_launch_offers_the_demo_and_loads_it_then_everything_survives_a_restart(
    qtbot, window, services, db_path
):
    assert should_offer(services)
    when_dialog(FirstRunDialog, lambda dialog: click(dialog.demo_button))
    account_id = offer_demo(window.ctx, window)
    assert account_id is not None
    assert services.settings.get("demo_offered") == "yes"
    assert not should_offer(services)
    # The screens heard about it: the list shows the account, upcoming shows the visit.
    window.accounts.refresh()
    assert window.accounts.model.rowCount() == 1
    window.show_nav(1)
    assert [r.text(3) for r in window.upcoming.visit_rows()] == [UPCOMING_VISIT_TITLE]

    # An edit still being typed when the window closes is saved by the close.
    page = window.open_account(account_id)
    replace_text(page.profile.fields["notes"], "Call Li Na before the visit.")
    assert page.profile.binder.has_pending
    assert window.close()
    services.db.close()

    db, services2, window2 = reopen(qtbot, db_path)
    try:
        assert services2.accounts.get(account_id).notes == "Call Li Na before the visit."
        assert window2.accounts.model.index(0, 0).data() == ACCOUNT_NAME
        assert len(services2.contacts.for_account(account_id)) == 10
        page2 = window2.open_account(account_id)
        assert page2.profile.fields["notes"].toPlainText() == "Call Li Na before the visit."
        assert page2.profile.segment_code.text() == "E1B2"
        assert len(page2.circle._all_items()) == 10
        assert not should_offer(services2)  # asked once only
    finally:
        window2.close()
        db.close()


def test_starting_empty_is_remembered_too(qtbot, window, services):
    when_dialog(FirstRunDialog, lambda dialog: click(dialog.empty_button))
    assert offer_demo(window.ctx, window) is None
    assert services.queries.count_accounts() == 0
    assert services.settings.get("demo_offered") == "yes"
    assert offer_demo(window.ctx, window) is None  # not asked again


def test_closing_with_a_refused_value_asks_and_can_keep_editing(
    qtbot, window, services, monkeypatch
):
    account = services.accounts.create(name="Acme")
    page = window.open_account(account.id)
    replace_text(page.profile.fields["headcount"], "lots")
    asked = []
    monkeypatch.setattr(prompter, "confirm", lambda _p, title, text: asked.append(title) or False)
    assert not window.close()  # keep editing
    assert asked == ["Some changes are not saved"]
    assert window.isVisible()
    assert services.accounts.get(account.id).headcount is None
