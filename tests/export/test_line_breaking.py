"""Titles on the printed map break where the Unicode line breaking rules (UAX #14) allow."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.export.brief.fonts import register
from desktop.export.brief.text import wrap_lines

CLOSING = "，。、；：？！」』）》】"
OPENING = "「『（《【"
TITLE = "华东区采购与供应链管理部（战略采购）负责人，兼MES项目「数字工厂」Procurement Lead。"


@pytest.mark.parametrize("room", [40.0, 55.0, 70.0, 90.0, 120.0])
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(room):
    font = register()
    lines = wrap_lines(TITLE, font, 6.8, room, 20)
    assert "".join(lines).replace(" ", "") == TITLE.replace(" ", "")  # nothing dropped
    for line in lines:
        assert line[0] not in CLOSING, lines
        assert line[-1] not in OPENING, lines
        assert stringWidth(line, font, 6.8) <= room


@pytest.mark.parametrize("room", [60.0, 80.0, 100.0])
def test_latin_words_inside_chinese_stay_whole(room):
    lines = wrap_lines("设备维护高级工程师 Senior Maintenance Engineer", register(), 6.8, room, 20)
    words = " ".join(lines).split()
    for word in ("Senior", "Maintenance", "Engineer"):
        assert any(word in w for w in words), lines
    assert not any(line.endswith(("Seni", "Mainte", "Engin")) for line in lines)


def test_two_lines_at_most_with_an_ellipsis():
    lines = wrap_lines(TITLE * 3, register(), 6.8, 90.0, 2)
    assert len(lines) == 2
    assert lines[1].endswith("…")
