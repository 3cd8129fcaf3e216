"""Reading vCard 2.1, 3.0 and 4.0 files made by other apps, by hand rather than with vobject.

Other apps write quoted-printable values with soft line breaks and CHARSET parameters, bare
TYPE parameters (``TEL;WORK;VOICE``), grouped Apple properties (``item1.X-ABRELATEDNAMES`` with
``item1.X-ABLabel``) and ``tel:`` URIs; a strict parser gives up on the whole file at the first
oddity. This one unfolds lines, decodes and unescapes values, and turns each card into the plain
fields the contact import maps (name, title, organisation, every phone, e-mail and postal
address with its type, manager, assistant, categories); a card it cannot read is reported by
number instead of sinking the file.
"""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass
from typing import Any

from desktop.domain import contact_columns
from desktop.domain.contact_details import Detail, prefer_work, type_of
from desktop.domain.limits import encoding_is_text


def read_vcards(text: str) -> list[tuple[int, dict[str, Any] | str]]:
    """(card number, fields) for each card, or (card number, why it could not be read)."""
    return [
        (number, card if isinstance(card, str) else card_fields(card))
        for number, card in _read_cards(text)
    ]


@dataclass
class _Prop:
    group: str
    name: str
    params: dict[str, list[str]]
    value: str  # decoded, still escaped

    def types(self) -> set[str]:
        return {t.lower() for t in self.params.get("TYPE", [])}


def _vcard_lines(text: str) -> list[str]:
    """Logical lines: folded lines joined, quoted-printable soft line breaks joined."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    for line in raw:
        if out and line[:1] in (" ", "\t") and not _qp_open(out[-1]):
            out[-1] += line[1:]
        elif out and _qp_open(out[-1]):
            out[-1] = out[-1][:-1] + line.lstrip(" \t")
        else:
            out.append(line)
    return [line for line in out if line.strip()]


def _qp_open(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head and line.endswith("=")


def _parse_line(line: str) -> _Prop:
    # The value starts at the first colon outside a quoted parameter value.
    quoted, cut = False, -1
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            cut = i
            break
    if cut < 0:
        raise ValueError(f"no value in line “{line[:40]}”")
    head, value = line[:cut], line[cut + 1 :]
    parts = _split_params(head)
    name = parts[0]
    group = ""
    if "." in name:
        group, name = name.rsplit(".", 1)
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        if "=" in part:
            key, _, val = part.partition("=")
            items = [v.strip('"') for v in _split_unquoted(val, ",")]
        else:  # vCard 2.1: ;WORK;CELL means TYPE=WORK,CELL
            key, items = "TYPE", [part]
        params.setdefault(key.upper(), []).extend(items)
    encoding = [e.upper() for e in params.get("ENCODING", [])]
    if "QUOTED-PRINTABLE" in encoding:
        charset = (params.get("CHARSET") or ["utf-8"])[0]
        if not encoding_is_text(charset):
            charset = "utf-8"  # unicode_escape, base64, 'undefined'…: not a text's charset
        data = quopri.decodestring(value.encode("latin-1", "replace"))
        try:
            value = data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            value = data.decode("gb18030", "replace")
    return _Prop(group.upper(), name.upper(), params, value)


def _split_params(head: str) -> list[str]:
    return _split_unquoted(head, ";")


def _split_unquoted(text: str, sep: str) -> list[str]:
    out, current, quoted = [], "", False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            out.append(current)
            current = ""
        else:
            current += ch
    out.append(current)
    return out


def _split_escaped(value: str, sep: str) -> list[str]:
    """Split at ``sep`` not preceded by a backslash, then unescape each part."""
    parts, current, i = [], "", 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current += value[i : i + 2]
            i += 2
            continue
        if ch == sep:
            parts.append(current)
            current = ""
        else:
            current += ch
        i += 1
    parts.append(current)
    return [unescape(p) for p in parts]


def _split_unescaped(value: str, sep: str = ";") -> list[str]:
    """Split at ``sep`` not preceded by a backslash, leaving each part escaped."""
    parts, current, i = [], "", 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current += value[i : i + 2]
            i += 2
            continue
        if ch == sep:
            parts.append(current)
            current = ""
        else:
            current += ch
        i += 1
    parts.append(current)
    return parts


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _read_cards(text: str) -> list[tuple[int, list[_Prop] | str]]:
    """Each card's properties, or the reason it could not be read."""
    cards: list[tuple[int, list[_Prop] | str]] = []
    current: list[_Prop] | None = None
    error = ""
    depth = 0
    for line in _vcard_lines(text):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            depth += 1
            if depth == 1:
                current, error = [], ""
            continue
        if upper == "END:VCARD":
            depth -= 1
            if depth == 0 and current is not None:
                cards.append((len(cards) + 1, error or current))
                current = None
            depth = max(depth, 0)
            continue
        if current is None or depth > 1:
            continue  # text outside a card, or a nested AGENT card
        try:
            current.append(_parse_line(line))
        except ValueError as exc:
            error = error or str(exc)
    if current is not None:
        cards.append((len(cards) + 1, error or "the card has no END:VCARD"))
    return cards


