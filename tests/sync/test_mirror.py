"""Rows <-> document without a server: two laptops' files exchange Yrs updates directly.

What the team server relays is exactly these updates, so this checks the mirror's merge rules
(texts edited in place, fields by uid) on real data files; tests/sync/test_two_laptops.py runs
the same over the real server.
"""

from __future__ import annotations

from laptops import open_laptop, rows, small_account
from pycrdt import Doc

from desktop.services.events import Change, ChangeKind, Origin
from desktop.sync.engine import SyncEngine, account_body, load_doc
from desktop.sync.mirror import read_rows, write_rows


def _exchange(a, b, uid):
    """What a round through the server does: each side gets the other's state, then writes."""
    doc_a, doc_b = load_doc(a.team_sync.state(uid)), load_doc(b.team_sync.state(uid))
    doc_a.apply_update(doc_b.get_update(doc_a.get_state()))
    doc_b.apply_update(doc_a.get_update(doc_b.get_state()))
    SyncEngine(a.team_sync).receive(uid, doc_a)
    SyncEngine(b.team_sync).receive(uid, doc_b)


def test_concurrent_offline_edits_converge_and_both_note_edits_are_kept(tmp_path):
    a, b = open_laptop(tmp_path / "a"), open_laptop(tmp_path / "b")
    account_id, people = small_account(a)
    uid = SyncEngine(a.team_sync).start_sharing(account_id)
    SyncEngine(b.team_sync).join(uid, "write")
    _exchange(a, b, uid)
    assert rows(b, uid) == rows(a, uid)  # B received the whole account
    assert a.team_sync.pending() == 1  # the first share, not acknowledged by any server

    for laptop in (a, b):
        SyncEngine(laptop.team_sync).attach()
    ceo_b = account_body(b.team_sync, b.team_sync.account_id(uid))["contacts"][0]
    ceo_b_id = next(c.id for c in b.contacts.for_account(b.team_sync.account_id(uid)))
    a.contacts.update(people["ceo"], title="董事长", relationship_notes="喜欢早上开会，周三最好")
    b.contacts.update(
        ceo_b_id, title="Chairman", relationship_notes="重要：" + ceo_b["relationship_notes"]
    )
    b.contacts.create(b.team_sync.account_id(uid), name="陈静", title="采购经理")
    _exchange(a, b, uid)

    assert rows(a, uid) == rows(b, uid)
    ceo = next(c for c in rows(a, uid)["contacts"] if c["name"] == "王建国")
    assert (
        ceo["relationship_notes"] == "重要：喜欢早上开会，周三最好"
    )  # both edits, character by character
    assert ceo["title"] in ("董事长", "Chairman")  # one title wins, the same on both
    assert {c["name"] for c in rows(a, uid)["contacts"]} == {"王建国", "Li Ming", "陈静"}


def test_changes_from_sync_are_not_written_back_and_others_are(tmp_path):
    a = open_laptop(tmp_path / "a")
    account_id, people = small_account(a)
    engine = SyncEngine(a.team_sync)
    uid = engine.start_sharing(account_id)
    engine.attach()
    a.contacts.update(people["cio"], title="CTO")  # a screen's or the CLI's save
    assert a.team_sync.pending() == 2
    doc = load_doc(a.team_sync.state(uid))
    assert any(c["title"] == "CTO" for c in read_rows(doc)["contacts"])
    engine.on_change(Change(ChangeKind.CONTACT, account_id=account_id, initiator=Origin.SYNC))
    assert a.team_sync.pending() == 2  # a change the sync made itself is not echoed


def test_a_text_is_edited_in_place_so_a_concurrent_insert_survives():
    """Regression guard for the pitfall in the issue: a new Text over the old drops edits."""
    body = {"uid": "a" * 32, "name": "X", "notes": "第一次拜访很好"}
    mine, theirs = Doc(), Doc()
    mine_update = write_rows(mine, _account(body))
    theirs.apply_update(mine_update)
    write_rows(mine, _account({**body, "notes": "第一次拜访很好。下周再来"}))
    write_rows(theirs, _account({**body, "notes": "【重要】第一次拜访很好"}))
    mine.apply_update(theirs.get_update(mine.get_state()))
    theirs.apply_update(mine.get_update(theirs.get_state()))
    assert (
        read_rows(mine)["notes"] == read_rows(theirs)["notes"] == "【重要】第一次拜访很好。下周再来"
    )


def _account(fields):
    from desktop.exchange.bundle_format import LAYOUT

    body = {key: None for key in LAYOUT.fields()}
    body.update({key: [] for key, _ in LAYOUT.children})
    body.update(fields)
    return body


def test_a_persons_phones_emails_and_addresses_reach_the_other_laptop(tmp_path):
    from desktop.domain.contact_details import Detail

    a, b = open_laptop(tmp_path / "a"), open_laptop(tmp_path / "b")
    account_id, people = small_account(a)
    a.contact_details.replace(
        people["ceo"],
        [
            Detail("phone", "mobile", "139 1554 2088", preferred=True),
            Detail("phone", "home", "0512 6700 0000"),
            Detail("address", "work", "星湖街 328 号"),
        ],
    )
    uid = SyncEngine(a.team_sync).start_sharing(account_id)
    SyncEngine(b.team_sync).join(uid, "write")
    _exchange(a, b, uid)
    assert rows(b, uid) == rows(a, uid)
    ceo_b = next(
        c for c in b.contacts.for_account(b.team_sync.account_id(uid)) if c.name == "王建国"
    )
    got = [(d.kind, d.type, d.value) for d in b.contact_details.details(ceo_b.id)]
    assert got == [
        ("phone", "mobile", "139 1554 2088"),
        ("phone", "home", "0512 6700 0000"),
        ("address", "work", "星湖街 328 号"),
    ]
    # A second round changes nothing more (a person without details stays without the list).
    before = rows(a, uid)
    _exchange(a, b, uid)
    assert rows(a, uid) == before == rows(b, uid)


def test_a_boss_deleted_here_and_edited_there_comes_back_with_the_reporting_line(tmp_path):
    """Real data files: deleting 王建国 clears Li Ming's "reports to" in A's file; B edits him
    meanwhile, so he comes back, and Li Ming reports to him again on both laptops."""
    a, b = open_laptop(tmp_path / "a"), open_laptop(tmp_path / "b")
    account_id, people = small_account(a)
    uid = SyncEngine(a.team_sync).start_sharing(account_id)
    SyncEngine(b.team_sync).join(uid, "write")
    _exchange(a, b, uid)
    for laptop in (a, b):
        SyncEngine(laptop.team_sync).attach()
    a.contacts.delete(people["ceo"])
    assert a.contacts.get(people["cio"]).reports_to_id is None  # the file cleared it
    ceo_b = next(
        c for c in b.contacts.for_account(b.team_sync.account_id(uid)) if c.name == "王建国"
    )
    b.contacts.update(ceo_b.id, title="董事长")
    for _ in range(2):  # the second round carries what the first one wrote back
        _exchange(a, b, uid)

    assert rows(a, uid) == rows(b, uid)
    by_name = {c["name"]: c for c in rows(a, uid)["contacts"]}
    assert by_name["王建国"]["title"] == "董事长"
    assert by_name["Li Ming"]["reports_to"] == by_name["王建国"]["uid"]
    cio = next(c for c in a.contacts.for_account(account_id) if c.name == "Li Ming")
    assert a.contacts.get(cio.id).reports_to_id is not None
