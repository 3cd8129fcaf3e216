"""Invariants after a merge: two laptops, the real team server and PostgreSQL, offline edits
that are each valid alone but break a rule together (a reporting loop, the same person added
twice to a deal, a person deleted on one laptop while edited on the other).

The pure rules (desktop/sync/invariants.py) are checked on plain bodies first, the tombstones
(desktop/sync/mirror.py) on two documents, then everything through ``callbrief sync``.
"""

from __future__ import annotations

from laptops import open_laptop, rows, small_account
from pycrdt import Doc
from team_cli import _ca_file, _cli, _join, _status, _sync_until_quiet

from desktop.sync.invariants import CYCLE, DUPLICATE_ROLE, repair
from desktop.sync.mirror import read_rows, write_rows


def _contact(uid, name, boss=None):
    return {"uid": uid, "name": name, "reports_to": boss}


def test_a_reporting_loop_is_cut_at_the_lowest_uid_whatever_the_order():
    people = [_contact("c" * 32, "Chen", "a" * 32), _contact("a" * 32, "An", "b" * 32)]
    people.append(_contact("b" * 32, "Bo", "c" * 32))
    for order in (people, people[::-1]):
        body = {"uid": "x" * 32, "contacts": order, "opportunities": []}
        fixed, notices = repair(body)
        bosses = {c["name"]: c["reports_to"] for c in fixed["contacts"]}
        assert bosses == {"An": None, "Bo": "c" * 32, "Chen": "a" * 32}
        assert [(n.rule, n.row_uid, n.lost) for n in notices] == [(CYCLE, "a" * 32, "b" * 32)]
        assert "An no longer reports to Bo" in notices[0].text
        untouched = {c["name"]: c["reports_to"] for c in body["contacts"]}
        assert untouched["An"] == "b" * 32  # the input is left as it was


def test_two_role_rows_for_one_person_fold_into_the_lowest_uid():
    roles = [
        {"uid": "r2" + "0" * 30, "contact": "p", "roles": ["coach"], "notes": "周三见"},
        {"uid": "r1" + "0" * 30, "contact": "p", "roles": ["user"], "notes": "", "influence": None},
    ]
    body = {"uid": "x", "contacts": [_contact("p", "陈静")]}
    body["opportunities"] = [{"uid": "o", "name": "扩容", "roles": roles}]
    fixed, notices = repair(body)
    (role,) = fixed["opportunities"][0]["roles"]
    assert role["uid"] == "r1" + "0" * 30
    assert role["roles"] == ["user", "coach"]
    # The other row's words are set aside, not copied (two laptops copying them would merge
    # into the words twice): the notice keeps them for the rep to restore.
    assert role["notes"] == ""
    assert [(n.rule, n.row_uid, n.field, n.lost) for n in notices] == [
        (DUPLICATE_ROLE, "r1" + "0" * 30, "", None),
        (DUPLICATE_ROLE, "r1" + "0" * 30, "notes", "周三见"),
    ]
    assert "陈静" in notices[0].text


def _body(contacts, roles=()):
    from desktop.exchange.bundle_format import LAYOUT

    body = {key: None for key in LAYOUT.fields()}
    body.update({key: [] for key, _ in LAYOUT.children})
    body.update(uid="x" * 32, name="Acme", contacts=contacts)
    body["opportunities"] = [{"uid": "o" * 32, "name": "Deal", "roles": list(roles)}]
    return body


def _merge(one, two):
    one.apply_update(two.get_update(one.get_state()))
    two.apply_update(one.get_update(two.get_state()))


def test_an_edit_wins_over_a_concurrent_delete_and_brings_the_roles_back():
    person = {"uid": "p" * 32, "name": "Li", "title": "CIO"}
    role = {"uid": "r" * 32, "contact": "p" * 32, "roles": ["user"]}
    mine, theirs = Doc(), Doc()
    theirs.apply_update(write_rows(mine, _body([person], [role])))
    write_rows(mine, _body([]))  # deleted here (the database took the role with the person)
    write_rows(theirs, _body([{**person, "title": "CTO"}], [role]))  # edited there, offline
    _merge(mine, theirs)
    for doc in (mine, theirs):
        body = read_rows(doc)
        assert [(c["name"], c["title"]) for c in body["contacts"]] == [("Li", "CTO")]
        assert [r["uid"] for r in body["opportunities"][0]["roles"]] == ["r" * 32]


def test_a_delete_nobody_contested_stays_deleted():
    person = {"uid": "p" * 32, "name": "Li", "title": "CIO"}
    mine, theirs = Doc(), Doc()
    theirs.apply_update(write_rows(mine, _body([person])))
    write_rows(mine, _body([]))
    write_rows(theirs, _body([person]))  # nothing changed there: no edit to keep
    _merge(mine, theirs)
    assert read_rows(mine)["contacts"] == read_rows(theirs)["contacts"] == []


