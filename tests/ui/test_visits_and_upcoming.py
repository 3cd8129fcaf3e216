"""Planning a visit from an account, the upcoming-visits list, and printing tomorrow's briefs."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from ui_actions import OFFSCREEN_POPUPS, click, shortcut, type_text, when_dialog

from desktop.services.demo import ACCOUNT_NAME, UPCOMING_VISIT_TITLE, load_demo
from desktop.ui.account.dialogs import NewVisitDialog
from desktop.ui.account.page import TAB_VISITS, AccountPage
from desktop.ui.main_window import visit_plan_class
from desktop.ui.msgbox import prompter
from desktop.ui.upcoming.model import COL_STATUS, COL_TITLE, VISIT_ROLE

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
    assert isinstance(window.current_screen(), view_class)
    shortcut(window, Qt.Key_Left, Qt.AltModifier)
    assert window.current_screen() is page


def test_upcoming_visits_grouped_by_day_with_readiness(qtbot, window, db, services):
    load_demo(db)
    window.accounts.refresh()
    window.show_nav(1)
    view = window.upcoming
    rows = view.visit_rows()
    assert len(rows) == 1  # the demo's past visit is not upcoming
    row = rows[0]
    assert row.heading().startswith("Tomorrow · ") and row.heading().endswith(" 1 visit")
    assert row.text(0) == "10:00"
    assert row.text(1) == ACCOUNT_NAME and row.text(3) == UPCOMING_VISIT_TITLE
    assert row.text(6) == f"{services.visits.readiness(row.visit_id).percent}%"
    assert view.range.text().endswith(" 1 visit")

    view_class = visit_plan_class()
    rect = view.table.visualRect(view.model.index(row.row, COL_TITLE))
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.keyClick(view.table, Qt.Key_Return)
    assert isinstance(window.current_screen(), view_class)
    window.go_back()
    assert window.current_screen() is view
    # A double-click: QTest's sends only the second press, so the first comes as a click.
    qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.LeftButton, pos=rect.center())
    assert isinstance(window.current_screen(), view_class)


def _plan_many(services, tomorrow: int, after: int) -> list[int]:
    """Visits tomorrow and the day after (both always in the list's fortnight), in time order."""
    account = services.accounts.create(name="Busy Co.")
    opp = services.opportunities.create(account.id, name="Rollout", stage="B")
    ids = []
    for offset, count in ((1, tomorrow), (2, after)):
        day = date.today() + timedelta(days=offset)
        for n in range(count):
            when = datetime.combine(day, time(8, 0)) + timedelta(minutes=5 * n)
            visit = services.visits.plan(opp.id, title=f"visit {offset}-{n:03d}", starts_at=when)
            ids.append(visit.id)
    return ids


def _on_screen(view) -> list[str]:
    """The text of the rows the rep sees (a heading, or a visit's title), top to bottom."""
    table = view.table
    view.grab()  # paint, as the screen would
    shown = []
    for y in range(0, table.viewport().height(), table.verticalHeader().defaultSectionSize()):
        index = table.indexAt(QPoint(1, y + 2))
        if index.isValid():
            column = 0 if view.model.is_heading(index.row()) else COL_TITLE
            shown.append(index.siblingAtColumn(column).data())
    return shown


def test_a_long_list_reads_the_rest_as_the_rep_scrolls_to_the_end(qtbot, window, services):
    window.show_nav(0)  # planning them while the list is hidden: it reads them when shown
    _plan_many(services, 70, 60)
    window.show_nav(1)
    view = window.upcoming
    assert view.range.text().endswith(" 130 visits")
    first = _on_screen(view)
    assert first[0].startswith("Tomorrow · ") and first[0].endswith(" 70 visits")
    assert first[1:4] == ["visit 1-000", "visit 1-001", "visit 1-002"]
    assert view.model.pages_read == 1  # of the two: only what is on screen was read
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key_End, Qt.ControlModifier)
    last = _on_screen(view)
    assert last[-1] == "visit 2-059"
    assert view.model.pages_read == 2
    qtbot.keyClick(view.table, Qt.Key_Home, Qt.ControlModifier)
    assert _on_screen(view) == first and view.model.pages_read == 2  # read once, kept
    rows = view.visit_rows()
    assert len(rows) == 130 and len({r.visit_id for r in rows}) == 130
    assert rows[100].heading().endswith(" 60 visits") and rows[100].text(COL_TITLE) == "visit 2-030"


