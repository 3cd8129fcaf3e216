"""Fixtures for the team server: a real PostgreSQL, the real server process, real clients.

PostgreSQL is Debian's package, started as a throwaway cluster in a temporary folder (as the
``postgres`` system user when the tests run as root, since PostgreSQL refuses to run as root),
listening on a free port of 127.0.0.1 with its socket in that folder. Each test gets its own
database, copied from a template that the server's Alembic migrations built once per session.
The server runs as ``python -m server serve`` with TLS from a local CA made by ``trustme``.
"""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

import psycopg
import pytest
import trustme
from public_tmp import public_temp_dir
from sqlalchemy import create_engine
from team_helpers import ServerProcess, free_port, write_config

from server.cli import main as server_cli
from server.migrate import upgrade

PROJECT = Path(__file__).resolve().parents[2]
PG_ROOTS = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
STARTUP_SECONDS = 60


@dataclass
class Postgres:
    """A running throwaway cluster; ``url(db)`` is an SQLAlchemy URL for one database."""

    port: int
    folder: Path
    _names: Iterator[int] = field(default_factory=lambda: count(1))

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        )

    def new_database(self, template: str = "template1") -> str:
        name = f"t{os.getpid()}_{next(self._names)}"
        with self.admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name


def _as_postgres(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; as any other user (a developer, the fresh-root newcomer)
    # it runs as that user.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    if not PG_ROOTS:
        pytest.fail("PostgreSQL is not installed: apt-get install -y postgresql (make test does)")
    bin_dir = PG_ROOTS[-1].parent
    folder = public_temp_dir("callbrief-pg-")  # postgres must reach it
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    subprocess.run(
        _as_postgres(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    subprocess.run(
        _as_postgres(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "log"),
                "-o",
                options,
                "-w",
                "-t",
                str(STARTUP_SECONDS),
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    cluster = Postgres(port, folder)
    try:
        with cluster.admin() as connection:
            connection.execute('CREATE DATABASE "callbrief_template"')
        engine = create_engine(cluster.url("callbrief_template"))
        upgrade(engine)
        engine.dispose()
        yield cluster
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def database_url(postgres: Postgres) -> str:
    """A fresh database with the server schema, for this test only."""
    return postgres.url(postgres.new_database("callbrief_template"))


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def tls_files(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert.private_key_pem.write_to_path(str(key_path))
    cert.cert_chain_pems[0].write_to_path(str(cert_path))
    for extra in cert.cert_chain_pems[1:]:
        with cert_path.open("ab") as handle:
            handle.write(extra.bytes())
    return cert_path, key_path


@pytest.fixture(scope="session")
def client_ssl(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@pytest.fixture
def server_config(tmp_path: Path, database_url: str, tls_files: tuple[Path, Path]) -> Path:
    return write_config(tmp_path, database_url, tls_files)


@pytest.fixture
def admin(server_config: Path, tmp_path: Path) -> Callable[..., int]:
    """Runs ``callbrief-server --config ... ARGS``; ``password=`` goes through a file."""

    def run(*args: str, password: str | None = None) -> int:
        extra: list[str] = []
        if password is not None:
            secret = tmp_path / f"password-{args[-1]}"
            secret.write_text(password + "\n", encoding="utf-8")
            extra = ["--password-file", str(secret)]
        return server_cli(["--config", str(server_config), *args, *extra])

    return run


@pytest.fixture
def team_server(server_config: Path) -> Iterator[ServerProcess]:
    import tomllib

    port = tomllib.loads(server_config.read_text())["server"]["port"]
    process = ServerProcess(server_config, port)
    process.start()
    try:
        yield process
    finally:
        process.stop()
