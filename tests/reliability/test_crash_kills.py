"""Crash safety: edit sessions killed with SIGKILL at random moments lose nothing saved."""

from __future__ import annotations

import sys

import pytest
from crash_harness import run_kills
from reliability_support import record, scale

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")


def test_every_acknowledged_edit_survives_random_kills(tmp_path):
    kills = scale(200, 2000)
    tally = run_kills(tmp_path / "callbrief.sqlite3", kills, seed=20240611)
    record(
        "crash",
        kills=tally.kills,
        sessions_finished=tally.finished,
        acknowledged=tally.acknowledged,
        in_flight=tally.in_flight,
        in_flight_committed=tally.in_flight_committed,
        integrity_ok=tally.integrity_ok,
        lost=len(tally.lost),
        errors=len(tally.errors),
    )
    assert tally.errors == []
    assert tally.lost == []
    assert tally.kills >= kills
    assert tally.integrity_ok == tally.kills + tally.finished
    # The kills really came in the middle of the work: edits were saved before them, and some
    # kills hit a service call half-way.
    assert tally.acknowledged > kills and tally.in_flight > 0