def test_after_a_change_the_list_stays_where_the_rep_was(qtbot, window, services):
    window.show_nav(0)
    ids = _plan_many(services, 70, 60)
    window.show_nav(1)
    view = window.upcoming
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key_End, Qt.ControlModifier)
    qtbot.keyClick(view.table, Qt.Key_Up)
    assert view.table.currentIndex().data(VISIT_ROLE) == ids[-2]
    before = _on_screen(view)
    services.visits.update(ids[-2], title="moved to the afternoon")  # e.g. from the plan screen
    after = _on_screen(view)
    assert after == [("moved to the afternoon" if t == "visit 2-058" else t) for t in before]
    assert view.table.currentIndex().data(VISIT_ROLE) == ids[-2]
    services.visits.delete(ids[0])  # the first of tomorrow's: the rest move up one
    assert view.range.text().endswith(" 129 visits")
    assert view.table.currentIndex().data(VISIT_ROLE) == ids[-2]


def test_typing_a_time_jumps_to_the_first_visit_at_that_time(qtbot, window, services):
    window.show_nav(0)
    _plan_many(services, 70, 60)
    window.show_nav(1)
    view = window.upcoming
    view.grab()
    view.table.setFocus()
    qtbot.keyClicks(view.table, "08:2")
    current = view.table.currentIndex()
    assert view.model.index(current.row(), COL_TITLE).data() == "visit 1-004"
    assert view.model.pages_read == 1


def test_the_list_follows_a_change_of_language(qtbot, window, db, ctx, services):
    from desktop.ui.i18n import apply_language

    load_demo(db)
    window.show_nav(1)
    view = window.upcoming
    apply_language(ctx, "zh")
    [row] = view.visit_rows()
    assert row.heading().startswith("明天 · ") and row.heading().endswith(" 1 次拜访")
    qtbot.waitUntil(lambda: view.range.text().endswith(" 1 次拜访"))  # LanguageChange is posted
    assert view.model.headerData(COL_TITLE, Qt.Horizontal) == "标题"
    status = services.visits.get(row.visit_id).status
    assert row.text(COL_STATUS) == services.playbook.label("visit_statuses", status, "zh")


def test_print_tomorrows_briefs_writes_a_pdf_off_the_gui_thread(
    qtbot, window, db, services, tmp_path, monkeypatch
):
    assert window.upcoming.print_button.isEnabled()
    load_demo(db)
    dest = tmp_path / "briefs.pdf"
    monkeypatch.setattr(prompter, "save_path", lambda *_args: str(dest))
    told = []
    monkeypatch.setattr(prompter, "info", lambda _p, title, text: told.append(text))
    monkeypatch.setattr(prompter, "error", lambda _p, title, text: told.append("ERROR " + text))
    window.show_nav(1)
    click(window.upcoming.print_button)
    qtbot.waitUntil(lambda: bool(told), timeout=30000)
    assert told[0] == f"Saved to {dest}"
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
    click(page.visits.open_button)
    assert isinstance(window.current_screen(), view_class)


def test_a_plan_left_behind_follows_changes_and_deletion_without_moving_the_rep(
    qtbot, window, db, services
):
    account_id = load_demo(db)
    page = window.open_account(account_id)
    page.show_tab(TAB_VISITS)
    visit_id = page.visits.visit_ids()[0]
    plan = window.open_visit(visit_id)
    window.open_account(account_id)  # from the plan to its account: the plan is in history
    assert window.current_screen() is page

    services.visits.update(visit_id, title="改期后的方案评审")
    window.go_back()
    assert window.current_screen() is plan
    assert plan.title.text() == "改期后的方案评审"  # read again when shown

    window.go_back()
    assert window.current_screen() is page
    services.visits.delete(visit_id)  # as the Visits tab does, while the account is on screen
    assert window.current_screen() is page
    assert visit_id not in page.visits.visit_ids()
