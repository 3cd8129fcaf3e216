"""One account of a sync batch refused by the checks: the others still arrive, whole.

Ana shares three accounts with Bo. Bo had earlier imported a colleague's copy of one of them
(another account uid, the same people's uids), so that account's people already belong to
another account on Bo's laptop and the bundle checks refuse it. Bo's ``callbrief sync --once``
writes the other two (every person, found by search, announced as coming from sync), leaves
the refused one out entirely, says why, and the status needs attention with the same words.
The refused account is the first of the batch, which is where a cycle used to stop.
"""

from __future__ import annotations

import json
import uuid

import pytest
from laptops import open_laptop, rows
from team_cli import _ca_file, _cli, _join, _status

from desktop.export.bundle import bundle_dict
from desktop.services.events import ChangeKind, Origin
from desktop.services.team_sync import Incoming
from desktop.sync.engine import SyncEngine


def _account(laptop, name, people):
    account = laptop.accounts.create(name=name)
    for person in people:
        laptop.contacts.create(account.id, name=person, title="经理")
    return account.id


def test_a_refused_account_is_left_out_whole_and_the_others_arrive(
    admin, team_server, ca, tmp_path, capsys
):
    assert admin("add-user", "ana", password="ana-secret-1") == 0
    assert admin("add-user", "bo", password="bo-secret-22") == 0
    folder_a, folder_b = tmp_path / "laptop-a", tmp_path / "laptop-b"
    a = open_laptop(folder_a)
    ids = [
        _account(a, "华东电力 East Power", ["王建国", "Li Ming"]),
        _account(a, "南方水务 South Water", ["陈静", "赵磊"]),
        _account(a, "北方钢铁 North Steel", ["孙悦", "周强"]),
    ]
    engine = SyncEngine(a.team_sync)
    uids = {account_id: engine.start_sharing(account_id) for account_id in ids}
    first = min(uids.values())  # the server lists rooms by uid: this one is exchanged first
    copied = bundle_dict(a.team_sync.db, _id(uids, first))
    a.close()
    ca_file = _ca_file(ca, tmp_path)
    _join(folder_a, team_server, ca_file, "ana", "ana-secret-1", tmp_path)
    _join(folder_b, team_server, ca_file, "bo", "bo-secret-22", tmp_path)
    for account_id in ids:
        assert _cli(folder_a, "team", "share", "--account", str(account_id), "--with", "bo") == 0
    assert _cli(folder_a, "sync", "--once") == 0

    # Bo's laptop already has a copy: its own account uid, the same people's uids.
    copied["account"]["uid"] = uuid.uuid4().hex
    copied["account"]["name"] = "Bo's copy"
    bundle = tmp_path / "copy.callbrief.json"
    bundle.write_text(json.dumps(copied, ensure_ascii=False), encoding="utf-8")
    b = open_laptop(folder_b)
    b.bundles.import_file(bundle)
    b.close()

    capsys.readouterr()
    assert _cli(folder_b, "sync", "--once") != 0
    said = capsys.readouterr()
    assert "is already the uid of a contact of another account" in said.err
    assert "Bo's copy" in said.err

    b = open_laptop(folder_b)
    try:
        assert b.team_sync.account_id(first) is None  # nothing of it written
        others = [uid for uid in uids.values() if uid != first]
        for uid in others:
            people = {c["name"] for c in rows(b, uid)["contacts"]}
            assert len(people) == 2
            for name in people:  # in the search index as any written person is
                assert name in {hit.title for hit in b.queries.search(name)}
        copy_people = {c.name for c in b.contacts.for_account(_copy_id(b))}
        assert copy_people == {c["name"] for c in copied["account"]["contacts"]}  # untouched
    finally:
        b.close()
    status = _status(folder_b, capsys)
    assert status["state"] == "needs attention"
    assert "is already the uid of a contact of another account" in status["message"]


def _id(uids, uid):
    return next(account_id for account_id, u in uids.items() if u == uid)


def _copy_id(services):
    return next(a.id for a in services.queries.accounts() if a.name == "Bo's copy")


@pytest.mark.parametrize("refused_at", [0, 1, 2])
def test_apply_batch_writes_the_others_and_announces_them_from_sync(tmp_path, refused_at):
    """The service alone: three received accounts, one of them with a person reporting to
    someone who does not exist; the two others are written and announced as from sync."""
    source = open_laptop(tmp_path / "source")
    bodies = []
    for n in range(3):
        account_id = _account(source, f"Account {n}", [f"联系人 {n}a", f"联系人 {n}b"])
        bodies.append(bundle_dict(source.team_sync.db, account_id)["account"])
    source.close()
    bodies[refused_at]["contacts"][0]["reports_to"] = "nobody"
    laptop = open_laptop(tmp_path / "laptop")
    try:
        engine = SyncEngine(laptop.team_sync)
        engine.join_all({body["uid"]: "write" for body in bodies})
        heard = []
        laptop.team_sync.notifier.subscribe(heard.append)
        done = laptop.team_sync.apply_batch(
            [Incoming(body["uid"], b"state", body) for body in bodies]
        )
        refused = bodies[refused_at]["uid"]
        assert set(done.refused) == {refused}
        assert 'refers to unknown contact uid "nobody"' in str(done.refused[refused])
        assert laptop.team_sync.account_id(refused) is None
        assert laptop.team_sync.state(refused) == b""  # received again next time
        for body in bodies:
            if body["uid"] != refused:
                assert laptop.team_sync.state(body["uid"]) == b"state"
                account_id = laptop.team_sync.account_id(body["uid"])
                names = {c.name for c in laptop.contacts.for_account(account_id)}
                assert names == {c["name"] for c in body["contacts"]}
        announced = {c.account_id for c in heard if c.kind == ChangeKind.ACCOUNT}
        assert announced == {d.account_id for d in done.applied.values()}
        assert len(announced) == 2
        assert all(c.initiator is Origin.SYNC for c in heard)
    finally:
        laptop.close()


def test_two_accounts_of_one_batch_with_the_same_person_the_second_is_refused(tmp_path):
    """Written together, the two would clash in the file: the batch falls back to one account
    at a time, the first is written and the second refused, naming the first."""
    source = open_laptop(tmp_path / "source")
    account_id = _account(source, "华东电力 East Power", ["王建国", "Li Ming"])
    first = bundle_dict(source.team_sync.db, account_id)["account"]
    source.close()
    second = {**first, "uid": uuid.uuid4().hex, "name": "East Power (again)"}
    third = {**first, "uid": uuid.uuid4().hex, "name": "Fresh", "contacts": []}
    laptop = open_laptop(tmp_path / "laptop")
    try:
        bodies = [first, second, third]
        SyncEngine(laptop.team_sync).join_all({body["uid"]: "write" for body in bodies})
        done = laptop.team_sync.apply_batch([Incoming(b["uid"], b"s", b) for b in bodies])
        assert set(done.applied) == {first["uid"], third["uid"]}
        assert set(done.refused) == {second["uid"]}
        message = str(done.refused[second["uid"]])
        assert "is already the uid of a contact of another account" in message
        assert "华东电力 East Power" in message
        assert laptop.team_sync.account_id(second["uid"]) is None
        names = {c.name for c in laptop.contacts.for_account(done.applied[first["uid"]].account_id)}
        assert names == {"王建国", "Li Ming"}
        assert {h.title for h in laptop.queries.search("王建国")} == {"王建国"}
    finally:
        laptop.close()
