"""The deal cockpit and the week's next steps, driven as a rep drives them: typing the deal's
value, ticking stage tasks with Space, answering decision points from the list, ticking a next
step off on the week screen, settling earlier steps in the debrief. Checked in the file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select
from ui_actions import OFFSCREEN_POPUPS, choose, click, enter, tick, type_text, when_dialog

from desktop.store.models import Contact, DecisionPoint, NextStep, StageTaskCheck
from desktop.ui import i18n
from desktop.ui.account.page import TAB_OPPORTUNITIES
from desktop.ui.main_window import NAV_UPCOMING
from desktop.ui.upcoming import next_steps as next_steps_panel
from desktop.ui.visit.debrief import DebriefDialog

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


@pytest.fixture
def deal(services):
    account = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    return account, opp


def open_cockpit(window, account_id):
    page = window.open_account(account_id)
    page.show_tab(TAB_OPPORTUNITIES)
    form = page.opportunities.current_form()
    return form, form.cockpit


def test_value_tasks_and_the_proposed_stage(qtbot, window, services, db, deal):
    account, opp = deal
    form, cockpit = open_cockpit(window, account.id)
    assert "weighted value –" in cockpit.value.text()

    enter(form.fields["deal_amount"], "1,200,000")
    qtbot.waitUntil(lambda: services.opportunities.get(opp.id).deal_amount == 1_200_000)
    qtbot.waitUntil(lambda: "weighted value 300,000 CNY" in cockpit.value.text())
    assert "win probability 25%" in cockpit.value.text()

    assert not cockpit.move_button.isVisible()
    for task in ("b_workshops", "b_pain_questions"):
        tick(cockpit.task_boxes[task])
    qtbot.waitUntil(lambda: "2 of 4 tasks done" in cockpit.tasks_header.text())
    assert "1 exit criteria open" in cockpit.tasks_header.text()
    assert not cockpit.move_button.isVisible()
    tick(cockpit.task_boxes["b_competitors"])
    qtbot.waitUntil(cockpit.move_button.isVisible)
    assert cockpit.task_boxes["b_competitors"].hasFocus()  # the reload kept the rep's place
    assert "ready for stage C" in cockpit.proposal.text()
    with db.read() as s:
        ticked = set(s.scalars(select(StageTaskCheck.task)))
    assert ticked == {"b_workshops", "b_pain_questions", "b_competitors"}
    assert services.opportunities.get(opp.id).stage == "B"  # nothing moves by itself

    click(cockpit.move_button)
    qtbot.waitUntil(lambda: services.opportunities.get(opp.id).stage == "C")
    qtbot.waitUntil(lambda: form.stage.key() == "C")
    assert "c_written_proposal" in cockpit.task_boxes and not cockpit.move_button.isVisible()
    assert "weighted value 600,000 CNY" in cockpit.value.text()


def test_a_maybe_is_a_red_flag_with_the_next_logical_action(qtbot, window, services, db, deal):
    account, opp = deal
    _form, cockpit = open_cockpit(window, account.id)
    assert not cockpit.stall.isVisible()
    choose(cockpit.answer_combos["understand"], "yes")
    choose(cockpit.answer_combos["develop"], "maybe")
    qtbot.waitUntil(cockpit.stall.isVisible)
    assert "Will the solution deliver the value?" in cockpit.stall.text()
    assert "Next logical action: Paid short study" in cockpit.stall.text()
    note = cockpit.note_edits["develop"]
    type_text(note, "CFO 要看同类工厂的 ROI")
    QTest.keyClick(note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.deals.decision_points(opp.id)["develop"].note != "")
    with db.read() as s:
        rows = {r.phase: (r.answer, r.note) for r in s.scalars(select(DecisionPoint))}
    assert rows == {"understand": ("yes", ""), "develop": ("maybe", "CFO 要看同类工厂的 ROI")}
    assert "CFO 要看同类工厂的 ROI" in cockpit.stall.text()
    deals = window.open_account(account.id).opportunities.list
    qtbot.waitUntil(lambda: deals.item(0).text().endswith("⚑ stalled"))

    # In Chinese: the deck's words, the question and the suggested action.
    window.ctx.lang = "zh"
    i18n.install_translators("zh")
    qtbot.waitUntil(lambda: cockpit.header.text() == "商机驾驶舱")
    assert "付费短期调研" in cockpit.stall.text() and "也许" in cockpit.stall.text()
    assert cockpit.answer_combos["develop"].currentText() == "也许"
    assert "确认商机阶段" in cockpit.tasks_header.text()

    choose(cockpit.answer_combos["develop"], "yes")
    qtbot.waitUntil(lambda: not cockpit.stall.isVisible())
    assert services.deals.stalls(opp.id) == []
    assert "⚑" not in deals.item(0).text()


def test_the_week_screen_lists_next_steps_and_ticks_them_off(
    qtbot, window, services, db, deal, monkeypatch
):
    monkeypatch.setattr(next_steps_panel, "PER_GROUP", 1)  # a page per group; the rest counted
    account, opp = deal
    today = date.today()
    visit = services.visits.plan(opp.id, starts_at=f"{today - timedelta(days=3)} 10:00")
    for text, due in (
        ("发报价", today - timedelta(days=2)),
        ("Older still", today - timedelta(days=40)),
        ("约 CFO", today),
        ("Much later", today + timedelta(days=30)),
    ):
        services.visits.add_item(visit.id, "next_step", description=text, due_date=due)
    window.show_nav(NAV_UPCOMING)
    panel = window.upcoming.next_steps
    qtbot.waitUntil(lambda: len(panel.step_items()) == 2)
    heads = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert heads == ["Overdue (2)", "Older still", "… and 1 more", "Today (1)", "约 CFO"]
    services.next_steps.set_done(panel.step_items()[0].data(0, Qt.ItemDataRole.UserRole), True)
    qtbot.waitUntil(lambda: panel.step_items()[0].text(0) == "发报价")
    overdue = panel.step_items()[0]
    assert overdue.text(3) == "恒远精密 · MES 一期"

    # Tick it off from the keyboard: select the row, press Space.
    panel.tree.setFocus()
    panel.tree.setCurrentItem(overdue)
    QTest.keyClick(panel.tree.viewport(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: [i.text(0) for i in panel.step_items()] == ["约 CFO"])
    assert panel.status.text() == "Done: 发报价"
    with db.read() as s:
        step = s.scalar(select(NextStep).where(NextStep.description == "发报价"))
        assert step.done and step.done_on == today


def test_the_debrief_settles_earlier_steps_and_stamps_last_contact(
    qtbot, window, services, db, deal
):
    account, opp = deal
    boss = services.contacts.create(account.id, name="王建国")
    earlier = services.visits.plan(opp.id, starts_at="2026-11-02 10:00")
    for text in ("发报价", "演示", "约 CFO"):
        services.visits.add_item(earlier.id, "next_step", description=text, due_date="2026-11-09")
    visit = services.visits.plan(opp.id, starts_at="2026-11-20 14:00")
    services.visits.add_item(visit.id, "attendee", contact_id=boss.id)
    view = window.open_visit(visit.id)

    def fill(dialog: DebriefDialog) -> None:
        type_text(dialog.outcome, "同意演示")
        ids = {s.description: s.id for s in dialog.earlier_steps.steps}
        choose(dialog.earlier_steps.choices[ids["发报价"]], "done")
        choose(dialog.earlier_steps.choices[ids["演示"]], "carry")
        click(dialog.buttons.button(dialog.buttons.StandardButton.Save))

    when_dialog(DebriefDialog, fill)
    view.open_debrief()
    qtbot.waitUntil(lambda: services.visits.get(visit.id).status == "done")
    with db.read() as s:
        steps = {n.description: n for n in s.scalars(select(NextStep))}
        assert steps["发报价"].done and steps["发报价"].visit_id == earlier.id
        assert steps["演示"].visit_id == visit.id and not steps["演示"].done
        assert steps["约 CFO"].visit_id == earlier.id and not steps["约 CFO"].done
        assert s.get(Contact, boss.id).last_contact == date(2026, 11, 20)
