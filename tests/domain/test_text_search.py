"""How typed text becomes a search: which queries count as a single letter."""

from __future__ import annotations

from desktop.domain.text_search import match_query, single_letter


def test_one_latin_letter_or_digit_is_a_single_letter_however_typed():
    for query in ("m", "M", " m ", "ｍ", "1", "１", "é"):
        assert single_letter(query), query


def test_longer_chinese_or_several_part_queries_are_not():
    for query in ("ma", "13", "王", "王伟", "m a", "m 王", "", "，"):
        assert not single_letter(query), query


def test_a_single_letter_is_still_a_prefix_query():
    assert match_query("M") == '"m"*'
