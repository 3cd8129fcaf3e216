"""The data folder is private to the user: 0700 folders, 0600 files, from the first byte and
also for files an older version left readable (desktop/privacy.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.services.encryption import enable_encryption
from desktop.store import backups, crypto
from desktop.store.database import open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows keeps the profile's ACLs")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask():
    old = os.umask(0o022)  # what most desktops use: files 0644, folders 0755
    yield
    os.umask(old)
    crypto.provide_passphrase(None)


def test_a_new_data_folder_and_everything_in_it_is_private(tmp_path):
    folder = tmp_path / "data"
    db = open_database(folder / "callbrief.sqlite3")
    from desktop.services.demo import load_demo

    load_demo(db)
    made = backups.make_backup(db.path, "manual")
    assert mode(folder) == 0o700
    assert mode(folder / "backups") == 0o700
    for path in (db.path, db.path.with_name("callbrief.sqlite3-wal"), made.path):
        assert mode(path) == 0o600, path
    enable_encryption(db, "a long enough passphrase")
    db.close()
    for path in folder.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, path


def test_files_an_older_version_left_readable_are_tightened_on_open(tmp_path):
    folder = tmp_path / "data"
    db = open_database(folder / "callbrief.sqlite3")
    made = backups.make_backup(db.path, "manual")
    db.close()
    (folder / "callbrief.log").write_text("old\n", encoding="utf-8")
    for path in (folder, folder / "backups"):
        os.chmod(path, 0o755)
    for path in (db.path, made.path, folder / "callbrief.log"):
        os.chmod(path, 0o644)
    open_database(db.path).close()
    assert mode(folder) == 0o700 and mode(folder / "backups") == 0o700
    assert mode(db.path) == mode(made.path) == mode(folder / "callbrief.log") == 0o600


def test_what_is_not_callbriefs_in_a_shared_folder_is_left_alone(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    mine = folder / "notes.txt"
    mine.write_text("the rep's own file\n", encoding="utf-8")
    os.chmod(mine, 0o644)
    (folder / "photos").mkdir(mode=0o755)
    open_database(folder / "callbrief.sqlite3").close()
    assert mode(mine) == 0o644 and mode(folder / "photos") == 0o755
    assert mode(folder / "callbrief.sqlite3") == 0o600
