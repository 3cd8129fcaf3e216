"""The calendar file, parsed back with the ``icalendar`` package and checked octet by octet."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from desktop.export.ics import IcsError, export_ics
from desktop.services.demo import PAST_VISIT_TITLE, UPCOMING_VISIT_TITLE, load_demo

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def demo(services):
    load_demo(services.db, today=TODAY)
    services.settings.set(rep_name="陈嘉怡 (Jiayi Chen)")
    visits = {v.title: services.visits.get(v.id) for v, _, _ in services.queries.visits()}
    return visits[UPCOMING_VISIT_TITLE], visits[PAST_VISIT_TITLE]


def read(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def components(cal: icalendar.Calendar, name: str) -> list:
    return [c for c in cal.walk() if c.name == name]


def test_event_is_at_the_right_instant(services, demo, tmp_path):
    upcoming, _ = demo
    path = tmp_path / "visit.ics"
    export_ics(services, upcoming.id, path)
    (event,) = components(read(path), "VEVENT")

    start = event.decoded("dtstart")
    assert event["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert start.replace(tzinfo=None) == dt.datetime(2026, 11, 25, 10, 0)
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.UTC)
    assert event.decoded("dtend") - start == dt.timedelta(minutes=90)
    assert str(event["uid"]).startswith(upcoming.uid)
    assert "dtstamp" in event
    assert UPCOMING_VISIT_TITLE in str(event["summary"])
    assert str(event["location"]) == upcoming.place
    (zone,) = components(read(path), "VTIMEZONE")
    assert str(zone["tzid"]) == "Asia/Shanghai"


def test_attendees_and_description(services, demo, tmp_path):
    upcoming, _ = demo
    path = tmp_path / "visit.ics"
    export_ics(services, upcoming.id, path, lang="en")
    (event,) = components(read(path), "VEVENT")
    attendees = event.get("attendee")
    by_name = {a.params["CN"]: a for a in attendees}
    assert set(by_name) == {
        "王磊",
        "张伟",
        "刘芳",
        "孙浩",
        "陈嘉怡 (Jiayi Chen)",
        "赵磊 (Leo Zhao)",
    }
    assert str(by_name["张伟"]).lower() == "mailto:david.zhang@hengyuan-precision.com.cn"
    assert by_name["张伟"].params["ROLE"] == "REQ-PARTICIPANT"
    assert by_name["陈嘉怡 (Jiayi Chen)"].params["ROLE"] == "CHAIR"  # the rep, from settings
    assert str(by_name["赵磊 (Leo Zhao)"]).startswith("urn:uuid:")  # no address known
    description = str(event["description"])
    for text in (upcoming.objective, upcoming.best_commitment, upcoming.min_commitment):
        assert text in description
    for step in ("Prepare", "Open", "Consult", "Propose", "Close"):
        assert f"\n{step}: " in description
    assert "11 planned questions" in description


def test_next_steps_become_todos(services, demo, tmp_path):
    _, past = demo
    path = tmp_path / "past.ics"
    export_ics(services, past.id, path, lang="zh")
    todos = components(read(path), "VTODO")
    assert [str(t["summary"]) for t in todos] == [s.description for s in past.next_steps]
    for todo, step in zip(todos, past.next_steps, strict=True):
        assert todo.decoded("due") == step.due_date
        assert step.owner in str(todo["description"])
        assert str(todo["status"]) == ("COMPLETED" if step.done else "NEEDS-ACTION")
    assert sum(str(t["status"]) == "COMPLETED" for t in todos) == 3


def test_lines_are_folded_crlf_and_escaped(services, demo, tmp_path):
    upcoming, _ = demo
    services.visits.update(
        upcoming.id, place="Room 3; Building A, floor 2 \\ east\nsecond line", title="Q4, review"
    )
    path = tmp_path / "visit.ics"
    export_ics(services, upcoming.id, path)
    data = path.read_bytes()
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in b"".join(lines)  # no bare line feeds
    assert any(line.startswith(b" ") for line in lines)  # long Chinese text was folded
    for line in lines:
        line.decode("utf-8")  # folds never split a character
    (event,) = components(read(path), "VEVENT")
    assert str(event["location"]) == "Room 3; Building A, floor 2 \\ east\nsecond line"
    assert b"LOCATION:Room 3\\; Building A\\, floor 2 \\\\ east\\nsecond line" in data.replace(
        b"\r\n ", b""
    )
    assert str(event["summary"]).endswith("Q4, review")


def test_daylight_saving_zone_converts_correctly(services, demo, tmp_path):
    upcoming, _ = demo
    # 9:00 in New York on 10 July is in daylight time (UTC-4); in November it is standard time.
    services.visits.update(
        upcoming.id, timezone="America/New_York", starts_at=dt.datetime(2026, 7, 10, 9, 0)
    )
    path = tmp_path / "ny.ics"
    export_ics(services, upcoming.id, path)
    (event,) = components(read(path), "VEVENT")
    start = event.decoded("dtstart")
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 7, 10, 13, 0, tzinfo=dt.UTC)
    (zone,) = components(read(path), "VTIMEZONE")
    kinds = {c.name for c in zone.subcomponents}
    assert kinds == {"STANDARD", "DAYLIGHT"}
    # The file's own time zone definition gives the same instant as zoneinfo does.
    tz = zone.to_tz()
    local = dt.datetime(2026, 7, 10, 9, 0)
    assert tz.utcoffset(local) == ZoneInfo("America/New_York").utcoffset(local)


def test_visit_without_time_zone_uses_the_local_zone(services, demo, tmp_path, monkeypatch):
    upcoming, _ = demo
    services.visits.update(upcoming.id, timezone="")
    monkeypatch.setenv("TZ", "Europe/Berlin")
    path = tmp_path / "local.ics"
    export_ics(services, upcoming.id, path)
    (event,) = components(read(path), "VEVENT")
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("dtstart").astimezone(dt.UTC).hour == 9  # 10:00 CET is 09:00 UTC


def test_visit_without_a_date_is_refused(services, tmp_path):
    account = services.accounts.create(name="Undated Co")
    opp = services.opportunities.create(account.id, name="Later")
    visit = services.visits.plan(opp.id)
    path = tmp_path / "x.ics"
    with pytest.raises(IcsError, match="no date"):
        export_ics(services, visit.id, path)
    assert not path.exists()


def run_cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_cli_exports_a_calendar_file(tmp_path):
    data = tmp_path / "data"
    assert run_cli("demo", data=data).returncode == 0
    visits = json.loads(run_cli("list", "visits", "--json", data=data).stdout)
    visit = next(v for v in visits if v["status"] == "ready")
    path = tmp_path / "visit.ics"
    result = run_cli("export", "ics", "--visit", str(visit["id"]), "-o", str(path), data=data)
    assert result.returncode == 0, result.stderr
    (event,) = components(read(path), "VEVENT")
    assert event["dtstart"].params["TZID"] == "Asia/Shanghai"

    missing = run_cli("export", "ics", "--visit", "424242", "-o", str(path), data=data)
    assert missing.returncode == 1
    assert len(missing.stderr.strip().splitlines()) == 1
    assert "Traceback" not in missing.stderr
