"""Composing a value statement joins the rep's three parts and invents nothing."""

from __future__ import annotations

from desktop.domain.value_statement import compose


def test_chinese_parts_join_without_spaces() -> None:
    assert compose(["我们是智联云工。", "今天想看 POC 数据。", "可以直接变成依据。"]) == (
        "我们是智联云工。今天想看 POC 数据。可以直接变成依据。"
    )


def test_latin_sentences_get_one_space_and_mixed_text_follows_the_last_character() -> None:
    assert compose(["We are ZhiLink.", "Today: the POC data.", "它值得您的时间。"]) == (
        "We are ZhiLink. Today: the POC data. 它值得您的时间。"
    )
    assert compose(["我们是智联云工。", "Today we review the POC."]) == (
        "我们是智联云工。Today we review the POC."
    )


def test_blank_parts_are_skipped_and_parts_are_trimmed() -> None:
    assert compose(["  We are ZhiLink.  ", "", "   ", "\nIt saves a day.\n"]) == (
        "We are ZhiLink. It saves a day."
    )
    assert compose(["", " "]) == ""
