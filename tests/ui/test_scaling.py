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
