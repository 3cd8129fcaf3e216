"""The decision map on screen: boxes, dragging, re-parenting by drop, zoom, dialogs, warnings."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_actions import click, replace_text, shortcut, tick, type_text, when_dialog

from desktop.services.demo import load_demo
from desktop.ui.map import DecisionMapWidget
from desktop.ui.map.dialogs import PersonDialog
from desktop.ui.map.items import PersonItem

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def demo(services):
    account_id = load_demo(services.db, today=TODAY)
    opp = services.opportunities.for_account(account_id)[0]
    return account_id, opp.id


@pytest.fixture
def widget(qtbot, ctx, demo):
    w = DecisionMapWidget(ctx)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.set_opportunity(demo[1])
    w.show()
    qtbot.waitExposed(w)
    return w


def _box(widget: DecisionMapWidget, name: str) -> PersonItem:
    return next(i for i in widget.person_items() if i.person.name == name)


def _at(widget: DecisionMapWidget, item: PersonItem, dx: float = 0, dy: float = 0) -> QPoint:
    """Where on the viewport the middle of ``item`` (moved by dx, dy scene units) is."""
    centre = item.box().center() + QPointF(dx, dy)
    return widget.view.mapFromScene(centre)


def _mouse(widget, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton) -> None:
    viewport = widget.view.viewport()
    button = Qt.LeftButton if kind != QEvent.MouseMove else Qt.NoButton
    event = QMouseEvent(
        kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, Qt.NoModifier
    )
    QApplication.sendEvent(viewport, event)


def _drag(widget, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Press, move in steps and release on the viewport, as a rep's mouse does."""
    _mouse(widget, QEvent.MouseButtonPress, start, Qt.LeftButton)
    for i in range(1, steps + 1):
        step = start + (end - start) * (i / steps)
        _mouse(widget, QEvent.MouseMove, step, Qt.LeftButton)
    _mouse(widget, QEvent.MouseButtonRelease, end, Qt.NoButton)


def _contact(services, name, account_id):
    return next(c for c in services.contacts.for_account(account_id) if c.name == name)


def test_one_box_per_contact_with_the_circle_drawn(widget, services, demo):
    account_id, _ = demo
    contacts = services.contacts.for_account(account_id)
    assert len(widget.person_items()) == len(contacts) == 10
    assert {i.person.name for i in widget.person_items()} == {c.name for c in contacts}
    assert len(widget.scene.connectors) == 9  # every reporting line, from manager to report
    zhang = _box(widget, "张伟").person
    assert zhang.roles == ("technical_expert", "influencer") and zhang.attitude == "opponent"
    assert "Opponent" in _box(widget, "张伟").toolTip()


def test_a_person_without_a_part_is_still_drawn(widget, services, demo):
    account_id, _ = demo
    services.contacts.create(account_id, name="新来的人", title="实习生")
    box = _box(widget, "新来的人")  # the widget refreshed itself on the change
    assert not box.person.in_circle
    assert len(widget.person_items()) == 11


def test_dragging_a_box_saves_its_position(widget, services, demo):
    account_id, _ = demo
    box = _box(widget, "李娜")
    before = box.pos()
    _drag(widget, _at(widget, box), _at(widget, box, 0, 180))
    moved = box.pos()
    assert moved.y() > before.y() + 100
    stored = _contact(services, "李娜", account_id)
    assert (stored.map_x, stored.map_y) == pytest.approx((moved.x(), moved.y()))
    # The others stay in the automatic layout.
    assert _contact(services, "王磊", account_id).map_x is None


def test_dropping_a_box_onto_another_changes_the_manager(widget, services, demo):
    account_id, _ = demo
    planner, quality = _box(widget, "吴涛"), _box(widget, "赵晓燕")
    _drag(widget, _at(widget, planner), _at(widget, quality))
    planner_row = _contact(services, "吴涛", account_id)
    assert planner_row.reports_to_id == _contact(services, "赵晓燕", account_id).id
    assert planner_row.map_x is None  # it lands under its new manager, not where it was dropped
    assert not widget.message.isVisible()


def test_a_drop_that_would_make_a_loop_is_refused(widget, services, demo):
    account_id, _ = demo
    gm, production = (
        _box(widget, "王建国"),
        _box(widget, "孙浩"),
    )  # 孙浩 reports (via 王磊) to 王建国
    start = gm.pos()
    _drag(widget, _at(widget, gm), _at(widget, production))
    row = _contact(services, "王建国", account_id)
    assert row.reports_to_id is None and row.map_x is None  # the database is unchanged
    assert gm.pos() == start  # the box went back
    assert widget.message.isVisible() and "loop" in widget.message.text()


