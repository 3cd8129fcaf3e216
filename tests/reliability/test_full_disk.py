"""A real full disk and a real read-only medium are the disk's problem, never the file's.

Every writing command runs on a data folder on a real tmpfs filled to a few KB free (the CI
run: 0 and 16 KiB; the long run: nine levels up to 512 KiB). Each either does its work or says
plainly what stopped it; afterwards, with space freed, the file is the healthy file it was
(nothing moved aside as "damaged", no account missing), every acknowledged change is in it and
no temporary copy is left behind. A read-only bind mount of a data folder lets every reading
command work and every writing command say plainly that it cannot write, and not a byte of
the folder changes.
"""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
from disk_support import clear, fill, fingerprint, read_only, strays, tmpfs
from lost_work_support import (
    ENV_KEY,
    READERS,
    commands,
    make_template,
    plain_words,
    state,
)
from reliability_support import cli, record, scale

LEVELS_KIB = (0, 16) if not scale(0, 1) else (0, 4, 8, 16, 24, 32, 64, 128, 512)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("lost-work"))


def effect_seen(name: str, before: tuple, after: tuple) -> bool:
    """Whether the acknowledged effect of command ``name`` is in the file."""
    _, accounts, contacts = after
    if name == "import bundle":
        return "新客户 New Account" in accounts
    if name == "import contacts":
        return "王 新" in contacts
    if name == "demo":
        return len(accounts) == len(before[1]) + 1
    return True  # the others change no row (restore puts back the same rows)


def test_a_full_disk_is_never_taken_for_a_damaged_file(template, tmp_path):
    data_template, inputs = template
    before = state(data_template)
    outcomes: Counter[str] = Counter()
    table: dict[str, dict[int, str]] = {}
    failures: list[str] = []
    with tmpfs(tmp_path / "disk", 4096) as disk:
        for level in LEVELS_KIB:
            for name, args in commands(inputs, disk / "out").items():
                clear(disk)
                (disk / "out").mkdir()
                data = disk / "data"
                shutil.copytree(data_template, data)
                filler = fill(disk, level * 1024)
                env = ENV_KEY if name == "encrypt" else None
                result = cli(data, *args, env=env)
                filler.unlink()
                after = state(data)
                where = f"{name} at {level} KiB free"
                outcome = "done" if result.returncode == 0 else "refused plainly"
                if result.returncode not in (0, 1) or not plain_words(result.stderr):
                    failures.append(f"{where}: exit {result.returncode}: {result.stderr!r}")
                if after[0] != "ok" or not set(before[1]) <= set(after[1]):
                    failures.append(f"{where}: afterwards {after[0]}, accounts {after[1]}")
                if result.returncode == 0 and not effect_seen(name, before, after):
                    failures.append(f"{where}: acknowledged but not in the file")
                left = [s for s in strays(disk) if s != "filler"]
                if left:
                    failures.append(f"{where}: left {left}")
                outcomes[outcome] += 1
                table.setdefault(name, {})[level] = outcome
    record(
        "full_disk",
        levels_kib=list(LEVELS_KIB),
        commands=len(commands(inputs, tmp_path)),
        runs=sum(outcomes.values()),
        done=outcomes["done"],
        refused=outcomes["refused plainly"],
        problems=len(failures),
        table=table,
    )
    assert not failures, "\n".join(failures)


def test_a_read_only_folder_is_read_and_never_changed(template, tmp_path):
    data_template, inputs = template
    source = tmp_path / "source"
    shutil.copytree(data_template, source)
    shutil.rmtree(source / "backups")  # nothing to hide: the folder as a rep copied it
    out = tmp_path / "out"
    out.mkdir()
    seen = fingerprint(source)
    failures: list[str] = []
    read_ok = refused = 0
    with read_only(source, tmp_path / "ro") as data:
        exports = {k: v for k, v in commands(inputs, out).items() if k.startswith("export")}
        for name, args in {**READERS, **exports}.items():
            result = cli(data, *args)
            if result.returncode != 0 or not plain_words(result.stderr):
                failures.append(f"{name}: exit {result.returncode}: {result.stderr!r}")
            else:
                read_ok += 1
        writers = {k: v for k, v in commands(inputs, out).items() if not k.startswith("export")}
        for name, args in writers.items():
            result = cli(data, *args, env=ENV_KEY if name == "encrypt" else None)
            plain = plain_words(result.stderr) and (
                "cannot be written" in result.stderr or "read-only" in result.stderr.lower()
            )
            if name == "backup --to" and result.returncode == 0:
                read_ok += 1  # a copy written elsewhere is reading the folder, not writing it
            elif result.returncode != 1 or not plain:
                failures.append(f"{name}: exit {result.returncode}: {result.stderr!r}")
            else:
                refused += 1
        assert fingerprint(data) == seen, "the read-only folder changed"
    assert sorted(p.name for p in out.iterdir()) == [
        "a.csv",
        "a.ics",
        "a.json",
        "a.pdf",
        "a.png",
        "copy.sqlite3",
    ]
    record("read_only", worked=read_ok, refused_plainly=refused, problems=len(failures))
    assert not failures, "\n".join(failures)
