"""The team sync state in the status bar: it follows the worker (its own thread, reports
queued to the window) and the window keeps answering while a round is slow."""

from __future__ import annotations

import json
import threading

from laptops import small_account
from PySide6.QtCore import Qt

from desktop.sync.client import AuthRefused, TeamError
from desktop.sync.engine import SyncEngine
from desktop.ui.window_navigation import NAV_UPCOMING


def test_a_joined_laptop_that_cannot_reach_its_server_says_offline(qtbot, ctx, services):
    from desktop.ui.main_window import MainWindow

    folder = services.files.folder
    config = {"url": "https://127.0.0.1:9", "user": "ana", "refresh_token": "t", "ca_file": None}
    (folder / "team.json").write_text(json.dumps(config), encoding="utf-8")
    window = MainWindow(ctx)
    window.show()
    qtbot.waitExposed(window)
    button = window.sync_status.button
    try:
        assert button.isVisible() and button.accessibleName() == "Team sync state"
        qtbot.waitUntil(lambda: button.text() == "Team: offline", timeout=15_000)
        assert "127.0.0.1:9" in button.toolTip()
        assert "The team server cannot be reached. Your changes are kept here" in button.toolTip()
        saved = json.loads((folder / "team-status.json").read_text(encoding="utf-8"))
        assert saved["state"] == "offline"  # what `callbrief team status` reads
    finally:
        window.close()  # stops the worker after its round
        window.sync_status.worker.join(30)
        window.deleteLater()


def test_a_save_made_offline_counts_as_waiting_at_once(qtbot, ctx, services):
    """The rep edits a shared account with the server out of reach: the state says so at once,
    "offline · 1 change waiting", and so does ``callbrief team status``. It used to stay
    "offline" with nothing waiting until the server could be reached again."""
    from PySide6.QtTest import QTest
    from ui_actions import replace_text

    from desktop.ui.main_window import MainWindow

    folder = services.files.folder
    account_id, _people = small_account(services)
    uid = SyncEngine(services.team_sync).start_sharing(account_id)
    services.team_sync.acknowledged(uid, 10**9)  # everything so far reached the team
    config = {"url": "https://127.0.0.1:9", "user": "ana", "refresh_token": "t", "ca_file": None}
    (folder / "team.json").write_text(json.dumps(config), encoding="utf-8")
    window = MainWindow(ctx)
    window.show()
    qtbot.waitExposed(window)
    button = window.sync_status.button
    try:
        qtbot.waitUntil(lambda: button.text() == "Team: offline", timeout=15_000)
        revenue = window.open_account(account_id).profile.fields["annual_revenue"]
        replace_text(revenue, "2000000")
        QTest.keyClick(revenue, Qt.Key.Key_Tab)
        assert services.accounts.get(account_id).annual_revenue == 2_000_000
        qtbot.waitUntil(lambda: button.text() == "Team: offline · 1 change waiting", timeout=15_000)
        saved = json.loads((folder / "team-status.json").read_text(encoding="utf-8"))
        assert (saved["state"], saved["pending"]) == ("offline", 1)
    finally:
        window.close()
        window.sync_status.worker.join(30)
        window.deleteLater()


def test_the_state_follows_the_worker_and_the_window_stays_responsive(qtbot, window, services):
    account_id, _people = small_account(services)
    SyncEngine(services.team_sync).start_sharing(account_id)  # one change not yet sent
    button = window.sync_status.button
    assert not button.isVisible()  # this laptop has not joined a team
    release = [threading.Event() for _ in range(4)]
    gates = list(release)  # the worker takes them in turn; the test releases by index
    outcomes = [None, TeamError("unreachable"), AuthRefused("refused"), None]
    threads = set()

    def cycle():
        threads.add(threading.current_thread().name)
        gate, outcome = gates.pop(0), outcomes.pop(0)
        assert gate.wait(30)
        if not outcomes:
            window.sync_status.worker.stop()
        if outcome is not None:
            raise outcome

    window.sync_status.start(cycle, interval=0.01, first_backoff=0.01, max_backoff=0.01)
    assert button.isVisible() and button.text() == "Team: connecting…"
    # The first round hangs (a slow network): the window still answers the rep.
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(window.nav.item(NAV_UPCOMING)).center(),
    )
    assert window.stack.currentWidget() is window.upcoming
    release[0].set()
    qtbot.waitUntil(lambda: button.text() == "Team: 1 change waiting", timeout=10_000)
    release[1].set()
    qtbot.waitUntil(lambda: button.text() == "Team: offline · 1 change waiting", timeout=10_000)
    release[2].set()
    qtbot.waitUntil(
        lambda: button.text() == "Team: needs attention · 1 change waiting", timeout=10_000
    )
    services.team_sync.acknowledged(services.team_sync.shared().popitem()[0], 10**9)
    release[3].set()
    qtbot.waitUntil(lambda: button.text() == "Team: synced", timeout=10_000)
    assert threads == {"callbrief-sync"}
    window.sync_status.worker.join(10)


