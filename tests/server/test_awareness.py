"""Awareness (who else is in the account) between laptops, and what an idle room costs the server.

The server relays a laptop's awareness message to the other laptops in the room as it came; it
keeps no copy and runs no timer for it, so thousands of rooms open with nobody talking cost it no
wake-ups (docs/benchmarks.md, "Server memory with many rooms open").
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import uuid
from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpx
import pytest
from httpx_ws import AsyncWebSocketSession, aconnect_ws
from pycrdt import Awareness, Doc, YMessageType, create_awareness_message, read_message
from sqlalchemy import create_engine
from team_helpers import ServerProcess, login

from server.rooms import RoomServer

PASSWORD = "correct horse 1"
ACCOUNT = str(uuid.uuid4())


@pytest.fixture
def team(admin):
    """ana and bo both write ACCOUNT."""
    for user in ("ana", "bo"):
        assert admin("add-user", user, password=PASSWORD) == 0
        assert admin("grant", ACCOUNT, "--user", user, "--permission", "write") == 0


@contextlib.asynccontextmanager
async def _socket(
    server: ServerProcess, context: ssl.SSLContext, token: str
) -> AsyncIterator[AsyncWebSocketSession]:
    async with httpx.AsyncClient(verify=context) as client:
        async with aconnect_ws(
            f"{server.base}/rooms/{ACCOUNT}",
            client,
            headers={"Authorization": f"Bearer {token}"},
        ) as websocket:
            await websocket.receive_bytes()  # the server's sync step 1: the room is open
            yield websocket


async def _next_awareness(websocket: AsyncWebSocketSession) -> dict[int, Any]:
    """The states in the next awareness message the laptop receives (None: went away)."""
    with anyio.fail_after(20):
        while True:
            message = await websocket.receive_bytes()
            if message[0] == YMessageType.AWARENESS:
                seen = Awareness(Doc())
                seen.apply_awareness_update(read_message(message[1:]), "server")
                return {
                    client: seen.states.get(client)
                    for client in seen.meta
                    if client != seen.client_id
                }


def test_a_laptops_presence_reaches_the_other_laptop_and_its_leaving_too(
    team, team_server, client_ssl
):
    ana, bo = (login(team_server, client_ssl, u, PASSWORD) for u in ("ana", "bo"))

    async def main() -> None:
        presence = Awareness(Doc())
        async with _socket(team_server, client_ssl, ana) as ana_socket:
            async with _socket(team_server, client_ssl, bo) as bo_socket:
                presence.set_local_state({"user": "ana", "editing": "Li Wei"})
                update = presence.encode_awareness_update([presence.client_id])
                await ana_socket.send_bytes(create_awareness_message(update))
                states = await _next_awareness(bo_socket)
                assert states == {presence.client_id: {"user": "ana", "editing": "Li Wei"}}

                presence.set_local_state(None)  # ana closes the account
                update = presence.encode_awareness_update([presence.client_id])
                await ana_socket.send_bytes(create_awareness_message(update))
                assert await _next_awareness(bo_socket) == {presence.client_id: None}

    anyio.run(main)


def test_open_rooms_nobody_talks_in_wake_the_server_for_nothing(database_url):
    """Each room used to run its own awareness timer, 3,300 wake-ups a second with 10,000
    rooms open; now an open room schedules nothing."""
    engine = create_engine(database_url)
    names = [str(uuid.uuid4()) for _ in range(100)]

    async def main() -> int:
        rooms = RoomServer(engine, compact_after_updates=200)
        async with rooms:
            loop = asyncio.get_running_loop()
            idle = len(loop._scheduled)  # type: ignore[attr-defined]
            for name in names:
                await rooms.open_room(name)
            await anyio.sleep(0.5)  # let every room's tasks start
            timers = len(loop._scheduled) - idle  # type: ignore[attr-defined]
            for name in names:
                await rooms.close_room(name)
            assert not rooms.rooms
            return timers

    try:
        assert anyio.run(main) == 0
    finally:
        engine.dispose()
