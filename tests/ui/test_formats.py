"""The window's one date formatter: the interface language's short form, which reads back."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.dates import format_date, parse_date, parse_datetime
from desktop.ui import i18n
from desktop.ui.formats import show_date, show_datetime, show_long_date

LANGS = st.sampled_from(["en", "zh"])
DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31))


@given(DAYS, LANGS)
def test_a_shown_date_is_babels_short_form_and_reads_back(day, lang):
    shown = show_date(day, lang)
    assert shown == format_date(day, lang)  # Qt's and Babel's CLDR forms agree
    assert parse_date(shown, lang) == day


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 31)), LANGS)
def test_a_shown_moment_reads_back_to_the_minute(moment, lang):
    assert parse_datetime(show_datetime(moment, lang), lang) == moment.replace(
        second=0, microsecond=0
    )


def test_the_interface_language_chooses_the_form(qapp):
    day = date(2026, 12, 4)
    i18n.install_translators("zh")
    assert show_date(day) == "2026/12/4"
    assert show_datetime(datetime(2026, 12, 4, 9, 5)) == "2026/12/4 09:05"
    assert show_long_date(day) == "2026年12月4日星期五"
    i18n.install_translators("en")
    assert show_date(day) == "04/12/2026"
    assert show_long_date(day) == "Friday, 4 December 2026"
