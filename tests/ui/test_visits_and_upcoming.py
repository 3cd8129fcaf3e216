"""Planning a visit from an account, the upcoming-visits list, and printing tomorrow's briefs."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from ui_actions import OFFSCREEN_POPUPS, click, shortcut, type_text, when_dialog

from desktop.services.demo import ACCOUNT_NAME, UPCOMING_VISIT_TITLE, load_demo
from desktop.ui.account.dialogs import NewVisitDialog
from desktop.ui.account.page import TAB_VISITS, AccountPage
from desktop.ui.main_window import visit_plan_class
from desktop.ui.msgbox import prompter

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def test_new_visit_is_prefilled_for_tomorrow_and_opens_its_plan(qtbot, window, services):
    account = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(account.id, name="MES phase 1", stage="B")
    page = window.open_account(account.id)
    page.show_tab(TAB_VISITS)
    tab = page.visits
    assert tab.opportunity_id == opp.id
    seen = {}

    def fill(dialog: NewVisitDialog) -> None:
        shown = dialog.starts_at.dateTime()
        seen["when"] = (shown.date().toPython(), shown.time().hour(), shown.time().minute())
        type_text(dialog.title, "Proposal review")
        type_text(dialog.place, "恒远精密 3 楼会议室")
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    when_dialog(NewVisitDialog, fill)
    click(tab.new_button)

    assert seen["when"] == (date.today() + timedelta(days=1), 10, 0)
    [visit] = services.visits.for_opportunity(opp.id)
    assert visit.title == "Proposal review" and visit.place == "恒远精密 3 楼会议室"
    assert visit.starts_at == datetime.combine(date.today() + timedelta(days=1), time(10, 0))
    assert tab.visit_ids() == [visit.id]

    view_class = visit_plan_class()
    if view_class is None:
        pytest.skip("the visit plan screen (part B) is not in this build yet")
    assert isinstance(window.current_screen(), view_class)
    shortcut(window, Qt.Key_Left, Qt.AltModifier)
    assert window.current_screen() is page


def test_upcoming_visits_grouped_by_day_with_readiness(qtbot, window, db, services):
    load_demo(db)
    window.accounts.refresh()
    window.show_nav(1)
    view = window.upcoming
    view.refresh()
    rows = view.visit_rows()
    assert len(rows) == 1  # the demo's past visit is not upcoming
    row = rows[0]
    assert row.parent().text(0).startswith("Tomorrow · ")
    assert row.text(0) == "10:00"
    assert row.text(1) == ACCOUNT_NAME and row.text(3) == UPCOMING_VISIT_TITLE
    assert row.text(6).endswith("%")

    view_class = visit_plan_class()
    if view_class is None:
        pytest.skip("the visit plan screen (part B) is not in this build yet")
    view.tree.setCurrentItem(row)
    view.tree.itemActivated.emit(row, 0)  # what Enter or a double-click sends
    assert isinstance(window.current_screen(), view_class)
    window.go_back()
    assert window.current_screen() is view


def test_print_tomorrows_briefs_writes_a_pdf_off_the_gui_thread(
    qtbot, window, db, services, tmp_path, monkeypatch
):
    if not window.upcoming.print_button.isEnabled():
        pytest.skip("the PDF brief (desktop.export.brief) is not in this build")
    load_demo(db)
    dest = tmp_path / "briefs.pdf"
    monkeypatch.setattr(prompter, "save_path", lambda *_args: str(dest))
    told = []
    monkeypatch.setattr(prompter, "info", lambda _p, title, text: told.append(text))
    monkeypatch.setattr(prompter, "error", lambda _p, title, text: told.append("ERROR " + text))
    window.show_nav(1)
    click(window.upcoming.print_button)
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert told[0] == f"Tomorrow's briefs were saved to {dest}."
    assert window.upcoming.print_button.isEnabled()
    text = subprocess.run(["pdftotext", str(dest), "-"], capture_output=True, text=True).stdout
    assert "恒远" in text


def test_opening_a_visit_from_the_visits_tab(qtbot, window, db, services):
    account_id = load_demo(db)
    page = window.open_account(account_id)
    assert isinstance(page, AccountPage)
    page.show_tab(TAB_VISITS)
    assert len(page.visits.visit_ids()) == 2
    view_class = visit_plan_class()
    if view_class is None:
        pytest.skip("the visit plan screen (part B) is not in this build yet")
    click(page.visits.open_button)
    assert isinstance(window.current_screen(), view_class)
