"""Running the server: logs without secrets, the playbook with an ETag, health, schema, config."""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path

import anyio
import httpx
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from pycrdt import Text
from sqlalchemy import create_engine
from team_helpers import open_room

from server.app import create_app
from server.config import DEFAULT_PLAYBOOK, ConfigError, load_config
from server.db import Base
from server.migrate import upgrade

PASSWORD = "a long secret 42"
ACCOUNT = str(uuid.uuid4())


@pytest.fixture
def ana(admin):
    assert admin("add-user", "ana", password=PASSWORD) == 0
    assert admin("grant", ACCOUNT, "--user", "ana") == 0


def test_the_log_is_json_and_holds_no_password_or_token(ana, team_server, client_ssl):
    base = team_server.base
    wrong = httpx.post(
        f"{base}/auth/login",
        json={"username": "ana", "password": "wrong-" + PASSWORD},
        verify=client_ssl,
    )
    assert wrong.status_code == 401
    pair = httpx.post(
        f"{base}/auth/login", json={"username": "ana", "password": PASSWORD}, verify=client_ssl
    ).json()
    renewed = httpx.post(
        f"{base}/auth/refresh", json={"refresh_token": pair["refresh_token"]}, verify=client_ssl
    ).json()
    token = renewed["access_token"]
    secrets = [PASSWORD, pair["access_token"], pair["refresh_token"], token]
    secrets.append(renewed["refresh_token"])

    async def main() -> None:
        # The token in the query string (which uvicorn logs with the path) and in a header.
        async with httpx.AsyncClient(verify=client_ssl) as client:
            from httpx_ws import aconnect_ws

            async with aconnect_ws(f"{base}/rooms/{ACCOUNT}?token={token}", client):
                pass
        async with open_room(team_server, client_ssl, token, ACCOUNT) as doc:
            doc.get("notes", type=Text).insert(0, "hello")

    anyio.run(main)
    team_server.stop()

    text = "\n".join(team_server.log)
    plain = [line for line in team_server.log if not line.startswith("{")]
    assert not plain, text  # every line is one JSON object (a traceback would show here whole)
    entries = [json.loads(line) for line in team_server.log]
    for secret in secrets:
        assert secret not in text
    events = {entry.get("event") for entry in entries}
    assert {"auth.login", "auth.login_refused", "room.joined", "room.left"} <= events
    assert "token=[redacted]" in text  # uvicorn's own line for that connection, scrubbed
    assert all({"time", "level", "logger", "message"} <= entry.keys() for entry in entries)


def test_the_playbook_is_served_to_logged_in_users_with_an_etag(ana, team_server, client_ssl):
    url = f"{team_server.base}/playbook"
    assert httpx.get(url, verify=client_ssl).status_code == 401
    token = httpx.post(
        f"{team_server.base}/auth/login",
        json={"username": "ana", "password": PASSWORD},
        verify=client_ssl,
    ).json()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    first = httpx.get(url, headers=auth, verify=client_ssl)
    assert first.status_code == 200
    assert first.content == DEFAULT_PLAYBOOK.read_bytes()
    assert first.headers["etag"] == '"' + hashlib.sha256(first.content).hexdigest() + '"'
    unchanged = httpx.get(
        url, headers={**auth, "If-None-Match": first.headers["etag"]}, verify=client_ssl
    )
    assert unchanged.status_code == 304 and unchanged.content == b""


def test_an_organisations_own_playbook_from_the_config(server_config, tmp_path, admin):
    own = tmp_path / "our-playbook.toml"
    own.write_text('[meta]\nname = "ACME way"\n', encoding="utf-8")
    server_config.write_text(
        server_config.read_text() + f'playbook = "{own.name}"\n', encoding="utf-8"
    )
    config = load_config(server_config)
    assert config.playbook == own.resolve()
    admin("add-user", "ana", password=PASSWORD)
    engine = create_engine(config.database_url)
    app = create_app(config, engine)

    async def main() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            login = await client.post("/auth/login", json={"username": "ana", "password": PASSWORD})
            auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
            before = await client.get("/playbook", headers=auth)
            own.write_text('[meta]\nname = "ACME way, 2nd edition"\n', encoding="utf-8")
            after = await client.get(
                "/playbook", headers={**auth, "If-None-Match": before.headers["etag"]}
            )
            return before, after

    before, after = anyio.run(main)
    engine.dispose()
    assert before.text == '[meta]\nname = "ACME way"\n'
    assert after.status_code == 200 and "2nd edition" in after.text  # a new file, a new ETag
    assert after.headers["etag"] != before.headers["etag"]


def test_health_reports_the_database(team_server, client_ssl, server_config, postgres):
    ok = httpx.get(f"{team_server.base}/health", verify=client_ssl)
    assert ok.status_code == 200 and ok.json()["database"] == "ok"

    # The same application with PostgreSQL unreachable says so, with 503 for a load balancer.
    config = load_config(server_config)
    nowhere = config.database_url.replace(str(postgres.port), "1")
    engine = create_engine(nowhere)
    app = create_app(config, engine)

    async def main() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.get("/health")

    down = anyio.run(main)
    engine.dispose()
    assert down.status_code == 503 and down.json()["database"] == "down"


def test_the_migrations_build_exactly_the_models_and_init_can_run_twice(postgres, admin):
    url = postgres.url(postgres.new_database())
    engine = create_engine(url)
    upgrade(engine)
    upgrade(engine)  # a second init changes nothing and does not fail
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def test_bad_configuration_is_named(tmp_path: Path, tls_files):
    path = tmp_path / "server.toml"
    path.write_text('[server]\ndatabase_url = "postgresql+psycopg://x@/y"\nprot = 1\n')
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(path)
    path.write_text(
        f'[server]\ndatabase_url = "postgresql+psycopg://x@/y"\ntls_cert = "{tls_files[0]}"\n'
    )
    with pytest.raises(ConfigError, match="both tls_cert and tls_key"):
        load_config(path)
    with pytest.raises(ConfigError, match="No configuration file"):
        load_config(tmp_path / "missing.toml")


def test_admin_commands_name_what_is_missing(admin, capsys):
    assert admin("add-user", "ana", password=PASSWORD) == 0
    assert admin("grant", ACCOUNT, "--user", "nobody") == 1
    assert "No user named 'nobody'" in capsys.readouterr().err
    assert admin("add-team", "east", "--manager", "ghost") == 1
    assert "No user named 'ghost'" in capsys.readouterr().err
    assert admin("add-territory", "north", "--team", "west") == 1
    assert "No team named 'west'" in capsys.readouterr().err
    # Nothing half-made: the failed team does not exist, so it can be added properly now.
    assert admin("add-team", "east", "--manager", "ana") == 0
