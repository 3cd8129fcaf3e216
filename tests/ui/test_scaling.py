"""Nothing is cut off at 125 % and 150 % display scale, nor with a larger system font.

Each case starts a fresh process (scale_survey.py), since Qt reads QT_SCALE_FACTOR and the
screen once: a 1366×768 laptop panel, the smallest common one, which at 150 % leaves 911×512
logical pixels. The survey opens the account list, the account page's four tabs, the visit
plan and upcoming visits, and lists any label or button smaller than its text, any control
drawn over another or cut by its parent, and a window larger than the screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SURVEY = Path(__file__).with_name("scale_survey.py")


def survey(*args: str, scale: float = 1.0) -> dict[str, list[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env["QT_SCALE_FACTOR"] = str(scale)
    run = subprocess.run(
        [sys.executable, str(SURVEY), "--screen", "1366x768", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_nothing_is_cut_off_at_a_larger_display_scale(scale, lang):
    assert survey("--lang", lang, scale=scale) == {}


def test_nothing_is_cut_off_with_a_larger_system_font():
    assert survey("--lang", "en", "--font-scale", "1.5") == {}


def test_the_window_opens_no_larger_than_the_screen():
    from PySide6.QtCore import QSize

    from desktop.ui.main_window import first_size

    assert first_size(QSize(911, 512)) == QSize(911, 512)
    assert first_size(QSize(1920, 1040)) == QSize(1280, 800)


def test_the_profile_keeps_its_amounts_readable_on_a_narrow_window(db, window, qtbot):
    from desktop.services.demo import load_demo

    window.resize(911, 512)  # a 1366×768 laptop at 150 %
    profile = window.open_account(load_demo(db)).profile
    qtbot.wait(10)
    for name in ("annual_revenue", "category_spend", "headcount"):
        field = profile.fields[name]
        room = field.contentsRect().width() - 8  # the frame's and the text's margins
        assert field.fontMetrics().horizontalAdvance(field.text()) <= room, name
    # The two columns follow one another: Company facts above Classification.
    facts, classification = profile.fields["name"], profile.fields["pyramid_tier"]
    assert (
        facts.mapTo(profile, facts.rect().topLeft()).y()
        < classification.mapTo(profile, classification.rect().topLeft()).y()
    )


def test_the_visit_plan_needs_no_sideways_scrolling_on_a_narrow_window(db, services, window, qtbot):
    from PySide6.QtWidgets import QScrollArea

    from desktop.services.demo import load_demo

    window.resize(911, 512)  # a 1366×768 laptop at 150 %
    account_id = load_demo(db)
    opp = services.opportunities.for_account(account_id)[0]
    view = window.open_visit(services.visits.for_opportunity(opp.id)[0].id)
    for key in ("prepare", "open", "consult", "propose", "close"):
        view.show_step(key)
        qtbot.wait(10)
        area = view.pages[key].findChild(QScrollArea)
        assert area.horizontalScrollBar().maximum() == 0, key


def test_headings_and_navigation_grow_with_the_system_font(qapp, db, ctx, qtbot):
    from PySide6.QtGui import QFont

    from desktop.services.demo import load_demo
    from desktop.ui.main_window import MainWindow

    account_id = load_demo(db)
    system = QFont(qapp.font())
    large = QFont(system)
    large.setPointSizeF(system.pointSizeF() * 1.5)  # the rep set a 150 % font
    qapp.setFont(large)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        page = window.open_account(account_id)
        body = large.pointSizeF()
        assert page.name.font().pointSizeF() > body  # the account's name heads the page
        assert window.nav.font().pointSizeF() >= body
        assert page.profile.facts_header.font().pointSizeF() > body
    finally:
        qapp.setFont(system)
