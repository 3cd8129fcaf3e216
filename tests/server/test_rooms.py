"""Two laptops in one room over real websockets and TLS; grants decide who gets in.

Every test starts the real server process (uvicorn, TLS from a trustme CA) on a real PostgreSQL
and connects pycrdt ``Provider``s over httpx-ws, as a laptop would.
"""

from __future__ import annotations

import uuid

import anyio
import httpx
import pytest
from httpx_ws import WebSocketUpgradeError, aconnect_ws
from pycrdt import Doc, Map, Text
from sqlalchemy import create_engine, text
from team_helpers import login, open_room, wait_until

PASSWORD = "correct horse 1"
ACCOUNT = str(uuid.uuid4())
OTHER_ACCOUNT = str(uuid.uuid4())


@pytest.fixture
def team(admin):
    """ana and bo write ACCOUNT (ana directly, bo through the territory); mia manages the team
    and so reads it; zed is in no team and has no grant; OTHER_ACCOUNT is ana's alone."""
    for user in ("ana", "bo", "mia", "zed"):
        assert admin("add-user", user, password=PASSWORD) == 0
    assert admin("add-team", "east", "--member", "ana", "--member", "bo", "--manager", "mia") == 0
    assert admin("add-territory", "shanghai", "--team", "east", "--member", "bo") == 0
    assert admin("grant", ACCOUNT, "--user", "ana", "--permission", "write") == 0
    assert admin("grant", ACCOUNT, "--territory", "shanghai", "--permission", "write") == 0
    assert admin("grant", OTHER_ACCOUNT, "--user", "ana") == 0


def _contact(doc: Doc) -> tuple[Map, Text]:
    return doc.get("people", type=Map), doc.get("notes", type=Text)


def test_two_laptops_editing_one_account_converge(team, team_server, client_ssl):
    ana, bo = (login(team_server, client_ssl, u, PASSWORD) for u in ("ana", "bo"))

    async def main() -> None:
        async with (
            open_room(team_server, client_ssl, ana, ACCOUNT) as doc_a,
            open_room(team_server, client_ssl, bo, ACCOUNT) as doc_b,
        ):
            people_a, notes_a = _contact(doc_a)
            people_b, notes_b = _contact(doc_b)
            notes_a += "Met at the fair."
            await wait_until(doc_b, lambda: str(notes_b) == "Met at the fair.")
            # Both at once: a title each, and the note edited at both ends.
            people_a["p1"] = Map({"name": "Li Wei", "title": "CTO"})
            notes_a.insert(len(notes_a), " Wants a pilot.")
            people_b["p2"] = Map({"name": "Zhang Min", "title": "Buyer"})
            notes_b.insert(0, "[key] ")

            expected = "[key] Met at the fair. Wants a pilot."
            await wait_until(doc_a, lambda: str(notes_a) == expected and len(people_a) == 2)
            await wait_until(doc_b, lambda: str(notes_b) == expected and len(people_b) == 2)
            assert people_a.to_py() == people_b.to_py()
            assert people_b.to_py()["p1"] == {"name": "Li Wei", "title": "CTO"}

        # A third laptop, fresh, gets the same document from the server (from PostgreSQL once
        # the room was closed by the last client leaving).
        async with open_room(team_server, client_ssl, bo, ACCOUNT) as fresh:
            people, notes = _contact(fresh)
            assert str(notes) == "[key] Met at the fair. Wants a pilot."
            assert set(people.to_py()) == {"p1", "p2"}

    anyio.run(main)


async def _refused(server, context, token: str | None, room: str) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(verify=context) as client:
        with pytest.raises(WebSocketUpgradeError) as refused:
            async with aconnect_ws(f"{server.base}/rooms/{room}", client, headers=headers):
                pass
    return refused.value.response.status_code