def test_zoom_and_fit_change_the_view(widget, qtbot):
    view = widget.view
    start = view.zoom()
    click(widget.toolbar.widgetForAction(widget.zoom_in_action))
    assert view.zoom() == pytest.approx(start * 1.2)
    click(widget.toolbar.widgetForAction(widget.zoom_out_action))
    click(widget.toolbar.widgetForAction(widget.zoom_out_action))
    assert view.zoom() == pytest.approx(start / 1.2)
    view.setFocus()
    QTest.keyClick(view, Qt.Key_Equal, Qt.ControlModifier)
    assert view.zoom() == pytest.approx(start)
    QTest.keyClick(view, Qt.Key_Minus, Qt.ControlModifier)
    assert view.zoom() == pytest.approx(start / 1.2)
    QTest.keyClick(view, Qt.Key_0, Qt.ControlModifier)  # fit: the whole chart is in view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(widget.scene.itemsBoundingRect())
    before = view.zoom()
    pos = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        pos,
        QPointF(view.viewport().mapToGlobal(pos.toPoint())),
        QPoint(),
        QPoint(0, 120),
        Qt.NoButton,
        Qt.ControlModifier,
        Qt.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(before * 1.2)


def test_double_click_edits_the_person(widget, services, demo, qtbot):
    account_id, opp_id = demo
    box = _box(widget, "赵晓燕")
    QTest.mouseDClick(widget.view.viewport(), Qt.LeftButton, Qt.NoModifier, _at(widget, box))
    dialog = widget.dialog
    assert isinstance(dialog, PersonDialog) and dialog.isVisible()
    assert dialog.name.text() == "赵晓燕"
    assert dialog.title_edit.text() == "质量部经理 Quality Manager"
    # The quality manager becomes a supporting technical expert with medium influence.
    tick(dialog.roles["technical_expert"])
    dialog.attitude.setCurrentIndex(dialog.attitude.findData("supporter"))
    replace_text(dialog.title_edit, "质量总监")
    click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: widget.dialog is None)
    contact = _contact(services, "赵晓燕", account_id)
    role = next(r for r in services.opportunities.get(opp_id).roles if r.contact_id == contact.id)
    assert contact.title == "质量总监"
    assert role.roles == ["user", "technical_expert"] and role.attitude == "supporter"
    assert _box(widget, "赵晓燕").person.attitude == "supporter"


def test_an_invalid_edit_keeps_the_dialog_open(widget, services, demo, qtbot):
    box = _box(widget, "李娜")
    QTest.mouseDClick(widget.view.viewport(), Qt.LeftButton, Qt.NoModifier, _at(widget, box))
    dialog = widget.dialog
    dialog.name.clear()
    click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Name" in dialog.error.text()
    assert _contact(services, "李娜", demo[0]).name == "李娜"


def test_adding_a_person_from_the_map(widget, services, demo, qtbot):
    account_id, opp_id = demo
    _box(widget, "张伟").setSelected(True)
    click(widget.toolbar.widgetForAction(widget.add_action))
    dialog = widget.dialog
    assert dialog.reports_to.currentData() == _contact(services, "张伟", account_id).id
    type_text(dialog.name, "陈静")
    type_text(dialog.title_edit, "数据工程师")
    tick(dialog.roles["user"])
    tick(dialog.roles["coach"])
    click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: widget.dialog is None)
    new = _contact(services, "陈静", account_id)
    assert new.reports_to_id == _contact(services, "张伟", account_id).id
    role = next(r for r in services.opportunities.get(opp_id).roles if r.contact_id == new.id)
    assert role.roles == ["user", "coach"]
    assert _box(widget, "陈静").person.is_coach


def test_delete_asks_first_and_no_keeps_the_person(widget, services, demo):
    account_id, _ = demo
    _box(widget, "吴涛").setSelected(True)
    asked: list[str] = []

    def answer(button):  # type: ignore[no-untyped-def]
        def act(box: QMessageBox) -> None:
            asked.append(box.text())
            click(box.button(button))

        return act

    when_dialog(QMessageBox, answer(QMessageBox.No))
    shortcut(widget.window(), Qt.Key_Delete)
    assert asked and "吴涛" in asked[0]
    assert any(c.name == "吴涛" for c in services.contacts.for_account(account_id))
    when_dialog(QMessageBox, answer(QMessageBox.Yes))
    shortcut(widget.window(), Qt.Key_Delete)
    assert len(asked) == 2
    assert not any(c.name == "吴涛" for c in services.contacts.for_account(account_id))
    assert len(widget.person_items()) == 9


def test_reset_layout_forgets_dragged_positions(widget, services, demo):
    account_id, _ = demo
    box = _box(widget, "李娜")
    auto = box.pos()
    _drag(widget, _at(widget, box), _at(widget, box, 300, 200))
    assert _contact(services, "李娜", account_id).map_x is not None
    when_dialog(QMessageBox, lambda b: click(b.button(QMessageBox.Yes)))
    click(widget.toolbar.widgetForAction(widget.reset_action))
    assert _contact(services, "李娜", account_id).map_x is None
    assert box.pos() == auto


