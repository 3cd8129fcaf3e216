"""A SIGKILLed server loses no update it acknowledged, and a restarted one resumes.

"Acknowledged" is what a laptop can observe: an update the server relayed to another client
(or answered after, on the same connection). The server commits an update to PostgreSQL before
its room may relay it, so everything a second laptop saw before the kill must be there after the
restart; what was still in flight arrives when the writer reconnects.
"""

from __future__ import annotations

import uuid

import anyio
import anyio.lowlevel
import pytest
from httpx_ws import HTTPXWSException
from pycrdt import Map
from team_helpers import ServerProcess, login, open_room, wait_until

PASSWORD = "correct horse 1"
ACCOUNT = str(uuid.uuid4())
EDITS = 300
CONNECTION_LOST = (
    anyio.EndOfStream,
    anyio.BrokenResourceError,
    anyio.ClosedResourceError,
    HTTPXWSException,
    OSError,
)


@pytest.fixture
def pair(admin):
    for user in ("ana", "bo"):
        assert admin("add-user", user, password=PASSWORD) == 0
        assert admin("grant", ACCOUNT, "--user", user) == 0


def test_sigkill_loses_nothing_acknowledged_and_the_writer_resumes(
    pair, team_server: ServerProcess, client_ssl
):
    ana = login(team_server, client_ssl, "ana", PASSWORD)
    bo = login(team_server, client_ssl, "bo", PASSWORD)
    seen_before_kill: set[str] = set()
    written = {}
    killed: list[bool] = []

    async def edit_until_killed() -> None:
        try:
            await _session()
        except* CONNECTION_LOST:
            # The laptops' connections die with the server; anything else is a failure.
            assert killed, "a connection was lost before the server was killed"

    async def _session() -> None:
        with anyio.CancelScope() as scope:
            async with (
                open_room(team_server, client_ssl, ana, ACCOUNT) as doc_a,
                open_room(team_server, client_ssl, bo, ACCOUNT) as doc_b,
            ):
                people_a, people_b = doc_a.get("people", type=Map), doc_b.get("people", type=Map)
                written["doc"] = doc_a

                async def write() -> None:
                    for i in range(EDITS):
                        people_a[f"p{i:03}"] = f"person {i}"  # one update message per edit
                        await anyio.lowlevel.checkpoint()

                async with anyio.create_task_group() as tg:
                    tg.start_soon(write)
                    # Kill while the edits are still streaming in.
                    await wait_until(doc_b, lambda: len(people_b) >= 40)
                    await anyio.to_thread.run_sync(team_server.kill)
                    killed.append(True)
                    seen_before_kill.update(people_b.keys())
                    scope.cancel()

    anyio.run(edit_until_killed)
    assert 40 <= len(seen_before_kill) < EDITS, "the kill must fall mid-stream to prove anything"

    team_server.start()  # same configuration, same database
    ana = login(team_server, client_ssl, "ana", PASSWORD)
    bo = login(team_server, client_ssl, "bo", PASSWORD)

    async def after_restart() -> None:
        async with open_room(team_server, client_ssl, bo, ACCOUNT) as fresh:
            stored = set(fresh.get("people", type=Map).keys())
        assert seen_before_kill <= stored, sorted(seen_before_kill - stored)

        # The writer's laptop reconnects with its document: what never made it, arrives now.
        async with open_room(team_server, client_ssl, ana, ACCOUNT, doc=written["doc"]):
            pass
        async with open_room(team_server, client_ssl, bo, ACCOUNT) as again:
            people = again.get("people", type=Map)
            await wait_until(again, lambda: len(people) == EDITS)
            assert people["p299"] == "person 299"

    anyio.run(after_restart)
