"""A throwaway team server for the benchmarks: a PostgreSQL cluster and ``python -m server``.

The same set-up as the server tests (tests/server/conftest.py): Debian's PostgreSQL started as
its own system user when we are root (it refuses to run as root), fsync on, TLS from a local CA
made by ``trustme``. Everything lives in one temporary folder, removed at the end.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import trustme

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench password 1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@dataclass
class TeamEnv:
    folder: Path
    database_url: str
    base: str  # https://127.0.0.1:PORT
    ca_file: Path
    server_pid: int

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user + system)."""
        fields = Path(f"/proc/{self.server_pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.server_pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def server_cpu(self) -> float:
        """The server process's CPU time so far (user + system, all its threads), in seconds."""
        fields = Path(f"/proc/{self.server_pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _public_folder() -> Path:
    # postgres must be able to walk to its data folder: not under a private /tmp.
    for base in (tempfile.gettempdir(), "/var/tmp", "/dev/shm"):
        path = Path(base)
        if all(p.stat().st_mode & 0o001 for p in [path, *path.resolve().parents]):
            folder = Path(tempfile.mkdtemp(prefix="callbrief-bench-team-", dir=base))
            folder.chmod(0o755)
            return folder
    raise RuntimeError("no temporary folder the postgres user can reach")


@contextlib.contextmanager
def team_server(users: tuple[str, ...], extra_config: str = "") -> Iterator[TeamEnv]:
    """A running server with ``users`` (password ``PASSWORD``); stopped and removed after.
    ``extra_config``: more ``[server]`` settings, one ``key = value`` per line."""
    initdb = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not initdb:
        raise SystemExit("bench_team needs PostgreSQL: apt-get install -y postgresql")
    bin_dir = initdb[-1].parent
    folder = _public_folder()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, pg_port = folder / "data", _free_port()
    quiet = {"check": True, "capture_output": True}
    subprocess.run(
        _as_postgres(
            [str(initdb[-1]), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"]
        ),
        **quiet,
    )
    options = f"-p {pg_port} -k {folder} -c listen_addresses=127.0.0.1"
    pg_ctl = str(bin_dir / "pg_ctl")
    subprocess.run(
        _as_postgres([pg_ctl, "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w"])
        + ["start"],
        **quiet,
    )
    server: subprocess.Popen[bytes] | None = None
    own = Path(tempfile.mkdtemp(prefix="callbrief-bench-tls-"))
    try:
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-c"]
            + ["CREATE DATABASE callbrief"],
            **quiet,
        )
        url = f"postgresql+psycopg://postgres@127.0.0.1:{pg_port}/callbrief"
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        cert.private_key_pem.write_to_path(str(own / "server.key"))
        cert.cert_chain_pems[0].write_to_path(str(own / "server.pem"))
        ca.cert_pem.write_to_path(str(own / "ca.pem"))
        port = _free_port()
        config = own / "server.toml"
        config.write_text(
            f'[server]\ndatabase_url = "{url}"\nport = {port}\n'
            f'tls_cert = "{own / "server.pem"}"\ntls_key = "{own / "server.key"}"\n'
            'log_level = "WARNING"\n' + extra_config,
            encoding="utf-8",
        )
        from server.cli import main as admin

        secret = own / "password"
        secret.write_text(PASSWORD + "\n", encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):  # "User ana added." is not a figure
            assert admin(["--config", str(config), "init"]) == 0
            for user in users:
                add = ["add-user", user, "--password-file", str(secret)]
                assert admin(["--config", str(config), *add]) == 0
        server = subprocess.Popen(
            [sys.executable, "-m", "server", "--config", str(config), "serve"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"https://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:  # ready when /health answers (the log is at WARNING: no "running" line)
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the team server did not start")
            try:
                if httpx.get(f"{base}/health", verify=str(own / "ca.pem")).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield TeamEnv(folder, url, base, own / "ca.pem", server.pid)
    finally:
        if server is not None:
            server.terminate()
            server.wait(30)
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(own, ignore_errors=True)
