"""What every exporter can write out (desktop/domain/limits.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain.limits import date_in_range, encoding_is_text, unwritable_character


@pytest.mark.parametrize("name", ["utf-8", "UTF8", "gb18030", "GBK", "utf-16", "big5", "latin-1"])
def test_real_text_encodings_are_accepted(name):
    assert encoding_is_text(name)


@pytest.mark.parametrize(
    "name", ["unicode_escape", "raw_unicode_escape", "undefined", "rot13", "base64", "idna", "x"]
)
def test_codecs_that_are_not_a_files_encoding_are_not(name):
    assert not encoding_is_text(name)


def test_unwritable_characters_are_named():
    assert unwritable_character("王建国\tCEO\r\n") is None
    assert unwritable_character("a\x00b") == "U+0000"
    assert unwritable_character("a\udc00b") == "U+DC00"
    assert unwritable_character("\x7f") is None  # DEL: XML 1.0 allows it


def test_the_date_range_covers_business_dates_only():
    assert date_in_range(date(1900, 1, 1)) and date_in_range(datetime(2999, 12, 31, 23, 59))
    assert not date_in_range(date(9999, 12, 31)) and not date_in_range(date(1, 1, 1))
