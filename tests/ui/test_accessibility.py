"""Anyone can drive it: every control has a name a screen reader reads, Tab goes through a form
in reading order, and the control with the focus always looks different.

Names are read through Qt's accessibility interface (what AT-SPI and UI Automation see); the
whole window driven through AT-SPI itself is in test_atspi_flow.py.
"""

from __future__ import annotations

import pytest
from a11y_survey import accessible_description, accessible_name, tab_chain, unnamed
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.services.demo import load_demo


@pytest.fixture
def demo_id(db):
    return load_demo(db)


def _visit_ids(services, account_id):
    opp = services.opportunities.for_account(account_id)[0]
    return opp.id, [v.id for v in services.visits.for_opportunity(opp.id)]


def test_every_control_of_every_screen_has_a_name(demo_id, window, services, qtbot):
    screens = {"account list": window}
    window.show_nav(1)
    screens["upcoming visits"] = window.upcoming
    page = window.open_account(demo_id)
    for index in range(page.tabs.count()):
        page.show_tab(index)
        screens[f"account tab {page.tabs.tabText(index)}"] = page.tabs.widget(index)
    page.show_tab(1)
    page.circle.map_button.click()  # the decision map instead of the list
    screens["decision map"] = page.circle
    _opp, visits = _visit_ids(services, demo_id)
    view = window.open_visit(visits[0])
    for key in view.pages:
        view.show_step(key)
    screens["visit plan"] = view
    view.open_visit_mode()
    screens["visit mode"] = view.visit_mode

    missing = {name: unnamed(root) for name, root in screens.items()}
    view.visit_mode.close()
    assert {name: found for name, found in missing.items() if found} == {}


def test_every_control_of_every_dialog_has_a_name(demo_id, window, services, ctx, qtbot):
    from desktop.services.backups import BackupService
    from desktop.ui.account.dialogs import (
        CompetitorDialog,
        NewAccountDialog,
        NewContactDialog,
        NewOpportunityDialog,
        NewVisitDialog,
    )
    from desktop.ui.backups_dialog import BackupsDialog
    from desktop.ui.first_run import FirstRunDialog
    from desktop.ui.map.dialogs import PersonDialog, PersonValues
    from desktop.ui.preferences import PreferencesDialog
    from desktop.ui.visit.debrief import DebriefDialog
    from desktop.ui.visit.question_bank import QuestionBankDialog
    from desktop.ui.widgets.shortcuts import ShortcutsDialog

    opp_id, visits = _visit_ids(services, demo_id)
    people = [(c.name, c.id) for c in services.contacts.for_account(demo_id)]
    dialogs = {
        "new account": NewAccountDialog(ctx, window),
        "new contact": NewContactDialog(ctx, demo_id, parent=window),
        "new opportunity": NewOpportunityDialog(ctx, demo_id, window),
        "competitor": CompetitorDialog(ctx, parent=window),
        "new visit": NewVisitDialog(ctx, opp_id, window),
        "preferences": PreferencesDialog(ctx, window),
        "debrief": DebriefDialog(ctx, visits[0], window),
        "question bank": QuestionBankDialog(ctx, people, window),
        "shortcuts": ShortcutsDialog(window.shortcut_actions(), [], window),
        "backups": BackupsDialog(BackupService(services.db, services.notifier), window),
        "first run": FirstRunDialog(window),
        "person on the map": PersonDialog(
            services.playbook, "en", PersonValues(), [], lambda _v: None, adding=True, parent=window
        ),
    }
    dialogs["debrief"].add_need_row()  # the rows a rep adds have names too
    missing = {}
    for name, dialog in dialogs.items():
        dialog.show()
        missing[name] = unnamed(dialog)
        dialog.close()
    assert {name: found for name, found in missing.items() if found} == {}


def test_a_field_is_named_by_its_label_in_the_interface_language(demo_id, window, qtbot):
    from desktop.ui import i18n

    profile = window.open_account(demo_id).profile
    name_field, revenue = profile.fields["name"], profile.fields["annual_revenue"]
    assert accessible_name(name_field) == "Company name"
    assert accessible_name(revenue) == "Annual revenue"
    assert accessible_name(profile.fields["currency"]) == "Currency"
    # The tooltip says what the code is: read out as the description.
    assert "a code such as CNY" in accessible_description(profile.fields["currency"])

    i18n.install_translators("zh")
    QApplication.processEvents()
    label = profile.facts.labels["name"].text()
    assert not label.isascii()
    assert accessible_name(name_field) == label


