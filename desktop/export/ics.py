"""A visit as an iCalendar file (RFC 5545) for the rep's calendar: the meeting and its to-dos.

Written by hand, standard library only: one VEVENT at the visit's wall time in its IANA time
zone (with a VTIMEZONE built from zoneinfo, so any calendar reads the right instant), the people
as ATTENDEEs, the objective and a short plan in the DESCRIPTION, and each agreed next step of
the call report as a VTODO. Lines end in CRLF and are folded at 75 octets.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import desktop

from .atomic import write_atomically
from .brief.labels import label
from .folding import fold

PRODID = f"-//Callbrief//Callbrief {desktop.__version__}//EN"
_UID_DOMAIN = "callbrief"


class IcsError(ValueError):
    """The visit cannot be put in a calendar (no date yet) or the file cannot be written."""


def export_ics(services: Any, visit_id: int, dest: Path, lang: str | None = None) -> None:
    """Write visit ``visit_id`` as an .ics file at ``dest`` (atomically)."""
    from .brief import resolve_language

    text = calendar_text(services, visit_id, resolve_language(services, lang))
    _write(Path(dest), text.encode("utf-8"))


def calendar_text(
    services: Any, visit_id: int, lang: str = "en", now: datetime | None = None
) -> str:
    """The whole VCALENDAR as a string with CRLF line ends."""
    visit = services.visits.get(visit_id)
    if visit.starts_at is None:
        raise IcsError(f"visit {visit_id} has no date and time yet; set them first")
    opp = visit.opportunity
    account = opp.account
    contacts = {c.id: c for c in services.contacts.for_account(account.id)}
    settings = services.settings.all()
    stamp = _utc(now or datetime.now(UTC))

    zone, zone_name = _visit_zone(visit.timezone)
    start = visit.starts_at
    if zone is not None:
        end_utc = start.replace(tzinfo=zone).astimezone(UTC) + timedelta(
            minutes=visit.duration_min or 60
        )
        end = end_utc.astimezone(zone).replace(tzinfo=None)
    else:
        end = start + timedelta(minutes=visit.duration_min or 60)

    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if zone is not None:
        lines += _vtimezone(zone, zone_name, start)

    title = visit.title.strip() or opp.name
    lines += [
        "BEGIN:VEVENT",
        f"UID:{visit.uid}@{_UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        _when("DTSTART", start, zone_name),
        _when("DTEND", end, zone_name),
        f"SUMMARY:{_text(f'{account.name}: {title}')}",
    ]
    if visit.place.strip():
        lines.append(f"LOCATION:{_text(visit.place.strip())}")
    lines.append(f"DESCRIPTION:{_text(_description(services.playbook, visit, lang))}")
    lines += _attendees(visit, contacts, settings.get("rep_name", ""))
    lines.append("END:VEVENT")

    for step in visit.next_steps:
        lines += _todo(visit, step, stamp, lang)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


# Content ------------------------------------------------------------------------------------


def _description(pb: Any, visit: Any, lang: str) -> str:
    """Objective, commitments and one line per visit step."""
    parts = [
        (label("objective", lang), visit.objective),
        (label("best_commitment", lang), visit.best_commitment),
        (label("min_commitment", lang), visit.min_commitment),
    ]
    out = [f"{name}: {value.strip()}" for name, value in parts if value and value.strip()]
    steps = {e.key: e.text(lang) for e in pb.visit_steps}
    plan: list[tuple[str, str]] = [("prepare", visit.info_needed.strip())]
    statement = visit.value_statement.strip() or " ".join(
        v.strip() for v in (visit.vs_who, visit.vs_what, visit.vs_why) if v.strip()
    )
    plan.append(("open", statement))
    if visit.questions:
        named = {"eric": "ERIC", "spin": "SPIN"}  # the third kind, question types, has no name
        frameworks = sorted({named[q.framework] for q in visit.questions if q.framework in named})
        count = label("ics_questions", lang, n=len(visit.questions))
        plan.append(("consult", f"{count} ({', '.join(frameworks)})" if frameworks else count))
    plan.append(("propose", _lead(pb.label("next_actions", visit.next_action, lang), visit)))
    close = pb.label("close_techniques", visit.close_technique, lang)
    plan.append(("close", " — ".join(p for p in (close, visit.close_plan.strip()) if p)))
    plan_lines = [f"{steps.get(key, key)}: {text}" for key, text in plan if text]
    if plan_lines:
        out += ["", label("ics_plan", lang), *plan_lines]
    return "\n".join(out)


def _lead(action: str, visit: Any) -> str:
    return " — ".join(p for p in (action, visit.next_action_detail.strip()) if p)


def _attendees(visit: Any, contacts: dict[int, Any], rep_name: str) -> list[str]:
    lines = []
    for a in visit.attendees:
        contact = contacts.get(a.contact_id) if a.contact_id else None
        if contact is not None:
            name, email, role = contact.name, contact.email, "REQ-PARTICIPANT"
            address_seed = contact.uid
        else:
            name, email = a.name, ""
            is_rep = bool(rep_name.strip()) and a.name.strip() == rep_name.strip()
            role = "CHAIR" if is_rep else "REQ-PARTICIPANT"
            address_seed = f"{visit.uid}-attendee-{a.id}"
        if not name.strip():
            continue
        # A cal-address must be a URI: mailto when we know the address, else a stable urn.
        if email.strip():
            address = f"mailto:{email.strip()}"
        else:
            address = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, address_seed)}"
        lines.append(
            f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE={role};PARTSTAT=NEEDS-ACTION;"
            f"CN={_param(name)}:{address}"
        )
    return lines


def _todo(visit: Any, step: Any, stamp: str, lang: str) -> list[str]:
    lines = [
        "BEGIN:VTODO",
        f"UID:{visit.uid}-step-{step.id}@{_UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"SUMMARY:{_text(step.description.strip())}",
        f"RELATED-TO:{visit.uid}@{_UID_DOMAIN}",
    ]
    if step.due_date is not None:
        lines.append(f"DUE;VALUE=DATE:{step.due_date:%Y%m%d}")
    if step.owner.strip():
        owner = label("owner", lang, name=step.owner.strip())
        lines.append(f"DESCRIPTION:{_text(owner)}")
    if step.done:
        lines += ["STATUS:COMPLETED", "PERCENT-COMPLETE:100"]
    else:
        lines.append("STATUS:NEEDS-ACTION")
    lines.append("END:VTODO")
    return lines


# Time zones ---------------------------------------------------------------------------------


def _visit_zone(name: str) -> tuple[ZoneInfo | None, str]:
    """The visit's zone; an empty or unknown name means the computer's own zone, if it has one."""
    for candidate in (name.strip(), local_zone_name()):
        if candidate:
            try:
                return ZoneInfo(candidate), candidate
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return None, ""  # floating time: the last resort


def local_zone_name() -> str:
    """The IANA name of this computer's time zone, or "" when it cannot be told."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _valid_zone(tz):
        return tz
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        if _valid_zone(name):
            return name
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    return name if name and _valid_zone(name) else ""


