"""Every export proposes a file named after what it holds, and confirms in the same words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ui_actions import click

from desktop.services.demo import load_demo
from desktop.ui.account.page import TAB_CIRCLE
from desktop.ui.msgbox import prompter

ACCOUNT = "苏州恒远精密制造有限公司"


@pytest.fixture
def answers(monkeypatch, tmp_path):
    """The save dialog answers with a file in tmp_path; what it proposed and what the rep was
    told are recorded."""
    seen = {"suggested": [], "told": []}

    def save_path(_parent, _title, suggested, _filters):
        seen["suggested"].append(suggested)
        return str(tmp_path / Path(suggested).name)

    monkeypatch.setattr(prompter, "save_path", save_path)
    monkeypatch.setattr(prompter, "info", lambda _p, t, text: seen["told"].append((t, text)))
    monkeypatch.setattr(prompter, "error", lambda _p, t, text: seen["told"].append(("!", text)))
    return seen


def test_contacts_are_offered_under_the_accounts_name(qtbot, window, db, answers, tmp_path):
    page = window.open_account(load_demo(db))
    page.show_tab(TAB_CIRCLE)
    click(page.circle.export_button)
    qtbot.waitUntil(lambda: bool(answers["told"]), timeout=10_000)
    name = Path(answers["suggested"][0]).name
    assert name == f"{ACCOUNT} contacts.xlsx"  # not "contacts.xlsx"
    title, text = answers["told"][0]
    assert title == "Export contacts"
    assert text.endswith(f"Saved to {tmp_path / name}")


def test_the_map_and_the_account_bundle_confirm_like_every_export(
    qtbot, window, db, answers, tmp_path
):
    page = window.open_account(load_demo(db))
    page.show_tab(TAB_CIRCLE)
    page.circle.map_button.click()
    page.circle.map.export_dialog("png")
    map_name = Path(answers["suggested"][0]).name
    assert map_name == f"{ACCOUNT} decision map.png"
    assert answers["told"] == [("Export the map", f"Saved to {tmp_path / map_name}")]

    window.bundles.export_action.trigger()
    qtbot.waitUntil(lambda: len(answers["told"]) == 2, timeout=10_000)
    assert Path(answers["suggested"][1]).name == f"{ACCOUNT}.json"
    assert answers["told"][1] == ("Export account", f"Saved to {tmp_path / (ACCOUNT + '.json')}")


def test_tomorrows_briefs_are_named_after_tomorrow(qtbot, window, db, answers, tmp_path):
    load_demo(db)
    window.show_nav(1)
    click(window.upcoming.print_button)
    qtbot.waitUntil(lambda: bool(answers["told"]), timeout=60_000)
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    name = Path(answers["suggested"][0]).name
    assert name == f"{tomorrow} visit briefs.pdf"
    assert answers["told"] == [("Save tomorrow's briefs", f"Saved to {tmp_path / name}")]
