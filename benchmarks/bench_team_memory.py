"""Team server memory with many rooms open at once (issue 17: "server memory with 10,000 rooms").

    python -m benchmarks.bench_team_memory --rooms 10000     # about 10 minutes on 2 cores
    python -m benchmarks.bench_team_memory --quick           # 200 rooms (CI: the kit never rots)

A room is open on the server while at least one laptop is connected to it (``server/rooms.py``
closes it when the last one leaves), so the figure that matters is rooms held open at once: one
per laptop online, in the worst case every laptop of a large team in a different account.

1. N rooms are put into the server's PostgreSQL store as the server itself writes a room's first
   update: each one the document of a 10-person account (bench_team's template, every uid
   replaced), about 6 KiB of Yrs update.
2. One process opens every room over its own TLS websocket and does the y-websocket sync as a
   laptop does (so the server loads each document from PostgreSQL), then holds them all open.
   The server's resident memory (VmRSS of its process) is read before the first room and at
   each step on the way to N, with the rate rooms opened at since the last step and the
   server's CPU time per room opened; then, every room held and nobody editing, the server's
   CPU over 30 s (5 s for a quick run) (what open rooms cost it when nothing happens).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import time
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import anyio
import httpx
from httpx_ws import AsyncWebSocketSession, aconnect_ws
from pycrdt import Doc, YMessageType, YSyncMessageType, create_sync_message, handle_sync_message
from sqlalchemy import create_engine, insert

from .bench_team import MAX_FRAME, _copy, _grant, _template, _token
from .measure import Result
from .team_env import TeamEnv, team_server

OPENING_AT_ONCE = 32  # connections being opened concurrently (the rest wait their turn)
CONNECTIONS_PER_CLIENT = 200


def _health(env: TeamEnv) -> dict[str, Any]:
    return dict(httpx.get(f"{env.base}/health", verify=str(env.ca_file)).json())


def seed_rooms(env: TeamEnv, rooms: int, scratch: Path) -> tuple[list[str], int]:
    """``rooms`` accounts written straight into the store; their uids and one update's size."""
    from desktop.sync.mirror import write_rows
    from server.db import RoomUpdate

    template = _template(scratch / "template", 10)
    uids: list[str] = []
    size = 0
    engine = create_engine(env.database_url)
    with engine.begin() as connection:
        batch: list[dict[str, Any]] = []
        for n in range(rooms):
            body = _copy(template, n)
            doc: Doc[Any] = Doc()
            write_rows(doc, body)
            update = doc.get_update()
            size = len(update)
            uids.append(str(body["uid"]))
            batch.append(
                {"room": uids[-1], "yupdate": update, "metadata_": b"", "timestamp": time.time()}
            )
            if len(batch) == 1000:
                connection.execute(insert(RoomUpdate), batch)
                batch.clear()
        if batch:
            connection.execute(insert(RoomUpdate), batch)
    engine.dispose()
    _grant(env, uids, ("ana",))
    return uids, size


async def _sync(ws: AsyncWebSocketSession, doc: Doc[Any]) -> None:
    """The y-websocket sync as a laptop does it (desktop/sync/client.py): our step 1, answer the
    server's, until the server's step 2 has brought the document. (pycrdt's ``Provider``, used
    before, also sent every change of its document back, the server's own document included:
    a 10 KiB update the server stored as one more row for every room opened.)"""
    await ws.send_bytes(create_sync_message(doc))
    while True:
        message = await ws.receive_bytes()
        if len(message) < 2 or message[0] != YMessageType.SYNC:
            continue
        reply = handle_sync_message(message[1:], doc)
        if reply is not None:
            await ws.send_bytes(reply)
        if message[1] == YSyncMessageType.SYNC_STEP2:
            return


async def _hold(
    env: TeamEnv,
    client: httpx.AsyncClient,
    tokens: list[str],
    room: str,
    limiter: anyio.CapacityLimiter,
    opened: list[str],
    stop: anyio.Event,
) -> None:
    """Open ``room``, sync it, count it open, and keep it open until ``stop``."""
    doc: Doc[Any] = Doc()
    await limiter.acquire()
    held = True
    try:
        async with aconnect_ws(
            f"{env.base}/rooms/{room}",
            client,
            headers={"Authorization": f"Bearer {tokens[-1]}"},
            max_message_size_bytes=MAX_FRAME,
            keepalive_ping_interval_seconds=None,
        ) as ws:
            await _sync(ws, doc)
            limiter.release()
            held = False
            opened.append(room)
            await stop.wait()
    except Exception:
        if not stop.is_set():
            raise
        # Closing thousands of sockets at once, httpx-ws may fail to answer a last ping
        # ("Pong cannot be sent in state LOCAL_CLOSING"): the figures are read by then.
    finally:
        if held:
            limiter.release()


