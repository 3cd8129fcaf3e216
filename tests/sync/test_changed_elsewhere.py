"""'Changed by someone else': a value of ours that a concurrent edit of the same field replaced
is kept in our data file, listed, and can be restored as our own edit.

Two laptops' real data files exchange Yrs updates directly (what the server relays: see
tests/sync/test_mirror.py); the same through the real server is in test_two_laptops.py.
"""

from __future__ import annotations

import pytest
from laptops import exchange_directly as _round
from laptops import open_laptop, rows, small_account

from desktop.services.events import ChangeKind
from desktop.services.team_changes import RestoreError
from desktop.sync.engine import SyncEngine


@pytest.fixture
def pair(tmp_path):
    a, b = open_laptop(tmp_path / "a"), open_laptop(tmp_path / "b")
    account_id, people = small_account(a)
    uid = SyncEngine(a.team_sync).start_sharing(account_id)
    SyncEngine(b.team_sync).join(uid, "write")
    a.team_sync.set_user("ana")
    b.team_sync.set_user("bo")
    _round(a, b, uid)
    people_b = {c.name: c.id for c in b.contacts.for_account(b.team_sync.account_id(uid))}
    yield a, b, uid, people, people_b
    a.close()
    b.close()


def test_the_losing_value_of_a_concurrent_edit_is_kept_by_its_writer_only(pair):
    a, b, uid, people, people_b = pair
    a.contacts.update(people["cio"], title="首席信息官", phone_mobile="13800138000")
    b.contacts.update(people_b["Li Ming"], title="CTO")
    _round(a, b, uid)

    assert rows(a, uid) == rows(b, uid)
    winner = next(c for c in rows(a, uid)["contacts"] if c["name"] == "Li Ming")["title"]
    loser, kept_by, won_by = (a, "首席信息官", "bo") if winner == "CTO" else (b, "CTO", "ana")
    other = b if loser is a else a
    (entry,) = loser.lost_values.entries()
    assert (entry.row_label, entry.field, entry.shown, entry.by) == (
        "Li Ming",
        "title",
        kept_by,
        won_by,
    )
    assert (entry.label_en, entry.label_zh) == ("Title", "职位")
    assert entry.account_name == "华东电力 East Power" and entry.at
    assert other.lost_values.entries() == []  # the phone was not contested: nothing listed
    assert loser.lost_values.counts() == {uid: 1}


def test_a_value_replaced_after_it_was_received_is_not_a_conflict(pair):
    a, b, uid, people, people_b = pair
    a.contacts.update(people["cio"], title="首席信息官")
    _round(a, b, uid)  # B receives A's title …
    b.contacts.update(people_b["Li Ming"], title="CTO")  # … and replaces it, knowingly
    _round(a, b, uid)
    assert next(c for c in rows(a, uid)["contacts"] if c["name"] == "Li Ming")["title"] == "CTO"
    assert a.lost_values.entries() == b.lost_values.entries() == []


def test_restoring_is_a_normal_edit_that_reaches_the_teammate(pair):
    a, b, uid, people, people_b = pair
    a.contacts.update(people["cio"], reports_to_id=None)
    b.contacts.update(people_b["Li Ming"], reports_to_id=people_b["王建国"], title="CIO ")
    a.contacts.update(people["ceo"], title="董事长")
    b.contacts.update(people_b["王建国"], title="Chairman")
    _round(a, b, uid)
    loser = a if a.lost_values.entries() else b
    entry = next(e for e in loser.lost_values.entries() if e.field == "title")
    heard = []
    loser.notifier.subscribe(heard.append)
    engine = SyncEngine(loser.team_sync)
    engine.attach()
    waiting = loser.team_sync.pending()

    loser.lost_values.restore(entry.id)

    assert [c.kind for c in heard] == [ChangeKind.CONTACT]
    assert loser.team_sync.pending() == waiting + 1  # captured for the team like any edit
    assert entry.id not in [e.id for e in loser.lost_values.entries()]
    engine.detach()
    _round(a, b, uid)
    for laptop in (a, b):
        ceo = next(c for c in rows(laptop, uid)["contacts"] if c["name"] == "王建国")
        assert ceo["title"] == entry.shown


def test_a_value_whose_row_was_deleted_since_cannot_be_restored(pair):
    a, b, uid, people, people_b = pair
    a.contacts.update(people["cio"], title="首席信息官")
    b.contacts.update(people_b["Li Ming"], title="CTO")
    _round(a, b, uid)
    loser = a if a.lost_values.entries() else b
    (entry,) = loser.lost_values.entries()
    people_here = loser.contacts.for_account(loser.team_sync.account_id(uid))
    loser.contacts.delete(next(c.id for c in people_here if c.name == "Li Ming"))
    with pytest.raises(RestoreError) as raised:
        loser.lost_values.restore(entry.id)
    assert raised.value.code == "row_deleted"
    loser.lost_values.dismiss(entry.id)
    assert loser.lost_values.entries() == []
