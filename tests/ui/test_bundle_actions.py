"""Handing an account over from the window: File → Export account… / Import account…."""

from __future__ import annotations

import json

from desktop.domain.playbook import default_playbook
from desktop.services import Services
from desktop.services.demo import load_demo
from desktop.store.database import open_database
from desktop.ui.msgbox import prompter


def test_export_then_import_into_another_folder(qtbot, window, services, monkeypatch, tmp_path):
    account_id = load_demo(services.db)
    window.open_account(account_id)
    assert window.bundles.export_action.isEnabled()
    bundle = tmp_path / "hengyuan.json"
    told = []
    monkeypatch.setattr(prompter, "save_path", lambda *_a: str(bundle))
    monkeypatch.setattr(prompter, "info", lambda _p, _t, text: told.append(text))
    window.bundles.export_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert json.loads(bundle.read_text(encoding="utf-8"))["account"]["name"] == (
        "苏州恒远精密制造有限公司"
    )
    window.show_nav(0)  # the account list: nothing to export there
    assert not window.bundles.export_action.isEnabled()

    # A colleague's window, on an empty data folder, imports it.
    other = Services.build(
        open_database(tmp_path / "other" / "callbrief.sqlite3"), default_playbook()
    )
    from desktop.ui.context import UiContext
    from desktop.ui.main_window import MainWindow

    colleague = MainWindow(UiContext.build(other, "en"))
    qtbot.addWidget(colleague)
    colleague.show()
    monkeypatch.setattr(prompter, "open_path", lambda *_a: str(bundle))
    told.clear()
    colleague.bundles.import_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told == ["苏州恒远精密制造有限公司 was added."]
    assert colleague._current_account_id() is not None
    assert [a.name for a in other.queries.accounts()] == ["苏州恒远精密制造有限公司"]
    assert colleague.accounts.model.total == 1
    other.db.close()


def test_a_bad_bundle_is_refused_with_its_problems_and_nothing_is_written(
    qtbot, window, services, monkeypatch, tmp_path
):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "callbrief-bundle", "version": 1, "account": {"name": 5}}')
    errors = []
    monkeypatch.setattr(prompter, "open_path", lambda *_a: str(bad))
    monkeypatch.setattr(prompter, "error", lambda _p, _t, text: errors.append(text))
    window.bundles.import_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "nothing was changed" in errors[0] and "account" in errors[0]
    assert services.queries.accounts() == []
