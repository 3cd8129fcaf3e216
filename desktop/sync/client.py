"""Talking to the team server: the stored login, the HTTP calls, one room's exchange.

The server's address and this laptop's refresh token live in ``team.json`` in the data folder
(mode 0600: the token opens the user's accounts). Refresh tokens are one-use, so the token we
want next is written down before we ask for it (``access_token``): a laptop that dies while
the server answers still holds the token the server registered.

One exchange with a room is the y-websocket sync: we send our state vector (sync step 1), answer
the server's step 1 with what it lacks (step 2), and apply what it sends. Then we send a second
step 1: the server handles a connection's messages in order and stores a writer's update before
it answers anything after it, so its reply to that probe means our updates are stored
(docs/team-server.md, "Acknowledged means stored").
"""

from __future__ import annotations

import json
import os
import secrets
import ssl
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import anyio
import httpx
import portalocker
from httpx_ws import (
    AsyncWebSocketSession,
    WebSocketDisconnect,
    WebSocketUpgradeError,
    aconnect_ws,
)
from pycrdt import Doc, YMessageType, YSyncMessageType, create_sync_message, handle_sync_message

from desktop import paths

CONFIG_NAME = paths.TEAM_CONFIG
LOCK_NAME = paths.TEAM_LOCK  # held while the single-use refresh token is exchanged
LOCK_SECONDS = 60  # a refresh takes one request (30 s timeout at most)
MAX_FRAME = 64 * 1024 * 1024  # a 10,000-person account is ~2 MB in one frame (64 KiB default)
EXCHANGE_SECONDS = 60
EMPTY_STATE = b"\x00"  # the state vector of a document with nothing in it
CONNECTIONS = 8  # rooms exchanged at once in a cycle: overlaps the waits, spares the server


class TeamError(Exception):
    """Something the rep must act on: not joined, login refused, server unreachable."""


class AuthRefused(TeamError):
    """The server refused the stored login: join again."""


class Unreachable(TeamError):
    """No answer from the server (network, address, certificate): the cause is chained."""


class ServerRefused(TeamError):
    """The server answered with an error: ``status`` and its own words in ``reason``."""

    def __init__(self, message: str, status: int, reason: str = "") -> None:
        super().__init__(message)
        self.status, self.reason = status, reason


class GrantLost(TeamError):
    """The room refused us (403 at the handshake, or closed with 4403): the grant was taken
    back. The caller lets the account go (desktop/sync/leaving.py ``drop_lost``)."""


@dataclass
class TeamConfig:
    url: str
    user: str
    refresh_token: str
    ca_file: str | None = None
    # Proposed to the server by a refresh that may not have finished: the server may have
    # spent ``refresh_token`` and registered this one in its place.
    next_refresh_token: str | None = None

    @classmethod
    def load(cls, folder: Path) -> TeamConfig:
        path = folder / CONFIG_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise TeamError("This laptop has not joined a team: run callbrief team join.") from None
        return cls(**data)

    def save(self, folder: Path) -> None:
        path = folder / CONFIG_NAME
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(self), handle)
            handle.flush()
            os.fsync(handle.fileno())  # the token must survive a power loss, not just a crash
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)

    def verify(self) -> ssl.SSLContext | bool:
        if self.ca_file:
            return ssl.create_default_context(cafile=self.ca_file)
        return True


def _post(url: str, body: dict[str, Any], verify: ssl.SSLContext | bool) -> dict[str, Any]:
    try:
        response = httpx.post(url, json=body, verify=verify, timeout=30)
    except httpx.HTTPError as error:
        raise Unreachable(f"The team server at {url} cannot be reached ({error}).") from error
    if response.status_code == 401:
        raise AuthRefused("The team server refused the login; run callbrief team join again.")
    if response.status_code != 200:
        status = response.status_code
        raise ServerRefused(f"The team server answered {status}: {response.text}", status)
    return dict(response.json())


def login(url: str, user: str, password: str, ca_file: str | None) -> TeamConfig:
    probe = TeamConfig(url.rstrip("/"), user, "", ca_file)
    pair = _post(
        f"{probe.url}/auth/login", {"username": user, "password": password}, probe.verify()
    )
    probe.refresh_token = pair["refresh_token"]
    return probe


