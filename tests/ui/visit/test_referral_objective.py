"""The next visit of a handed-over deal offers its open referral asks ("1+2", issue 16 item 10)
to the objective: one click (or Space) appends them as the rep would type them, saved and
undoable; a received referral is not offered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_open_asks_are_offered_to_the_objective(qtbot, services, demo, open_view):
    services.opportunities.update(demo.opp.id, stage="E")
    services.referrals.ask(demo.opp.id, "华丰电子", "王经理的老同学")
    received = services.referrals.ask(demo.opp.id, "Delta Tools")
    services.referrals.link(received.id, services.accounts.create(name="Delta Tools").id)
    before = services.visits.get(demo.upcoming).objective
    view, stack = open_view(demo.upcoming)
    page = view.pages["prepare"]
    offer = page.referral_offer
    assert offer.isVisibleTo(page) and "1 open referral ask" in offer.text()
    assert offer.accessibleName() == offer.text()
    offer.setFocus()
    QTest.keyClick(offer, Qt.Key_Space)
    objective = services.visits.get(demo.upcoming).objective
    assert objective.startswith(before.rstrip())
    assert objective.endswith("Ask for the referral: 华丰电子 (王经理的老同学)")
    assert "Delta" not in objective and not offer.isVisibleTo(page)
    stack.undo()
    assert services.visits.get(demo.upcoming).objective == before


def test_no_offer_without_open_asks(services, demo, open_view):
    view, _ = open_view(demo.upcoming)
    assert not view.pages["prepare"].referral_offer.isVisibleTo(view.pages["prepare"])