def test_an_explicit_name_is_not_replaced_by_the_label(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from desktop.ui.widgets.a11y import FieldLabel

    field = QLineEdit()
    qtbot.addWidget(field)
    label = FieldLabel("&Amount:")
    qtbot.addWidget(label)
    label.setBuddy(field)
    assert accessible_name(field) == "Amount"
    label.setText("金额:")
    assert accessible_name(field) == "金额"
    field.setAccessibleName("Budget amount in CNY")
    label.setText("Amount")
    assert accessible_name(field) == "Budget amount in CNY"


def test_tab_goes_through_the_new_account_dialog_in_reading_order(window, ctx, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.account.dialogs import NewAccountDialog

    dialog = NewAccountDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog)
    visited = tab_chain(dialog.name, 5)
    ok = dialog.buttons.button(QDialogButtonBox.Ok)
    cancel = dialog.buttons.button(QDialogButtonBox.Cancel)
    assert visited == [dialog.alt_name, dialog.industry, dialog.city, ok, cancel]


def test_tab_goes_through_the_company_facts_in_reading_order(demo_id, window, qtbot):
    profile = window.open_account(demo_id).profile
    order = [
        "alt_name",
        "industry",
        "city",
        "address",
        "website",
        "headcount",
        "annual_revenue",
        "currency",
        "category_spend",
        "main_business",
    ]
    visited = tab_chain(profile.fields["name"], len(order))
    assert [accessible_name(w) for w in visited] == [
        accessible_name(profile.fields[name]) for name in order
    ]
    assert visited == [profile.fields[name] for name in order]


def _tab_and_compare(window, start, presses):
    """Tab ``presses`` times from ``start``; the controls that did not look focused."""
    start.setFocus(Qt.TabFocusReason)
    QTest.keyClick(start, Qt.Key_Tab)
    unchanged = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        focused = widget.grab().toImage()
        QTest.keyClick(widget, Qt.Key_Tab)
        if QApplication.focusWidget() is widget:
            break
        if widget.grab().toImage() == focused:
            unchanged.append(f"{type(widget).__name__} {accessible_name(widget)!r}")
    return unchanged


def test_the_focused_control_always_looks_focused(demo_id, window, services, qtbot):
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    # The list screen: navigation, filters, the list, the buttons.
    unchanged = _tab_and_compare(window, window.search, 10)
    page = window.open_account(demo_id)
    page.show_tab(1)
    unchanged += _tab_and_compare(window, page.circle.picker, 10)
    page.show_tab(0)
    unchanged += _tab_and_compare(window, page.profile.fields["city"], 20)
    _opp, visits = _visit_ids(services, demo_id)
    view = window.open_visit(visits[0])
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    unchanged += _tab_and_compare(window, view.back_button, 12)
    assert unchanged == []


def test_tab_leaves_a_table_instead_of_walking_its_cells(demo_id, window, qtbot):
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    table = window.accounts.table
    table.setFocus(Qt.TabFocusReason)
    QTest.keyClick(table, Qt.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_tab_goes_through_a_visit_steps_fields_then_its_guide(demo_id, window, services, qtbot):
    _opp, visits = _visit_ids(services, demo_id)
    view = window.open_visit(visits[0])
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    page = view.pages["prepare"]
    names = [accessible_name(w) for w in tab_chain(view.step_buttons["prepare"], 40)]
    assert names[0] == "Date and time"
    fields_end = names.index("Research notes")
    ticks = [accessible_name(box) for box in page.attendee_boxes.values()]
    # The attendee ticks follow the fields, then the team, then the guide beside them.
    assert names[fields_end + 1 : fields_end + 1 + len(ticks)] == ticks
    assert names[fields_end + 1 + len(ticks)] == "Our team"
    assert names.index("Questions to ask yourself") > names.index("Our team")


def test_every_toolbar_action_is_in_reach_of_the_keyboard(demo_id, window, services, qtbot):
    """An action needs a shortcut, a menu entry, or a button that Tab reaches."""
    from PySide6.QtWidgets import QToolBar, QToolButton

    page = window.open_account(demo_id)
    page.show_tab(1)
    page.circle.map_button.click()
    _opp, visits = _visit_ids(services, demo_id)
    window.open_visit(visits[0])
    in_menus = {a for menu in window.menuBar().actions() for a in menu.menu().actions()}
    out_of_reach = []
    for toolbar in window.findChildren(QToolBar):
        for button in toolbar.findChildren(QToolButton):
            action = button.defaultAction()
            if button.objectName() == "qt_toolbar_ext_button" or button.text() == "":
                continue
            reachable = button.focusPolicy() & Qt.TabFocus or (
                action is not None and (action.shortcuts() or action in in_menus)
            )
            if not reachable:
                out_of_reach.append(button.text())
    assert out_of_reach == []


def test_the_contact_import_dialog_names_every_control(demo_id, ctx, qtbot):
    from pathlib import Path

    from desktop.ui.contact_import_dialog import ContactImportDialog

    csv = Path(__file__).resolve().parent.parent / "data" / "contacts" / "google.csv"
    dialog = ContactImportDialog(ctx, demo_id, csv)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.rows.model().rowCount() > 0, timeout=10000)
    assert unnamed(dialog) == []


def test_the_recovery_dialog_names_every_control(db_path, qtbot):
    from desktop.services import recovery
    from desktop.store import backups
    from desktop.store.database import open_database
    from desktop.ui.recovery_dialog import RecoveryDialog

    open_database(db_path).close()
    backups.make_backup(db_path, "auto")
    db_path.write_bytes(b"\xff" * 4096)  # the data file no longer opens
    dialog = RecoveryDialog(recovery.assess(db_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == []


def _reading_order_breaks(dialog, qtbot) -> list[str]:
    """Tab once round the dialog; each stop must be below the previous one or right of it."""
    from PySide6.QtWidgets import QWidget

    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog)
    dialog.nextInFocusChain().setFocus(Qt.TabFocusReason)
    stops: list[QWidget] = []
    for widget in tab_chain(QApplication.focusWidget(), 60):
        if widget in stops:  # round once: the cycle, starting at its top-left control
            cycle = stops[stops.index(widget) :]
            break
        stops.append(widget)
    else:
        raise AssertionError("Tab never came round")

    def place(widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(dialog, widget.rect().topLeft())
        return point.y(), point.x()

    start = cycle.index(min(cycle, key=place))
    stops = cycle[start:] + cycle[:start]
    breaks = []
    for before, after in zip(stops, stops[1:], strict=False):
        a = before.mapTo(dialog, before.rect().topLeft())
        b = after.mapTo(dialog, after.rect().topLeft())
        same_row = abs(a.y() - b.y()) < min(before.height(), after.height()) / 2
        if (same_row and b.x() < a.x()) or (not same_row and b.y() < a.y()):
            breaks.append(f"{accessible_name(before)!r} -> {accessible_name(after)!r}")
    return breaks


def test_tab_follows_reading_order_in_every_form_dialog(demo_id, window, services, ctx, qtbot):
    from desktop.ui.account.dialogs import (
        CompetitorDialog,
        NewAccountDialog,
        NewContactDialog,
        NewOpportunityDialog,
        NewVisitDialog,
    )
    from desktop.ui.map.dialogs import PersonDialog, PersonValues
    from desktop.ui.preferences import PreferencesDialog

    opp_id, _visits = _visit_ids(services, demo_id)
    dialogs = {
        "new account": NewAccountDialog(ctx, window),
        "new contact": NewContactDialog(ctx, demo_id, parent=window),
        "new opportunity": NewOpportunityDialog(ctx, demo_id, window),
        "competitor": CompetitorDialog(ctx, parent=window),
        "new visit": NewVisitDialog(ctx, opp_id, window),
        "preferences": PreferencesDialog(ctx, window),
        "person on the map": PersonDialog(
            services.playbook, "en", PersonValues(), [], lambda _v: None, adding=True, parent=window
        ),
    }
    breaks = {}
    for name, dialog in dialogs.items():
        found = _reading_order_breaks(dialog, qtbot)
        dialog.close()
        if found:
            breaks[name] = found
    assert breaks == {}
