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
    given = [normalise(p) for p in parts if p]
    text = " ".join(given)
    # Numbers are looked for field by field: two phones side by side are not one long number.
    extra = [d for p in given for m in _PHONE.finditer(p) for d in _phone_forms(m.group())]
    text = _CJK_CHAR.sub(r" \1 ", text)
    return " ".join([text, *extra]) if extra else text


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
