"""Figures for docs/team-server.md, each held to a budget: a big account and many open rooms.

Run with ``-s`` to see the figures. The budgets are the issue's: a fresh laptop receives a
10,000-person account well inside 10 s; memory per open room is stated, and bounded here.
"""

from __future__ import annotations

import time
import uuid

import anyio
import pytest
from pycrdt import Doc, Map, Text
from sqlalchemy import create_engine, text
from team_helpers import login, open_room, wait_until

PASSWORD = "correct horse 1"
BIG = str(uuid.uuid4())
PEOPLE = 10_000
ROOMS = 100
LATENCY_EDITS = 100


def _big_account() -> Doc:
    doc = Doc()
    people = doc.get("people", type=Map)
    with doc.transaction():
        for i in range(PEOPLE):
            people[uuid.uuid4().hex] = Map(
                {"name": f"Person {i}", "title": "Engineer", "phone": f"+86 21 5555 {i:04}",
                 "role": "user", "notes": Text(f"Met at the fair, {i}.")}
            )  # fmt: skip
    return doc


@pytest.fixture
def ana(admin, database_url):
    assert admin("add-user", "ana", password=PASSWORD) == 0
    engine = create_engine(database_url)
    with engine.begin() as connection:
        uids = [BIG] + [str(uuid.uuid4()) for _ in range(ROOMS)]
        connection.execute(
            text(
                "INSERT INTO grants (account_uid, permission, user_id)"
                " SELECT :uid, 'write', id FROM users WHERE username = 'ana'"
            ),
            [{"uid": uid} for uid in uids],
        )
    engine.dispose()
    return uids[1:]


def test_a_fresh_laptop_gets_10000_people_fast_and_rooms_cost_little(ana, team_server, client_ssl):
    token = login(team_server, client_ssl, "ana", PASSWORD)
    source = _big_account()
    size = len(source.get_update())
    figures: dict[str, float] = {
        "document bytes": size,
        "server RSS after start MiB": team_server.rss_kib() / 1024,
    }

    async def main() -> None:
        # One laptop uploads it; a second one seeing it all means the server has it all.
        async with (
            open_room(team_server, client_ssl, token, BIG, doc=source),
            open_room(team_server, client_ssl, token, BIG) as watcher,
        ):
            watched = watcher.get("people", type=Map)
            await wait_until(watcher, lambda: len(watched) == PEOPLE)

        # Cold: the room is closed, so the server loads it from PostgreSQL for this client.
        started = time.perf_counter()
        async with open_room(team_server, client_ssl, token, BIG) as fresh:
            people = fresh.get("people", type=Map)
            await wait_until(fresh, lambda: len(people) == PEOPLE)
            figures["fresh laptop, cold room s"] = time.perf_counter() - started
            # Warm: another laptop joins while the room is open in memory.
            started = time.perf_counter()
            async with open_room(team_server, client_ssl, token, BIG) as second:
                people2 = second.get("people", type=Map)
                await wait_until(second, lambda: len(people2) == PEOPLE)
                figures["fresh laptop, warm room s"] = time.perf_counter() - started
                # An edit on one laptop reaching the other, one at a time (each persisted first).
                delays = []
                for i in range(LATENCY_EDITS):
                    started = time.perf_counter()
                    people[f"edit-{i}"] = Map({"name": f"Edit {i}"})
                    await wait_until(second, lambda i=i: f"edit-{i}" in people2)
                    delays.append(time.perf_counter() - started)
                delays.sort()
                figures["edit to other laptop p50 ms"] = 1000 * delays[len(delays) // 2]
                figures["edit to other laptop p95 ms"] = 1000 * delays[int(len(delays) * 0.95)]
            figures["server RSS with the big room open MiB"] = team_server.rss_kib() / 1024

    anyio.run(main)
    assert figures["fresh laptop, cold room s"] < 10
    assert figures["fresh laptop, warm room s"] < 10
    assert figures["edit to other laptop p95 ms"] < 1000

    async def many_rooms(uids: list[str]) -> None:
        before = team_server.rss_kib()
        async with anyio.create_task_group() as tg:
            opened = anyio.Event()
            done = anyio.Event()
            count = [0]

            async def hold(uid: str) -> None:
                async with open_room(team_server, client_ssl, token, uid) as doc:
                    doc.get("notes", type=Text).insert(0, "a small account " * 20)
                    count[0] += 1
                    if count[0] == len(uids):
                        opened.set()
                    await done.wait()

            for uid in uids:
                tg.start_soon(hold, uid)
            with anyio.fail_after(120):
                await opened.wait()
            after = team_server.rss_kib()
            figures[f"server RSS per open small room (of {len(uids)}) KiB"] = (
                after - before
            ) / len(uids)
            done.set()

    anyio.run(many_rooms, ana)
    print("\nteam server figures:", {k: round(v, 3) for k, v in figures.items()})
    assert figures[f"server RSS per open small room (of {ROOMS}) KiB"] < 1024
