"""Reading amounts, dates and phones as reps write them; showing them back the one way."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.amounts import (
    NotAnAmount,
    format_number,
    parse_amount,
    parse_money,
    parse_whole,
)
from desktop.domain.dates import (
    NotADate,
    format_date,
    format_datetime,
    parse_date,
    parse_datetime,
    parse_minutes,
)
from desktop.domain.phones import normalise_phone

LANGS = ("en", "zh")


@pytest.mark.parametrize(
    ("typed", "value", "currency"),
    [
        ("1.2亿", 120_000_000, None),
        ("300万", 3_000_000, None),
        ("2 million", 2_000_000, None),
        ("1.5M", 1_500_000, None),
        ("1,200,000", 1_200_000, None),
        ("１２０万", 1_200_000, None),  # full-width digits
        ("１，２００，０００", 1_200_000, None),  # and a full-width comma
        ("1 200 000", 1_200_000, None),
        ("5k", 5_000, None),
        ("1亿2000万", 120_000_000, None),
        ("3百万", 3_000_000, None),
        ("¥300万", 3_000_000, "CNY"),
        ("￥300万", 3_000_000, "CNY"),  # the full-width yen sign
        ("300万元", 3_000_000, "CNY"),
        ("RMB 1,200,000", 1_200_000, "CNY"),
        ("CNY1.2亿", 120_000_000, "CNY"),
        ("1.2亿 人民币", 120_000_000, "CNY"),
        ("$2m", 2_000_000, "USD"),
        ("USD 2 million", 2_000_000, "USD"),
        ("2 million USD", 2_000_000, "USD"),
        ("1.5 million US dollars", 1_500_000, "USD"),
        ("€1.5k", 1_500, "EUR"),
        ("1,500 EUR", 1_500, "EUR"),
        ("£40k", 40_000, "GBP"),
        ("200万美元", 2_000_000, "USD"),
    ],
)
def test_amounts_as_written_on_paper(typed, value, currency):
    for lang in LANGS:
        assert parse_money(typed, lang) == (value, currency)


@pytest.mark.parametrize(
    "typed", ["xyz", "1,2", "2000万1亿", "$5 €", "万", "¥", "12abc", "1..2", "--5", ""]
)
def test_what_cannot_be_meant_is_refused(typed):
    with pytest.raises(NotAnAmount):
        parse_money(typed)


def test_a_whole_number_refuses_fractions_and_currencies_but_money_rounds():
    assert parse_whole("1.2万") == (12_000, None)
    with pytest.raises(NotAnAmount):
        parse_whole("800.5")
    with pytest.raises(NotAnAmount):
        parse_whole("$800")  # a headcount is not in dollars
    assert parse_money("1,234.56") == (1_235, None)


def test_two_different_currencies_say_so():
    with pytest.raises(NotAnAmount) as caught:
        parse_amount("$5 EUR")
    assert caught.value.reason == "two_currencies"
    assert parse_amount("USD 5 $") == parse_amount("$5")  # the same one twice is fine


@given(st.integers(min_value=-(10**15), max_value=10**15), st.sampled_from(LANGS))
def test_a_formatted_number_reads_back_as_itself(number, lang):
    assert parse_whole(format_number(number, lang), lang) == (number, None)


@given(
    st.decimals(min_value=0, max_value=99_999, places=2, allow_nan=False),
    st.sampled_from([("万", 10**4), ("亿", 10**8), ("k", 10**3), (" million", 10**6)]),
)
def test_a_scaled_amount_is_the_number_times_the_scale(number, scale):
    word, factor = scale
    assert parse_amount(f"{number}{word}").value == Decimal(number) * factor


@pytest.mark.parametrize(
    "typed",
    [
        "2027/3/15",
        "2027-3-15",
        "2027.03.15",
        "20270315",
        "2027年3月15日",
        "２０２７年３月１５日",
        "15.3.2027",
        "15/3/2027",
        "15-03-2027",
        "3/15/2027",  # only the American order can mean this
        "15 Mar 2027",
        "15 March 2027",
        "March 15, 2027",
        "Mon, 15 Mar 2027",
        "2027年3月15日 周一",
    ],
)
def test_dates_as_written_on_paper(typed):
    for lang in LANGS:
        assert parse_date(typed, lang) == date(2027, 3, 15)


def test_the_locales_own_short_form_with_a_two_digit_year():
    assert parse_date("15/3/27", "en") == date(2027, 3, 15)  # dd/MM/yy, as in Britain


@pytest.mark.parametrize("typed", ["xyz", "2027/2/30", "13/13/2027", "1/2/3", "15 Foo 2027"])
def test_impossible_dates_are_refused(typed):
    with pytest.raises(NotADate):
        parse_date(typed)


def test_dates_show_in_the_interface_languages_short_form():
    assert format_date(date(2026, 12, 4), "en") == "04/12/2026"
    assert format_date(date(2026, 12, 4), "zh") == "2026/12/4"
    assert format_datetime(datetime(2026, 12, 4, 9, 5), "en") == "04/12/2026 09:05"
    assert format_datetime(datetime(2026, 12, 4, 9, 5), "zh") == "2026/12/4 09:05"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)), st.sampled_from(LANGS))
def test_a_shown_date_reads_back_as_itself(day, lang):
    assert parse_date(format_date(day, lang), lang) == day


@given(
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 31)),
    st.sampled_from(LANGS),
)
def test_a_shown_moment_reads_back_to_the_minute(moment, lang):
    minute = moment.replace(second=0, microsecond=0)
    assert parse_datetime(format_datetime(moment, lang), lang) == minute


def test_date_and_time_as_written():
    want = datetime(2027, 3, 15, 14, 30)
    for typed in ("2027/3/15 14:30", "15.3.2027 14:30", "2027年3月15日 14:30", "2027-03-15T14:30"):
        assert parse_datetime(typed) == want
    assert parse_datetime("2027年3月15日 14点") == datetime(2027, 3, 15, 14, 0)
    with pytest.raises(NotADate):
        parse_datetime("2027/3/15 25:00")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13915542088", "139 1554 2088"),
        ("139-1554-2088", "139 1554 2088"),
        ("+86 139 1554 2088", "139 1554 2088"),
        ("008613915542088", "139 1554 2088"),
        ("１３９１５５４２０８８", "139 1554 2088"),
        ("0512-6588-1001", "0512 6588 1001"),
        ("(0512) 6588-1001 转 23", "0512 6588 1001 ext. 23"),
        ("+1 650 253 0000", "+1 650-253-0000"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("0512 6588 1001 x23", "0512 6588 1001 ext. 23"),
        # Not a number the library knows: kept exactly as typed, never refused.
        ("12345", "12345"),
        ("139… after 6pm", "139… after 6pm"),  # not read as a vanity number (A=2…)
        ("1-800-FLOWERS", "1-800-FLOWERS"),
        ("  ", ""),
    ],
)
def test_phones_however_written(typed, stored):
    assert normalise_phone(typed) == stored


@given(st.text(max_size=40))
def test_a_phone_is_never_refused_and_tidying_twice_changes_nothing(text):
    once = normalise_phone(text)
    assert normalise_phone(once) == once


def _library(text: str) -> str:
    """What libphonenumber alone makes of ``text`` (the shortcuts must agree with it)."""
    import phonenumbers

    try:
        number = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(number):
        return text
    if phonenumbers.region_code_for_number(number) == "CN":
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


SEPARATED = st.sampled_from(["", " ", "-", "."])


@given(
    st.sampled_from(["", "+86 ", "0086", "86-"]),
    st.integers(min_value=10_000_000_000, max_value=19_999_999_999),
    SEPARATED,
)
def test_the_mobile_shortcut_agrees_with_the_library(prefix, number, gap):
    digits = str(number)
    text = prefix + gap.join((digits[:3], digits[3:7], digits[7:]))
    assert normalise_phone(text) == _library(text)


@given(
    st.sampled_from(["0", "+86 ", "0086 "]),
    st.sampled_from(["10", "21", "22", "512", "571", "755", "769", "898", "311", "999", "400"]),
    st.integers(min_value=0, max_value=99_999_999),
    st.integers(min_value=6, max_value=9),
    SEPARATED,
)
def test_the_landline_shortcut_agrees_with_the_library(prefix, area, local, length, gap):
    local_digits = str(local).zfill(8)[-length:]
    text = f"{prefix}{area}{gap}{local_digits[:-4]}{gap}{local_digits[-4:]}"
    assert normalise_phone(text) == _library(text)


def test_days_named_relative_to_today():
    today = date(2026, 12, 4)
    assert parse_date("明天", today=today) == date(2026, 12, 5)
    assert parse_date("Today", today=today) == today
    assert parse_date("昨天", today=today) == date(2026, 12, 3)
    assert parse_datetime("tomorrow 10:00").time().hour == 10
    with pytest.raises(NotADate):
        parse_datetime("tomorrow")  # a day without a time is not a meeting's moment


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("90", 90), ("90 min", 90), ("1.5h", 90), ("1h30", 90), ("1小时30分", 90), ("2小时", 120)]
    + [("45分钟", 45), ("1 hour 30 minutes", 90), ("１２０", 120)],
)
def test_durations_as_written(typed, minutes):
    assert parse_minutes(typed) == minutes


@pytest.mark.parametrize("typed", ["", "h", "abc", "1.33h", "1.5"])
def test_durations_that_are_not_whole_minutes_are_refused(typed):
    with pytest.raises(NotADate):
        parse_minutes(typed)
