"""Shared fixtures: every test gets its own data directory and SQLite file.

Qt runs offscreen, and the user's real data directory is never touched: ``CALLBRIEF_HOME`` points
at a temporary folder for the whole session and each ``db`` is a fresh file under ``tmp_path``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CALLBRIEF_HOME", str(home))
    monkeypatch.delenv("CALLBRIEF_PLAYBOOK", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "callbrief.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator:
    from desktop.store.database import open_database

    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def services(db):
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services

    return Services.build(db, default_playbook())


@pytest.fixture
def playbook():
    from desktop.domain.playbook import default_playbook

    return default_playbook()
