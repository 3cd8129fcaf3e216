"""Phone numbers however they were written, tidied with Google's libphonenumber.

``13915542088``, ``139-1554-2088``, ``+86 139 1554 2088``, ``(0512) 6588-1001 转 23`` and
``１３９１５５４２０８８`` are read with the ``phonenumbers`` package; a number it finds valid is
stored in one form: the national form for the home region (``139 1554 2088``,
``0512 6588 1001 ext. 23``), the international form for any other (``+1 650-253-0000``). A
number it cannot read or does not know is kept as the rep typed it: a phone is never refused.

The home region is China: Callbrief's reps and their customers work there; a number with a
country code is read as that country's wherever the rep is.

Speed: the library takes about 80 µs a number, which a 100k-row contact import would feel
(16 s). Two shortcuts give its answers without the full work: a Chinese mobile is checked with
the library's own patterns for the region (its metadata) and grouped 3-4-4 as it would; other
home-region numbers are remembered by all but their last four digits, which decide neither
validity nor layout (the library's answer is reused with the new digits). Tests compare both
shortcuts with the library on random numbers.
"""

from __future__ import annotations

import functools
import re

from .amounts import fold

HOME_REGION = "CN"
# How Chinese writes an extension: "转 23", "分机 23", "-转23".
_CHINESE_EXTENSION = re.compile(r"\s*[-–]?\s*(?:转|分机)\s*(?:号)?\s*")
# The words a phone number may carry; any other letter is a note ("139… after 6pm"), which the
# library would read as a vanity number (A=2, B=2…) and so change: such text is kept as typed.
_ALLOWED_WORDS = re.compile(r"^\s*tel:|(?<![a-z])(?:ext|extn|x)\.?(?=\s*\d)", re.IGNORECASE)


# Separators between digits; what is left of a plain home number is digits and a prefix.
_SEPARATORS = re.compile(r"[\s\-–—().·/]")
# A landline with its area code: 0 (or +86), then 10 or 11 digits. Shorter numbers (service
# numbers, a local number alone) go to the library: their last digits can decide validity.
_HOME_LANDLINE = re.compile(r"\+86([1-9]\d{9,10})|(0[1-9]\d{9,10})")
_MOBILE = re.compile(r"(?:\+86|0086|86)?(1\d{10})")


@functools.cache
def _home_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The library's own patterns for any number and for a mobile of the home region."""
    import phonenumbers

    metadata = phonenumbers.PhoneMetadata.metadata_for_region(HOME_REGION)
    assert metadata is not None and metadata.general_desc and metadata.mobile
    return (
        re.compile(metadata.general_desc.national_number_pattern or "$^"),
        re.compile(metadata.mobile.national_number_pattern or "$^"),
    )


@functools.lru_cache(maxsize=4096)
def _by_prefix(head: str) -> str | None:
    """The library's tidy form of a home number whose digits are ``head`` and four more, up to
    those four; None if the library does not know such numbers."""
    tidy = _with_library(head + "0000", HOME_REGION)
    if tidy is None or not tidy.endswith("0000"):
        return None
    return tidy[:-4]


def _with_library(folded: str, region: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(folded, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_phone(text: str, region: str = HOME_REGION) -> str:
    """The tidy form of a phone number, or ``text`` (stripped) when it is not one we know."""
    typed = text.strip()
    if not typed:
        return ""
    folded = _CHINESE_EXTENSION.sub(" ext ", fold(typed))
    if any(ch.isalpha() for ch in _ALLOWED_WORDS.sub(" ", folded)):
        return typed
    if region == HOME_REGION:
        plain = _SEPARATORS.sub("", folded)
        mobile = _MOBILE.fullmatch(plain)
        if mobile:
            general, mobiles = _home_patterns()
            digits = mobile.group(1)
            if general.fullmatch(digits) and mobiles.fullmatch(digits):
                return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        home = _HOME_LANDLINE.fullmatch(plain)
        if home:
            # The trunk prefix the national form writes, for a number given with +86.
            digits = "0" + home.group(1) if home.group(1) else home.group(2)
            start = _by_prefix(digits[:-4])
            return typed if start is None else start + digits[-4:]
    tidy = _with_library(folded, region)
    return typed if tidy is None else tidy


def is_known_phone(text: str, region: str = HOME_REGION) -> bool:
    """Whether the phone library finds ``text`` a valid number (the form warns when not; the
    number is kept as typed either way)."""
    typed = text.strip()
    if not typed:
        return True
    folded = _CHINESE_EXTENSION.sub(" ext ", fold(typed))
    if any(ch.isalpha() for ch in _ALLOWED_WORDS.sub(" ", folded)):
        return False
    return _with_library(folded, region) is not None
