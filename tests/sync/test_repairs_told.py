"""Both reps are told of a repair a merge needed, once each, whatever the order of the syncs
(desktop/sync/repairs.py). Only a laptop whose merge breaks a rule repairs it; once it has sent
the repaired rows, the other laptop receives a whole document, and learns of the repair only
from the document's ``repairs`` map.

The record itself is checked on plain documents first, then two laptops, the real team server
and PostgreSQL, through ``callbrief sync``: the orders (B, B, A) and (A, B, B, A) let one
laptop's repair reach the other before that one ever sees the loop.
"""

from __future__ import annotations

import pytest
from laptops import open_laptop, rows, small_account
from pycrdt import Doc
from team_cli import _ca_file, _cli, _join, _status, _sync_until_quiet

from desktop.sync.invariants import CYCLE, repair
from desktop.sync.repairs import record, recorded, repair_id, untold

CUT = "no longer reports to"
FOLDED = "the two buying-role entries were merged into one"


def _loop():
    people = [
        {"uid": "b" * 32, "name": "Bo", "reports_to": "a" * 32},
        {"uid": "a" * 32, "name": "An", "reports_to": "b" * 32},
    ]
    return {"uid": "x" * 32, "contacts": people, "opportunities": []}


def test_two_laptops_making_the_same_repair_record_one_entry():
    _fixed, mine = repair(_loop())
    body = _loop()
    body["contacts"].reverse()
    _fixed, theirs = repair(body)
    assert [repair_id(n) for n in mine] == [repair_id(n) for n in theirs]
    one, two = Doc(), Doc()
    record(one, mine)
    record(two, theirs)
    one.apply_update(two.get_update(one.get_state()))
    two.apply_update(one.get_update(two.get_state()))
    for doc in (one, two):
        (entry,) = recorded(doc).values()
        assert (entry.rule, entry.row_uid, entry.field, entry.lost) == (
            CYCLE,
            "a" * 32,
            "reports_to",
            "b" * 32,
        )
        assert entry.names == mine[0].names and CUT in entry.text


def test_a_repair_is_told_once_and_a_first_receive_tells_only_its_own():
    _fixed, made = repair(_loop())
    doc = Doc()
    record(doc, made)
    held = recorded(doc)
    key = repair_id(made[0])
    assert untold([], held, set(), first=False) == ({key: made[0]}, set())
    assert untold([], held, {key}, first=False) == ({}, set())
    assert untold(made, held, {key}, first=False) == ({}, set())  # made again: told already
    # A laptop receiving the account for the first time never edited it: the old entry is
    # marked told without a word.
    assert untold([], held, set(), first=True) == ({}, {key})
    assert untold(made, held, set(), first=True) == ({key: made[0]}, set())


def _two_laptops(admin, team_server, ca, tmp_path, capsys):
    """Ana's account shared with Bo, synced: the folders, the account's uid and its people."""
    assert admin("add-user", "ana", password="ana-secret-1") == 0
    assert admin("add-user", "bo", password="bo-secret-22") == 0
    folders = {"a": tmp_path / "laptop-a", "b": tmp_path / "laptop-b"}
    a = open_laptop(folders["a"])
    account_id, _people = small_account(a)  # 王建国 (CEO), Li Ming reports to him
    a.contacts.create(account_id, name="陈静", title="采购经理")
    a.opportunities.create(account_id, name="二期扩容")
    a.close()
    ca_file = _ca_file(ca, tmp_path)
    _join(folders["a"], team_server, ca_file, "ana", "ana-secret-1", tmp_path)
    _join(folders["b"], team_server, ca_file, "bo", "bo-secret-22", tmp_path)
    assert _cli(folders["a"], "team", "share", "--account", str(account_id), "--with", "bo") == 0
    _sync_until_quiet(list(folders.values()), capsys)
    uid = _status(folders["a"], capsys)["accounts"][0]["uid"]
    return folders, uid


def _sync_in_order(folders, order, capsys):
    """``sync --once`` on the laptops named in ``order``, then on both until quiet; what each
    laptop printed in all."""
    said = {folder: "" for folder in folders.values()}
    for name in order:
        capsys.readouterr()
        assert _cli(folders[name], "sync", "--once") == 0
        said[folders[name]] += capsys.readouterr().out
    for folder, out in _sync_until_quiet(list(folders.values()), capsys).items():
        said[folder] += out
    return said


def _people(services, uid):
    account_id = services.team_sync.account_id(uid)
    return {c.name: c.id for c in services.contacts.for_account(account_id)}


