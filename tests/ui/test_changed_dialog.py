"""File ▸ Changed by someone else…: a manager link that a merge had to cut is listed; restoring
it is refused while it would loop, and works once the rep has moved the other person.

The window's data file and a teammate's laptop (its own real data file) exchange their
documents as the team server relays them (tests/sync/laptops.py).
"""

from __future__ import annotations

from laptops import exchange_directly, open_laptop, small_account
from PySide6.QtCore import Qt

from desktop.sync.engine import SyncEngine


def _looped(services, tmp_path):
    """Both laptops set a manager offline; merged, the two people report to each other."""
    account_id, people = small_account(services)
    chen = services.contacts.create(account_id, name="陈静", title="采购经理")
    uid = SyncEngine(services.team_sync).start_sharing(account_id)
    teammate = open_laptop(tmp_path / "teammate")
    SyncEngine(teammate.team_sync).join(uid, "write")
    exchange_directly(services, teammate, uid)
    theirs = {
        c.name: c.id for c in teammate.contacts.for_account(teammate.team_sync.account_id(uid))
    }
    services.contacts.update(people["ceo"], reports_to_id=chen.id)
    teammate.contacts.update(theirs["陈静"], reports_to_id=theirs["王建国"])
    exchange_directly(services, teammate, uid)
    teammate.close()
    both = {c.name: c for c in services.contacts.for_account(account_id)}
    cut = next(c for c in (both["王建国"], both["陈静"]) if c.reports_to_id is None)
    kept = both["陈静"] if cut is both["王建国"] else both["王建国"]
    return cut, kept


def test_review_and_restore_a_value_a_merge_set_aside(
    qtbot, window, services, tmp_path, monkeypatch
):
    from desktop.ui.msgbox import prompter

    cut, kept = _looped(services, tmp_path)
    errors = []
    monkeypatch.setattr(prompter, "error", lambda _parent, title, text: errors.append(text))
    window.changed_action.trigger()  # what choosing it in the File menu does
    dialog = window.changed_action.dialog
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.rowCount() == 1
    shown = [table.item(0, c).text() for c in range(6)]
    assert shown[:5] == [
        "华东电力 East Power",
        cut.name,
        "Reports to",
        kept.name,
        "The merge (to keep the data consistent)",
    ]
    assert dialog.restore_button.accessibleName() == "Restore my value"

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert errors and "loop" in errors[0]  # refused, said why, nothing lost
    assert table.rowCount() == 1

    services.contacts.update(kept.id, reports_to_id=None)  # the rep moves the other person
    qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Space)  # the keyboard works too
    assert services.contacts.get(cut.id).reports_to_id == kept.id
    assert dialog.empty.isVisible() and not table.isVisible()
    assert not dialog.restore_button.isEnabled()
    dialog.reject()


def test_the_list_and_its_refusal_read_in_chinese(qtbot, window, services, tmp_path, monkeypatch):
    from desktop.ui import i18n
    from desktop.ui.msgbox import prompter

    cut, kept = _looped(services, tmp_path)
    window.ctx.lang = "zh"
    i18n.install_translators("zh")
    errors = []
    monkeypatch.setattr(prompter, "error", lambda _parent, title, text: errors.append(title + text))
    window.changed_action.trigger()
    dialog = window.changed_action.dialog
    qtbot.waitExposed(dialog)
    table = dialog.table
    shown = [table.item(0, c).text() for c in range(5)]
    assert shown[2] == "汇报对象"
    assert shown[4] == "合并（为保持数据一致）"
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert errors and errors[0].startswith("恢复我的值") and "循环" in errors[0]
    assert table.rowCount() == 1  # refused, nothing lost
    dialog.reject()
