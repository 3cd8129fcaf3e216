"""Grants and tokens hold over time, not only at connect; repeated wrong passwords are slowed.

The room tests run the real server process on a real PostgreSQL with a short re-check interval
(half a second instead of five), so a revoked grant or an expired token closes a connection
that is already open. The login-limit test runs the app in-process with a clock it moves.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import anyio
import httpx
import pytest
from httpx_ws import WebSocketDisconnect, aconnect_ws
from pycrdt import Doc, Text, create_sync_message
from sqlalchemy import create_engine
from team_helpers import granted_accounts, login, open_room, wait_until, write_config

from server.app import create_app
from server.config import load_config
from server.watch import FEW_ROOMS

PASSWORD = "correct horse 1"
ACCOUNT = str(uuid.uuid4())


@pytest.fixture
def server_config(request, tmp_path, database_url, tls_files):
    settings = {"recheck_seconds": 0.5, **getattr(request, "param", {})}
    return write_config(tmp_path, database_url, tls_files, **settings)


@pytest.fixture
def team(admin):
    for user in ("ana", "bo"):
        assert admin("add-user", user, password=PASSWORD) == 0
    assert admin("add-territory", "shanghai", "--member", "bo") == 0
    assert admin("grant", ACCOUNT, "--user", "ana") == 0
    assert admin("grant", ACCOUNT, "--territory", "shanghai") == 0


async def _until_closed(server, context, token: str, seconds: float) -> int:
    """Open the room as a laptop does and wait until the server closes it; its close code."""
    async with httpx.AsyncClient(verify=context) as client:
        async with aconnect_ws(
            f"{server.base}/rooms/{ACCOUNT}", client, headers={"Authorization": f"Bearer {token}"}
        ) as websocket:
            await websocket.send_bytes(create_sync_message(Doc()))
            with anyio.fail_after(seconds):
                while True:
                    try:
                        await websocket.receive_bytes()
                    except WebSocketDisconnect as closed:
                        return closed.code
    raise AssertionError("unreachable")


def test_revoking_a_grant_closes_the_open_connection_with_4403(
    team, team_server, admin, client_ssl
):
    ana, bo = (login(team_server, client_ssl, u, PASSWORD) for u in ("ana", "bo"))
    codes: list[int] = []

    async def main() -> None:
        async with open_room(team_server, client_ssl, ana, ACCOUNT) as doc_a:
            async with anyio.create_task_group() as tasks:

                async def bo_connected() -> None:
                    codes.append(await _until_closed(team_server, client_ssl, bo, 20))

                tasks.start_soon(bo_connected)
                await anyio.sleep(1.5)  # three re-checks pass with the grant in place
                assert codes == []
                await anyio.to_thread.run_sync(admin, "revoke", ACCOUNT, "--territory", "shanghai")
            # ana's grant is her own: her connection is still open and still syncs.
            notes = doc_a.get("notes", type=Text)
            notes += "still here"
            async with open_room(team_server, client_ssl, ana, ACCOUNT) as check:
                checked = check.get("notes", type=Text)
                await wait_until(check, lambda: str(checked) == "still here")

    anyio.run(main)
    assert codes == [4403]
    assert any('"event": "room.revoked"' in line and '"bo"' in line for line in team_server.log)
    # A new connection is refused at the door, and the admin is told when there is nothing to take.
    refused = httpx.get(
        f"{team_server.base}/accounts", headers={"Authorization": f"Bearer {bo}"}, verify=client_ssl
    )
    assert refused.json() == {"accounts": []}
    assert admin("revoke", ACCOUNT, "--territory", "shanghai") == 1
    assert admin("revoke", ACCOUNT, "--user", "nobody") == 1


def test_revoking_one_of_a_reps_accounts_closes_only_that_room(
    team, team_server, admin, client_ssl
):
    """The check reads each rep's grants once for every room the rep has open; the answer
    for one room must not spill onto the rep's other rooms."""
    second = str(uuid.uuid4())
    assert admin("grant", second, "--user", "ana") == 0
    ana = login(team_server, client_ssl, "ana", PASSWORD)
    codes: list[int] = []

    async def main() -> None:
        async with open_room(team_server, client_ssl, ana, second) as doc:
            async with anyio.create_task_group() as tasks:

                async def first_room() -> None:
                    codes.append(await _until_closed(team_server, client_ssl, ana, 20))

                tasks.start_soon(first_room)
                await anyio.sleep(1.5)
                assert codes == []
                await anyio.to_thread.run_sync(admin, "revoke", ACCOUNT, "--user", "ana")
            await anyio.sleep(1.5)  # three more checks: the second room stays open and syncs
            notes = doc.get("notes", type=Text)
            notes += "second room"
            async with open_room(team_server, client_ssl, ana, second) as check:
                checked = check.get("notes", type=Text)
                await wait_until(check, lambda: str(checked) == "second room")

    anyio.run(main)
    assert codes == [4403]