def access_token(config: TeamConfig, folder: Path) -> str:
    """A fresh access token; the new refresh token is saved first.

    A refresh token works once. The window's background sync, a share from its Team menu and
    a ``callbrief`` command in a terminal can all refresh at the same moment, so the refresh
    runs under an operating-system lock on ``team.lock`` (released if the process dies), and
    starts from the token stored in the folder, not the one this process read earlier.

    The process may die between the server spending the old token and our saving the answer
    (SIGKILL, power loss). So we propose the next refresh token ourselves and write it down
    before asking; after such a death, either the old token still works (the server never saw
    the request) or the proposed one does (it did)."""
    with portalocker.Lock(folder / LOCK_NAME, mode="a", timeout=LOCK_SECONDS):
        stored = TeamConfig.load(folder)
        config.url, config.user, config.ca_file = stored.url, stored.user, stored.ca_file
        interrupted = stored.next_refresh_token
        try:
            pair = _rotate(config, folder, stored.refresh_token, interrupted)
        except AuthRefused:
            if interrupted is None:
                raise
            # The server spent the old token for the one we proposed: go on from that one.
            pair = _rotate(config, folder, interrupted, None)
    return str(pair["access_token"])


def _rotate(config: TeamConfig, folder: Path, current: str, proposed: str | None) -> dict[str, Any]:
    """Trade ``current`` for a new pair, proposing ``proposed`` (or a fresh token) as the next
    refresh token; it is saved before the request and the answer's token after it."""
    config.refresh_token = current
    config.next_refresh_token = proposed or secrets.token_urlsafe(32)
    config.save(folder)
    body = {"refresh_token": current, "next_refresh_token": config.next_refresh_token}
    pair = _post(f"{config.url}/auth/refresh", body, config.verify())
    # A server that ignores proposals answers with a token of its own: that one is the login.
    config.refresh_token, config.next_refresh_token = pair["refresh_token"], None
    config.save(folder)
    return pair


def granted(config: TeamConfig, token: str) -> dict[str, str]:
    """The account uids this user may open, with read / write."""
    try:
        response = httpx.get(
            f"{config.url}/accounts",
            headers={"Authorization": f"Bearer {token}"},
            verify=config.verify(),
            timeout=30,
        )
    except httpx.HTTPError as error:
        raise TeamError(f"The team server cannot be reached ({error}).") from error
    if response.status_code != 200:
        raise TeamError(f"The team server answered {response.status_code}: {response.text}")
    return {a["uid"]: a["permission"] for a in response.json()["accounts"]}


def grant(config: TeamConfig, token: str, uid: str, body: dict[str, str]) -> str:
    try:
        response = httpx.post(
            f"{config.url}/accounts/{uid}/grants",
            json=body,
            headers={"Authorization": f"Bearer {token}"},
            verify=config.verify(),
            timeout=30,
        )
    except httpx.HTTPError as error:
        raise Unreachable(f"The team server cannot be reached ({error}).") from error
    answer = response.json()
    if response.status_code != 200:
        reason = str(answer.get("error"))
        raise ServerRefused(
            f"The team server refused to share: {reason}", response.status_code, reason
        )
    return str(answer["message"])


@dataclass(frozen=True)
class Published:
    """``GET /playbook``'s answer: the ETag, and the TOML bytes (None: a 304, one of ours)."""

    etag: str
    content: bytes | None


def published_playbook(config: TeamConfig, token: str, known: list[str]) -> Published:
    """The organisation's playbook, unless its ETag is one of ``known`` (If-None-Match).

    Raises ``Unreachable`` (no answer), ``AuthRefused`` (401) or ``ServerRefused`` (e.g. 503
    when the server cannot read its playbook file)."""
    headers = {"Authorization": f"Bearer {token}"}
    if known:
        headers["If-None-Match"] = ", ".join(known)
    try:
        response = httpx.get(
            f"{config.url}/playbook", headers=headers, verify=config.verify(), timeout=30
        )
    except httpx.HTTPError as error:
        raise Unreachable(f"The team server cannot be reached ({error}).") from error
    if response.status_code == 401:
        raise AuthRefused("The team server refused the login; run callbrief team join again.")
    etag = response.headers.get("etag", "")
    if response.status_code == 304:
        return Published(etag, None)
    if response.status_code != 200 or not etag:
        status = response.status_code
        raise ServerRefused(f"The team server answered {status}: {response.text}", status)
    return Published(etag, response.content)


