"""Issue 16 item 7: the plan's FAB editor refuses an implicit need and says why, at the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from .test_visit_plan_walkthrough import pick


def test_picking_an_implicit_need_shows_the_reason(qtbot, services, demo, open_view, ui):
    visit = services.visits.plan(demo.opp.id)
    hinted = services.visits.add_item(visit.id, "need", description="追溯太慢")
    stated = services.visits.add_item(
        visit.id, "need", description="实时 OEE 看板", clarity="explicit"
    )
    view, _ = open_view(visit.id)
    QTest.keyClick(view, Qt.Key_4, Qt.ControlModifier)
    propose = view.pages["propose"]
    qtbot.mouseClick(propose.fabs.add_button, Qt.LeftButton)
    benefit = propose.fabs.widget("benefit")
    ui.type(benefit, "首月就能看到 OEE")
    ui.leave(benefit)
    need = propose.fabs.widget("need_id")
    labels = [need.itemText(i) for i in range(need.count())]
    assert "追溯太慢 (implicit, not yet stated)" in labels and "实时 OEE 看板" in labels
    pick(need, hinted.id)
    error = propose.fabs.binder._errors["need_id"]
    assert not error.isHidden()
    assert "implicit need" in error.text() and "追溯太慢" in error.text()
    assert all(f.need_id != hinted.id for f in services.visits.get(visit.id).fabs)
    pick(need, stated.id)
    assert error.isHidden()
    fab = services.visits.get(visit.id).fabs[0]
    assert (fab.benefit, fab.need_id) == ("首月就能看到 OEE", stated.id)
