"""A rep plans a new visit on the demo account, step by step, until the plan is 100% ready."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox


def gaps_text(view, step):
    return view.pages[step].gaps.text()


def pick(combo, data):
    """Choose a value in a combo with the keyboard, as a rep would (Down until it shows)."""
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        QTest.keyClick(combo, Qt.Key_Down)
    raise AssertionError(f"{data!r} is not offered")


def tick_bank(dialog, texts):
    for item in dialog.question_items():
        if item.text(0) in texts:
            item.setCheckState(0, Qt.Checked)


def test_walk_all_five_steps_to_a_ready_plan(qtbot, services, demo, open_view, ui):
    pb = services.playbook
    visit = services.visits.plan(demo.opp.id)
    view, stack = open_view(visit.id)
    assert view.current_step() == "prepare"
    assert view.readiness.value() < 50
    assert "Set the objective of this visit." in gaps_text(view, "prepare")
    assert view.step_buttons["prepare"].text().endswith("(7)")

    # Prepare ---------------------------------------------------------------------------
    page = view.pages["prepare"]
    ui.type(page.starts_at, "2027-03-02 09:30")
    ui.leave(page.starts_at)
    ui.type(page.place, "恒远精密 行政楼 3 楼")
    ui.leave(page.place)
    for widget, text in (
        (page.objective, "确认一期范围并约定参观"),
        (page.best, "王磊同意参观常州瑞拓"),
        (page.minimum, "张伟同意接口联调"),
        (page.info_needed, "评分表权重"),
        (page.research, "1,200 人; POC 结果良好"),
    ):
        ui.type(widget, text)
        ui.leave(widget)
    assert "Set the objective of this visit." not in gaps_text(view, "prepare")
    assert "Choose who from the customer will attend." in gaps_text(view, "prepare")
    wang = demo.contacts["王磊"]
    qtbot.mouseClick(page.attendee_boxes[wang.id], Qt.LeftButton)
    assert "Nothing is missing" in gaps_text(view, "prepare")
    assert view.step_buttons["prepare"].text().endswith("✓")
    stored = services.visits.get(visit.id)
    assert stored.starts_at == datetime(2027, 3, 2, 9, 30)
    assert stored.place == "恒远精密 行政楼 3 楼"
    assert stored.objective == "确认一期范围并约定参观"
    assert [a.contact_id for a in stored.attendees] == [wang.id]

    # Open ------------------------------------------------------------------------------
    QTest.keyClick(view, Qt.Key_2, Qt.ControlModifier)
    assert view.current_step() == "open"
    builder = view.pages["open"].builder
    assert "王磊" in builder.listener.currentText()
    assert "Share the vision" in builder.tips.text()  # his style: advocating
    for widget, text in (
        (builder.who, "我们是智联云工。"),
        (builder.what, "今天想确认一期范围。"),
        (builder.why, "瑞拓的 OEE 提升了 12 个百分点。"),
        (builder.reference, "常州瑞拓"),
    ):
        ui.type(widget, text)
        ui.leave(widget)
    qtbot.mouseClick(builder.compose_button, Qt.LeftButton)
    statement = "我们是智联云工。今天想确认一期范围。瑞拓的 OEE 提升了 12 个百分点。"
    assert builder.statement.toPlainText() == statement
    assert services.visits.get(visit.id).value_statement == statement
    assert "Nothing is missing" in gaps_text(view, "open")

    # Consult: three questions from the bank, one need --------------------------------
    QTest.keyClick(view, Qt.Key_3, Qt.ControlModifier)
    consult = view.pages["consult"]
    assert "Plan at least 3 questions (you have 0)." in gaps_text(view, "consult")
    qtbot.mouseClick(consult.bank_button, Qt.LeftButton)
    dialog = consult.bank
    assert dialog.isVisible()
    explore = pb.entry("eric_steps", "explore").questions[0].en
    refine = pb.entry("eric_steps", "refine").questions[1].en
    problem = pb.entry("spin_types", "problem").questions[0].en
    tick_bank(dialog, {explore, refine, problem})
    assert "3 question(s) ticked" in dialog.count.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    questions = services.visits.get(visit.id).questions
    assert [(q.framework, q.step, q.text) for q in questions] == [
        ("eric", "explore", explore),
        ("eric", "refine", refine),
        ("spin", "problem", problem),
    ]
    assert consult.questions.table.rowCount() == 3
    assert "Nothing is missing" in gaps_text(view, "consult")

    qtbot.mouseClick(consult.needs.add_button, Qt.LeftButton)
    description = consult.needs.widget("description")
    ui.type(description, "实时 OEE 看板")
    ui.leave(description)
    pick(consult.needs.widget("clarity"), "explicit")
    need = services.visits.get(visit.id).needs[0]
    assert (need.description, need.clarity) == ("实时 OEE 看板", "explicit")

    # Propose: next action, and a FAB linked to the need --------------------------------
    QTest.keyClick(view, Qt.Key_4, Qt.ControlModifier)
    propose = view.pages["propose"]
    pick(propose.next_action, "reference_visit")
    assert "satisfied customer" in propose.action_help.text()
    qtbot.mouseClick(propose.fabs.add_button, Qt.LeftButton)
    for name, text in (("feature", "Edge 网关"), ("benefit", "首月就能看到 OEE")):
        ui.type(propose.fabs.widget(name), text)
        ui.leave(propose.fabs.widget(name))
    assert "Tie the benefit “首月就能看到 OEE”" in gaps_text(view, "propose")
    pick(propose.fabs.widget("need_id"), need.id)
    fab = services.visits.get(visit.id).fabs[0]
    assert (fab.feature, fab.benefit, fab.need_id) == ("Edge 网关", "首月就能看到 OEE", need.id)
    assert "Nothing is missing" in gaps_text(view, "propose")

    # Close ------------------------------------------------------------------------------
    QTest.keyClick(view, Qt.Key_5, Qt.ControlModifier)
    close = view.pages["close"]
    assert "王磊同意参观常州瑞拓" in close.commitments.text()
    ui.type(close.plan, "总结后直接约参观时间, 然后沉默。")
    ui.leave(close.plan)
    assert "Nothing is missing" in gaps_text(view, "close")

    # Objections -------------------------------------------------------------------------
    QTest.keyClick(view, Qt.Key_J, Qt.ControlModifier)
    objections = view.pages["objections"]
    qtbot.mouseClick(objections.table.add_button, Qt.LeftButton)
    ui.type(objections.table.widget("text"), "价格太高了")
    ui.leave(objections.table.widget("text"))
    pick(objections.table.widget("type"), "price")
    pick(objections.table.widget("method"), "compensate")
    assert "hardened steel" in objections.method_help.text()  # the method's example
    assert "Prepare a response to “价格太高了”." in gaps_text(view, "objections")
    ui.type(objections.table.widget("response"), "分期付款 + 补贴")
    ui.leave(objections.table.widget("response"))

    assert view.readiness.value() == 100
    assert all(b.text().endswith("✓") for b in view.step_buttons.values())
    objection = services.visits.get(visit.id).objections[0]
    assert (objection.type, objection.method, objection.response) == (
        "price",
        "compensate",
        "分期付款 + 补贴",
    )

    # Undo the last edit: the response goes, the plan is no longer complete; redo restores.
    stack.undo()
    assert services.visits.get(visit.id).objections[0].response == ""
    assert view.readiness.value() < 100
    assert objections.table.widget("response").toPlainText() == ""
    stack.redo()
    assert services.visits.get(visit.id).objections[0].response == "分期付款 + 补贴"
    assert view.readiness.value() == 100

    # A new view on the same file shows it all.
    again, _ = open_view(visit.id)
    assert again.pages["prepare"].place.text() == "恒远精密 行政楼 3 楼"
    assert again.pages["prepare"].attendee_boxes[wang.id].isChecked()
    assert again.pages["open"].builder.statement.toPlainText() == statement
    assert again.pages["consult"].questions.table.rowCount() == 3
    assert again.pages["propose"].next_action.currentData() == "reference_visit"
    assert again.pages["objections"].table.table.item(0, 0).text() == "价格太高了"
    assert again.readiness.value() == 100
