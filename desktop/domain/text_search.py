"""How text is cut into search tokens, for Latin and Chinese alike.

SQLite's FTS5 ``unicode61`` tokenizer keeps a run of Chinese characters as one token, so a
search for a surname would never match a full name. We therefore index every CJK character as
a token of its own and turn a Chinese query into a phrase query: FTS5 phrases match adjacent
tokens, so "张伟" finds exactly the names that contain 张 followed by 伟, and a one-character
query such as "王" works too — through the index, without scanning rows, on any SQLite with FTS5.
Latin words are matched by prefix ("huaw" finds "Huawei"). Phone numbers are also indexed with
their digits run together, so "13800138000" finds "138-0013-8000". A single Latin letter or
digit is the prefix of a large share of all words, so it is searched differently (see
``single_letter``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# CJK Unified Ideographs (with extension A), compatibility ideographs, kana and hangul.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"
_CJK_CHAR = re.compile(f"([{_CJK}])")
_QUERY_PARTS = re.compile(f"[{_CJK}]+|[^\\W_]+", re.UNICODE)
_IS_CJK = re.compile(f"[{_CJK}]")
_PHONE = re.compile(r"\+?\d[\d\s\-().]{5,}\d")
_NOT_DIGIT = re.compile(r"\D")
_INTERNATIONAL = re.compile(r"(\+|00)\d{1,3}[\s\-.()]+(.*)")


def normalise(text: str) -> str:
    """Fold width and case so that full-width letters and digits match their ASCII forms."""
    return unicodedata.normalize("NFKC", text).casefold()


def index_text(*parts: str | None) -> str:
    """The text to store in the index for the given fields."""
    pieces: list[str] = []
    extra: list[str] = []
    for part in parts:
        if part:
            spaced, forms = _indexed_part(part) if len(part) <= _CACHED_LENGTH else _index(part)
            pieces.append(spaced)
            extra += forms
    # Each CJK character stands alone, and numbers are looked for field by field (two phones
    # side by side are not one long number): so a field's text does not depend on the others.
    text = " ".join(pieces)
    return " ".join([text, *extra]) if extra else text


# Fields up to this long are remembered: an import of 100k people indexes the same titles,
# departments and companies again and again. Longer text (notes) is rarely repeated.
_CACHED_LENGTH = 200


def _index(part: str) -> tuple[str, tuple[str, ...]]:
    """One field's indexed text (folded, CJK characters spaced out) and its phone forms."""
    if part.isascii():  # e-mails and phones: NFKC leaves ASCII as it is, casefold lowers it
        given = spaced = part.lower()
    else:
        given = normalise(part)
        spaced = given if given.isascii() else _CJK_CHAR.sub(_spaced, given)
    found = _PHONE.findall(given)
    return spaced, tuple(d for phone in found for d in _phone_forms(phone)) if found else ()


# A pure function of the text, so a remembered answer cannot go stale.
_indexed_part = functools.lru_cache(maxsize=16384)(_index)


def _spaced(match: re.Match[str]) -> str:
    # A function, not the template r" \1 ": Python expands a template for every match.
    return f" {match.group(1)} "


def _phone_forms(phone: str) -> list[str]:
    """The digits run together, and again without an international prefix (+86 138… → 138…)."""
    forms = [_NOT_DIGIT.sub("", phone)]
    international = _INTERNATIONAL.match(phone)
    if international:
        forms.append(_NOT_DIGIT.sub("", international.group(2)))
    return forms


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what the rep typed, or None if nothing is searchable."""
    terms: list[str] = []
    for part in _QUERY_PARTS.findall(normalise(query)):
        if _IS_CJK.match(part):
            terms.append('"' + " ".join(part) + '"')
        else:
            terms.append(f'"{part}"*')
    return " AND ".join(terms) if terms else None


def single_letter(query: str) -> bool:
    """True when the query is one Latin letter or digit: the first keystroke of a word.

    Such a query is the prefix of a large share of every word in the file. Ranking its name
    matches tells little apart (bm25 does not look at where a word stands, and every match is
    the same one-letter "word") and costs time in proportion to them, so the search lists
    names that start with it first instead.
    """
    parts = _QUERY_PARTS.findall(normalise(query))
    return len(parts) == 1 and len(parts[0]) == 1 and not _IS_CJK.match(parts[0])
