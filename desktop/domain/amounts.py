"""Reading numbers and amounts the way reps write them on paper.

``1.2亿``, ``300万``, ``2 million``, ``1.5M``, ``1,200,000``, ``１２０万`` and ``¥300万`` /
``300万元`` / ``USD 2m`` all mean a whole number; this module turns them into one, and tells
which currency was named, if any. Full-width characters are folded with Unicode NFKC; the
number itself (grouping and decimal marks) is read by Babel with the interface language's
locale; currency signs, codes and names come from Babel's locale data (CLDR). The scale words
are our own small rule: Chinese counts in 万 (10⁴) and 亿 (10⁸), not in thousands, and
``1亿2000万`` is read as 1亿 plus 2000万.

Babel is imported where a number is read, not when this module is imported, so the first paint
of the window does not pay for it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Multipliers, longest spelling first so that "million" is not read as "m" + "illion".
_SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "mio": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "bn": 10**9,
    "k": 10**3,
    "m": 10**6,
    "b": 10**9,
    "十": 10,
    "百": 10**2,
    "千": 10**3,
    "万": 10**4,
    "亿": 10**8,
}
_SCALE = "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True))
# One segment: a number, then any chain of multipliers ("3百万" is 3 × 100 × 10⁴).
_SEGMENT = re.compile(rf"\s*([+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+))\s*((?:(?:{_SCALE})\s*)*)")
_SCALE_TOKEN = re.compile(_SCALE)
# Digit groups written with spaces, thin spaces or apostrophes: "1 200 000", "1'200'000".
_GROUP_GAP = re.compile(r"(?<=\d)[\s'’](?=\d{3}(?:\D|$))")
_HAS_DIGIT = re.compile(r"\d")
# Locales whose currency signs we read; the Chinese one first so that ¥ is the yuan.
_SIGN_LOCALES = ("zh_CN", "en", "en_GB")
# Names for the yuan in daily use that CLDR does not list as symbols.
_ALIASES = {"rmb": "CNY", "元": "CNY", "块": "CNY", "圆": "CNY", "yuan": "CNY", "人民币元": "CNY"}


class NotAnAmount(ValueError):
    """The text cannot be read as a number; ``reason`` says why, for the message."""

    def __init__(self, reason: str = "not_number") -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Amount:
    """A number read from text, and the currency it named (an ISO code), if it named one."""

    value: Decimal
    currency: str | None = None


def _locale(lang: str) -> str:
    return "zh_CN" if lang.startswith("zh") else "en_GB"


def fold(text: str) -> str:
    """Full-width digits, signs and punctuation as ordinary ones (１２０，０００ → 120,000)."""
    return unicodedata.normalize("NFKC", text).strip()


@functools.cache
def _currency_words() -> dict[str, str]:
    """Every sign, code and name of a currency we recognise (lower case) → its ISO code."""
    from babel import Locale
    from babel.numbers import get_currency_name, list_currencies

    words: dict[str, str] = {}
    for code in list_currencies():
        words.setdefault(code.lower(), code)
    for name in _SIGN_LOCALES:
        locale = Locale.parse(name)
        for code, sign in locale.currency_symbols.items():
            words.setdefault(fold(sign).lower(), code)
    for name in ("zh_CN", "en"):
        for code, word in Locale.parse(name).currencies.items():
            words.setdefault(fold(word).lower(), code)
    # "2 million US dollars": the plural names, in English only (Chinese has no plural).
    for code in list_currencies():
        words.setdefault(fold(get_currency_name(code, count=2, locale="en")).lower(), code)
    for word, code in _ALIASES.items():
        words.setdefault(word, code)
    # A sign that is also a multiplier ("K" is the kina's) or holds a digit reads as the number.
    return {w: c for w, c in words.items() if w and w not in _SCALES and not _HAS_DIGIT.search(w)}


@functools.cache
def _currency_pattern() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns for a currency word at the start and at the end of the text."""
    words = sorted(_currency_words(), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, words))
    return (
        re.compile(rf"^(?:{alternatives})(?![a-z])", re.IGNORECASE),
        re.compile(rf"(?<![a-z])(?:{alternatives})$", re.IGNORECASE),
    )


def currency_code(text: str) -> str | None:
    """The ISO code for a currency written as a sign, code or name (¥, rmb, 美元, euros)."""
    return _currency_words().get(fold(text).lower())


def _take_currency(text: str) -> tuple[str, str | None]:
    """The text without a leading or trailing currency word, and that currency."""
    at_start, at_end = _currency_pattern()
    words = _currency_words()
    found: list[str] = []
    for pattern, cut in ((at_end, "end"), (at_start, "start")):
        match = pattern.search(text)
        if match and match.group(0).strip():
            found.append(words[match.group(0).lower()])
            text = text[: match.start()] if cut == "end" else text[match.end() :]
            text = text.strip()
    if len(set(found)) > 1:
        raise NotAnAmount("two_currencies")
    return text, (found[0] if found else None)


def _number(digits: str, lang: str) -> Decimal:
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        return parse_decimal(digits, locale=_locale(lang), strict=True)
    except NumberFormatError:
        raise NotAnAmount() from None


def parse_amount(text: str, lang: str = "en", *, currency: bool = True) -> Amount:
    """The number ``text`` means, and the currency it names; raises NotAnAmount.

    ``currency=False`` refuses a currency sign (a headcount is not in dollars).
    """
    folded = fold(text)
    named: str | None = None
    if currency:
        folded, named = _take_currency(folded)
    # "1.2亿元" / "300万 RMB": the currency may follow the multiplier, so look again.
    folded = _GROUP_GAP.sub(",", folded.replace("_", ""))
    lowered = folded.lower()
    if not lowered:
        raise NotAnAmount()
    total = Decimal(0)
    last_scale: int | None = None
    position = 0
    while position < len(lowered):
        match = _SEGMENT.match(lowered, position)
        if match is None or match.end() == position:
            raise NotAnAmount()
        number = _number(match.group(1).rstrip("."), lang)
        scale = 1
        for token in _SCALE_TOKEN.findall(match.group(2)):
            scale *= _SCALES[token]
        # Segments must shrink: "1亿2000万" adds up, "2000万1亿" is not a way to write a number.
        if last_scale is not None and (scale >= last_scale or number < 0):
            raise NotAnAmount()
        total += number * scale
        last_scale = scale
        position = match.end()
    return Amount(total, named)


def parse_whole(text: str, lang: str = "en", *, currency: bool = False) -> tuple[int, str | None]:
    """A whole number (and the currency named); fractions are refused, not rounded."""
    amount = parse_amount(text, lang, currency=currency)
    if amount.value != amount.value.to_integral_value():
        raise NotAnAmount("not_whole")
    return int(amount.value), amount.currency


def parse_money(text: str, lang: str = "en") -> tuple[int, str | None]:
    """A sum of money in whole units: fractions of a unit are rounded (the field shows it)."""
    amount = parse_amount(text, lang, currency=True)
    # to_integral_value, not quantize: a 400-digit number is refused later as out of range,
    # not here with a decimal precision error.
    return int(amount.value.to_integral_value(rounding=ROUND_HALF_UP)), amount.currency


def format_number(value: int, lang: str = "en") -> str:
    """A whole number in the interface language's way, with grouping (120,000,000)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(lang))
