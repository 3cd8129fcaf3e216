"""The page stays put under the pointer while the rep works: a gap that closes above the
attendee list does not move the next tick onto another row."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest


def test_ticking_attendees_does_not_move_the_rows_under_the_pointer(qtbot, services, open_view):
    account = services.accounts.create(name="Acme")
    people = [services.contacts.create(account.id, name=f"Person {n}") for n in range(1, 5)]
    opp = services.opportunities.create(account.id, name="MES", stage="B")
    visit = services.visits.plan(
        opp.id, title="Kick-off", starts_at=dt.datetime(2030, 5, 6, 10), place="HQ"
    )
    view, _ = open_view(visit.id)
    page = view.pages["prepare"]
    assert "Still missing" in page.gaps.text()
    boxes = [page.attendee_boxes[p.id] for p in people]
    # Bring the attendee list into view, as the rep would by scrolling down to it.
    page.scroll_area.ensureWidgetVisible(boxes[-1])
    qtbot.wait(10)
    viewport = page.scroll_area.viewport()

    def on_screen(box) -> QPoint:
        return box.mapTo(viewport, box.rect().center())

    where = [on_screen(box) for box in boxes]
    height_before = page.gaps.height()
    QTest.mouseClick(boxes[0], Qt.LeftButton)  # closes the "who attends" gap above
    qtbot.wait(10)
    assert services.visits.get(visit.id).attendees[0].contact_id == people[0].id
    assert "attend" not in page.gaps.text().lower()  # that gap is gone…
    assert [on_screen(box) for box in boxes] == where  # …and nothing moved under the pointer
    assert page.gaps.height() == height_before

    # The next click, where the rep saw the second person, lands on the second person.
    under = viewport.childAt(where[1])
    while under is not None and under not in boxes:
        under = under.parentWidget()
    assert under is boxes[1]
    QTest.mouseClick(under, Qt.LeftButton)
    attending = {a.contact_id for a in services.visits.get(visit.id).attendees}
    assert people[1].id in attending and people[2].id not in attending
