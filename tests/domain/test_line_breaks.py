"""Break opportunities by the UAX #14 pair rules, checked against uniseg's full algorithm."""

from __future__ import annotations

import pytest
from uniseg.linebreak import line_break_boundaries

from desktop.domain.line_breaks import break_opportunities, break_units

SAMPLES = [
    "我们的MES系统在Manufacturing Execution方面表现很好，客户认可。「重点」是（一期）范围。",
    "Zoë Müller-Łukasiewicz, 3.5% 价格 ¥1,200.50 元/台；Жанна Ελένη — test…",
    "Hello, world! (a) [b] 1-2 re-use e.g. the end.",
    "👍🏽 家庭 𠮷田さん、こんにちは。",
    "采购经理（华东区）Procurement Manager，负责MES系统。「重点」",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_same_breaks_as_the_full_algorithm(text):
    ours = {i for i, ok in enumerate(break_opportunities(text)) if ok}
    full = set(line_break_boundaries(text)) - {0, len(text)}
    assert ours == full


def test_chinese_punctuation_and_latin_words():
    units = break_units("采购经理（华东区）Procurement Manager，负责MES系统。")
    assert "（华" in units and "区）" in units  # brackets stay with their text
    assert "Procurement " in units and "Manager，" in units  # words whole, comma kept
    assert "MES" in units and "统。" in units
