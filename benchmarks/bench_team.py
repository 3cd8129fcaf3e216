"""Team server figures: first sync of a new laptop, edit latency, document growth.

    python -m benchmarks.bench_team            # 1,000 accounts / 10,000 people, 100 clients
    python -m benchmarks.bench_team --quick    # 20 / 200, 10 clients, 500 edits (< 30 s)
    python -m benchmarks.bench_team --first-sync --accounts 100 [--profile out.prof]
                                               # only the first sync, at another size

Also run by ``python -m benchmarks.run`` (``--quick`` there runs the quick sizes). A real
PostgreSQL and the real server process over TLS on 127.0.0.1 (benchmarks/team_env.py):

* **first sync**: N accounts (10 people each, made through the services on a scratch laptop,
  copied with fresh uids) are uploaded and granted to ``bo``; then ``sync_cycle`` on bo's new,
  empty laptop, the same call ``callbrief sync --once`` makes: list grants, one websocket
  exchange per account, every account written through the services.
* **edit latency**: two laptops online in one room (pycrdt Providers), one edit at a time,
  the time until the other laptop has it; then again while M simulated laptops, each in a room
  of its own, make an edit every second.
* **growth**: E edits in one room (a title set and a note extended, each its own update);
  the bytes stored in PostgreSQL, the document's own size, and both after compaction (the
  squash the server does when it loads a room with more than ``compact_after_updates`` rows).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import random
import re
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import httpx
from httpx_ws import aconnect_ws
from pycrdt import Doc, Map, Provider, Text
from pycrdt.websocket.websocket import HttpxWebsocket
from sqlalchemy import create_engine, text

from .measure import Result
from .team_env import PASSWORD, TeamEnv, team_server

MAX_FRAME = 64 * 1024 * 1024


@dataclass(frozen=True)
class Scale:
    accounts: int
    people_per_account: int
    edits: int  # latency samples
    clients: int  # simulated laptops during the second latency run
    growth_edits: int


FULL = Scale(accounts=1000, people_per_account=10, edits=100, clients=100, growth_edits=10_000)
QUICK = Scale(accounts=20, people_per_account=10, edits=20, clients=10, growth_edits=500)
UID = re.compile(r'"([0-9a-f]{32})"')


def _template(folder: Path, people: int) -> dict[str, Any]:
    """One account with ``people`` contacts, made through the services, as a bundle body."""
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.store.database import open_database
    from desktop.sync.engine import account_body

    folder.mkdir(parents=True, exist_ok=True)
    services = Services.build(open_database(folder / "callbrief.sqlite3"), default_playbook())
    try:
        account = services.accounts.create(name="华东电力 East Power")
        boss = None
        for i in range(people):
            person = services.contacts.create(
                account.id,
                name=f"联系人 {i}",
                title="工程师" if i else "总经理",
                relationship_notes=f"Met at the fair, {i}.",
                reports_to_id=boss,
            )
            boss = boss or person.id
        return account_body(services.team_sync, account.id)
    finally:
        services.close()


def _copy(template: dict[str, Any], n: int) -> dict[str, Any]:
    """The template with every uid replaced (consistently) and its own name."""
    raw = json.dumps(template, ensure_ascii=False)
    fresh = {old: uuid.uuid4().hex for old in set(UID.findall(raw))}
    raw = UID.sub(lambda m: f'"{fresh[m.group(1)]}"', raw)
    body = json.loads(raw)
    body["name"] = f"Account {n:04}"
    return dict(body)


def _token(env: TeamEnv, user: str) -> str:
    response = httpx.post(
        f"{env.base}/auth/login",
        json={"username": user, "password": PASSWORD},
        verify=str(env.ca_file),
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


def _grant(env: TeamEnv, uids: list[str], users: tuple[str, ...]) -> None:
    engine = create_engine(env.database_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO grants (account_uid, permission, user_id)"
                " SELECT :uid, 'write', id FROM users WHERE username = :user"
            ),
            [{"uid": uid, "user": user} for uid in uids for user in users],
        )
    engine.dispose()


def first_sync(
    env: TeamEnv, scale: Scale, scratch: Path, profile: Path | None = None
) -> list[Result]:
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.store.database import open_database
    from desktop.sync.client import TeamConfig, exchange, login
    from desktop.sync.mirror import write_rows
    from desktop.sync.worker import sync_cycle

    template = _template(scratch / "template", scale.people_per_account)
    bodies = [_copy(template, n) for n in range(scale.accounts)]
    uids = [str(b["uid"]) for b in bodies]
    _grant(env, uids, ("ana", "bo"))
    ana = TeamConfig(env.base, "ana", "", str(env.ca_file))
    token = _token(env, "ana")

    async def upload() -> None:
        for body in bodies:
            doc: Doc[Any] = Doc()
            write_rows(doc, body)
            await exchange(ana, token, str(body["uid"]), doc)

    anyio.run(upload)
    folder = scratch / "laptop-bo"
    folder.mkdir()
    login(env.base, "bo", PASSWORD, str(env.ca_file)).save(folder)
    services = Services.build(open_database(folder / "callbrief.sqlite3"), default_playbook())
    try:
        profiler = cProfile.Profile() if profile is not None else None
        started, cpu, server = time.perf_counter(), time.process_time(), env.server_cpu()
        if profiler is not None:
            profiler.enable()
        report = sync_cycle(services.team_sync, folder)
        if profiler is not None:
            profiler.disable()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        server = env.server_cpu() - server
        if profiler is not None and profile is not None:
            profiler.dump_stats(profile)
        ids = [services.team_sync.account_id(uid) for uid in uids]
        people = sum(len(services.contacts.for_account(i)) for i in ids if i is not None)
    finally:
        services.close()
    assert report.accounts == scale.accounts, report
    assert people == scale.accounts * scale.people_per_account, people
    name = f"team: first sync, {scale.accounts:,} accounts / {people:,} people"
    # The laptop's own CPU time (all its threads): on a shared machine, what the wall time
    # is made of when the other processes leave it alone.
    # The server's (one process, on the same cores here; PostgreSQL not counted) tells how
    # much of the wall time is the server's.
    note = f"laptop CPU {cpu:.1f} s, server CPU {server:.1f} s"
    return [Result(name, "-", [seconds], target_ms=10, unit="s", note=note)]


def _room(env: TeamEnv, token: str, room: str, client: httpx.AsyncClient) -> Any:
    return aconnect_ws(
        f"{env.base}/rooms/{room}",
        client,
        headers={"Authorization": f"Bearer {token}"},
        max_message_size_bytes=MAX_FRAME,
    )


async def _until(doc: Doc[Any], condition: Any, seconds: float = 30) -> None:
    changed = anyio.Event()

    def _on_change(_event: object) -> None:
        changed.set()

    subscription = doc.observe(_on_change)
    try:
        with anyio.fail_after(seconds):
            while not condition():
                await changed.wait()
                changed = anyio.Event()
    finally:
        doc.unobserve(subscription)


async def _latencies(env: TeamEnv, token: str, room: str, edits: int) -> list[float]:
    """Milliseconds from an edit on laptop A until laptop B has it, one edit at a time."""
    a, b = Doc(), Doc()
    async with httpx.AsyncClient(verify=str(env.ca_file)) as client:
        async with (
            _room(env, token, room, client) as ws_a,
            _room(env, token, room, client) as ws_b,
            Provider(a, HttpxWebsocket(ws_a, room)) as pa,
            Provider(b, HttpxWebsocket(ws_b, room)) as pb,
        ):
            await pa.synced.wait()
            await pb.synced.wait()
            people_a, people_b = a.get("people", type=Map), b.get("people", type=Map)
            run = uuid.uuid4().hex[:8]  # a second run in the same room uses new keys
            samples = []
            for i in range(edits):
                started = time.perf_counter()
                people_a[f"{run}-{i}"] = Map({"title": f"Edit {i}"})
                await _until(b, lambda i=i: f"{run}-{i}" in people_b)
                samples.append((time.perf_counter() - started) * 1000)
    return samples


async def _busy_laptop(env: TeamEnv, token: str, room: str, stop: anyio.Event) -> None:
    doc: Doc[Any] = Doc()
    async with httpx.AsyncClient(verify=str(env.ca_file)) as client:
        async with (
            _room(env, token, room, client) as ws,
            Provider(doc, HttpxWebsocket(ws, room)),
        ):
            notes = doc.get("notes", type=Text)
            while not stop.is_set():
                await anyio.sleep(random.uniform(0.5, 1.5))  # noqa: S311 - spreads the load
                notes += "x"


def latency(env: TeamEnv, scale: Scale) -> list[Result]:
    rooms = [uuid.uuid4().hex for _ in range(scale.clients + 1)]
    _grant(env, rooms, ("ana",))
    token = _token(env, "ana")
    quiet = anyio.run(_latencies, env, token, rooms[0], scale.edits)

    async def busy() -> tuple[list[float], float]:
        stop = anyio.Event()
        async with anyio.create_task_group() as tasks:
            for room in rooms[1:]:
                tasks.start_soon(_busy_laptop, env, token, room, stop)
            await anyio.sleep(3)  # every simulated laptop connected and editing
            rss = env.rss_mib()
            samples = await _latencies(env, token, rooms[0], scale.edits)
            stop.set()
        return samples, rss

    loaded, rss = anyio.run(busy)
    return [
        Result("team: edit to another online laptop", "-", quiet, target_ms=1000),
        Result(
            f"team: the same, {scale.clients} other laptops editing every ~1 s",
            "-",
            loaded,
            target_ms=1000,
            note=f"server RSS {rss:.0f} MiB",
        ),
        Result(f"team: server memory with {scale.clients} rooms open", "-", [rss], unit="MiB"),
    ]


def growth(env: TeamEnv, scale: Scale) -> list[Result]:
    from server.ystore import PostgresYStore

    room = uuid.uuid4().hex
    _grant(env, [room], ("ana",))
    token = _token(env, "ana")
    state: dict[str, float] = {}

    async def edit() -> None:
        from desktop.sync.client import TeamConfig, exchange

        a: Doc[Any] = Doc()
        async with httpx.AsyncClient(verify=str(env.ca_file)) as client:
            # One live laptop only: a second pycrdt Provider would send every update it
            # receives back to the server (Providers echo), doubling the stored rows.
            async with (
                _room(env, token, room, client) as ws_a,
                Provider(a, HttpxWebsocket(ws_a, room)) as pa,
            ):
                await pa.synced.wait()
                people, notes = a.get("people", type=Map), a.get("notes", type=Text)
                people["p"] = Map({"title": ""})
                for i in range(scale.growth_edits):
                    if i % 2:
                        notes += f"note {i}. "
                    else:
                        people["p"]["title"] = f"Title {i}"
                    if i % 50 == 0:
                        await anyio.sleep(0)  # let the provider send
                people["done"] = True
                # Stored in order per connection: once "done" is stored, every edit is.
                config = TeamConfig(env.base, "ana", "", str(env.ca_file))
                with anyio.fail_after(600):
                    while True:
                        probe: Doc[Any] = Doc()
                        await exchange(config, token, room, probe)
                        if "done" in probe.get("people", type=Map):
                            break
                        await anyio.sleep(0.2)
                state["doc"] = len(a.get_update())

    anyio.run(edit)
    engine = create_engine(env.database_url)

    def stored() -> tuple[int, int]:
        with engine.connect() as connection:
            rows, size = connection.execute(
                text(
                    "SELECT count(*), coalesce(sum(length(yupdate)), 0) FROM room_updates"
                    " WHERE room = :r"
                ),
                {"r": room},
            ).one()
        return int(rows), int(size)

    rows, size = stored()

    async def compact() -> None:
        await PostgresYStore(room, engine=engine).compact()

    anyio.run(compact)
    rows_after, size_after = stored()
    engine.dispose()
    n = f"{scale.growth_edits:,}"
    return [
        Result(f"team: stored after {n} edits ({rows:,} rows)", "-", [size / 1024], unit="KiB"),
        Result(f"team: document after {n} edits", "-", [state["doc"] / 1024], unit="KiB"),
        Result(
            f"team: stored after compaction ({rows_after} row)",
            "-",
            [size_after / 1024],
            unit="KiB",
        ),
    ]


def bench_team(
    quick: bool,
    accounts: int | None = None,
    only_first_sync: bool = False,
    profile: Path | None = None,
) -> list[Result]:
    scale = QUICK if quick else FULL
    if accounts is not None:
        scale = dataclasses.replace(scale, accounts=accounts)
    with tempfile.TemporaryDirectory() as tmp, team_server(("ana", "bo")) as env:
        scratch = Path(tmp)
        synced = first_sync(env, scale, scratch, profile)
        if only_first_sync:
            return synced
        return [*synced, *latency(env, scale), *growth(env, scale)]


def main() -> None:
    from .run import table

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, under 30 s")
    parser.add_argument("--accounts", type=int, help="accounts in the first sync (10 people each)")
    parser.add_argument("--first-sync", action="store_true", help="only the first sync figure")
    parser.add_argument("--profile", type=Path, help="cProfile the first sync into this file")
    args = parser.parse_args()
    started = time.perf_counter()
    results = bench_team(args.quick, args.accounts, args.first_sync, args.profile)
    print(table(results, ["-"], thresholds=not args.quick))
    for result in results:
        if result.note:
            print(f"{result.name}: {result.note}")
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