def test_coverage_warnings_follow_the_roles(widget, services, demo, playbook):
    account_id, opp_id = demo
    texts = [widget.warnings.item(i).text() for i in range(widget.warnings.count())]
    expected = services.opportunities.warnings(opp_id, "en")
    assert texts == [w.text(playbook, "en") for w in expected]
    assert "张伟 (Technical expert, Influencer) is an opponent with high influence." in texts
    first = widget.warnings.item(0)
    assert first.toolTip() == expected[0].advice(playbook, "en")
    zhang = _contact(services, "张伟", account_id)
    services.opportunities.set_role(opp_id, zhang.id, attitude="supporter")
    texts = [widget.warnings.item(i).text() for i in range(widget.warnings.count())]
    assert not any("opponent with high influence" in t for t in texts)


def test_chinese_interface_labels(qtbot, services, demo):
    from desktop.ui.context import UiContext

    ctx = UiContext.build(services, "zh")
    w = DecisionMapWidget(ctx)
    qtbot.addWidget(w)
    w.set_opportunity(demo[1])
    texts = [w.warnings.item(i).text() for i in range(w.warnings.count())]
    assert "张伟（技术专家、影响者）是影响力高的反对者。" in texts
    assert "反对者" in _box(w, "张伟").toolTip()


def test_export_from_the_widget(widget, tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "map.png"
    assert widget.export_to(out)
    assert not QImage(str(out)).isNull()
    assert not widget.export_to(tmp_path / "missing" / "map.png")
    assert "Could not export" in widget.message.text()


def test_no_opportunity_shows_a_hint(qtbot, ctx):
    w = DecisionMapWidget(ctx)
    qtbot.addWidget(w)
    assert w.person_items() == []
    assert not w.add_action.isEnabled()
    w.set_opportunity(12345)  # gone: nothing to show, no traceback
    assert w.opportunity_id is None and w.person_items() == []


def test_a_circle_of_200_people_is_drawn(qtbot, ctx, services):
    account = services.accounts.create(name="Big Co")
    opp = services.opportunities.create(account.id, name="Rollout")
    ids: list[int] = []
    for i in range(200):
        manager = ids[(i - 1) // 5] if i else None
        contact = services.contacts.create(account.id, name=f"P{i:03}", reports_to_id=manager)
        ids.append(contact.id)
    w = DecisionMapWidget(ctx)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.set_opportunity(opp.id)
    w.show()
    qtbot.waitExposed(w)
    w.view.fit()
    assert len(w.person_items()) == 200
    assert len(w.scene.connectors) == 199
    image = w.grab()
    assert not image.isNull()


LONG_TITLE = "Vice President, Manufacturing Engineering"


def _ink_rows(widget, item: PersonItem) -> list[int]:
    """The rows of the box (in scene units from its top) where something dark is drawn."""
    from PySide6.QtGui import QColor, QImage, QPainter

    box = item.box()
    image = QImage(int(box.width()), int(box.height()), QImage.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    widget.scene.render(painter, image.rect().toRectF(), box)
    painter.end()
    rows = []
    for y in range(image.height()):
        # Text pixels: darker than the box's pale fill, away from the border.
        if any(QColor(image.pixel(x, y)).lightness() < 170 for x in range(12, 150)):
            rows.append(y)
    return rows


def test_a_long_title_wraps_to_two_lines_before_it_is_cut(widget, services, demo):
    from desktop.export.map import paint, style

    account_id, _ = demo
    services.contacts.create(account_id, name="Li Wei", title=LONG_TITLE)
    box = _box(widget, "Li Wei")
    rows = _ink_rows(widget, box)
    # The first title line sits at 27–42; the second at 42–57 carries ink too.
    assert any(44 <= y <= 55 for y in rows), rows
    lines = paint.wrap_lines(LONG_TITLE, style.font(paint.TITLE_PIXELS), 150, 2)
    assert len(lines) == 2 and " ".join(lines) == LONG_TITLE  # whole, nothing elided


def test_a_title_longer_than_two_lines_is_elided_on_the_second():
    from desktop.export.map import paint, style

    text = "总经理助理兼生产计划部副经理、精益改善推进办公室主任、信息化项目负责人"
    lines = paint.wrap_lines(text, style.font(paint.TITLE_PIXELS), 150, 2)
    assert len(lines) == 2
    assert lines[1].endswith("…") and text.startswith(lines[0])


def test_influencers_outside_the_account_are_listed_beside_the_map(qtbot, widget, services, demo):
    """Issue 16 item 6: shown beside the map, not drawn as boxes of the account's chart."""
    account_id, opp_id = demo
    before = widget.outside.count()
    boxes = len(widget.person_items())
    services.outside_influencers.add(opp_id, "other", "钱工", "苏州设计院")
    services.outside_influencers.add(opp_id, "ours", "Lena Wu")
    qtbot.waitUntil(lambda: widget.outside.count() == before + 2)
    texts = [widget.outside.item(before + i).text() for i in range(2)]
    assert texts == ["钱工 · 苏州设计院", "Lena Wu · our side"]
    assert not widget.outside.isHidden() and widget.outside.accessibleName()
    assert len(widget.person_items()) == boxes
    for row in services.outside_influencers.list(opp_id):
        services.outside_influencers.delete(row.id)
    qtbot.waitUntil(lambda: widget.outside.isHidden())  # none left: the list goes away