def test_merges_that_break_the_rules_are_repaired_the_same_on_both_laptops(
    admin, team_server, ca, tmp_path, capsys
):
    assert admin("add-user", "ana", password="ana-secret-1") == 0
    assert admin("add-user", "bo", password="bo-secret-22") == 0
    folder_a, folder_b = tmp_path / "laptop-a", tmp_path / "laptop-b"
    a = open_laptop(folder_a)
    account_id, people = small_account(a)  # 王建国 (CEO), Li Ming reports to him
    chen = a.contacts.create(account_id, name="陈静", title="采购经理")
    deal = a.opportunities.create(account_id, name="二期扩容")
    a.opportunities.set_role(deal.id, people["cio"], roles=["technical_expert"])
    a.close()
    ca_file = _ca_file(ca, tmp_path)
    _join(folder_a, team_server, ca_file, "ana", "ana-secret-1", tmp_path)
    _join(folder_b, team_server, ca_file, "bo", "bo-secret-22", tmp_path)
    assert _cli(folder_a, "team", "share", "--account", str(account_id), "--with", "bo") == 0
    _sync_until_quiet([folder_a, folder_b], capsys)
    uid = _status(folder_a, capsys)["accounts"][0]["uid"]

    # Offline: each edit is valid on its own laptop.
    a, b = open_laptop(folder_a), open_laptop(folder_b)
    b_people = {c.name: c.id for c in b.contacts.for_account(b.team_sync.account_id(uid))}
    b_deal = b.opportunities.for_account(b.team_sync.account_id(uid))[0].id
    a.contacts.update(people["ceo"], reports_to_id=chen.id)  # A: 王建国 reports to 陈静
    b.contacts.update(b_people["陈静"], reports_to_id=b_people["王建国"])  # B: the reverse
    a.opportunities.set_role(deal.id, chen.id, roles=["decision_maker"], notes="预算在她手里")
    b.opportunities.set_role(b_deal, b_people["陈静"], roles=["coach"])
    a.contacts.delete(people["cio"])  # A deletes Li Ming (and his role with him)
    b.contacts.update(b_people["Li Ming"], title="CTO")  # B promotes him
    a.close()
    b.close()
    said = _sync_until_quiet([folder_a, folder_b], capsys)

    a, b = open_laptop(folder_a), open_laptop(folder_b)
    try:
        merged = rows(a, uid)
        assert rows(b, uid) == merged
        contacts = {c["name"]: c for c in merged["contacts"]}
        assert set(contacts) == {"王建国", "Li Ming", "陈静"}
        wang, chen_row = contacts["王建国"], contacts["陈静"]
        loser, winner = sorted([wang, chen_row], key=lambda c: c["uid"])
        assert loser["reports_to"] is None and winner["reports_to"] == loser["uid"]
        assert contacts["Li Ming"]["title"] == "CTO"  # the edit won over the delete
        roles = {r["contact"]: r for r in merged["opportunities"][0]["roles"]}
        assert roles[contacts["Li Ming"]["uid"]]["roles"] == ["technical_expert"]  # back too
        assert sorted(roles[chen_row["uid"]]["roles"]) == ["coach", "decision_maker"]
        notes = roles[chen_row["uid"]]["notes"]
        if notes != "预算在她手里":  # B's row had the lower uid: A's words were set aside
            assert notes == "" and "“预算在她手里” was set aside" in said[folder_a]
        assert len(merged["opportunities"][0]["roles"]) == 2
        for folder in (folder_a, folder_b):  # both reps are told what was cut
            assert f"{loser['name']} no longer reports to {winner['name']}" in said[folder]
            assert _status(folder, capsys)["state"] == "synced"
    finally:
        a.close()
        b.close()


def _linked_body(person, *, boss=None, attendee=None, need=None):
    """Li and Wang (Wang reports to ``boss``), and a visit whose attendee and need name
    ``attendee`` and ``need``; Li left out when ``person`` is None (deleted)."""
    wang = {"uid": "w" * 32, "name": "王伟", "reports_to": boss}
    body = _body([p for p in (person, wang) if p is not None])
    visit = {
        "uid": "v" * 32,
        "attendees": [{"uid": "a" * 32, "contact": attendee}],
        "needs": [{"uid": "n" * 32, "contact": need, "text": "降本"}],
    }
    body["opportunities"][0]["visits"] = [visit]
    return body


def _links(body):
    (wang,) = [c for c in body["contacts"] if c["uid"] == "w" * 32]
    (visit,) = body["opportunities"][0]["visits"]
    return wang["reports_to"], visit["attendees"][0]["contact"], visit["needs"][0]["contact"]


def test_a_person_who_comes_back_is_linked_again_where_their_delete_cleared_them():
    li = {"uid": "p" * 32, "name": "Li", "title": "CIO"}
    p = li["uid"]
    mine, theirs = Doc(), Doc()
    theirs.apply_update(write_rows(mine, _linked_body(li, boss=p, attendee=p, need=p)))
    write_rows(mine, _linked_body(None))  # deleted here: the file cleared what named Li
    assert _links(read_rows(mine)) == (None, None, None)
    write_rows(theirs, _linked_body({**li, "title": "CTO"}, boss=p, attendee=p, need=p))
    _merge(mine, theirs)
    for doc in (mine, theirs):
        body = read_rows(doc)
        assert {c["name"]: c.get("title") for c in body["contacts"]}["Li"] == "CTO"
        assert _links(body) == (p, p, p)  # Wang reports to Li again; Li attends; Li's need


def test_a_link_someone_chose_since_is_not_overridden_and_an_uncontested_delete_stays():
    li = {"uid": "p" * 32, "name": "Li", "title": "CIO"}
    p = li["uid"]
    mine, theirs = Doc(), Doc()
    theirs.apply_update(write_rows(mine, _linked_body(li, boss=p, attendee=p, need=p)))
    quiet = Doc()
    quiet.apply_update(mine.get_update())
    write_rows(mine, _linked_body(None))
    write_rows(mine, _linked_body(None, need="w" * 32))  # the need given to Wang since
    write_rows(theirs, _linked_body({**li, "title": "CTO"}, boss=p, attendee=p, need=p))
    _merge(mine, theirs)
    assert _links(read_rows(mine)) == (p, p, "w" * 32)
    # Nobody edited Li elsewhere: the delete stands and nothing points at Li.
    write_rows(quiet, _linked_body(None))
    assert [c["name"] for c in read_rows(quiet)["contacts"]] == ["王伟"]
    assert _links(read_rows(quiet)) == (None, None, None)
