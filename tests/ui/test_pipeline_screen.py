"""The pipeline screen driven as a rep drives it: Ctrl+3, the filters, the stalled list from
the keyboard and the mouse, the export; its figures checked against the data file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import text
from ui_actions import OFFSCREEN_POPUPS, choose, click, shortcut, tick

from desktop.services.demo import load_demo
from desktop.ui import i18n
from desktop.ui.main_window import NAV_PIPELINE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def open_pipeline(qtbot, window):
    shortcut(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_screen() is window.pipeline)
    assert window.nav.currentRow() == NAV_PIPELINE
    view = window.pipeline
    qtbot.waitUntil(lambda: view.review is not None and not view.busy())
    return view


def weighted_by_stage(db) -> dict[str, int]:
    """The weighted value per stage, straight from the table (amount × the stage's odds)."""
    odds = {"A": 10, "B": 25, "C": 50, "D": 75, "E": 90}
    out = dict.fromkeys(odds, 0)
    with db.read() as s:
        rows = s.execute(text("SELECT stage, deal_amount, probability_override FROM opportunities"))
        for stage, amount, override in rows:
            if stage in odds and amount:
                out[stage] += (amount * (override or odds[stage]) + 50) // 100
    return out


def test_the_charts_and_the_stalled_list_match_the_data(qtbot, window, db):
    load_demo(db)
    view = open_pipeline(qtbot, window)
    funnel = view.charts[0].chart.texts()
    for stage, weighted in weighted_by_stage(db).items():
        if weighted:
            assert any(t.endswith(f"{weighted:,} CNY") for t in funnel), (stage, funnel)
    assert "2 open deals" in view.summary.text() and "2 stalled" in view.summary.text()
    assert view.table.rowCount() == 2
    assert view.table.item(0, 3).text() == "Decision point “maybe”; 1 overdue next steps"
    assert view.table.item(0, 4).text() == "Paid short study"
    assert view.charts[0].height() > 0 and view.charts[0].isVisible()


def test_filters_narrow_everything(qtbot, window, db):
    load_demo(db)
    view = open_pipeline(qtbot, window)
    choose(view.stage, "A")
    choose(view.stage, "C")  # chosen while the read for A runs: the screen ends up at C
    qtbot.waitUntil(lambda: not view.busy() and "1 open deals" in view.summary.text())
    assert view.table.rowCount() == 1 and view.table.item(0, 2).text() == "C"
    choose(view.stage, "A")
    qtbot.waitUntil(lambda: not view.busy() and "1 open deals" in view.summary.text())
    assert view.table.rowCount() == 1 and view.table.item(0, 2).text() == "A"
    choose(view.stage, None)
    choose(view.tier, "small")  # the demo's account is a key account
    qtbot.waitUntil(lambda: not view.busy() and "0 open deals" in view.summary.text())
    assert view.table.rowCount() == 0
    choose(view.tier, None)
    qtbot.waitUntil(lambda: not view.busy() and "2 open deals" in view.summary.text())
    # With the "maybe" and the overdue step settled, only the never-visited deal at A stalls.
    with db.write() as s:
        s.execute(text("UPDATE next_steps SET done = 1"))
        s.execute(text("DELETE FROM decision_points"))
    tick(view.stalled_only)
    qtbot.waitUntil(lambda: not view.busy() and "1 stalled" in view.summary.text())
    assert "1 open deals" in view.summary.text()  # the funnel shows the stalled deals only
    assert view.table.rowCount() == 1 and view.table.item(0, 2).text() == "A"


def test_enter_or_a_double_click_opens_the_deal(qtbot, window, db):
    account_id = load_demo(db)
    view = open_pipeline(qtbot, window)
    deal_id = view.table.item(1, 0).data(Qt.ItemDataRole.UserRole)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Down)
    QTest.keyClick(view.table, Qt.Key.Key_Down)
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    page = window.current_screen()
    assert getattr(page, "account_id", None) == account_id
    assert page.opportunities.current_id() == deal_id
    window.go_back()
    assert window.current_screen() is view
    qtbot.waitUntil(lambda: not view.busy())
    first = view.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    rect = view.table.visualItemRect(view.table.item(0, 1))
    # A double click: QTest's sends only the second press, so the first comes as a click.
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_screen().opportunities.current_id() == first


def test_in_chinese_and_exported(qtbot, window, db, monkeypatch, tmp_path):
    from desktop.ui.msgbox import prompter

    load_demo(db)
    view = open_pipeline(qtbot, window)
    window.ctx.lang = "zh"
    i18n.install_translators("zh")
    qtbot.waitUntil(lambda: view.charts[0].chart.title.startswith("各阶段在谈商机"))
    assert view.table.item(0, 4).text() == "付费短期调研"
    assert view.stage.itemText(1) == "A · 了解商机"
    told = []
    monkeypatch.setattr(prompter, "save_path", lambda _p, _t, s, _f: str(tmp_path / Path(s).name))
    monkeypatch.setattr(prompter, "info", lambda _p, _t, message: told.append(message))
    click(view.export_button)
    qtbot.waitUntil(lambda: bool(told))
    written = list(tmp_path.glob("*.pdf"))
    assert len(written) == 1 and written[0].stat().st_size > 1000
    assert str(written[0]) in told[0]


def test_the_summary_counts_referrals_asked_and_received(qtbot, window, services):
    """Issue 16 item 10: the "1+2" of handed-over deals, asked and received, on the summary."""
    account = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="E")
    view = open_pipeline(qtbot, window)
    assert "referrals" not in view.summary.text()
    services.referrals.ask(opp.id, "华丰电子")
    got = services.referrals.ask(opp.id, "Delta")
    services.referrals.link(got.id, services.accounts.create(name="Delta Tools").id)
    view.refresh()
    qtbot.waitUntil(lambda: "referrals: 2 asked, 1 received" in view.summary.text())