def test_no_grant_forged_room_or_forged_token_is_refused(team, team_server, client_ssl):
    ana = login(team_server, client_ssl, "ana", PASSWORD)
    zed = login(team_server, client_ssl, "zed", PASSWORD)
    bo = login(team_server, client_ssl, "bo", PASSWORD)

    async def main() -> None:
        async with open_room(team_server, client_ssl, ana, OTHER_ACCOUNT) as doc:
            doc.get("notes", type=Text).insert(0, "ana's own account")
        # zed has no grant; bo has one for ACCOUNT but not for ana's OTHER_ACCOUNT.
        assert await _refused(team_server, client_ssl, zed, ACCOUNT) == 403
        assert await _refused(team_server, client_ssl, bo, OTHER_ACCOUNT) == 403
        # Forged room names: not an account uid, a path trick, an unknown uid.
        for room in ("admin", f"{ACCOUNT}x", str(uuid.uuid4())):
            assert await _refused(team_server, client_ssl, ana, room) == 403
        # Forged, missing or tampered tokens, in the header or the query string.
        assert await _refused(team_server, client_ssl, "forged-token", ACCOUNT) == 403
        assert await _refused(team_server, client_ssl, None, ACCOUNT) == 403
        assert await _refused(team_server, client_ssl, ana[:-2] + "xx", ACCOUNT) == 403
        async with httpx.AsyncClient(verify=client_ssl) as client:
            with pytest.raises(WebSocketUpgradeError):
                url = f"{team_server.base}/rooms/{ACCOUNT}?token=forged"
                async with aconnect_ws(url, client):
                    pass
            # ...while the right token in the query string is accepted.
            async with aconnect_ws(f"{team_server.base}/rooms/{ACCOUNT}?token={bo}", client):
                pass

    anyio.run(main)
    # The list of accounts a laptop would sync holds only granted ones.
    listed = httpx.get(
        f"{team_server.base}/accounts",
        headers={"Authorization": f"Bearer {zed}"},
        verify=client_ssl,
    )
    assert listed.json() == {"accounts": []}
    mine = httpx.get(
        f"{team_server.base}/accounts", headers={"Authorization": f"Bearer {bo}"}, verify=client_ssl
    )
    assert mine.json() == {"accounts": [{"uid": ACCOUNT, "permission": "write"}]}


def test_a_read_only_managers_edits_reach_no_one_and_are_not_stored(
    team, team_server, client_ssl, database_url
):
    ana = login(team_server, client_ssl, "ana", PASSWORD)
    mia = login(team_server, client_ssl, "mia", PASSWORD)
    listed = httpx.get(
        f"{team_server.base}/accounts",
        headers={"Authorization": f"Bearer {mia}"},
        verify=client_ssl,
    )
    assert {"uid": ACCOUNT, "permission": "read"} in listed.json()["accounts"]

    async def main() -> None:
        async with open_room(team_server, client_ssl, ana, ACCOUNT) as doc_a:
            notes_a = _contact(doc_a)[1]
            notes_a += "Plan: demo on Tuesday."
            async with open_room(team_server, client_ssl, mia, ACCOUNT) as doc_m:
                notes_m = _contact(doc_m)[1]
                # The manager reads what the rep wrote...
                await wait_until(doc_m, lambda: str(notes_m) == "Plan: demo on Tuesday.")
                # ...but her edit is refused: the server closes her connection.
                notes_m.insert(0, "MANAGER WAS HERE ")
                # A later edit by the rep still reaches everyone (the room is healthy) and is
                # the marker that the manager's update, sent before it, was not relayed.
                notes_a += " Bring the CFO."
                async with open_room(team_server, client_ssl, ana, ACCOUNT) as doc_check:
                    notes_check = _contact(doc_check)[1]
                    await wait_until(doc_check, lambda: "CFO" in str(notes_check))
                    assert "MANAGER" not in str(notes_check)
                assert "MANAGER" not in str(notes_a)

    anyio.run(main)
    # Nothing of hers is in PostgreSQL: a fresh document from every stored update lacks it.
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT yupdate FROM room_updates WHERE room = :r ORDER BY id"), {"r": ACCOUNT}
        ).scalars()
        stored = Doc()
        for row in rows:
            stored.apply_update(bytes(row))
    engine.dispose()
    assert str(stored.get("notes", type=Text)) == "Plan: demo on Tuesday. Bring the CFO."
    refusals = [line for line in team_server.log if "room.refused" in line]
    assert len(refusals) == 1 and '"user": "mia"' in refusals[0]
