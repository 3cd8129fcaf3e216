"""A laptop for the sync tests: its own data folder, file and services (no window)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.domain.playbook import default_playbook
from desktop.services import Services
from desktop.store.database import open_database
from desktop.sync.engine import SyncEngine, account_body, load_doc


def open_laptop(folder: Path) -> Services:
    folder.mkdir(parents=True, exist_ok=True)
    return Services.build(open_database(folder / "callbrief.sqlite3"), default_playbook())


def rows(services: Services, account_uid: str) -> dict[str, Any]:
    """Everything the laptop holds of the account (minus the file's own integer ids)."""
    account_id = services.team_sync.account_id(account_uid)
    assert account_id is not None, "the laptop does not have the account"
    return account_body(services.team_sync, account_id)


def small_account(services: Services) -> tuple[int, dict[str, int]]:
    """An account with three people and a note: its id and the people's ids by name."""
    account = services.accounts.create(name="华东电力 East Power")
    ceo = services.contacts.create(
        account.id, name="王建国", title="总经理", relationship_notes="喜欢早上开会"
    )
    cio = services.contacts.create(account.id, name="Li Ming", title="CIO", reports_to_id=ceo.id)
    return account.id, {"ceo": ceo.id, "cio": cio.id}


def exchange_directly(a: Services, b: Services, uid: str) -> None:
    """One exchange as the server makes it: each side captures, gets the other's state,
    writes the merged rows."""
    for laptop in (a, b):
        SyncEngine(laptop.team_sync).capture(uid)
    doc_a, doc_b = load_doc(a.team_sync.state(uid)), load_doc(b.team_sync.state(uid))
    doc_a.apply_update(doc_b.get_update(doc_a.get_state()))
    doc_b.apply_update(doc_a.get_update(doc_b.get_state()))
    SyncEngine(a.team_sync).receive(uid, doc_a)
    SyncEngine(b.team_sync).receive(uid, doc_b)


def open_window(qtbot: Any, folder: Path, lang: str) -> tuple[Services, Any]:
    """The laptop in ``folder`` opened in the main window in ``lang`` (CJK font installed)."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui import i18n
    from desktop.ui.context import UiContext
    from desktop.ui.fonts import install_cjk_font
    from desktop.ui.main_window import MainWindow

    install_cjk_font(QApplication.instance())
    services = open_laptop(folder)
    i18n.install_translators(lang)
    window = MainWindow(UiContext.build(services, lang))
    window.show()
    qtbot.waitExposed(window)
    return services, window


def close_window(qtbot: Any, services: Services, window: Any) -> None:
    """Close the window, wait for its background sync to finish its round, close the file."""
    from desktop.ui import i18n

    window.close()  # stops the worker after its round
    if window.sync_status.worker is not None:
        window.sync_status.worker.join(30)
    window.deleteLater()
    qtbot.wait(1)
    services.close()
    i18n.install_translators("en")