def test_the_state_reads_naturally_in_chinese(qtbot, window, services):
    """Chinese puts no space after the full-width colon: "团队：已同步"; English keeps one."""
    from desktop.ui import i18n

    account_id, _people = small_account(services)
    SyncEngine(services.team_sync).start_sharing(account_id)  # one change not yet sent
    uid = next(iter(services.team_sync.shared()))
    release = [threading.Event() for _ in range(4)]
    rounds = list(release)  # the worker takes them in turn; the test releases by index
    outcomes = [None, TeamError("unreachable"), AuthRefused("refused"), None]

    def cycle():
        assert rounds.pop(0).wait(30)
        outcome = outcomes.pop(0)
        if not rounds:
            window.sync_status.worker.stop()
        if outcome is not None:
            raise outcome

    window.sync_status.start(cycle, interval=0.01, first_backoff=0.01, max_backoff=0.01)
    button = window.sync_status.button
    window.ctx.lang = "zh"
    i18n.install_translators("zh")
    qtbot.waitUntil(lambda: button.text() == "团队：正在连接…", timeout=10_000)
    release[0].set()
    qtbot.waitUntil(lambda: button.text() == "团队：1 项更改待发送", timeout=10_000)
    release[1].set()
    qtbot.waitUntil(lambda: button.text() == "团队：离线 · 1 项更改待发送", timeout=10_000)
    assert "无法连接团队服务器。您的更改保存在本机" in button.toolTip()
    release[2].set()
    qtbot.waitUntil(lambda: button.text() == "团队：需要处理 · 1 项更改待发送", timeout=10_000)
    assert "请重新加入团队" in button.toolTip()
    services.team_sync.acknowledged(uid, 10**9)
    release[3].set()
    qtbot.waitUntil(lambda: button.text() == "团队：已同步", timeout=10_000)
    assert button.toolTip().startswith("上次同步：")
    window.ctx.lang = "en"
    i18n.install_translators("en")
    qtbot.waitUntil(lambda: button.text() == "Team: synced", timeout=10_000)
    window.sync_status.worker.join(10)


def test_a_reporting_loop_cut_by_the_merge_is_told_in_the_reps_language(qtbot, window):
    """Two offline re-parentings made a loop; the merge cut it (desktop/sync/invariants.py).
    The window's round reports the cut: the status bar and the state's tip say who no longer
    reports to whom, in English and after switching, in Chinese."""
    from desktop.sync.invariants import repair
    from desktop.sync.worker import CycleReport
    from desktop.ui import i18n

    merged = {  # what two laptops' edits merge into: 王伟 → 李明 → 王伟
        "contacts": [
            {"uid": "a1", "name": "李明 Li Ming", "reports_to": "b2"},
            {"uid": "b2", "name": "王伟 Wang Wei", "reports_to": "a1"},
        ]
    }
    fixed, notices = repair(merged)
    assert fixed["contacts"][0]["reports_to"] is None  # the lowest uid lost its manager link

    def cycle():
        window.sync_status.worker.stop()
        return CycleReport(accounts=1, received=1, notices=notices)

    window.sync_status.start(cycle, interval=0.01, first_backoff=0.01, max_backoff=0.01)
    english = (
        "Two edits made the reporting lines loop (李明 Li Ming → 王伟 Wang Wei → 李明 Li Ming);"
        " 李明 Li Ming no longer reports to 王伟 Wang Wei."
    )
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == english, timeout=10_000)
    qtbot.waitUntil(lambda: english in window.sync_status.button.toolTip(), timeout=10_000)
    window.ctx.lang = "zh"
    i18n.install_translators("zh")
    chinese = (
        "两处修改使汇报关系形成了循环（李明 Li Ming → 王伟 Wang Wei → 李明 Li Ming）；"
        "李明 Li Ming 不再向 王伟 Wang Wei 汇报。"
    )
    qtbot.waitUntil(lambda: chinese in window.sync_status.button.toolTip(), timeout=10_000)
    window.sync_status.worker.join(10)
