"""``callbrief encrypt`` killed at random moments, then run again: 0 plaintext files left.

The folder holds the demo, several backups and a replaced file. Each run copies it, starts
``encrypt`` in a new process, kills it with SIGKILL somewhere between start-up and the end of
a full conversion, counts the files still plain (``crypto.plaintext_files``: plain databases,
their side files, half-written copies), and runs ``encrypt`` once more. Afterwards nothing in
the folder is plain, no demo name or phone number is readable in any file (log included), the
data is all there, and ``check`` agrees. A folder left half-converted is reported by ``check``.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from reliability_support import ROOT, cli, record, scale
from test_encryption_at_rest import readable_in, secrets_of

from desktop.store import backups, crypto

PASSPHRASE = "tea at the Suzhou plant, 9 o'clock"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """A plain data folder: the demo, 5 backups and a replaced file."""
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database

    folder = tmp_path_factory.mktemp("encrypt-kills") / "data"
    db_path = folder / "callbrief.sqlite3"
    db = open_database(db_path)
    load_demo(db)
    db.close()
    for kind in ("manual", "auto", "auto", "pre-migration-0001"):
        backups.make_backup(db_path, kind)
        time.sleep(0.01)  # distinct names
    saved = backups.make_backup(db_path, "auto")
    backups.restore(saved.path, db_path)  # leaves callbrief.sqlite3.replaced-…
    with (folder / "callbrief.log").open("a", encoding="utf-8") as fh:
        # What an older version could have logged before encryption was turned on.
        fh.write("2026-01-01 09:00:00,000 ERROR callbrief: not saved 王建国 +86 138 0013 8000\n")
    return folder, secrets_of(db_path) | {"王建国", "+86 138 0013 8000"}


@pytest.fixture(scope="module")
def passphrase_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def encrypt_args(folder: Path, passphrase_file: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "desktop",
        "--data-dir",
        str(folder),
        "--passphrase-file",
        str(passphrase_file),
        "encrypt",
    ]


def state_after_kill(db_path: Path) -> str:
    if not crypto.is_marked(db_path):
        return "killed before any change"
    left = crypto.plaintext_files(db_path)
    if db_path in left:
        return "marked, data file still plain"
    if left:
        return "data file encrypted, some copies or leftovers plain"
    return "all encrypted"


def test_a_killed_encrypt_is_finished_by_the_next_one(template, passphrase_file, tmp_path):
    source, secrets = template
    # How long a whole run takes here, so the kills spread over all of it.
    timing = tmp_path / "timing"
    shutil.copytree(source, timing)
    began = time.monotonic()
    done = subprocess.run(encrypt_args(timing, passphrase_file), capture_output=True, cwd=ROOT)
    whole = time.monotonic() - began
    assert done.returncode == 0, done.stderr
    rng = random.Random(13)
    runs = scale(2, 20)
    states: Counter[str] = Counter()
    for run in range(runs):
        folder = tmp_path / f"run{run}"
        shutil.copytree(source, folder)
        child = subprocess.Popen(
            encrypt_args(folder, passphrase_file),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        time.sleep(rng.uniform(0.05, 1.1) * whole)  # start-up, conversion and exit
        child.send_signal(signal.SIGKILL)
        child.wait()
        db_path = folder / "callbrief.sqlite3"
        states[state_after_kill(db_path)] += 1
        again = cli(folder, "--passphrase-file", str(passphrase_file), "encrypt")
        assert again.returncode == 0, again.stderr
        assert crypto.plaintext_files(db_path) == []
        assert readable_in(folder, secrets) == []
        listed = cli(folder, "list", "accounts", env={crypto.ENV_PASSPHRASE: PASSPHRASE})
        assert "苏州恒远精密制造有限公司" in listed.stdout, listed.stderr
        if run % 10 == 0:
            checked = cli(folder, "--passphrase-file", str(passphrase_file), "check", "--full")
            assert checked.returncode == 0, checked.stderr
        shutil.rmtree(folder)
    record(
        "encrypt_kills",
        kills=runs,
        states=dict(states),
        plaintext_after_next_encrypt=0,
        readable_secrets=0,
        run_seconds=round(whole, 2),
    )


def test_check_names_a_plaintext_file_left_in_an_encrypted_folder(
    template, passphrase_file, tmp_path
):
    source, _ = template
    folder = tmp_path / "data"
    shutil.copytree(source, folder)
    plain_backup = next((folder / "backups").glob("manual-*.sqlite3"))
    kept = tmp_path / "plain-copy.sqlite3"
    shutil.copy2(plain_backup, kept)
    assert cli(folder, "--passphrase-file", str(passphrase_file), "encrypt").returncode == 0
    # What a kill between the data file and this backup used to leave for good.
    shutil.copy2(kept, plain_backup)
    (folder / "callbrief.sqlite3.encrypting.part").write_bytes(b"half a copy")
    checked = cli(folder, "--passphrase-file", str(passphrase_file), "check")
    assert checked.returncode == 1
    assert f"{plain_backup} is not encrypted; run 'callbrief encrypt' again" in checked.stderr
    assert "callbrief.sqlite3.encrypting.part is not encrypted" in checked.stderr
    again = cli(folder, "--passphrase-file", str(passphrase_file), "encrypt")
    assert again.returncode == 0 and "already encrypted" in again.stdout
    assert "1 backup(s)" in again.stdout and "Removed 1 leftover" in again.stdout
    assert cli(folder, "--passphrase-file", str(passphrase_file), "check").returncode == 0
    nothing = cli(folder, "--passphrase-file", str(passphrase_file), "encrypt")
    assert nothing.returncode == 0 and "nothing to do" in nothing.stdout
    assert os.stat(plain_backup).st_size > 0
