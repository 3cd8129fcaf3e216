"""Open room connections, re-checked in bulk: an expired token or a revoked grant closes them.

A grant is checked when a laptop connects; the laptop may then stay connected for days, so
every ``recheck_seconds`` one pass checks every open connection: all the access tokens in one
query, and the grants once per user, for the rooms that user has open. (Each connection used
to check itself on its own timer, computing every grant of its user: two queries per
connection every 5 s, which with about 1,000 laptops online kept the server busy with nothing
else; see docs/team-server.md.) A grant lowered from write to read takes effect on the
connection too: its next change is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import anyio
from anyio import to_thread
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from server.auth import Authority, permissions
from server.db import WRITE
from server.rooms import RoomChannel

log = logging.getLogger("server")

CLOSE_UNAUTHORISED = 4401
CLOSE_FORBIDDEN = 4403
FEW_ROOMS = 50  # a user's open rooms up to which the check names them in its query


@dataclass(eq=False)
class Watched:
    """One open connection: whose token, which room."""

    channel: RoomChannel
    token: str
    room: str
    user_id: int
    username: str


class ConnectionWatch:
    """Every open room connection, checked together every ``recheck_seconds``."""

    def __init__(
        self, engine: Engine, authority: Authority, recheck_seconds: Callable[[], float]
    ) -> None:
        self.engine = engine
        self.authority = authority
        self._seconds = recheck_seconds
        self._open: set[Watched] = set()

    def add(self, watched: Watched) -> None:
        self._open.add(watched)

    def discard(self, watched: Watched) -> None:
        self._open.discard(watched)

    async def run(self) -> None:
        """Check, wait, check again, for as long as the server runs. A slow pass (a very busy
        database) delays the next one instead of piling passes up."""
        while True:
            await anyio.sleep(self._seconds())
            try:
                await self.check_once()
            except Exception:  # a database outage must not end the watch for good
                log.exception("connection check failed", extra={"event": "room.check_failed"})

    async def check_once(self) -> None:
        watched = list(self._open)
        if not watched:
            return
        live, grants = await to_thread.run_sync(self._read, watched)
        for item in watched:
            if item not in self._open:
                continue  # it left while the pass read the database
            if item.token not in live:
                code, reason, event = CLOSE_UNAUTHORISED, "token expired", "room.expired"
            else:
                permission = grants.get((item.user_id, item.room))
                if permission is not None:
                    item.channel.can_write = permission == WRITE
                    continue
                code, reason, event = CLOSE_FORBIDDEN, "grant revoked", "room.revoked"
            self._open.discard(item)
            log.info(
                "room closed: " + reason,
                extra={"event": event, "room": item.room, "user": item.username},
            )
            await item.channel.close(code, reason)

    def _read(self, watched: list[Watched]) -> tuple[set[str], dict[tuple[int, str], str]]:
        live = self.authority.live_tokens({item.token for item in watched})
        rooms_of: dict[int, set[str]] = {}
        for item in watched:
            rooms_of.setdefault(item.user_id, set()).add(item.room)
        grants: dict[tuple[int, str], str] = {}
        with Session(self.engine) as session:
            for user_id, rooms in rooms_of.items():
                # A few rooms: ask for just those. Many: read all the user's grants, one query
                # with no parameters to bind (psycopg turning 5,000 uids into a query every
                # pass was a quarter of the server's time with 5,600 rooms open).
                only = rooms if len(rooms) <= FEW_ROOMS else None
                for uid, permission in permissions(session, user_id, only=only).items():
                    if uid in rooms:
                        grants[(user_id, uid)] = permission
        return live, grants
