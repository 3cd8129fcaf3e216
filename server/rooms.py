"""Rooms over the y-websocket protocol: one ``pycrdt`` document per shared account.

pycrdt-websocket's ``YRoom`` does the protocol (sync steps, relaying, awareness). Two things are
ours, both in ``RoomChannel``, the per-connection channel the room reads from:

* **Persist, then relay.** A writer's update is committed to PostgreSQL (``PostgresYStore.write``)
  *before* the room sees it; the room applies and relays it only afterwards. So anything another
  client has received, or the sender has had answered on the same connection, is on disk, and a
  SIGKILLed server loses nothing it acknowledged. (``YRoom(ystore=...)`` would write in the
  background after relaying, which can lose an update another laptop already saw.)
* **Read-only means read-only.** An update from a client with only ``read`` that would change the
  document is dropped, never persisted or relayed, and the connection is closed with code 4403.
  A no-op update (a read-only laptop answering the server's sync step with nothing new) passes.
"""

from __future__ import annotations

import logging
from typing import Any

from anyio import TASK_STATUS_IGNORED, CancelScope, Lock
from anyio.abc import TaskStatus
from pycrdt import Awareness, Doc, YMessageType, YSyncMessageType, read_message
from pycrdt.websocket import WebsocketServer, YRoom
from sqlalchemy import Engine
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from server.ystore import PostgresYStore

log = logging.getLogger("server.rooms")
EMPTY_UPDATE = b"\x00\x00"
CLOSE_READ_ONLY = 4403


class ReadOnlyRefused(Exception):
    """A read-only client sent an update that would change the document."""


def changes_document(doc: Doc, update: bytes) -> bool:
    """Whether applying ``update`` would change ``doc`` (checked on a scratch copy)."""
    if update == EMPTY_UPDATE:
        return False
    scratch: Doc[Any] = Doc()
    scratch.apply_update(doc.get_update())
    changed: list[bool] = []
    subscription = scratch.observe(lambda _event: changed.append(True))
    try:
        scratch.apply_update(update)
    finally:
        scratch.unobserve(subscription)
    return bool(changed)


class RoomChannel:
    """A pycrdt ``Channel`` over a Starlette websocket that enforces the client's permission."""

    def __init__(
        self, websocket: WebSocket, room: str, *, can_write: bool, store: PostgresYStore, user: str
    ) -> None:
        self._websocket = websocket
        self._room = room
        self.can_write = can_write  # lowered by the app's periodic re-check
        self._store = store
        self._user = user
        self._send_lock = Lock()
        self.doc: Doc | None = None  # the room's document, set once the room is open

    @property
    def path(self) -> str:
        return self._room

    def __aiter__(self) -> RoomChannel:
        return self

    async def __anext__(self) -> bytes:
        while True:
            try:
                message = await self._websocket.receive_bytes()
            except (WebSocketDisconnect, RuntimeError, KeyError) as error:
                # KeyError: a text frame; RuntimeError: the socket is already closed.
                raise StopAsyncIteration from error
            try:
                if await self._admit(message):
                    return message
            except ReadOnlyRefused:
                log.warning(
                    "read-only update refused",
                    extra={"event": "room.refused", "room": self._room, "user": self._user},
                )
                await self._close(CLOSE_READ_ONLY, "read-only: update refused")
                raise StopAsyncIteration from None

    async def recv(self) -> bytes:
        return await self.__anext__()

    async def send(self, message: bytes) -> None:
        # The room sends from several tasks; a frame must not interleave with another, and a
        # client that went away must not take the room down with a send error.
        async with self._send_lock:
            if self._websocket.application_state != WebSocketState.CONNECTED:
                return
            try:
                await self._websocket.send_bytes(message)
            except (WebSocketDisconnect, RuntimeError, OSError):
                log.debug("send to a closed client dropped", extra={"room": self._room})

    async def _admit(self, message: bytes) -> bool:
        """Whether the room may see this message; persists a writer's updates first."""
        if len(message) < 2:
            return False
        if message[0] == YMessageType.AWARENESS:
            return True
        if message[0] != YMessageType.SYNC:
            return False
        if message[1] == YSyncMessageType.SYNC_STEP1:
            return True
        if message[1] not in (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE):
            return False
        update = read_message(message[2:])
        if not self.can_write:
            assert self.doc is not None
            if changes_document(self.doc, update):
                raise ReadOnlyRefused
            return False
        if update != EMPTY_UPDATE:
            await self._store.write(update)
        return True

    async def close(self, code: int, reason: str) -> None:
        """Close the connection (the room then sees the end of this channel)."""
        await self._close(code, reason)

    async def _close(self, code: int, reason: str) -> None:
        async with self._send_lock:
            if self._websocket.application_state == WebSocketState.CONNECTED:
                try:
                    await self._websocket.close(code=code, reason=reason)
                except (RuntimeError, OSError):
                    pass


