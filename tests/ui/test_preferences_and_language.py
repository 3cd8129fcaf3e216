"""Preferences: stored with the data; a new interface language applies at once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from ui_actions import OFFSCREEN_POPUPS, choose, click, type_text, when_dialog

from desktop.services.demo import load_demo
from desktop.ui import i18n
from desktop.ui.main_window import NAV_ACCOUNTS, NAV_UPCOMING
from desktop.ui.preferences import PreferencesDialog

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_POPUPS)


def set_preferences(qtbot, window, act) -> None:  # type: ignore[no-untyped-def]
    def answer(dialog: PreferencesDialog) -> None:
        act(dialog)
        click(dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    when_dialog(PreferencesDialog, answer)
    window.prefs_action.trigger()
    QCoreApplication.sendPostedEvents()  # deliver LanguageChange, as the event loop would
    qtbot.wait(10)


def test_switching_to_chinese_retranslates_every_screen_at_once(qtbot, window, db, services):
    account_id = load_demo(db)
    window.accounts.refresh()
    page = window.open_account(account_id)
    assert window.nav.item(NAV_ACCOUNTS).text() == "Accounts"

    def to_chinese(dialog: PreferencesDialog) -> None:
        assert dialog.data_dir.isReadOnly()
        assert dialog.data_dir.text() == str(services.db.path.parent)
        choose(dialog.language, "zh")
        choose(dialog.paper_size, "Letter")
        type_text(dialog.company_name, "智联云工")
        type_text(dialog.rep_name, "陈嘉怡")

    set_preferences(qtbot, window, to_chinese)
    settings = services.settings.all()
    assert settings["language"] == "zh" and settings["paper_size"] == "Letter"
    assert settings["company_name"] == "智联云工" and settings["rep_name"] == "陈嘉怡"
    assert window.ctx.lang == "zh"

    assert window.nav.item(NAV_ACCOUNTS).text() == "客户"
    assert window.nav.item(NAV_UPCOMING).text() == "近期拜访"
    assert window.file_menu.title() == "文件(&F)"
    assert page.tabs.tabText(1) == "决策圈"
    # Playbook labels follow the language too.
    assert page.profile.fields["pyramid_tier"].currentText() == "关键客户"
    assert page.tier.text() == "关键客户"
    assert window.accounts.model.headerData(0, Qt.Horizontal) == "客户"
    assert "个客户" in window.accounts.count.text()
    assert any("影响力高的反对者" in t for t in page.circle.warnings.texts())

    set_preferences(qtbot, window, lambda d: choose(d.language, "en"))
    assert window.nav.item(NAV_ACCOUNTS).text() == "Accounts"
    assert page.profile.fields["pyramid_tier"].currentText() == "Key account"


def system_choice(lang_env: str) -> str:
    """What "system" resolves to in a process whose locale environment is ``lang_env``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env["LANG"] = lang_env
    result = subprocess.run(
        [sys.executable, "-c", "from desktop.ui import i18n; print(i18n.resolve('system'))"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_system_language_follows_the_locale():
    assert i18n.resolve("zh") == "zh" and i18n.resolve("en") == "en"
    # "system" asks the operating system: Chinese for any Chinese locale, else English.
    assert system_choice("zh_CN.UTF-8") == "zh"
    assert system_choice("zh_TW.UTF-8") == "zh"
    assert system_choice("en_GB.UTF-8") == "en"
    assert system_choice("de_DE.UTF-8") == "en"


def test_the_chinese_catalog_loads(qapp):
    assert i18n.install_translators("zh")
    assert QCoreApplication.translate("MainWindow", "All changes saved") == "所有更改已保存"
    i18n.install_translators("en")
    assert QCoreApplication.translate("MainWindow", "All changes saved") == "All changes saved"


def test_an_open_visit_plan_switches_language_at_once(qtbot, window, db, services):
    from test_translations import english_left

    from desktop.ui.account.page import TAB_VISITS

    account_id = load_demo(db)
    page = window.open_account(account_id)
    page.show_tab(TAB_VISITS)
    plan = window.open_visit(page.visits.visit_ids()[0])
    plan.show_step("consult")
    assert plan.back_button.text() == "← Back"

    set_preferences(qtbot, window, lambda d: choose(d.language, "zh"))
    qtbot.waitUntil(lambda: window.current_screen() is not plan)
    now = window.current_screen()
    assert now.visit_id == plan.visit_id and now.current_step() == "consult"
    assert english_left(now) == []
    assert "返回" in now.back_button.text()
    assert now.step_buttons["prepare"].text().startswith("准备")
    window.go_back()  # Back still leads where it did
    assert window.current_screen() is page


def test_stalled_after_n_days_is_set_in_preferences_and_used_by_the_pipeline(
    qtbot, window, services
):
    """Issue 16: "Stalled after N days" typed in Preferences; the pipeline and the list of
    deals then count a deal visited 20 days ago as stalled (it was not at the default 30)."""
    import datetime as dt

    from PySide6.QtTest import QTest

    account = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(account.id, name="MES 一期", stage="B")
    services.visits.plan(opp.id, title="初访", starts_at=dt.datetime.now() - dt.timedelta(20))
    assert not services.deals.pipeline()[0].stalled

    def fourteen(dialog: PreferencesDialog) -> None:
        assert dialog.stall_days.value() == 30 and dialog.stall_days.accessibleName()
        dialog.stall_days.setFocus()
        QTest.keyClick(dialog.stall_days, Qt.Key_A, Qt.ControlModifier)
        QTest.keyClicks(dialog.stall_days, "14")

    set_preferences(qtbot, window, fourteen)
    assert services.settings.get("stall_days") == "14"
    [row] = services.deals.pipeline()
    assert [(r.code, r.days) for r in row.stall_reasons] == [("no_visit", 14)]
    assert services.pipeline.review().stalled_total == 1
