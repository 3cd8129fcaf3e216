"""The organisation's playbook, published by the real team server, reaches a laptop's next start.

The server's config points at the organisation's own playbook file (the bundled one with the
"Prepare" step renamed); a laptop joins and runs ``callbrief sync --once``; what
``desktop.app.load_playbook`` reads for that data folder (what the next start uses) is then the
organisation's. An unchanged playbook is answered 304 and nothing is rewritten; a broken one is
refused, the previous copy kept and the rep told in ``team status``; a server that cannot serve
its playbook, or no server at all, never stops the sync or the start. The window says a new
playbook is kept for its next start.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

import pytest
from laptops import close_window, open_laptop, open_window, small_account
from team_cli import _ca_file, _cli, _join, _status

from desktop.app import Options, load_playbook
from desktop.domain.playbook import PlaybookError, default_playbook_path
from desktop.domain.playbook import load_playbook as read_playbook

PREPARE = 'label = { en = "Prepare", zh = "准备" }'


def _edition(name: str) -> str:
    """The bundled playbook with the "Prepare" step renamed for ``name``."""
    text = default_playbook_path().read_text(encoding="utf-8")
    assert PREPARE in text
    return text.replace(PREPARE, f'label = {{ en = "Prepare ({name})", zh = "准备（{name}）" }}')


@pytest.fixture
def organisation(server_config, tmp_path, request, monkeypatch):
    """The real server publishing ``org-playbook.toml`` (config key ``playbook``); (server,
    the organisation's file)."""
    monkeypatch.delenv("CALLBRIEF_PLAYBOOK", raising=False)
    own = tmp_path / "org-playbook.toml"
    own.write_text(_edition("ACME"), encoding="utf-8")
    server_config.write_text(
        server_config.read_text(encoding="utf-8") + f'playbook = "{own.name}"\n', encoding="utf-8"
    )
    return request.getfixturevalue("team_server"), own


@pytest.fixture
def laptop(organisation, admin, ca, tmp_path):
    """ana's data folder, joined to the organisation's server (not synced yet)."""
    server, _own = organisation
    assert admin("add-user", "ana", password="ana-secret-1") == 0
    folder = tmp_path / "laptop-ana"
    open_laptop(folder).close()
    _join(folder, server, _ca_file(ca, tmp_path), "ana", "ana-secret-1", tmp_path)
    return folder


def _prepare(folder: Path, lang: str = "en", **options: str) -> str:
    """The "Prepare" step's label in the playbook a start in ``folder`` uses."""
    return load_playbook(Options(data_dir=str(folder), **options)).label(
        "visit_steps", "prepare", lang
    )


def _sync(folder: Path, capsys) -> str:
    capsys.readouterr()
    assert _cli(folder, "sync", "--once") == 0
    return capsys.readouterr().out


def _etag(path: Path) -> str:
    return '"' + hashlib.sha256(path.read_bytes()).hexdigest() + '"'


def _kept(folder: Path) -> Path:
    return folder / "team-playbook.toml"


def test_a_laptop_that_syncs_gets_the_organisations_playbook(
    organisation, laptop, capsys, monkeypatch
):
    _server, own = organisation
    assert _prepare(laptop) == "Prepare"  # joined, never synced: the bundled playbook
    assert _status(laptop, capsys)["playbook"]["source"] == "bundled"

    said = _sync(laptop, capsys)
    assert "The team's playbook was updated" in said
    assert _kept(laptop).read_bytes() == own.read_bytes()
    assert _prepare(laptop) == "Prepare (ACME)"
    assert _prepare(laptop, "zh") == "准备（ACME）"
    playbook = _status(laptop, capsys)["playbook"]
    assert playbook["source"] == "team" and playbook["etag"] == _etag(own)
    assert playbook["file"] == str(_kept(laptop)) and playbook["refused"] is None

    # A second edition of the same size (the parse cache is keyed by path, size and time).
    own.write_text(_edition("BXYZ"), encoding="utf-8")
    assert "The team's playbook was updated" in _sync(laptop, capsys)
    assert _prepare(laptop) == "Prepare (BXYZ)"
    assert _status(laptop, capsys)["playbook"]["etag"] == _etag(own)

    # A file named on the command line, then one configured, still come first.
    assert _prepare(laptop, playbook=str(default_playbook_path())) == "Prepare"
    monkeypatch.setenv("CALLBRIEF_PLAYBOOK", str(default_playbook_path()))
    assert _prepare(laptop) == "Prepare"
    assert _status(laptop, capsys)["playbook"]["source"] == "configured"


def test_an_unchanged_playbook_gets_a_304_and_nothing_is_rewritten(organisation, laptop, capsys):
    server, _own = organisation
    _sync(laptop, capsys)
    state = laptop / "team-playbook.json"
    before = {path: path.stat().st_mtime_ns for path in (_kept(laptop), state)}
    time.sleep(0.05)  # a rewrite would show in the modification times

    said = _sync(laptop, capsys)
    assert "playbook" not in said
    assert {path: path.stat().st_mtime_ns for path in before} == before
    assert _prepare(laptop) == "Prepare (ACME)"
    answers = [line for line in server.log if "GET /playbook" in line]
    assert len(answers) == 2
    assert re.search(r"\b200\b", answers[0]) and re.search(r"\b304\b", answers[1])


def test_a_broken_playbook_is_refused_and_the_previous_one_kept(organisation, laptop, capsys):
    _server, own = organisation
    _sync(laptop, capsys)
    good = _kept(laptop).read_bytes()
    good_etag = _etag(own)
    kept_at = _kept(laptop).stat().st_mtime_ns

    own.write_text(_edition("Broken").replace("[[visit_steps]]", "[[visit_stepz]]"), "utf-8")
    with pytest.raises(PlaybookError):
        read_playbook(own)  # the loader refuses the organisation's new file
    said = _sync(laptop, capsys)  # the sync itself goes on
    assert "The team's playbook was refused" in said
    assert _kept(laptop).read_bytes() == good
    assert _kept(laptop).stat().st_mtime_ns == kept_at
    assert _prepare(laptop) == "Prepare (ACME)"
    playbook = _status(laptop, capsys)["playbook"]
    assert playbook["source"] == "team" and playbook["etag"] == good_etag
    assert playbook["refused"] and "visit_steps" in playbook["refused"]
    # The same broken file is not fetched and refused again each round; the rep stays told.
    assert "playbook" not in _sync(laptop, capsys)
    assert _status(laptop, capsys)["playbook"]["refused"] == playbook["refused"]

    # A kept copy damaged on this disk never stops a start: the bundled playbook is used.
    _kept(laptop).write_text("[meta\n", encoding="utf-8")
    assert _prepare(laptop) == "Prepare"
    assert _status(laptop, capsys)["playbook"]["source"] == "bundled"

    # The organisation fixes its file: the next sync takes it, nothing is refused any more.
    own.write_text(_edition("Fixed"), encoding="utf-8")
    assert "The team's playbook was updated" in _sync(laptop, capsys)
    assert _prepare(laptop) == "Prepare (Fixed)"
    playbook = _status(laptop, capsys)["playbook"]
    assert playbook["source"] == "team" and playbook["refused"] is None


def test_no_playbook_or_no_server_never_stops_the_sync_or_the_start(
    organisation, laptop, admin, ca, tmp_path, capsys
):
    server, own = organisation
    assert admin("add-user", "bo", password="bo-secret-22") == 0
    folder_b = tmp_path / "laptop-bo"
    bo = open_laptop(folder_b)
    account_id, _people = small_account(bo)
    bo.close()
    _join(folder_b, server, _ca_file(ca, tmp_path), "bo", "bo-secret-22", tmp_path)
    _sync(laptop, capsys)
    assert _prepare(laptop) == "Prepare (ACME)"

    # The server cannot read its playbook (503): ana's round still receives the account.
    own.unlink()
    assert _cli(folder_b, "team", "share", "--account", str(account_id), "--with", "ana") == 0
    _sync(folder_b, capsys)
    assert "Synced 1 account: 1 updated from the team" in _sync(laptop, capsys)
    assert _prepare(laptop) == "Prepare (ACME)"
    assert _status(laptop, capsys)["playbook"]["source"] == "team"

    # No server at all: the round says offline as before; the next start still has the
    # organisation's playbook.
    server.stop()
    capsys.readouterr()
    assert _cli(laptop, "sync", "--once") == 1
    status = _status(laptop, capsys)
    assert status["state"] == "offline"
    assert status["playbook"]["source"] == "team"
    assert _prepare(laptop) == "Prepare (ACME)"


def test_the_window_says_a_new_playbook_is_used_from_the_next_start(qtbot, organisation, laptop):
    services, window = open_window(qtbot, laptop, "en")
    try:
        qtbot.waitUntil(lambda: "playbook" in window.statusBar().currentMessage(), timeout=30_000)
        said = window.statusBar().currentMessage()
        assert said == "The team's playbook was updated; restart Callbrief to use it."
        qtbot.waitUntil(lambda: said in window.sync_status.button.toolTip(), timeout=10_000)
    finally:
        close_window(qtbot, services, window)
    assert _prepare(laptop) == "Prepare (ACME)"  # the next start
