"""The decision circle: people with reporting lines, their roles, and what the rep is warned of."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from ui_actions import OFFSCREEN_POPUPS, choose, click, shortcut, tick, type_text, when_dialog

from desktop.ui.account.circle import CONTACT_ROLE
from desktop.ui.account.dialogs import NewContactDialog
from desktop.ui.account.page import TAB_CIRCLE
from desktop.ui.msgbox import prompter

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


@pytest.fixture
def circle(window, services):
    account = services.accounts.create(name="恒远精密")
    services.opportunities.create(account.id, name="MES phase 1", stage="B")
    page = window.open_account(account.id)
    page.show_tab(TAB_CIRCLE)
    return page.circle


def add_contact(circle, name: str, title: str, manager: int | None = None) -> int:
    def fill(dialog: NewContactDialog) -> None:
        type_text(dialog.name, name)
        type_text(dialog.title, title)
        choose(dialog.reports_to, manager)
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    when_dialog(NewContactDialog, fill)
    shortcut(circle.window(), Qt.Key_N, Qt.ControlModifier | Qt.ShiftModifier)
    contact_id = circle.selected_contact()
    assert contact_id is not None
    return contact_id


def tree_shape(circle) -> dict[str, list[str]]:
    """Each person in the tree with the names of the people under them."""
    return {
        item.text(0): [item.child(i).text(0) for i in range(item.childCount())]
        for item in circle._all_items()
    }


def set_role(circle, contact_id: int, roles: list[str], attitude: str, influence: str) -> None:
    circle.select_contact(contact_id)
    QTest.qWait(1)  # let the newly shown editor lay itself out, as it would before a click
    editor = circle.current_role_editor()
    assert editor is not None and editor.contact_id == contact_id
    for key in roles:
        tick(editor.role_boxes[key])
    choose(editor.attitude, attitude)
    choose(editor.influence, influence)


def test_people_with_reporting_lines_roles_and_warnings(qtbot, circle, services):
    opp_id = circle.opportunity_id
    gm = add_contact(circle, "王建国", "总经理")
    cfo = add_contact(circle, "刘芳", "CFO", manager=gm)
    buyer = add_contact(circle, "周敏", "Purchasing manager", manager=cfo)
    assistant = add_contact(circle, "李娜", "Assistant to the GM", manager=gm)

    assert tree_shape(circle) == {
        "王建国": ["刘芳", "李娜"],
        "刘芳": ["周敏"],
        "周敏": [],
        "李娜": [],
    }
    assert services.contacts.get(buyer).reports_to_id == cfo
    assert services.contacts.get(assistant).reports_to_id == gm

    codes = circle.warnings.codes()
    assert "no_decision_maker" in codes and "no_coach" in codes

    set_role(circle, gm, ["decision_maker"], "neutral", "high")
    set_role(circle, assistant, ["coach"], "supporter", "low")
    role = next(r for r in services.opportunities.get(opp_id).roles if r.contact_id == gm)
    assert role.roles == ["decision_maker"] and role.attitude == "neutral"
    assert role.influence == "high"
    codes = circle.warnings.codes()
    assert "no_decision_maker" not in codes and "no_coach" not in codes
    assert "decision_maker_not_met" in codes  # nobody has met him yet

    # The tree shows each person's part in this deal.
    row = next(i for i in circle._all_items() if i.data(0, CONTACT_ROLE) == gm)
    assert row.text(1) == "Decision maker" and row.text(2) == "Neutral" and row.text(3) == "High"

    set_role(circle, cfo, ["technical_expert"], "opponent", "high")
    texts = circle.warnings.texts()
    assert "刘芳 (Technical expert) is an opponent with high influence." in texts
    first = circle.warnings.item(0)
    assert first.data(Qt.UserRole + 1) == "danger"
    assert first.toolTip()  # the playbook's advice on hover

    # Meeting the decision maker clears that warning: the contact form saves the date.
    circle.select_contact(gm)
    form = circle.current_form()
    type_text(form.fields["last_contact"], "2026-11-20")
    QTest.keyClick(form.fields["last_contact"], Qt.Key_Return)
    assert str(services.contacts.get(gm).last_contact) == "2026-11-20"
    assert "decision_maker_not_met" not in circle.warnings.codes()


def test_contact_details_and_needs_are_saved(qtbot, circle, services):
    gm = add_contact(circle, "王建国", "总经理")
    form = circle.current_form()
    choose(form.fields["communication_style"], "controlling")
    assert services.contacts.get(gm).communication_style == "controlling"
    assert form.pitch_tip.isVisible() and "results" in form.pitch_tip.text()

    priorities = form.fields["priorities"]
    for key in ("price", "results"):  # ticked in this order: price ranks first
        item = next(priorities.item(i) for i in range(priorities.count()) if
                    priorities.item(i).data(Qt.UserRole) == key)  # fmt: skip
        rect = priorities.visualItemRect(item)
        # The tick box sits at the left of the row.
        QTest.mouseClick(
            priorities.viewport(), Qt.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y())
        )
    qtbot.waitUntil(lambda: services.contacts.get(gm).priorities == ["price", "results"])
    assert priorities.item(0).text().startswith("1. ")

    needs = form.fields["business_needs"]
    needs.item(0).setCheckState(Qt.Checked)
    assert services.contacts.get(gm).business_needs == [needs.item(0).data(Qt.UserRole)]

    email = form.details.add_row("email")
    type_text(email.value, "not-an-address")
    QTest.keyClick(email.value, Qt.Key_Return)
    assert "e-mail" in email.message.text()
    assert services.contacts.get(gm).email == ""


def test_deleting_a_person_asks_moves_their_reports_up_and_can_be_undone(
    qtbot, circle, services, monkeypatch, window
):
    opp_id = circle.opportunity_id
    gm = add_contact(circle, "王建国", "GM")
    cfo = add_contact(circle, "刘芳", "CFO", manager=gm)
    buyer = add_contact(circle, "周敏", "Buyer", manager=cfo)
    set_role(circle, cfo, ["technical_expert"], "opponent", "high")

    asked = []
    monkeypatch.setattr(prompter, "confirm", lambda parent, title, text: asked.append(text) or True)
    circle.select_contact(cfo)
    click(circle.delete_button)
    assert "刘芳" in asked[0]
    assert [c.name for c in services.contacts.for_account(circle.account_id)] == ["王建国", "周敏"]
    assert services.contacts.get(buyer).reports_to_id == gm
    assert tree_shape(circle)["王建国"] == ["周敏"]

    window.undo_action.trigger()
    restored = next(c for c in services.contacts.for_account(circle.account_id) if c.name == "刘芳")
    assert restored.reports_to_id == gm and restored.title == "CFO"
    assert services.contacts.get(buyer).reports_to_id == restored.id
    role = next(r for r in services.opportunities.get(opp_id).roles if r.contact_id == restored.id)
    assert role.roles == ["technical_expert"] and role.attitude == "opponent"
    assert tree_shape(circle)["刘芳"] == ["周敏"]

    # An edit made before the delete still undoes onto the restored person.
    window.undo_action.trigger()  # the influence choice
    role = next(r for r in services.opportunities.get(opp_id).roles if r.contact_id == restored.id)
    assert role.influence is None


def test_moving_a_person_in_the_org_chart_is_undoable(qtbot, circle, services, window):
    gm = add_contact(circle, "王建国", "GM")
    cfo = add_contact(circle, "刘芳", "CFO", manager=gm)
    buyer = add_contact(circle, "周敏", "Buyer", manager=cfo)
    circle.tree.move_requested.emit(buyer, gm)  # what dropping 周敏 on 王建国 asks for
    assert services.contacts.get(buyer).reports_to_id == gm
    assert tree_shape(circle)["王建国"] == ["刘芳", "周敏"]
    circle.tree.move_requested.emit(gm, buyer)  # a loop: refused, said in the status bar
    assert services.contacts.get(gm).reports_to_id is None
    assert "loop" in window.save_label.text()
    window.undo_action.trigger()
    assert services.contacts.get(buyer).reports_to_id == cfo


def test_contacts_are_imported_and_exported_from_the_circle(
    qtbot, circle, services, monkeypatch, tmp_path
):
    from desktop.ui.contact_import_dialog import ContactImportDialog

    source = tmp_path / "outlook.csv"
    source.write_text(
        "First Name,Last Name,Job Title,E-mail Address,Mobile Phone\n"
        "伟,张,IT总监,zhang.wei@example.cn,138-1234-5678\n",
        encoding="utf-8-sig",
    )
    monkeypatch.setattr(prompter, "open_path", lambda *_a: str(source))

    def import_good_rows(dialog: ContactImportDialog) -> None:
        click(dialog.import_button)

    when_dialog(ContactImportDialog, import_good_rows)
    click(circle.import_button)
    names = [c.name for c in services.contacts.for_account(circle.account_id)]
    assert names == ["张伟"]

    target = tmp_path / "people.csv"
    monkeypatch.setattr(prompter, "save_path", lambda *_a: str(target))
    said = []
    monkeypatch.setattr(prompter, "info", lambda _p, _t, text: said.append(text))
    click(circle.export_button)
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said == [f"Saved 1 contact(s).\nSaved to {target}"]
    assert "张伟" in target.read_text(encoding="utf-8-sig")


def test_a_ticked_role_is_never_called_unclear(qtbot, circle):
    gm = add_contact(circle, "王建国", "总经理")
    circle.select_contact(gm)
    QTest.qWait(1)
    editor = circle.current_role_editor()
    tick(editor.role_boxes["decision_maker"])
    texts = circle.warnings.texts()
    assert not any("unclear" in text for text in texts)
    # What is missing is said plainly: his attitude and influence, until they are set.
    assert (
        "We lack information on 王建国 (Decision maker): their attitude or influence is not "
        "recorded." in texts
    )
    choose(editor.attitude, "supporter")
    choose(editor.influence, "high")
    assert not any("王建国 (Decision maker): their" in text for text in circle.warnings.texts())
