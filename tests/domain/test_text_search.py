"""How typed text becomes a search: which queries count as a single letter."""

from __future__ import annotations

from desktop.domain.text_search import index_text, match_query, single_letter


def test_one_latin_letter_or_digit_is_a_single_letter_however_typed():
    for query in ("m", "M", " m ", "ｍ", "1", "１", "é"):
        assert single_letter(query), query


def test_longer_chinese_or_several_part_queries_are_not():
    for query in ("ma", "13", "王", "王伟", "m a", "m 王", "", "，"):
        assert not single_letter(query), query


def test_a_single_letter_is_still_a_prefix_query():
    assert match_query("M") == '"m"*'


def _index_text_as_before(*parts):
    """index_text as it was before fields were indexed one by one and remembered (the spec)."""
    import re

    from desktop.domain import text_search as ts

    given = [ts.normalise(p) for p in parts if p]
    text = " ".join(given)
    extra = [d for p in given for m in ts._PHONE.finditer(p) for d in ts._phone_forms(m.group())]
    text = re.sub(f"([{ts._CJK}])", r" \1 ", text)
    return " ".join([text, *extra]) if extra else text


def test_index_text_field_by_field_and_remembered_is_what_it_was():
    """Each field's text is worked out once and remembered; the entry must be exactly what the
    whole text gave, whichever fields came before and however often a field is seen."""
    import random

    rng = random.Random(15)
    fields = [
        "王建国",
        "张 敏",
        "Emily Carter",
        "ＡＢＣ１２３",
        "采购部 Purchasing",
        "苏州恒远精密制造有限公司",
        "+86 139 1554 2088",
        "0512-6588-1001 转 23",
        "wang.li12@hengyuan.com.cn",
        "",
        None,
        "カタカナ 한국어",
        "ẞtraße",
        "13800138000 / 021 6666 7777",
        "x" * 300 + " 139 1554 2088",
        "王" * 250,
    ]
    for _ in range(2000):
        parts = [rng.choice(fields) for _ in range(rng.randint(0, 6))]
        assert index_text(*parts) == _index_text_as_before(*parts), parts