class RelayAwareness(Awareness):
    """A room's awareness on the server: none of its own, none kept, no timer.

    pycrdt-websocket's ``YRoom`` relays a laptop's awareness message to the room's laptops
    itself (``YRoom.serve``); its ``Awareness`` only kept a copy of every laptop's state that
    nothing on the server reads (a newcomer is not sent them), and woke every 3 s to expire
    them: with 10,000 rooms open, 3,300 wake-ups a second for nothing (bench_team_memory).
    The server shows no presence of its own either: its state left at ``{}`` was re-sent to
    every laptop every 15 s (40 % of the server's time at 4,000 rooms)."""

    def __init__(self, ydoc: Doc) -> None:
        super().__init__(ydoc)
        self.set_local_state(None)  # before the room observes it: nothing is sent

    async def start(self, *, task_status: TaskStatus[None] = TASK_STATUS_IGNORED) -> None:
        task_status.started()  # no periodic renewal or expiry

    async def stop(self) -> None:
        pass

    def apply_awareness_update(self, update: bytes, origin: Any) -> None:
        pass  # relayed by the room as it came; not kept


class Room(YRoom):
    """A ``YRoom`` whose awareness is only relayed (``RelayAwareness``)."""

    def __init__(self, ydoc: Doc) -> None:
        super().__init__(ready=True, ydoc=ydoc, exception_handler=_log_error)
        self.awareness = RelayAwareness(self.ydoc)
        self.awareness.observe(self.send_server_awareness)

    async def stop(self) -> None:
        await super().stop()
        self._update_send_stream.close()  # YRoom leaves it open (a ResourceWarning per room)


class RoomServer(WebsocketServer):
    """Holds the open rooms; a room is loaded from PostgreSQL on first use, closed when empty.

    Rooms load concurrently: only two laptops opening the *same* room wait for each other (one
    lock per room being used), so a slow load does not hold up every other room's."""

    def __init__(self, engine: Engine, *, compact_after_updates: int) -> None:
        super().__init__(rooms_ready=True, auto_clean_rooms=False, exception_handler=_log_error)
        self.engine = engine
        self.compact_after_updates = compact_after_updates
        self._users: dict[str, int] = {}
        self._locks: dict[str, Lock] = {}

    def store(self, name: str) -> PostgresYStore:
        return PostgresYStore(name, engine=self.engine)

    async def open_room(self, name: str) -> YRoom:
        """The started room ``name``, counted as used until ``close_room`` (also when this
        raises: the caller's ``close_room`` is then done here)."""
        # Counted before the first wait, so a close_room meanwhile cannot drop a room in use.
        self._users[name] = self._users.get(name, 0) + 1
        lock = self._locks.setdefault(name, Lock())
        try:
            async with lock:
                room = self.rooms.get(name)
                if room is None:
                    room = Room(await self._load(name))
                    await self.start_room(room)
                    self.rooms[name] = room
        except BaseException:
            with CancelScope(shield=True):
                await self.close_room(name)
            raise
        return room

    async def close_room(self, name: str) -> None:
        self._users[name] -= 1
        if self._users[name] == 0:
            del self._users[name]
            del self._locks[name]
            room = self.rooms.pop(name, None)
            if room is not None:
                await room.stop()

    async def _load(self, name: str) -> Doc:
        doc: Doc[Any] = Doc()
        merged, updates = await self.store(name).load(self.compact_after_updates)
        if merged:
            log.info(
                "room compacted", extra={"event": "room.compacted", "room": name, "rows": merged}
            )
        for update in updates:
            doc.apply_update(update)
        return doc


def _log_error(exception: Exception, logger: logging.Logger) -> bool:
    log.error("room error", exc_info=exception, extra={"event": "room.error"})
    return True
