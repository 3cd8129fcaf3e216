"""Two commands at once on one data folder: nothing acknowledged is lost, nothing unreadable.

A writer (``import bundle`` of a new account) races each partner — ``restore``, ``encrypt``,
``backup`` and a second ``import`` — started 0–1.5 s after it, so the partner lands before the
writer opens the file, while it writes and after it. Each may do its work or refuse plainly;
afterwards the data file must pass its full check (with the passphrase once encrypted), every
acknowledged import must be in it — or, after a successful restore, in the copy the restore
kept aside, and acknowledged before that copy was moved aside (an acknowledgement after the
move means the commit went into the moved file: a lost write) — and no temporary file may be
left. CI runs 3 races per pair; the long run 50.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from disk_support import strays
from lost_work_support import (
    ENV_KEY,
    PASSPHRASE,
    bundle_for,
    make_template,
    plain_words,
    state,
)
from reliability_support import ROOT, cli, record, scale

from desktop.store import connect

RACES = scale(3, 50)
PARTNERS = ("restore", "encrypt", "backup", "import")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("races"))


def start(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


def replaced_copies(data: Path) -> list[Path]:
    return sorted(p for p in data.glob("callbrief.sqlite3.replaced-*") if "-wal" not in p.name)


def accounts_in(path: Path) -> list[str]:
    key = PASSPHRASE if not connect.looks_plain(path) else None
    con = connect.reader(path, key)
    try:
        return [r[0] for r in con.execute("SELECT name FROM accounts")]
    finally:
        con.close()


def race(data: Path, inputs: Path, partner: str, n: int, rng: random.Random) -> dict[str, object]:
    """One race; what happened, and what went wrong (an empty ``problems`` is a pass)."""
    name = f"Race {partner} {n} 竞争"
    bundle = bundle_for(inputs / "demo.json", data.parent / f"writer-{n}.json", name)
    partner_args = {
        "restore": ["restore", str(inputs / "restore-me.sqlite3")],
        "encrypt": ["encrypt"],
        "backup": ["backup"],
        "import": ["import", "bundle"],
    }[partner]
    other = None
    if partner == "import":
        other = f"Race other {n} 对手"
        partner_args.append(str(bundle_for(inputs / "demo.json", data.parent / "o.json", other)))
    writer = start(data, "import", "bundle", str(bundle), env={"PYTHONUNBUFFERED": "1"})
    acked_at: list[float] = []  # when the writer's "Imported …" line arrived
    lines: list[str] = []

    def watch() -> None:
        assert writer.stdout is not None
        for line in writer.stdout:
            lines.append(line)
            if line.startswith("Imported"):
                acked_at.append(time.monotonic())

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    time.sleep(rng.uniform(0, 1.5))
    second = start(data, *partner_args, env=ENV_KEY)
    moved_at: float | None = None  # when the restore moved the file aside
    while writer.poll() is None or second.poll() is None:
        if moved_at is None and replaced_copies(data):
            moved_at = time.monotonic()
        time.sleep(0.002)
    if moved_at is None and replaced_copies(data):
        moved_at = time.monotonic()
    watcher.join(10)
    _, w_err = writer.communicate()  # the watcher has read stdout to its end
    w_out = "".join(lines)
    p_out, p_err = second.communicate()
    problems: list[str] = []
    for who, code, err in (
        ("writer", writer.returncode, w_err),
        (partner, second.returncode, p_err),
    ):
        if code not in (0, 1) or not plain_words(err):
            problems.append(f"{who}: exit {code}: {err!r}")
    status, live, _ = state(data)
    if status != "ok":
        problems.append(f"data file afterwards: {status}")
    lost = kept_aside = 0
    acknowledged = [(name, writer.returncode == 0 and "Imported" in w_out)]
    if other is not None:
        acknowledged.append((other, second.returncode == 0 and "Imported" in p_out))
    for account, acked in acknowledged:
        if not acked or account in live:
            continue
        # Kept aside by the restore: fine only if acknowledged before the file was moved
        # (the rep restored over it); acknowledged afterwards, it went into a moved file.
        safe = (
            partner == "restore"
            and account == name
            and moved_at is not None
            and bool(acked_at)
            and acked_at[0] < moved_at
            and any(account in accounts_in(p) for p in replaced_copies(data))
        )
        kept_aside += int(safe)
        if not safe:
            lost += 1
            problems.append(f"acknowledged import of {account!r} lost")
    left = strays(data)
    if left:
        problems.append(f"left {left}")
    return {
        "writer": "done" if writer.returncode == 0 else "refused",
        "partner": "done" if second.returncode == 0 else "refused",
        "lost": lost,
        "kept_aside": kept_aside,
        "unreadable": int(status != "ok"),
        "problems": problems,
    }


@pytest.mark.parametrize("partner", PARTNERS)
def test_a_writer_racing_another_command_loses_nothing(template, tmp_path, partner):
    data_template, inputs = template
    rng = random.Random(f"race-{partner}")
    outcomes: Counter[str] = Counter()
    lost = unreadable = kept_aside = 0
    problems: list[str] = []
    for n in range(RACES):
        data = tmp_path / f"run-{n}" / "data"
        shutil.copytree(data_template, data)
        found = race(data, inputs, partner, n, rng)
        outcomes[f"writer {found['writer']}, {partner} {found['partner']}"] += 1
        lost += int(found["lost"])  # type: ignore[call-overload]
        unreadable += int(found["unreadable"])  # type: ignore[call-overload]
        kept_aside += int(found["kept_aside"])  # type: ignore[call-overload]
        problems += [f"race {n}: {p}" for p in found["problems"]]  # type: ignore[attr-defined]
        shutil.rmtree(data.parent)
    record(
        "command_race",
        partner=partner,
        races=RACES,
        outcomes=dict(outcomes),
        lost=lost,
        unreadable=unreadable,
        kept_aside=kept_aside,
    )
    assert not problems, "\n".join(problems)


def test_restore_and_encrypt_refuse_while_the_window_has_the_folder(demo_db, tmp_path):
    from desktop.services import folder_claim

    data = demo_db.parent
    before = demo_db.read_bytes()
    copy = tmp_path / "copy.sqlite3"
    assert cli(data, "backup", "--to", str(copy)).returncode == 0
    release = folder_claim.hold_shared(data)  # what the window holds while it is open
    try:
        for args in (["restore", str(copy)], ["encrypt"]):
            refused = cli(data, *args, env=ENV_KEY)
            assert refused.returncode == 1, refused.stdout
            assert "in use by another Callbrief" in refused.stderr
            assert plain_words(refused.stderr)
        assert cli(data, "list", "accounts").returncode == 0  # readers share the folder
    finally:
        release()
    assert demo_db.read_bytes() == before
    assert sorted(p.name for p in data.iterdir() if "callbrief.sqlite3" in p.name) == [
        "callbrief.sqlite3"
    ]
    assert cli(data, "restore", str(copy)).returncode == 0  # once the window is gone


def test_the_open_window_keeps_restore_and_encrypt_away(demo_db, tmp_path):
    data = demo_db.parent
    copy = tmp_path / "copy.sqlite3"
    assert cli(data, "backup", "--to", str(copy)).returncode == 0
    window = start(data, "gui", env={"QT_QPA_PLATFORM": "offscreen"})
    try:
        log = data / "callbrief.log"
        deadline = time.monotonic() + 60
        while "start: first page" not in (log.read_text("utf-8") if log.exists() else ""):
            assert window.poll() is None and time.monotonic() < deadline, window.stderr
            time.sleep(0.05)
        for args in (["restore", str(copy)], ["encrypt"]):
            refused = cli(data, *args, env=ENV_KEY)
            assert refused.returncode == 1 and "in use by another Callbrief" in refused.stderr
    finally:
        window.kill()
        window.communicate()
    assert cli(data, "restore", str(copy)).returncode == 0  # the window is gone
