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


OBJECTIVE = (
    "我们的MES系统在Manufacturing Execution方面表现很好，客户认可。「重点」是（一期）范围，"
    "确认后再谈价格！Procurement流程需要三周；交付：2026年Q3。"
)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_brief_paragraphs_break_by_the_rules(services, tmp_path, paper):
    """The objective, a long Chinese paragraph with English words, read back line by line."""
    import datetime as dt
    import subprocess

    from desktop.export.brief import render_brief

    acc = services.accounts.create(name="恒远精密")
    opp = services.opportunities.create(acc.id, name="MES 一期")
    text = OBJECTIVE * 6
    visit = services.visits.plan(
        opp.id, title="方案论证会", starts_at=dt.datetime(2026, 12, 1, 9), objective=text
    )
    pdf = tmp_path / "brief.pdf"
    render_brief(services, visit.id, pdf, lang="zh", paper=paper)
    lines = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    # The first line starts with the label beside the paragraph.
    cleaned = [line.strip().removeprefix("拜访目标").strip() for line in lines]
    body = [line for line in cleaned if line and line in text]
    assert len(body) >= 5  # the paragraph runs over many lines
    assert "".join(body).replace(" ", "") == text.replace(" ", "")  # all of it, in order
    for line in body:
        assert line[0] not in CLOSING, line
        assert line[-1] not in OPENING, line
    words = " ".join(body).replace("。", " ").replace("，", " ")
    for word in ("Manufacturing", "Execution", "Procurement", "2026"):
        assert words.count(word) == 6, word
