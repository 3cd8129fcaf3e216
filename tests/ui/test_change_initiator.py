"""Who made a change decides who redraws: a form's own save does not reload the screen it is
on, while every other screen showing the same value updates; a change announced on a worker
reaches the screens on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QThread
from PySide6.QtGui import QUndoStack
from ui_actions import replace_text

from desktop.services.events import ChangeKind, Origin
from desktop.ui.account.page import AccountPage
from desktop.ui.tasks import run_task
from desktop.ui.widgets.save_status import SaveReporter


def _page(qtbot, ctx, account_id: int) -> AccountPage:
    page = AccountPage(ctx, account_id, QUndoStack(), SaveReporter())
    qtbot.addWidget(page)
    page.show()
    return page


def _count_reloads(page: AccountPage) -> list[int]:
    calls: list[int] = []
    reload = page.profile.reload

    def counted() -> None:
        calls.append(1)
        reload()

    page.profile.reload = counted  # type: ignore[method-assign]
    return calls


def test_a_forms_own_save_does_not_reload_its_screen_but_another_screen_updates(
    qtbot, ctx, services
):
    account = services.accounts.create(name="Hengyuan", city="Wuxi")
    mine = _page(qtbot, ctx, account.id)
    other = _page(qtbot, ctx, account.id)  # the same account open a second time
    mine_reloads, other_reloads = _count_reloads(mine), _count_reloads(other)
    seen: list = []
    ctx.hub.changed.connect(seen.append)

    replace_text(mine.profile.fields["city"], "Suzhou")
    replace_text(mine.profile.fields["name"], "Hengyuan Precision")
    assert mine.profile.flush()

    assert services.accounts.get(account.id).name == "Hengyuan Precision"
    assert [c.kind for c in seen] == [ChangeKind.ACCOUNT]
    assert seen[0].is_from(mine.profile.token) and not seen[0].is_from(other.profile.token)
    assert mine_reloads == []  # its own save: what it shows is what was saved
    assert mine.name.text() == "Hengyuan Precision"  # the header is another view: it follows
    assert len(other_reloads) == 1
    assert other.profile.fields["city"].text() == "Suzhou"
    assert other.profile.fields["name"].text() == "Hengyuan Precision"
    assert other.name.text() == "Hengyuan Precision"


def test_an_edit_made_elsewhere_reloads_the_form(qtbot, ctx, services):
    account = services.accounts.create(name="Hengyuan", city="Wuxi")
    page = _page(qtbot, ctx, account.id)
    reloads = _count_reloads(page)
    services.accounts.update(account.id, city="Changzhou")  # the command line, an import…
    assert len(reloads) == 1 and page.profile.fields["city"].text() == "Changzhou"


def test_a_change_announced_on_a_worker_reaches_the_screens_on_the_gui_thread(qtbot, ctx):
    gui = QThread.currentThread()
    arrived: list[tuple[ChangeKind, object, bool]] = []
    ctx.hub.changed.connect(
        lambda change: arrived.append(
            (change.kind, change.initiator, QThread.currentThread() is gui)
        )
    )
    run_task(ctx.services.demo.load)
    qtbot.waitUntil(lambda: len(arrived) == 2, timeout=10_000)
    assert arrived == [
        (ChangeKind.ACCOUNT, Origin.DEMO, True),
        (ChangeKind.VISIT, Origin.DEMO, True),
    ]


def test_an_opportunity_forms_own_save_updates_the_list_without_reloading_the_form(
    qtbot, window, services
):
    account = services.accounts.create(name="Acme")
    opp = services.opportunities.create(account.id, name="Pumps")
    page = window.open_account(account.id)
    page.show_tab(2)
    tab = page.opportunities
    form = tab.form(opp.id)
    reloads: list[int] = []
    real_reload = form.reload
    form.reload = lambda: reloads.append(1) or real_reload()  # type: ignore[method-assign]

    replace_text(form.fields["name"], "Pumps and valves")
    assert window.flush_all()

    assert services.opportunities.get(opp.id).name == "Pumps and valves"
    assert reloads == []  # its own save
    assert "Pumps and valves" in tab.list.item(0).text()  # the list shows the new name
    services.opportunities.update(opp.id, name="Valves")  # saved elsewhere: the form follows
    assert len(reloads) == 1 and form.fields["name"].text() == "Valves"
