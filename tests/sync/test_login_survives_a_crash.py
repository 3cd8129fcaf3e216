"""A laptop that dies while the team server answers a token refresh stays logged in.

Refresh tokens work once: the server spends the old one and answers with the next. A
``callbrief sync`` SIGKILLed after the server committed but before the laptop wrote the answer
down (lid closed, power lost) used to leave the folder holding a spent token, and the rep was
told to join the team again (the three-laptop state machine found it in CI).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import httpx
from team_cli import _ca_file, _cli, _join

from desktop.sync.client import TeamConfig, access_token

PROJECT = Path(__file__).resolve().parents[2]

# Refreshes the login in a process of its own that SIGKILLs itself the moment the server's
# answer has arrived, before the laptop has done anything with it.
DIES_ON_THE_ANSWER = """
import os, signal, sys
from pathlib import Path
import httpx
from desktop.sync.client import TeamConfig, access_token

real_post = httpx.post
def post(url, **kwargs):
    response = real_post(url, **kwargs)
    if url.endswith("/auth/refresh") and response.status_code == 200:
        os.kill(os.getpid(), signal.SIGKILL)
    return response
httpx.post = post
folder = Path(sys.argv[1])
access_token(TeamConfig.load(folder), folder)
"""


def _die_on_the_answer(folder: Path) -> None:
    child = subprocess.run(
        [sys.executable, "-c", DIES_ON_THE_ANSWER, str(folder)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]


def test_a_sync_killed_while_the_server_answers_a_refresh_keeps_the_login(
    admin, team_server, ca, tmp_path, capsys
):
    assert admin("add-user", "ana", password="ana-secret-1") == 0
    folder = tmp_path / "laptop-a"
    _join(folder, team_server, _ca_file(ca, tmp_path), "ana", "ana-secret-1", tmp_path)
    spent = json.loads((folder / "team.json").read_text())["refresh_token"]

    _die_on_the_answer(folder)  # the server has spent the token the folder holds
    capsys.readouterr()
    assert _cli(folder, "sync", "--once") == 0  # no "join the team again"
    assert "join" not in capsys.readouterr().err

    # Twice in a row, too: the proposal written down before the second try is the login.
    _die_on_the_answer(folder)
    _die_on_the_answer(folder)
    assert access_token(TeamConfig.load(folder), folder)
    assert access_token(TeamConfig.load(folder), folder)
    stored = json.loads((folder / "team.json").read_text())
    assert stored["next_refresh_token"] is None  # a finished refresh leaves nothing pending

    # Rotation still means a copied old token is worthless.
    config = TeamConfig.load(folder)
    answer = httpx.post(
        f"{config.url}/auth/refresh", json={"refresh_token": spent}, verify=config.verify()
    )
    assert answer.status_code == 401
