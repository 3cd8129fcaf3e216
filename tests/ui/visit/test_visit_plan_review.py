"""The rep sees the manager's review in the visit plan: each step shows the comments on it and
on the plan as a whole, with the "reviewed" mark; a review that arrives while the plan is open
appears without reopening it.

The review is stored through ``services.reviews.store`` with the team server's answer, which
is what a sync round does (tests/sync/test_review.py runs that round trip for real).
"""

from __future__ import annotations


def _answer(visit_uid: str, *, marked: bool) -> dict:
    """The shape of GET /accounts/{uid}/reviews's "visits" (server/reviews.py)."""
    return {
        visit_uid: {
            "reviewed": {"by": "mia", "at": "2026-12-05T09:30:00+00:00"} if marked else None,
            "comments": [
                {"step": "prepare", "text": "先确认预算负责人", "by": "mia", "at": "2026-12-05"},
                {"step": "close", "text": "Ask for the pilot date.", "by": "mia", "at": "x"},
                {"step": "plan", "text": "Good plan <b>overall</b>.", "by": "mia", "at": "x"},
            ],
        }
    }


def test_each_step_shows_its_comments_and_the_mark(services, demo, open_view, qtbot):
    visit = services.visits.get(demo.upcoming)
    account_uid = services.accounts.get(demo.account_id).uid
    view, _stack = open_view(visit.id)
    prepare, close = view.pages["prepare"], view.pages["close"]
    assert not prepare.review.isVisible()  # no review yet: no box

    services.reviews.store(account_uid, _answer(visit.uid, marked=False))
    qtbot.waitUntil(prepare.review.isVisible)
    text = prepare.review.text()
    assert "Your manager's comments" in text
    assert "先确认预算负责人 — mia" in text and "Good plan &lt;b&gt;overall&lt;/b&gt;." in text
    assert "Ask for the pilot date." not in text  # that one is about Close

    services.reviews.store(account_uid, _answer(visit.uid, marked=True))
    qtbot.waitUntil(lambda: "Reviewed by mia on 2026-12-05" in prepare.review.text())
    view.step_buttons["close"].click()
    assert view.current_step() == "close"
    qtbot.waitUntil(close.review.isVisible)
    assert "Ask for the pilot date. — mia" in close.review.text()
    assert "先确认预算负责人" not in close.review.text()
    assert close.review.accessibleName() == "Manager's review"