def _valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class _Observance:
    onset: datetime  # local wall time, in the offset before the change
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool


def _observances(zone: tzinfo, around: datetime) -> list[_Observance]:
    """The offsets in force from a year before ``around`` to a year after, with their changes."""
    begin = datetime(around.year - 1, 1, 1, tzinfo=UTC)
    finish = datetime(around.year + 2, 1, 1, tzinfo=UTC)

    def offset(moment: datetime) -> timedelta:
        return moment.astimezone(zone).utcoffset() or timedelta(0)

    first = begin.astimezone(zone)
    found = [
        _Observance(
            first.replace(tzinfo=None),
            offset(begin),
            offset(begin),
            first.tzname() or "",
            bool(first.dst()),
        )
    ]
    day = timedelta(days=1)
    moment = begin
    while moment < finish:
        after = moment + day
        if offset(after) != offset(moment):
            low, high = moment, after  # the change happens in (low, high]
            while high - low > timedelta(seconds=1):
                mid = low + (high - low) / 2
                low, high = (mid, high) if offset(mid) == offset(moment) else (low, mid)
            high = high.replace(microsecond=0)
            before, local = offset(moment), high.astimezone(zone)
            found.append(
                _Observance(
                    (high + before).replace(tzinfo=None),
                    before,
                    offset(high),
                    local.tzname() or "",
                    bool(local.dst()),
                )
            )
        moment = after
    if len(found) == 1:  # no changes at all: one observance since the epoch says it all
        only = found[0]
        found = [
            _Observance(datetime(1970, 1, 1), only.offset_to, only.offset_to, only.name, False)
        ]
    return found


def _vtimezone(zone: tzinfo, name: str, around: datetime) -> list[str]:
    lines = ["BEGIN:VTIMEZONE", f"TZID:{name}"]
    for o in _observances(zone, around):
        kind = "DAYLIGHT" if o.daylight else "STANDARD"
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{o.onset:%Y%m%dT%H%M%S}",
            f"TZOFFSETFROM:{_offset(o.offset_from)}",
            f"TZOFFSETTO:{_offset(o.offset_to)}",
        ]
        if o.name:
            lines.append(f"TZNAME:{_text(o.name)}")
        lines.append(f"END:{kind}")
    lines.append("END:VTIMEZONE")
    return lines


def _offset(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _when(prop: str, moment: datetime, zone_name: str) -> str:
    if zone_name:
        return f"{prop};TZID={_param_value(zone_name)}:{moment:%Y%m%dT%H%M%S}"
    return f"{prop}:{moment:%Y%m%dT%H%M%S}"


def _utc(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment:%Y%m%dT%H%M%S}Z"


# Syntax -------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11)."""
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def _param_value(value: str) -> str:
    """A parameter value, quoted when it holds : ; or , (double quotes cannot appear inside)."""
    value = _CONTROL.sub("", value.replace("\n", " ").replace("\r", " ")).replace('"', "'")
    return f'"{value}"' if any(c in value for c in ":;,") else value


def _param(value: str) -> str:
    """A CN-style parameter: always quoted, which is valid and safe for any name."""
    value = _CONTROL.sub("", value.replace("\n", " ").replace("\r", " ")).replace('"', "'")
    return f'"{value}"'


def _write(dest: Path, payload: bytes) -> None:
    try:
        write_atomically(dest, lambda tmp: tmp.write_bytes(payload))
    except OSError as exc:
        raise IcsError(f"cannot write {dest}: {exc.strerror or exc}") from exc


__all__ = ["IcsError", "calendar_text", "export_ics", "local_zone_name"]