def test_a_rep_with_many_rooms_open_loses_only_the_revoked_one(
    team, team_server, admin, client_ssl
):
    """Past FEW_ROOMS open rooms the check reads all the rep's grants instead of naming the
    rooms: the same answer, room by room."""
    rooms = [str(uuid.uuid4()) for _ in range(FEW_ROOMS + 10)]
    for room in rooms:
        assert admin("grant", room, "--user", "ana") == 0
    ana = login(team_server, client_ssl, "ana", PASSWORD)
    closed: dict[str, int] = {}

    async def main() -> None:
        async with httpx.AsyncClient(verify=client_ssl) as client, anyio.create_task_group() as tg:
            opened = anyio.Semaphore(0)

            async def hold(room: str) -> None:
                async with aconnect_ws(
                    f"{team_server.base}/rooms/{room}",
                    client,
                    headers={"Authorization": f"Bearer {ana}"},
                ) as websocket:
                    await websocket.receive_bytes()  # the server's step 1: the room is open
                    opened.release()
                    try:
                        while True:
                            await websocket.receive_bytes()
                    except WebSocketDisconnect as error:
                        closed[room] = error.code

            for room in rooms:
                tg.start_soon(hold, room)
            with anyio.fail_after(60):
                for _ in rooms:
                    await opened.acquire()
            await anyio.to_thread.run_sync(admin, "revoke", rooms[7], "--user", "ana")
            with anyio.fail_after(20):
                while not closed:
                    await anyio.sleep(0.1)
            await anyio.sleep(1.5)  # three more checks: no other room is closed
            tg.cancel_scope.cancel()

    anyio.run(main)
    assert closed == {rooms[7]: 4403}


@pytest.mark.parametrize("server_config", [{"access_token_minutes": 0.05}], indirect=True)
def test_an_expired_token_closes_the_open_connection_with_4401(team, team_server, client_ssl):
    issued = time.monotonic()
    ana = login(team_server, client_ssl, "ana", PASSWORD)  # valid for 3 seconds
    code = anyio.run(_until_closed, team_server, client_ssl, ana, 20)
    assert code == 4401
    assert time.monotonic() - issued >= 3
    assert any('"event": "room.expired"' in line for line in team_server.log)
    assert not any(ana in line for line in team_server.log)  # the token itself is never logged


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_five_wrong_passwords_in_a_minute_lock_that_name_from_that_address(admin, server_config):
    assert admin("add-user", "ana", password=PASSWORD) == 0
    clock = Clock()
    config = load_config(server_config)
    engine = create_engine(config.database_url)
    app = create_app(config, engine, clock=clock)

    def attempt(password: str, address: str = "10.0.0.7") -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=app, client=(address, 50000))
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                return await client.post(
                    "/auth/login", json={"username": "ana", "password": password}
                )

        return anyio.run(go)

    try:
        assert [attempt(f"guess {n}").status_code for n in range(5)] == [401] * 5
        locked = attempt(PASSWORD)  # even the right password is not heard while locked
        assert locked.status_code == 429
        assert 1 <= int(locked.headers["Retry-After"]) <= 60
        assert "too many failed logins" in locked.json()["error"]
        # ana at her own desk is not locked out by someone guessing from elsewhere.
        assert attempt(PASSWORD, address="10.0.0.8").status_code == 200
        clock.now += timedelta(seconds=61)
        assert attempt(PASSWORD).status_code == 200
        # A success clears the count: four more failures do not lock.
        assert [attempt(f"again {n}").status_code for n in range(4)] == [401] * 4
        assert attempt(PASSWORD).status_code == 200
    finally:
        engine.dispose()


def test_a_rep_taken_out_of_the_territory_is_closed_out_and_can_be_put_back(
    team, team_server, admin, client_ssl, capsys
):
    """A rep moves territory: the admin changes the membership, not every grant."""
    bo = login(team_server, client_ssl, "bo", PASSWORD)
    codes: list[int] = []

    async def main() -> None:
        async with anyio.create_task_group() as tasks:

            async def bo_connected() -> None:
                codes.append(await _until_closed(team_server, client_ssl, bo, 20))

            tasks.start_soon(bo_connected)
            await anyio.sleep(1.5)
            assert codes == []
            removed = await anyio.to_thread.run_sync(
                lambda: admin("remove-member", "bo", "--territory", "shanghai")
            )
            assert removed == 0

    anyio.run(main)
    assert codes == [4403]
    assert "bo is no longer a member of territory shanghai." in capsys.readouterr().out
    assert granted_accounts(team_server, client_ssl, bo) == {}
    assert admin("remove-member", "bo", "--territory", "shanghai") == 1
    assert "bo is not a member of territory shanghai." in capsys.readouterr().err

    assert admin("add-member", "bo", "--territory", "shanghai") == 0
    assert granted_accounts(team_server, client_ssl, bo) == {ACCOUNT: "write"}
    assert admin("add-member", "bo", "--territory", "shanghai") == 1
    assert "bo is already a member of territory shanghai." in capsys.readouterr().err
    assert admin("add-member", "bo", "--territory", "shanghai", "--manager") == 1
    assert "--manager goes with --team" in capsys.readouterr().err
    assert admin("add-member", "cy", "--territory", "shanghai") == 1
    assert "No user named 'cy'" in capsys.readouterr().err


def test_a_member_made_manager_of_the_team_reads_its_members_accounts(
    team, team_server, admin, client_ssl, capsys
):
    assert admin("add-user", "mia", password=PASSWORD) == 0
    assert admin("add-team", "east", "--member", "ana") == 0
    mia = login(team_server, client_ssl, "mia", PASSWORD)
    assert admin("add-member", "mia", "--team", "east") == 0
    # A member sees only what is granted to them or their team; a manager reads the members'.
    assert granted_accounts(team_server, client_ssl, mia) == {}
    assert admin("add-member", "mia", "--team", "east", "--manager") == 0
    assert "mia is now a manager of team east." in capsys.readouterr().out
    assert granted_accounts(team_server, client_ssl, mia) == {ACCOUNT: "read"}  # ana's, read
    assert admin("remove-member", "mia", "--team", "east") == 0
    assert granted_accounts(team_server, client_ssl, mia) == {}
