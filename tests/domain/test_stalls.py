"""The one stall rule (issue 16): a "maybe", no visit in N days, overdue next steps."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.stalls import no_recent_visit, stall_reasons

NOW = datetime(2026, 12, 5, 23, 59)


def test_each_reason_in_the_order_to_act_on_them():
    reasons = stall_reasons(["develop"], True, 2, 14)
    assert [r.code for r in reasons] == ["maybe", "no_visit", "overdue"]
    assert [r.text("en") for r in reasons] == [
        "Decision point “maybe”",
        "No visit in 14 days",
        "2 overdue next steps",
    ]
    assert reasons[1].text("zh") == "14 天未拜访"
    assert reasons[0].as_json() == {"code": "maybe", "phases": ["develop"]}
    assert stall_reasons([], False, 0, 30) == []


def test_no_visit_counts_the_preference_days():
    assert no_recent_visit(None, NOW, 30)
    assert not no_recent_visit(datetime(2026, 11, 6, 9), NOW, 30)
    assert no_recent_visit(datetime(2026, 11, 5, 9), NOW, 30)
    assert not no_recent_visit(datetime(2026, 11, 5, 9), NOW, 31)