@dataclass
class Reading:
    rooms: int  # open on the server (its /health)
    rss_mib: float
    seconds: float  # since the first room was asked for
    cpu_seconds: float  # the server's CPU time since then


async def _open_all(
    env: TeamEnv, uids: list[str], steps: list[int], idle_seconds: float
) -> list[Reading]:
    """Open every room; a reading at 0, at each step, and after holding them all
    ``idle_seconds`` (the server's CPU while nobody says anything)."""
    started, cpu = time.perf_counter(), env.cpu_seconds()

    def reading(rooms: int) -> Reading:
        now = time.perf_counter() - started
        return Reading(rooms, env.rss_mib(), now, env.cpu_seconds() - cpu)

    readings = [reading(0)]
    opened: list[str] = []
    stop = anyio.Event()
    tokens = [_token(env, "ana")]
    limiter = anyio.CapacityLimiter(OPENING_AT_ONCE)
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    async with contextlib.AsyncExitStack() as stack:
        tasks = await stack.enter_async_context(anyio.create_task_group())
        client = None
        for n, uid in enumerate(uids):
            # A client per 200 rooms: httpcore's pool looks through every connection it holds
            # for each new request, which made opening 10,000 from one pool quadratic.
            if n % CONNECTIONS_PER_CLIENT == 0:
                client = await stack.enter_async_context(
                    httpx.AsyncClient(verify=str(env.ca_file), limits=limits, timeout=120)
                )
            assert client is not None
            tasks.start_soon(_hold, env, client, tokens, uid, limiter, opened, stop)
        waiting = list(steps)
        last_token = time.monotonic()
        with anyio.fail_after(3600):
            while waiting:
                await anyio.sleep(0.5)
                if time.monotonic() - last_token > 300:  # tokens are short-lived
                    tokens.append(await anyio.to_thread.run_sync(_token, env, "ana"))
                    last_token = time.monotonic()
                while waiting and len(opened) >= waiting[0]:
                    health = await anyio.to_thread.run_sync(_health, env)
                    open_rooms = int(health["rooms"])  # the server's own count
                    assert open_rooms >= waiting[0], (open_rooms, waiting[0])
                    if open_rooms != readings[-1].rooms:
                        readings.append(reading(open_rooms))
                    waiting.pop(0)
            await anyio.sleep(idle_seconds)
            readings.append(reading(readings[-1].rooms))
        stop.set()
    return readings


def bench_team_memory(rooms: int) -> list[Result]:
    steps = sorted({min(rooms, s) for s in (rooms // 10, rooms // 4, rooms // 2, rooms)} - {0})
    # Tokens outlive the run (the server closes a connection whose token expired), and the
    # client does not ping (the server pings every connection every 20 s, as with laptops).
    settings = "access_token_minutes = 240\n"
    with TemporaryDirectory() as tmp, team_server(("ana",), settings) as env:
        uids, size = seed_rooms(env, rooms, Path(tmp))
        readings = anyio.run(_open_all, env, uids, steps, 30 if rooms > 1000 else 5)
    idle, full, held = readings[0], readings[-2], readings[-1]
    per_room = (full.rss_mib - idle.rss_mib) / full.rooms * 1024  # KiB
    note = f"{per_room:.0f} KiB a room; opened in {full.seconds:.0f} s; documents of {size:,} bytes"
    results = [Result("team: server memory, no room open", "-", [idle.rss_mib], unit="MiB")]
    for before, after in itertools.pairwise(readings[:-1]):
        opened = after.rooms - before.rooms
        rate = opened / (after.seconds - before.seconds)
        cpu_ms = 1000 * (after.cpu_seconds - before.cpu_seconds) / opened
        results.append(
            Result(
                f"team: server memory with {after.rooms:,} rooms open",
                "-",
                [after.rss_mib],
                unit="MiB",
                note=note if after is full else "",
                extra={"rooms/s": f"{rate:.1f}", "server CPU ms a room": f"{cpu_ms:.0f}"},
            )
        )
    busy = (held.cpu_seconds - full.cpu_seconds) / (held.seconds - full.seconds)
    results.append(
        Result(
            f"team: server CPU with {held.rooms:,} rooms open, idle",
            "-",
            [100 * busy],
            unit="% of a core",
            note=f"over {held.seconds - full.seconds:.0f} s with every room held, nobody editing",
        )
    )
    return results


def main() -> None:
    from .run import table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="200 rooms")
    args = parser.parse_args()
    results = bench_team_memory(200 if args.quick else args.rooms)
    print(table(results, ["-"], thresholds=False))
    for result in results:
        if result.note or result.extra:
            print(result.name + ":", result.note, result.extra)


if __name__ == "__main__":
    main()
