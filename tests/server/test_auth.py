"""Logging in to the team server: Argon2 passwords, 15-minute access tokens, one-use refresh.

The application runs in-process on a real PostgreSQL database, with a clock the test moves
forward instead of waiting a quarter of an hour.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import anyio
import httpx
import pytest
from sqlalchemy import create_engine, text

from server.app import create_app
from server.cli import main as server_cli
from server.config import load_config


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def call(server_config, clock):
    """``call(method, path, token=None, json=None)`` against the app, in-process."""
    config = load_config(server_config)
    engine = create_engine(config.database_url)
    app = create_app(config, engine, clock=clock)

    def _call(method: str, path: str, token: str | None = None, json: object = None):
        async def go() -> httpx.Response:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                return await client.request(method, path, headers=headers, json=json)

        return anyio.run(go)

    yield _call
    engine.dispose()


def test_login_gives_tokens_only_for_the_right_password(admin, call, database_url):
    assert admin("add-user", "ana", password="correct horse 1") == 0

    good = call("POST", "/auth/login", json={"username": "ana", "password": "correct horse 1"})
    assert good.status_code == 200
    body = good.json()
    assert body["expires_in"] == 15 * 60
    assert body["access_token"] != body["refresh_token"]

    wrong = call("POST", "/auth/login", json={"username": "ana", "password": "correct horse 2"})
    nobody = call("POST", "/auth/login", json={"username": "bo", "password": "correct horse 1"})
    assert (wrong.status_code, nobody.status_code) == (401, 401)
    assert wrong.json() == nobody.json()  # the answer does not tell which names exist

    # Stored: an Argon2id hash and token digests, never the password or a token itself.
    engine = create_engine(database_url)
    with engine.connect() as connection:
        stored_hash = connection.execute(text("SELECT password_hash FROM users")).scalar_one()
        digests = connection.execute(text("SELECT digest FROM tokens")).scalars().all()
    engine.dispose()
    assert stored_hash.startswith("$argon2id$")
    assert "correct horse 1" not in stored_hash
    assert len(digests) == 2
    assert body["access_token"] not in digests and body["refresh_token"] not in digests


def test_access_expires_after_15_minutes_and_refresh_works_once(admin, call, clock):
    admin("add-user", "ana", password="correct horse 1")
    pair = call("POST", "/auth/login", json={"username": "ana", "password": "correct horse 1"})
    access, refresh = pair.json()["access_token"], pair.json()["refresh_token"]
    assert call("GET", "/accounts", token=access).status_code == 200

    clock.now += timedelta(minutes=14)
    assert call("GET", "/accounts", token=access).status_code == 200
    clock.now += timedelta(minutes=2)
    assert call("GET", "/accounts", token=access).status_code == 401

    renewed = call("POST", "/auth/refresh", json={"refresh_token": refresh})
    assert renewed.status_code == 200
    assert call("GET", "/accounts", token=renewed.json()["access_token"]).status_code == 200
    # A refresh token is spent once used: a copy of it in a thief's hands gets nothing.
    again = call("POST", "/auth/refresh", json={"refresh_token": refresh})
    assert again.status_code == 401

    clock.now += timedelta(days=31)
    late = call("POST", "/auth/refresh", json={"refresh_token": renewed.json()["refresh_token"]})
    assert late.status_code == 401


def test_garbage_tokens_and_bodies_are_refused(admin, call):
    admin("add-user", "ana", password="correct horse 1")
    assert call("GET", "/accounts").status_code == 401
    assert call("GET", "/accounts", token="not-a-token").status_code == 401
    assert call("POST", "/auth/refresh", json={"refresh_token": "forged"}).status_code == 401
    assert call("POST", "/auth/login", json=["ana"]).status_code == 400


def test_add_user_reads_the_password_from_stdin_never_from_argv(
    admin, call, server_config, monkeypatch
):
    monkeypatch.setattr("sys.stdin", io.StringIO("from stdin 123\n"))
    assert server_cli(["--config", str(server_config), "add-user", "ana"]) == 0
    ok = call("POST", "/auth/login", json={"username": "ana", "password": "from stdin 123"})
    assert ok.status_code == 200

    with pytest.raises(SystemExit):  # there is no option to pass a password on the command line
        server_cli(["--config", str(server_config), "add-user", "bo", "--password", "x"])

    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert server_cli(["--config", str(server_config), "add-user", "cy"]) == 1
    assert admin("add-user", "ana", password="another one 1") == 1  # the name is taken


def test_a_proposed_refresh_token_becomes_the_next_one_only_if_strong_and_new(admin, call):
    """A laptop writes the token it wants next to disk before asking, so a crash between our
    answer and its save cannot lock it out; the proposal must be as strong as our own tokens
    and not one that already exists."""
    admin("add-user", "ana", password="correct horse 1")
    pair = call("POST", "/auth/login", json={"username": "ana", "password": "correct horse 1"})
    refresh = pair.json()["refresh_token"]
    weak = call("POST", "/auth/refresh", json={"refresh_token": refresh, "next_refresh_token": "x"})
    assert weak.status_code == 400 and "43 to 128" in weak.json()["error"]
    taken = {"refresh_token": refresh, "next_refresh_token": refresh}  # already a token
    assert call("POST", "/auth/refresh", json=taken).status_code == 401

    proposed = "p" * 43
    body = {"refresh_token": refresh, "next_refresh_token": proposed}
    renewed = call("POST", "/auth/refresh", json=body)  # the refused tries left it unspent
    assert renewed.status_code == 200 and renewed.json()["refresh_token"] == proposed
    assert call("POST", "/auth/refresh", json={"refresh_token": refresh}).status_code == 401
    assert call("POST", "/auth/refresh", json={"refresh_token": proposed}).status_code == 200


def test_a_laptop_refreshing_every_round_for_a_day_leaves_the_token_table_small(
    admin, call, clock, database_url
):
    """A laptop refreshes its login every sync round (every 30 s and after each save). The
    tokens it spent used to stay in the table for the refresh lifetime, 30 days, until the next
    login swept them: a team's table grew by millions of rows a day."""
    admin("add-user", "ana", password="correct horse 1")
    pair = call("POST", "/auth/login", json={"username": "ana", "password": "correct horse 1"})
    refresh = pair.json()["refresh_token"]
    for _round in range(200):  # a working day of rounds, 3 minutes apart
        clock.now += timedelta(minutes=3)
        renewed = call("POST", "/auth/refresh", json={"refresh_token": refresh})
        assert renewed.status_code == 200
        refresh = renewed.json()["refresh_token"]
    engine = create_engine(database_url)
    with engine.connect() as connection:
        kinds = connection.execute(text("SELECT kind, count(*) FROM tokens GROUP BY kind")).all()
    engine.dispose()
    # One refresh token, and the access tokens of the last 15 minutes (5 rounds, 6 with the
    # one that expires this very minute).
    assert dict(kinds)["refresh"] == 1
    assert dict(kinds)["access"] <= 6
    assert call("GET", "/accounts", token=renewed.json()["access_token"]).status_code == 200
