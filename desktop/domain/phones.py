"""Phone numbers however they were written, tidied with Google's libphonenumber.

``13915542088``, ``139-1554-2088``, ``+86 139 1554 2088``, ``(0512) 6588-1001 转 23`` and
``１３９１５５４２０８８`` are read with the ``phonenumbers`` package; a number it finds valid is
stored in one form: the national form for the home region (``139 1554 2088``,
``0512 6588 1001 ext. 23``), the international form for any other (``+1 650-253-0000``). A
number it cannot read or does not know is kept as the rep typed it: a phone is never refused.

The home region is China: Callbrief's reps and their customers work there; a number with a
country code is read as that country's wherever the rep is.
"""

from __future__ import annotations

import re

from .amounts import fold

HOME_REGION = "CN"
# How Chinese writes an extension: "转 23", "分机 23", "-转23".
_CHINESE_EXTENSION = re.compile(r"\s*[-–]?\s*(?:转|分机)\s*(?:号)?\s*")
# The words a phone number may carry; any other letter is a note ("139… after 6pm"), which the
# library would read as a vanity number (A=2, B=2…) and so change: such text is kept as typed.
_ALLOWED_WORDS = re.compile(r"^\s*tel:|(?<![a-z])(?:ext|extn|x)\.?(?=\s*\d)", re.IGNORECASE)


def normalise_phone(text: str, region: str = HOME_REGION) -> str:
    """The tidy form of a phone number, or ``text`` (stripped) when it is not one we know."""
    typed = text.strip()
    if not typed:
        return ""
    import phonenumbers

    folded = _CHINESE_EXTENSION.sub(" ext ", fold(typed))
    if any(ch.isalpha() for ch in _ALLOWED_WORDS.sub(" ", folded)):
        return typed
    try:
        number = phonenumbers.parse(folded, region)
    except phonenumbers.NumberParseException:
        return typed
    if not phonenumbers.is_valid_number(number):
        return typed
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