@pytest.mark.parametrize("order", ["bba", "aba", "abba"])
def test_both_reps_are_told_once_of_a_reporting_loop_cut_whatever_the_sync_order(
    admin, team_server, ca, tmp_path, capsys, order
):
    folders, uid = _two_laptops(admin, team_server, ca, tmp_path, capsys)
    a, b = open_laptop(folders["a"]), open_laptop(folders["b"])
    on_a, on_b = _people(a, uid), _people(b, uid)
    a.contacts.update(on_a["王建国"], reports_to_id=on_a["陈静"])  # offline: 王建国 → 陈静
    b.contacts.update(on_b["陈静"], reports_to_id=on_b["王建国"])  # offline: the reverse
    a.close()
    b.close()
    said = _sync_in_order(folders, order, capsys)

    a, b = open_laptop(folders["a"]), open_laptop(folders["b"])
    try:
        merged = rows(a, uid)
        assert rows(b, uid) == merged
        contacts = {c["name"]: c for c in merged["contacts"]}
        loser, winner = sorted([contacts["王建国"], contacts["陈静"]], key=lambda c: c["uid"])
        assert loser["reports_to"] is None and winner["reports_to"] == loser["uid"]
        told = f"{loser['name']} {CUT} {winner['name']}."
        for folder in folders.values():
            assert said[folder].count(CUT) == 1, said[folder]
            assert said[folder].count(told) == 1
            assert _status(folder, capsys)["state"] == "synced"
        # Told is told: a later sync says nothing more.
        for folder in folders.values():
            capsys.readouterr()
            assert _cli(folder, "sync", "--once") == 0
            assert CUT not in capsys.readouterr().out
    finally:
        a.close()
        b.close()


def test_both_reps_are_told_once_of_two_buying_roles_folded_into_one(
    admin, team_server, ca, tmp_path, capsys
):
    folders, uid = _two_laptops(admin, team_server, ca, tmp_path, capsys)
    a, b = open_laptop(folders["a"]), open_laptop(folders["b"])
    for laptop, roles in ((a, ["decision_maker"]), (b, ["coach"])):  # the same person, offline
        account_id = laptop.team_sync.account_id(uid)
        deal = laptop.opportunities.for_account(account_id)[0].id
        laptop.opportunities.set_role(deal, _people(laptop, uid)["陈静"], roles=roles)
    a.close()
    b.close()
    said = _sync_in_order(folders, "abba", capsys)

    a, b = open_laptop(folders["a"]), open_laptop(folders["b"])
    try:
        merged = rows(a, uid)
        assert rows(b, uid) == merged
        (role,) = merged["opportunities"][0]["roles"]
        assert sorted(role["roles"]) == ["coach", "decision_maker"]
        for folder in folders.values():
            assert said[folder].count(FOLDED) == 1, said[folder]
            assert "陈静 was added to the deal “二期扩容” on two laptops" in said[folder]
    finally:
        a.close()
        b.close()


def test_a_read_only_teammate_who_sees_the_loop_is_told_once_and_records_nothing(
    admin, team_server, ca, tmp_path, capsys
):
    """Cy may only read: her laptop cuts the loop it receives but writes nothing into the
    document (the server would close the room), and hears of the cut once all the same."""
    folders, uid = _two_laptops(admin, team_server, ca, tmp_path, capsys)
    assert admin("add-user", "cy", password="cy-secret-333") == 0
    folders["c"] = tmp_path / "laptop-c"
    _join(folders["c"], team_server, _ca_file(ca, tmp_path), "cy", "cy-secret-333", tmp_path)
    a = open_laptop(folders["a"])
    account_id = str(a.team_sync.account_id(uid))
    a.close()
    share = ("team", "share", "--account", account_id, "--with", "cy", "--read-only")
    assert _cli(folders["a"], *share) == 0
    _sync_until_quiet(list(folders.values()), capsys)
    a, b = open_laptop(folders["a"]), open_laptop(folders["b"])
    on_a, on_b = _people(a, uid), _people(b, uid)
    a.contacts.update(on_a["王建国"], reports_to_id=on_a["陈静"])
    b.contacts.update(on_b["陈静"], reports_to_id=on_b["王建国"])
    a.close()
    b.close()
    said = _sync_in_order(folders, "abc", capsys)  # Cy receives the loop before the cut

    a, c = open_laptop(folders["a"]), open_laptop(folders["c"])
    try:
        assert rows(c, uid) == rows(a, uid)
        for folder in folders.values():
            assert said[folder].count(CUT) == 1, said[folder]
        assert _status(folders["c"], capsys)["state"] == "synced"
    finally:
        a.close()
        c.close()
