"""Every reader of a file the rep names, given what is not a file or has no end.

Readers: ``import contacts`` (CSV and vCard), ``import bundle``, ``--playbook`` and
``--passphrase-file``. Inputs: a pipe nobody writes to, /dev/zero, /dev/urandom, a folder, a
file one byte over the reader's limit (sparse, so it costs no disk) and, for contacts, a 2.3 MB
CSV with 200,000 columns. A pass: exit status 1 within the time a refusal takes, one plain
line on stderr (no "internal error", no traceback, no "--- Logging error ---"), and the data
file exactly as before. The pipe runs in a child process with a timeout, because on failure
it hangs; the rest run in-process through ``cli.main``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_support import ROOT, record

from desktop import cli
from desktop.domain.playbook import MAX_PLAYBOOK_BYTES
from desktop.services import bundle_import, contact_formats
from desktop.store import crypto

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pipes and devices are POSIX's")

LIMITS = {
    "contacts": contact_formats.MAX_BYTES,
    "bundle": bundle_import.MAX_BYTES,
    "playbook": MAX_PLAYBOOK_BYTES,
    "passphrase": 4096,
}
KINDS = ("pipe", "/dev/zero", "/dev/urandom", "folder", "over the limit")


def command(reader: str, path: Path) -> list[str]:
    return {
        "contacts": ["import", "contacts", str(path), "--account", "1"],
        "bundle": ["import", "bundle", str(path)],
        "playbook": ["--playbook", str(path), "list", "accounts"],
        "passphrase": ["--passphrase-file", str(path), "list", "accounts"],
    }[reader]


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database

    folder = tmp_path_factory.mktemp("inputs") / "data"
    db = open_database(folder / "callbrief.sqlite3")
    load_demo(db)
    db.close()
    return folder


def digest(folder: Path) -> str:
    con = sqlite3.connect(folder / "callbrief.sqlite3")
    try:
        rows = [tuple(r) for r in con.execute("SELECT * FROM contacts ORDER BY id")]
        rows += [tuple(r) for r in con.execute("SELECT * FROM accounts ORDER BY id")]
    finally:
        con.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@contextlib.contextmanager
def own_logging():
    """cli.main adds a log handler per run; take it off again after each one."""
    before = list(logging.getLogger().handlers)
    try:
        yield
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in before:
                logging.getLogger().removeHandler(handler)
                handler.close()
        crypto.provide_passphrase(None)


def run_in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, float]:
    began = time.monotonic()
    with own_logging():
        try:
            code = cli.main(args)
        except SystemExit as exc:  # argparse's usage errors
            code = int(exc.code or 0)
    return code, capsys.readouterr().err, time.monotonic() - began


def assert_plain_refusal(code: int, err: str) -> None:
    assert code == 1, err
    assert err.startswith("callbrief: "), err
    for bad in ("internal error", "Traceback", "Logging error"):
        assert bad not in err, err


def make_input(kind: str, reader: str, where: Path) -> Path:
    if kind in ("/dev/zero", "/dev/urandom"):
        return Path(kind)
    if kind == "folder":
        where.mkdir()
        return where
    if kind == "pipe":
        os.mkfifo(where)
        return where
    with where.open("wb") as fh:  # sparse: no disk space used
        fh.truncate(LIMITS[reader] + 1)
    return where


@pytest.mark.parametrize("reader", sorted(LIMITS))
@pytest.mark.parametrize("kind", [k for k in KINDS if k != "pipe"])
def test_a_reader_refuses_what_is_not_a_bounded_file(reader, kind, demo_folder, tmp_path, capsys):
    path = make_input(kind, reader, tmp_path / "input")
    before = digest(demo_folder)
    code, err, seconds = run_in_process(
        ["--data-dir", str(demo_folder), *command(reader, path)], capsys
    )
    assert_plain_refusal(code, err)
    assert digest(demo_folder) == before
    record("untrusted_input", reader=reader, kind=kind, seconds=round(seconds, 2), refused=1)


@pytest.mark.parametrize("reader", sorted(LIMITS))
def test_a_reader_given_a_pipe_refuses_it_instead_of_waiting(reader, demo_folder, tmp_path):
    pipe = make_input("pipe", reader, tmp_path / "pipe")
    began = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(demo_folder)]
            + command(reader, pipe),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{reader}: still waiting for the pipe after 60 s")
    assert_plain_refusal(done.returncode, done.stderr)
    assert "pipe" in done.stderr
    record(
        "untrusted_input",
        reader=reader,
        kind="pipe",
        seconds=round(time.monotonic() - began, 2),
        refused=1,
    )


def test_a_csv_with_200k_columns_is_refused_not_read(demo_folder, tmp_path, capsys):
    wide = tmp_path / "wide.csv"
    header = ",".join(f"c{i}" for i in range(200_000))
    wide.write_text(header + "\n" + header + "\n")
    assert wide.stat().st_size > 2_000_000
    code, err, seconds = run_in_process(
        ["--data-dir", str(demo_folder), *command("contacts", wide)], capsys
    )
    assert_plain_refusal(code, err)
    assert "columns" in err
    record("untrusted_input", reader="contacts", kind="200k columns", seconds=round(seconds, 2))
