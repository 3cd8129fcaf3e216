"""The ASGI application: login, token refresh, accounts, playbook, health and the rooms.

Starlette because it is small, maintained, and speaks the same ASGI websocket events that
pycrdt-websocket's own ``ASGIServer`` is written for; we use Starlette's ``WebSocket`` directly
(not ``ASGIServer``) because authorising a connection needs per-connection state (the user and
their permission for the room) that ``ASGIServer``'s ``on_connect`` cannot hand to the room.

HTTP routes:
  POST /auth/login    {"username", "password"} -> {"access_token", "refresh_token", "expires_in"}
                      (429 after too many failures for that name from that address)
  POST /auth/refresh  {"refresh_token", "next_refresh_token"?} -> a new pair (the old refresh
                      token is spent; the proposed one, if any, is the new refresh token)
  GET  /accounts      the account uids the caller may open, with read/write
  POST /accounts/{account_uid}/grants  share an account (its owner only; server/sharing.py)
  DELETE /accounts/{account_uid}/grants/me  leave an account shared with you
  GET  /accounts/{account_uid}/reviews, POST .../reviews/comments, POST .../reviews/marks
                      manager review of visit plans (server/reviews.py)
  GET  /playbook      the organisation's playbook TOML, with an ETag (If-None-Match -> 304)
  GET  /health        200 {"status": "ok"} when PostgreSQL answers, else 503
Websocket:
  /rooms/{account_uid}  y-websocket; token in ``Authorization: Bearer`` or ``?token=``;
                        re-checked while open: closed 4401 when the token expires, 4403 when
                        the grant is revoked
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
from collections.abc import AsyncIterator, Mapping
from datetime import timedelta

import anyio
from anyio import to_thread
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

from server.auth import Authority, Clock, acceptable_proposal, permissions, utc_now
from server.config import Config
from server.db import DB_CONNECTIONS, WRITE, User
from server.limits import LoginLimiter
from server.reviews import comment, mark, reviews_for
from server.rooms import RoomChannel, RoomServer
from server.sharing import leave, share
from server.watch import CLOSE_FORBIDDEN, CLOSE_UNAUTHORISED, ConnectionWatch, Watched

log = logging.getLogger("server.app")
# An account uid as the laptops make them (uuid4 hex, with or without dashes); anything else is
# refused before the database is asked.
ROOM_NAME = re.compile(r"^[0-9a-fA-F-]{32,36}$")


def _bearer(headers: Mapping[str, str], query: Mapping[str, str]) -> str | None:
    """The token from ``Authorization: Bearer ...``, else from ``?token=``."""
    header = headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return query.get("token") or None


async def _json_body(request: Request) -> dict[str, object] | None:
    try:
        body = await request.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def create_app(config: Config, engine: Engine, *, clock: Clock = utc_now) -> Starlette:
    """The application for one configuration; ``clock`` lets tests move time for expiry."""
    authority = Authority(
        engine,
        access_ttl=timedelta(minutes=config.access_token_minutes),
        refresh_ttl=timedelta(days=config.refresh_token_days),
        clock=clock,
    )
    rooms = RoomServer(engine, compact_after_updates=config.compact_after_updates)
    watch = ConnectionWatch(engine, authority, lambda: config.recheck_seconds)
    limiter = LoginLimiter(config.login_failures_per_minute, clock)

    async def caller(request: Request) -> User | None:
        token = _bearer(request.headers, {})
        return await to_thread.run_sync(authority.user_for, token) if token else None

    async def login(request: Request) -> Response:
        body = await _json_body(request)
        username, password = (body or {}).get("username"), (body or {}).get("password")
        if not isinstance(username, str) or not isinstance(password, str):
            return JSONResponse({"error": "username and password are required"}, 400)
        address = request.client.host if request.client else ""
        wait = limiter.retry_after(username, address)
        if wait:
            # Refused before the password is even checked: no guess is heard while locked.
            log.warning("login throttled", extra={"event": "auth.throttled", "user": username})
            return JSONResponse(
                {"error": f"too many failed logins; try again in {wait} s"},
                429,
                headers={"Retry-After": str(wait)},
            )
        pair = await to_thread.run_sync(authority.login, username, password)
        if pair is None:
            limiter.failed(username, address)
            log.warning("login refused", extra={"event": "auth.login_refused", "user": username})
            return JSONResponse({"error": "wrong user name or password"}, 401)
        limiter.succeeded(username, address)
        log.info("login", extra={"event": "auth.login", "user": username})
        return JSONResponse(pair.__dict__)

    async def refresh(request: Request) -> Response:
        body = await _json_body(request) or {}
        token, proposed = body.get("refresh_token"), body.get("next_refresh_token")
        if not isinstance(token, str):
            return JSONResponse({"error": "refresh_token is required"}, 400)
        if proposed is not None and not acceptable_proposal(proposed):
            error = "next_refresh_token must be 43 to 128 URL-safe characters"
            return JSONResponse({"error": error}, 400)
        pair = await to_thread.run_sync(authority.refresh, token, proposed)
        if pair is None:
            log.warning("refresh refused", extra={"event": "auth.refresh_refused"})
            return JSONResponse({"error": "refresh token expired or already used"}, 401)
        return JSONResponse(pair.__dict__)

    async def accounts(request: Request) -> Response:
        user = await caller(request)
        if user is None:
            return JSONResponse({"error": "log in first"}, 401)

        def _list() -> dict[str, str]:
            with Session(engine) as session:
                return permissions(session, user.id)

        granted = await to_thread.run_sync(_list)
        return JSONResponse(
            {"accounts": [{"uid": uid, "permission": p} for uid, p in sorted(granted.items())]}
        )

    async def grant(request: Request) -> Response:
        user = await caller(request)
        if user is None:
            return JSONResponse({"error": "log in first"}, 401)
        name = request.path_params["account_uid"]
        body = await _json_body(request)
        if not ROOM_NAME.match(name) or body is None:
            return JSONResponse({"error": "an account uid and a JSON body are required"}, 400)
        status, message = await to_thread.run_sync(share, engine, user, name, body)
        log.info(
            "grant" if status == 200 else "grant refused",
            extra={"event": "room.grant", "room": name, "user": user.username, "status": status},
        )
        return JSONResponse({"message" if status == 200 else "error": message}, status)

    async def leave_account(request: Request) -> Response:
        user = await caller(request)
        if user is None:
            return JSONResponse({"error": "log in first"}, 401)
        name = request.path_params["account_uid"]
        if not ROOM_NAME.match(name):
            return JSONResponse({"error": "not an account uid"}, 400)
        status, message = await to_thread.run_sync(leave, engine, user, name)
        log.info(
            "left" if status == 200 else "leave refused",
            extra={"event": "room.leave", "room": name, "user": user.username, "status": status},
        )
        return JSONResponse({"message" if status == 200 else "error": message}, status)

    async def reviews(request: Request) -> Response:
        user = await caller(request)
        if user is None:
            return JSONResponse({"error": "log in first"}, 401)
        name = request.path_params["account_uid"]
        if not ROOM_NAME.match(name):
            return JSONResponse({"error": "not an account uid"}, 400)
        if request.method == "GET":
            status, answer = await to_thread.run_sync(reviews_for, engine, user, name)
            return JSONResponse(answer, status)
        what = request.path_params["what"]
        if what not in ("comments", "marks"):
            return JSONResponse({"error": "not found"}, 404)
        body = await _json_body(request)
        if body is None:
            return JSONResponse({"error": "a JSON body is required"}, 400)
        action = comment if what == "comments" else mark
        status, message = await to_thread.run_sync(action, engine, user, name, body, clock())
        log.info(
            "review" if status == 200 else "review refused",
            extra={"event": "review." + action.__name__, "room": name, "user": user.username},
        )
        return JSONResponse({"message" if status == 200 else "error": message}, status)

    async def playbook(request: Request) -> Response:
        if await caller(request) is None:
            return JSONResponse({"error": "log in first"}, 401)
        try:
            content = config.playbook.read_bytes()
        except OSError:
            log.error(
                "playbook unreadable",
                extra={"event": "playbook.missing", "path": str(config.playbook)},
            )
            return JSONResponse({"error": "the playbook is not available"}, 503)
        etag = '"' + hashlib.sha256(content).hexdigest() + '"'
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers={"ETag": etag})
        return Response(content, media_type="application/toml", headers={"ETag": etag})

    async def health(_request: Request) -> Response:
        def _ping() -> None:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))

        try:
            await to_thread.run_sync(_ping)
        except Exception as error:  # any database failure means "not healthy"
            log.error(
                "health: database down",
                extra={"event": "health.db_down", "error": type(error).__name__},
            )
            return JSONResponse({"status": "unavailable", "database": "down"}, 503)
        return JSONResponse({"status": "ok", "database": "ok", "rooms": len(rooms.rooms)})

    async def room(websocket: WebSocket) -> None:
        name = websocket.path_params["account_uid"]
        token = _bearer(websocket.headers, websocket.query_params)
        user, permission = None, None
        if token and ROOM_NAME.match(name):
            user, permission = await to_thread.run_sync(authority.room_access, token, name)
        elif token:
            user = await to_thread.run_sync(authority.user_for, token)
        if user is None or token is None:
            log.warning(
                "room refused: no valid token", extra={"event": "room.unauthorised", "room": name}
            )
            await websocket.close(CLOSE_UNAUTHORISED)
            return
        if permission is None:
            log.warning(
                "room refused: no grant",
                extra={"event": "room.forbidden", "room": name, "user": user.username},
            )
            await websocket.close(CLOSE_FORBIDDEN)
            return
        await websocket.accept()
        channel = RoomChannel(
            websocket,
            name,
            can_write=permission == WRITE,
            store=rooms.store(name),
            user=user.username,
        )
        log.info(
            "room joined",
            extra={
                "event": "room.joined",
                "room": name,
                "user": user.username,
                "permission": permission,
            },
        )
        ydoc_room = await rooms.open_room(name)
        channel.doc = ydoc_room.ydoc
        watched = Watched(channel, token, name, user.id, user.username)
        watch.add(watched)
        try:
            await ydoc_room.serve(channel)
        finally:
            watch.discard(watched)
            await rooms.close_room(name)
            log.info("room left", extra={"event": "room.left", "room": name, "user": user.username})

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # No more database threads than pooled connections (server/db.py).
        to_thread.current_default_thread_limiter().total_tokens = DB_CONNECTIONS
        async with rooms, anyio.create_task_group() as background:
            background.start_soon(watch.run)
            log.info("server started", extra={"event": "server.started"})
            yield
            background.cancel_scope.cancel()
        engine.dispose()

    app = Starlette(
        routes=[
            Route("/auth/login", login, methods=["POST"]),
            Route("/auth/refresh", refresh, methods=["POST"]),
            Route("/accounts", accounts, methods=["GET"]),
            Route("/accounts/{account_uid}/grants", grant, methods=["POST"]),
            Route("/accounts/{account_uid}/grants/me", leave_account, methods=["DELETE"]),
            Route("/accounts/{account_uid}/reviews", reviews, methods=["GET"]),
            Route(
                "/accounts/{account_uid}/reviews/{what:str}",
                reviews,
                methods=["POST"],
            ),
            Route("/playbook", playbook, methods=["GET"]),
            Route("/health", health, methods=["GET"]),
            WebSocketRoute("/rooms/{account_uid}", room),
        ],
        lifespan=lifespan,
    )
    app.state.rooms = rooms
    app.state.authority = authority
    return app