async def exchange(config: TeamConfig, token: str, uid: str, doc: Doc[Any]) -> None:
    """One sync of ``doc`` with its room; returns once the server has stored our updates."""
    async with httpx.AsyncClient(verify=config.verify()) as client:
        await _exchange(client, config, token, uid, doc)


async def exchange_all(
    config: TeamConfig, token: str, docs: dict[str, Doc[Any]], limit: int = CONNECTIONS
) -> None:
    """``exchange`` for every room in ``docs``, at most ``limit`` connections open at once.

    One HTTP client (one TLS context, loaded once) for all of them: a room's exchange mostly
    waits on the network and the server, so a first sync of many accounts overlaps them
    instead of opening one connection after another (docs/team-server.md, "First sync").
    The first error is raised as itself (not wrapped in a group), as ``exchange`` would."""
    slots = anyio.Semaphore(limit)

    async def one(client: httpx.AsyncClient, uid: str, doc: Doc[Any]) -> None:
        async with slots:
            await _exchange(client, config, token, uid, doc)

    try:
        async with httpx.AsyncClient(verify=config.verify()) as client:
            async with anyio.create_task_group() as tasks:
                for uid, doc in docs.items():
                    tasks.start_soon(one, client, uid, doc)
    except BaseExceptionGroup as group:
        raise _first(group) from None


def _first(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The first error of a task group, unwrapped: the worker tells errors apart by type."""
    error = group.exceptions[0]
    return _first(error) if isinstance(error, BaseExceptionGroup) else error


async def _exchange(
    client: httpx.AsyncClient, config: TeamConfig, token: str, uid: str, doc: Doc[Any]
) -> None:
    """One room's exchange on a shared client; a refused room raises ``GrantLost``."""
    try:
        async with aconnect_ws(
            f"{config.url}/rooms/{uid}",  # httpx-ws takes the https URL itself
            client,
            headers={"Authorization": f"Bearer {token}"},
            max_message_size_bytes=MAX_FRAME,
            session_class=AsyncWebSocketSession,  # the default, named so mypy knows the type
        ) as websocket:
            await _sync(websocket, doc)
    except WebSocketUpgradeError as error:
        if error.response.status_code == 403:
            raise GrantLost(f"Account {uid} is no longer shared with you.") from error
        raise
    except WebSocketDisconnect as error:
        if error.code == 4403:
            raise GrantLost(f"Account {uid} is no longer shared with you.") from error
        raise


async def _sync(websocket: AsyncWebSocketSession, doc: Doc[Any]) -> None:
    """Step 1, answer the server's step 1, then probe: the probe's answer acknowledges.

    An empty document (a room this laptop has never had: every room of a first sync) has
    nothing to send and nothing to acknowledge: it is done once the server's step 2, the
    whole room, is applied. That spares an answer, a probe and its reply for each room."""
    empty = doc.get_state() == EMPTY_STATE
    with anyio.fail_after(EXCHANGE_SECONDS):
        await websocket.send_bytes(create_sync_message(doc))
        answered, probed = 0, False
        while True:
            message = await websocket.receive_bytes()
            if len(message) < 2 or message[0] != YMessageType.SYNC:
                continue  # awareness: not ours to track
            if empty:  # the server's step 1 needs no answer: we have nothing it lacks
                if message[1] != YSyncMessageType.SYNC_STEP1:
                    handle_sync_message(message[1:], doc)  # its step 2, or a relayed update
                if message[1] == YSyncMessageType.SYNC_STEP2:
                    return
                continue
            reply = handle_sync_message(message[1:], doc)
            if reply is not None:
                await websocket.send_bytes(reply)
            if message[1] == YSyncMessageType.SYNC_STEP1 and not probed:
                await websocket.send_bytes(create_sync_message(doc))
                probed = True
            elif message[1] == YSyncMessageType.SYNC_STEP2:
                answered += 1
                if probed and answered >= 2:
                    return
