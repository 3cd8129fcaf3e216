"""Helpers for the team-server tests: the server process, logging in, a laptop's room.

Importable from every test under tests/server (pyproject's pythonpath lists this folder).
"""

from __future__ import annotations

import contextlib
import signal
import socket
import ssl
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import anyio
import httpx
from httpx_ws import aconnect_ws
from pycrdt import Doc, Provider
from pycrdt.websocket.websocket import HttpxWebsocket

PROJECT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60
# A 10,000-person account is about 1.2 MB in one frame; httpx-ws accepts 64 KiB by default.
MAX_FRAME = 64 * 1024 * 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_config(folder: Path, database_url: str, tls: tuple[Path, Path], **extra: object) -> Path:
    lines = [
        "[server]",
        f'database_url = "{database_url}"',
        'host = "127.0.0.1"',
        f"port = {free_port()}",
        f'tls_cert = "{tls[0]}"',
        f'tls_key = "{tls[1]}"',
    ]
    lines += [f"{key} = {value!r}".replace("'", '"') for key, value in extra.items()]
    path = folder / "server.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class ServerProcess:
    """``python -m server serve`` as a child process; its JSON log lines are kept in ``log``."""

    def __init__(self, config: Path, port: int) -> None:
        self.config, self.port = config, port
        self.base = f"https://127.0.0.1:{port}"
        self.log: list[str] = []
        self._process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        ready = threading.Event()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "server", "--config", str(self.config), "serve"],
            cwd=PROJECT,
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )

        def _read(stream: object) -> None:
            for line in stream:  # type: ignore[attr-defined]
                self.log.append(line.rstrip("\n"))
                if "Uvicorn running on" in line:
                    ready.set()
            ready.set()  # the process ended: stop waiting, the check below says why

        self._reader = threading.Thread(target=_read, args=(self._process.stderr,), daemon=True)
        self._reader.start()
        ready.wait(STARTUP_SECONDS)
        if self._process.poll() is not None or not any("Uvicorn running" in s for s in self.log):
            raise RuntimeError("the server did not start:\n" + "\n".join(self.log[-30:]))

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def rss_kib(self) -> int:
        """The server process's resident memory (VmRSS) in KiB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS in /proc status")

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs (power loss, the OOM killer)."""
        assert self._process is not None
        self._process.send_signal(signal.SIGKILL)
        self._process.wait(30)
        self._finish()

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(30)
            self._finish()

    def _finish(self) -> None:
        """Read the last lines and close the pipe (the process has ended)."""
        assert self._process is not None and self._process.stderr is not None
        self._reader.join(30)
        self._process.stderr.close()


def granted_accounts(server: ServerProcess, context: ssl.SSLContext, token: str) -> dict[str, str]:
    """What ``GET /accounts`` tells this user: account uid -> read / write."""
    answer = httpx.get(
        f"{server.base}/accounts", headers={"Authorization": f"Bearer {token}"}, verify=context
    )
    return {a["uid"]: a["permission"] for a in answer.json()["accounts"]}


def login(server: ServerProcess, context: ssl.SSLContext, user: str, password: str) -> str:
    """An access token for ``user`` (POST /auth/login over TLS)."""
    response = httpx.post(
        f"{server.base}/auth/login",
        json={"username": user, "password": password},
        verify=context,
    )
    response.raise_for_status()
    return str(response.json()["access_token"])


@contextlib.asynccontextmanager
async def open_room(
    server: ServerProcess, context: ssl.SSLContext, token: str, room: str, doc: Doc | None = None
) -> AsyncIterator[Doc]:
    """A pycrdt ``Provider`` over a real websocket to the server: the laptop's side of a room."""
    doc = doc if doc is not None else Doc()
    async with httpx.AsyncClient(verify=context) as client:
        async with aconnect_ws(
            f"{server.base}/rooms/{room}",
            client,
            headers={"Authorization": f"Bearer {token}"},
            max_message_size_bytes=MAX_FRAME,
        ) as websocket:
            async with Provider(doc, HttpxWebsocket(websocket, room)) as provider:
                with anyio.fail_after(30):
                    await provider.synced.wait()
                yield doc


async def wait_until(doc: Doc, condition: Callable[[], bool], seconds: float = 20) -> None:
    """Wait (woken by each change to ``doc``, no polling) until ``condition()`` holds."""
    changed = anyio.Event()

    def _on_change(_event: object) -> None:
        # The document cannot be read inside its own transaction: only note that it changed.
        changed.set()

    subscription = doc.observe(_on_change)
    try:
        with anyio.fail_after(seconds):
            while not condition():
                await changed.wait()
                changed = anyio.Event()
    finally:
        doc.unobserve(subscription)
