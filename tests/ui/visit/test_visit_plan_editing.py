"""Editing a plan: bad input is marked and not saved, lists reorder and undo, the view follows."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.ui.binding import INVALID_STYLE


def test_invalid_date_is_marked_at_the_field_and_not_saved(services, demo, open_view, ui):
    view, stack = open_view(demo.upcoming)
    page = view.pages["prepare"]
    before = services.visits.get(demo.upcoming).starts_at
    ui.replace(page.starts_at, "next tuesday")
    ui.leave(page.starts_at)
    assert page.starts_at.text() == "next tuesday"  # kept for the rep to correct
    assert page.starts_at.styleSheet() == INVALID_STYLE
    error = page.starts_at.parentWidget().findChildren(type(page.gaps))[-1]
    assert error.isVisible() and "must be a date and time, such as 2027/3/15 14:30" in error.text()
    assert services.visits.get(demo.upcoming).starts_at == before
    assert stack.count() == 0
    assert view.flush() is False
    ui.replace(page.starts_at, "2030-01-15 14:00")
    ui.leave(page.starts_at)
    assert page.starts_at.styleSheet() == ""
    assert services.visits.get(demo.upcoming).starts_at == datetime(2030, 1, 15, 14, 0)
    assert view.flush() is True
    assert "15/01/2030 14:00" in view.subtitle.text()  # the English short form


def test_keyboard_moves_between_steps_and_back(qtbot, demo, open_view):
    view, _ = open_view(demo.upcoming)
    for number, step in enumerate(("prepare", "open", "consult", "propose", "close"), start=1):
        QTest.keyClick(view, Qt.Key_0 + number, Qt.ControlModifier)
        assert view.current_step() == step
        assert view.step_buttons[step].isChecked()
    QTest.keyClick(view, Qt.Key_PageDown, Qt.ControlModifier)
    assert view.current_step() == "objections"
    QTest.keyClick(view, Qt.Key_PageDown, Qt.ControlModifier)
    assert view.current_step() == "prepare"
    QTest.keyClick(view, Qt.Key_PageUp, Qt.ControlModifier)
    assert view.current_step() == "objections"
    qtbot.mouseClick(view.step_buttons["consult"], Qt.LeftButton)
    assert view.current_step() == "consult"
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        QTest.keyClick(view, Qt.Key_Left, Qt.AltModifier)


def test_a_change_elsewhere_shows_up_without_losing_what_is_being_typed(
    services, demo, open_view, ui
):
    view, _ = open_view(demo.upcoming)
    page = view.pages["prepare"]
    ui.replace(page.objective, "新的目标")  # typed, not yet saved
    services.visits.update(demo.upcoming, place="苏州工业园区")  # e.g. from the calendar
    assert page.place.text() == "苏州工业园区"
    assert page.objective.toPlainText() == "新的目标"
    ui.leave(page.objective)
    stored = services.visits.get(demo.upcoming)
    assert (stored.objective, stored.place) == ("新的目标", "苏州工业园区")


def test_questions_reorder_delete_and_undo(qtbot, services, demo, open_view):
    view, stack = open_view(demo.upcoming)
    QTest.keyClick(view, Qt.Key_3, Qt.ControlModifier)
    table = view.pages["consult"].questions
    texts = [q.text for q in services.visits.get(demo.upcoming).questions]

    def stored():
        return [q.text for q in services.visits.get(demo.upcoming).questions]

    table.table.selectRow(2)
    table.table.setFocus()
    QTest.keyClick(table.table, Qt.Key_Up, Qt.AltModifier)
    assert stored() == [texts[0], texts[2], texts[1], *texts[3:]]
    assert table.table.item(1, 1).text().startswith(texts[2][:20])
    assert table.current_id() == services.visits.get(demo.upcoming).questions[1].id

    qtbot.mouseClick(table.delete_button, Qt.LeftButton)
    assert stored() == [texts[0], texts[1], *texts[3:]]
    assert table.table.rowCount() == len(texts) - 1

    stack.undo()  # the delete: back in its place, with its person
    assert stored() == [texts[0], texts[2], texts[1], *texts[3:]]
    restored = services.visits.get(demo.upcoming).questions[1]
    assert restored.target_contact_id is not None
    stack.undo()  # the move
    assert stored() == texts
    stack.redo()
    stack.redo()
    assert stored() == [texts[0], texts[1], *texts[3:]]


def test_editing_a_question_then_undo_after_delete_and_restore(services, demo, open_view, ui):
    view, stack = open_view(demo.upcoming)
    table = view.pages["consult"].questions
    table.table.selectRow(0)
    ui.replace(table.widget("text"), "What keeps you awake at night?")
    ui.leave(table.widget("text"))
    first = services.visits.get(demo.upcoming).questions[0]
    assert first.text == "What keeps you awake at night?"
    table.delete_current()
    stack.undo()  # restored under a new id
    stack.undo()  # the edit still finds it
    assert services.visits.get(demo.upcoming).questions[0].text.startswith("POC 之后")


def test_attendees_are_ticked_from_the_circle_and_undone(qtbot, services, demo, open_view):
    view, stack = open_view(demo.upcoming)
    page = view.pages["prepare"]
    quality = demo.contacts["赵晓燕"]
    box = page.attendee_boxes[quality.id]
    assert not box.isChecked()
    qtbot.mouseClick(box, Qt.LeftButton)
    ids = [a.contact_id for a in services.visits.get(demo.upcoming).attendees]
    assert quality.id in ids
    qtbot.mouseClick(page.attendee_boxes[quality.id], Qt.LeftButton)
    ids = [a.contact_id for a in services.visits.get(demo.upcoming).attendees]
    assert quality.id not in ids
    stack.undo()
    assert quality.id in [a.contact_id for a in services.visits.get(demo.upcoming).attendees]
    assert page.attendee_boxes[quality.id].isChecked()
    cio = demo.contacts["张伟"]
    row = next(
        r
        for r in range(page.circle.rowCount())
        if page.circle.cellWidget(r, 0) is page.attendee_boxes[cio.id]
    )
    assert page.circle.item(row, 2).text() == "Technical expert, Influencer"
    assert page.circle.item(row, 3).text() == "Opponent"


def test_checklist_ticks_are_saved_and_undoable(qtbot, services, demo, open_view):
    visit = services.visits.plan(demo.opp.id)
    view, stack = open_view(visit.id)
    check = view.pages["prepare"].checks["confirm_logistics"]
    qtbot.mouseClick(check.label, Qt.LeftButton)  # the text ticks it, like a checkbox's own
    assert check.box.isChecked()
    assert services.visits.get(visit.id).checklist == {"prepare": ["confirm_logistics"]}
    stack.undo()
    assert services.visits.get(visit.id).checklist == {}
    assert not check.box.isChecked()


def test_status_combo_saves_and_the_header_follows(services, demo, open_view):
    visit = services.visits.plan(demo.opp.id)
    view, _ = open_view(visit.id)
    view.status.setFocus()
    QTest.keyClick(view.status, Qt.Key_Down)
    assert services.visits.get(visit.id).status == "ready"
    assert view.status.currentText() == "Ready"


def test_chinese_playbook_labels_in_the_step_bar(services, demo, open_view):
    from desktop.ui.context import UiContext

    view, _ = open_view(demo.upcoming, UiContext.build(services, "zh"))
    assert view.step_buttons["prepare"].text().startswith("准备")
    assert view.step_buttons["objections"].text().startswith("回应客户问题")
    assert "不充分准备就是准备失败" in view.pages["prepare"].motto.text()


def test_time_and_length_as_written_are_saved_and_shown_back(services, demo, open_view, ui):
    view, _stack = open_view(demo.upcoming)
    page = view.pages["prepare"]
    ui.replace(page.starts_at, "2030年1月15日 14:00")
    ui.leave(page.starts_at)  # Return: the rep is done with the field
    ui.replace(page.duration, "1.5h")
    ui.leave(page.duration)
    visit = services.visits.get(demo.upcoming)
    assert (visit.starts_at, visit.duration_min) == (datetime(2030, 1, 15, 14, 0), 90)
    assert page.starts_at.text() == "15/01/2030 14:00"  # the English short form
    assert page.duration.text() == "90"