_MANAGER_PROPERTIES = frozenset(
    {"X-MS-MANAGER", "X-MANAGER", "X-EVOLUTION-MANAGER", "X-KADDRESSBOOK-X-MANAGERSNAME"}
)
_ASSISTANT_PROPERTIES = frozenset(
    {"X-MS-ASSISTANT", "X-ASSISTANT", "X-EVOLUTION-ASSISTANT", "X-KADDRESSBOOK-X-ASSISTANTSNAME"}
)
_ASSISTANT_WORDS = ("assistant", "助理", "秘书")
# Apple writes its own labels as _$!<Mobile>!$_; custom ones as they were typed.
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


def _plain_properties() -> dict[str, str]:
    """vCard property → column key for the columns carried as plain text (declared once in
    ``desktop.domain.contact_columns``; read afresh so every declared column is seen)."""
    return {prop.upper(): c.key for c in contact_columns.COLUMNS for prop in c.vcard}


def card_fields(props: list[_Prop]) -> dict[str, Any]:
    """The fields a card carries, in the import's target names."""
    out: dict[str, Any] = {}
    labels: dict[str, str] = {p.group: unescape(p.value) for p in props if p.name == "X-ABLABEL"}
    details: list[tuple[int, Detail]] = []  # (how preferred the file says, 99: not said)
    categories: list[str] = []
    plain = _plain_properties()
    for p in props:
        value = p.value
        if p.name == "FN":
            out["name"] = unescape(value)
        elif p.name == "N":
            # family;given;additional;prefix;suffix (each part may list several, ","-joined)
            parts = [" ".join(_split_escaped(p, ",")).strip() for p in _split_unescaped(value)]
            parts += [""] * 5
            out["family_name"], out["given_name"], out["middle_name"] = parts[0], parts[1], parts[2]
            out["name_prefix"], out["name_suffix"] = parts[3], parts[4]
        elif p.name == "NICKNAME":
            out.setdefault("alt_name", _split_escaped(value, ",")[0])
        elif p.name == "TITLE":
            out["title"] = unescape(value)
        elif p.name == "ROLE":
            out["role_text"] = unescape(value)
        elif p.name == "ORG":
            parts = _split_escaped(value, ";") + [""]
            out["company"], out["department"] = parts[0], parts[1]
        elif p.name in ("TEL", "EMAIL", "ADR"):
            found = _detail(p, labels.get(p.group, "") if p.group else "")
            if found is not None:
                details.append(found)
        elif p.name in plain:  # X-WECHAT, X-CALLBRIEF-LAST-CONTACT, … (contact_columns)
            out[plain[p.name]] = unescape(value).strip()
        elif p.name == "IMPP" and value.lower().startswith(("weixin:", "wechat:")):
            out.setdefault("wechat", value.split(":", 1)[1])
        elif p.name == "NOTE":
            out["notes"] = unescape(value)
        elif p.name == "UID":
            out["ref"] = ref(value)
        elif p.name == "RELATED":
            # The manager and the assistant matter here; a spouse or a friend is no
            # reporting line.
            if p.types() & {"x-assistant", "assistant"}:
                if not re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I):
                    out.setdefault("assistant", unescape(value))
                continue
            if not p.types() & {"x-manager", "manager"}:
                continue
            if value.lower().startswith("urn:"):
                out["manager_ref"] = ref(value)
            elif not re.match(r"^[a-z][a-z0-9+.-]*:", value, re.I):
                out.setdefault("reports_to", unescape(value))
        elif p.name == "X-ABRELATEDNAMES":
            label = labels.get(p.group, "") if p.group else ""
            typed = not p.group and "manager" in p.types()
            if "manager" in label.lower() or "上级" in label or typed:
                out["reports_to"] = unescape(value)
            elif any(w in label.lower() for w in _ASSISTANT_WORDS) or "assistant" in p.types():
                out.setdefault("assistant", unescape(value))
        elif p.name in _MANAGER_PROPERTIES:
            out.setdefault("reports_to", unescape(value))
        elif p.name in _ASSISTANT_PROPERTIES:
            out.setdefault("assistant", unescape(value))
        elif p.name == "CATEGORIES":
            categories += [c.strip() for c in _split_escaped(value, ",") if c.strip()]
        elif p.name == "X-CALLBRIEF-ROLES":
            out["role_keys"] = [r.strip() for r in _split_escaped(value, ",") if r.strip()]
        elif p.name == "X-CALLBRIEF-ATTITUDE":
            out["attitude_key"] = unescape(value).strip()
        elif p.name == "X-CALLBRIEF-INFLUENCE":
            out["influence_key"] = unescape(value).strip()
    # The preferred value of each kind: the lowest PREF (4.0) or TYPE=pref (2.1, 3.0); else
    # the first work value (``prefer_work``). The contact's columns show the preferred ones.
    best: dict[str, int] = {}
    for rank, d in details:
        best[d.kind] = min(best.get(d.kind, 99), rank)
    marked: set[str] = set()
    listed: list[Detail] = []
    for rank, d in details:
        chosen = rank < 99 and rank == best[d.kind] and d.kind not in marked
        marked |= {d.kind} if chosen else set()
        listed.append(Detail(d.kind, d.type, d.value, preferred=chosen))
    out["details"] = prefer_work(listed)
    out["categories"] = categories
    return out


def _detail(p: _Prop, label: str) -> tuple[int, Detail] | None:
    """One TEL, EMAIL or ADR as a typed detail with how preferred the card says it is; None
    for a fax or pager number, or an empty value."""
    types = p.types()
    words = [*types, _APPLE_LABEL.sub(r"\1", label)]
    if p.name == "EMAIL":
        # INTERNET and X400 say what kind of address, not whose; they are not a type.
        words = [w for w in words if w not in ("internet", "x400", "pref")]
    kind_type = type_of(words)
    if kind_type is None:
        return None
    rank = 99
    for pref in p.params.get("PREF", []):
        if pref.strip().isdigit():
            rank = min(rank, int(pref))
    if "pref" in types:
        rank = min(rank, 1)
    if p.name == "TEL":
        value = re.sub(r"^tel:", "", unescape(p.value).strip(), flags=re.I)
        kind = "phone"
    elif p.name == "EMAIL":
        value = re.sub(r"^mailto:", "", unescape(p.value).strip(), flags=re.I)
        kind = "email"
    else:
        value, kind = _address(p.value), "address"
    return (rank, Detail(kind, kind_type, value)) if value else None


def _address(value: str) -> str:
    """ADR's parts (post office box; extended; street; locality; region; postal code;
    country) as one line, in that order, the empty ones left out."""
    parts = [" ".join(_split_escaped(part, ",")).strip() for part in _split_unescaped(value)]
    lines = [", ".join(x.strip() for x in part.split("\n") if x.strip()) for part in parts]
    return ", ".join(x for x in lines if x)


def ref(value: str) -> str:
    """An identifier as the file gives it; a UUID in the 32-hex form Callbrief stores uids in."""
    value = value.strip()
    for prefix in ("urn:uuid:", "urn:"):
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
    if re.fullmatch(
        r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}", value
    ):
        return value.replace("-", "").lower()
    return value  # other ids (Salesforce) are case-sensitive
