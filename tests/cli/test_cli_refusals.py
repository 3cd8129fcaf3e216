"""Inputs that used to end in "internal error" (or got in and broke an export later) are
refused on the way in with a plain message: ids beyond SQLite's range, codecs that are not
text encodings, lone surrogates, control characters, dates no exporter can write, a data file
that is a dangling link, and a full disk under ``demo`` and ``encrypt``."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import cli
from desktop.store import crypto

ROOT = Path(__file__).resolve().parents[2]
TOO_BIG = str(2**63)


@contextlib.contextmanager
def own_logging() -> Iterator[None]:
    """cli.main adds a log handler per run; take it off again afterwards."""
    before = list(logging.getLogger().handlers)
    try:
        yield
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in before:
                logging.getLogger().removeHandler(handler)
                handler.close()
        crypto.provide_passphrase(None)


def main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with own_logging():
        try:
            code = cli.main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    out = capsys.readouterr()
    assert "internal error" not in out.err, out.err
    assert "Traceback" not in out.err and "Logging error" not in out.err, out.err
    return code, out.out, out.err


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A data folder with the demo, and the demo's bundle (as JSON)."""
    from desktop.export.bundle import export_bundle
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database

    base = tmp_path_factory.mktemp("refusals")
    db = open_database(base / "data" / "callbrief.sqlite3")
    account_id = load_demo(db)
    export_bundle(db, account_id, base / "demo.json")
    db.close()
    return base / "data", json.loads((base / "demo.json").read_text(encoding="utf-8"))


@pytest.fixture
def data(template: tuple[Path, dict], tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(template[0], folder)
    return folder


@pytest.fixture
def bundle(template: tuple[Path, dict]) -> dict:
    return json.loads(json.dumps(template[1]))


ID_ARGS = [
    ("export", "bundle", "--account", "{id}", "-o", "{out}.json"),
    ("export", "brief", "--visit", "{id}", "-o", "{out}.pdf"),
    ("export", "ics", "--visit", "{id}", "-o", "{out}.ics"),
    ("export", "map", "--opportunity", "{id}", "-o", "{out}.png"),
    ("export", "contacts", "--account", "{id}", "-o", "{out}.csv"),
    ("export", "contacts", "--account", "1", "--opportunity", "{id}", "-o", "{out}.csv"),
    ("import", "contacts", "{csv}", "--account", "{id}"),
    ("import", "contacts", "{csv}", "--account", "1", "--opportunity", "{id}"),
]


@pytest.mark.parametrize("args", ID_ARGS, ids=lambda a: " ".join(a[:3]))
@pytest.mark.parametrize("ident", [TOO_BIG, str(2**64 + 5), "0", "-3"])
def test_an_id_outside_what_the_file_can_hold_is_refused_plainly(
    args, ident, data, tmp_path, capsys
):
    csv = tmp_path / "people.csv"
    csv.write_text("Name\n王建国\n", encoding="utf-8")
    filled = [a.format(id=ident, out=tmp_path / "out", csv=csv) for a in args]
    code, _, err = main(capsys, "--data-dir", str(data), *filled)
    assert code == 2
    assert "is not an id" in err
    assert not list(tmp_path.glob("out.*"))


@pytest.mark.parametrize("encoding", ["unicode_escape", "raw_unicode_escape", "undefined", "rot13"])
def test_an_encoding_that_is_not_a_text_encoding_is_refused(encoding, data, tmp_path, capsys):
    csv = tmp_path / "people.csv"
    csv.write_text("Name\n王建国\n", encoding="utf-8")
    code, _, err = main(
        capsys,
        "--data-dir",
        str(data),
        *("import", "contacts", str(csv), "--account", "1", "--encoding", encoding),
    )
    assert code == 1
    assert "is not a text encoding" in err


@pytest.mark.parametrize("charset", ["unicode_escape", "undefined", "base64"])
def test_a_vcard_charset_that_is_no_text_encoding_imports_as_text_and_exports(
    charset, data, tmp_path, capsys
):
    card = tmp_path / "card.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        f"FN;CHARSET={charset};ENCODING=QUOTED-PRINTABLE:Wang\\ud800Lei\r\n"
        "END:VCARD\r\n",
        encoding="ascii",
    )
    args = ("--data-dir", str(data))
    code, out, _ = main(capsys, *args, "import", "contacts", str(card), "--account", "1", "--yes")
    assert code == 0 and "Imported 1 contacts" in out
    for name in ("out.xlsx", "out.vcf", "out.csv"):
        code, _, err = main(
            capsys, *args, "export", "contacts", "--account", "1", "-o", str(tmp_path / name)
        )
        assert code == 0, err
    code, _, err = main(
        capsys, *args, "export", "bundle", "--account", "1", "-o", str(tmp_path / "b.json")
    )
    assert code == 0, err
    written = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    names = [c["name"] for c in written["account"]["contacts"]]
    assert [n for n in names if n.startswith("Wang") and n.endswith("Lei")]


def _import(capsys, data: Path, tmp_path: Path, doc: dict) -> tuple[int, str]:
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(doc), encoding="utf-8")  # ensure_ascii: "\udc00" as an escape
    code, _, err = main(capsys, "--data-dir", str(data), "import", "bundle", str(path))
    return code, err


def test_a_lone_surrogate_in_a_key_of_a_bundle_is_refused(data, bundle, tmp_path, capsys):
    opportunity = bundle["account"]["opportunities"][0]
    opportunity["qualification"]["\udc00x"] = {"answer": "yes", "note": "n"}
    code, err = _import(capsys, data, tmp_path, bundle)
    assert code == 1
    assert "account.opportunities[0].qualification: a key holds a broken character" in err
    code, _, err = main(
        capsys, "--data-dir", str(data), "export", "bundle", "--account", "1", "-o",
        str(tmp_path / "again.json"),
    )  # fmt: skip
    assert code == 0, err


def test_a_lone_surrogate_in_a_nested_value_of_a_bundle_is_refused(data, bundle, tmp_path, capsys):
    bundle["account"]["opportunities"][0]["qualification"]["budget"]["note"] = "a\udc00b"
    code, err = _import(capsys, data, tmp_path, bundle)
    assert code == 1 and "broken character" in err


@pytest.mark.parametrize("stamp", ["9999-12-31T23:00:00", "0001-01-01T00:00:00"])
def test_a_visit_no_calendar_or_brief_can_write_is_refused_on_import(
    stamp, data, bundle, tmp_path, capsys
):
    bundle["account"]["opportunities"][0]["visits"][0]["starts_at"] = stamp
    code, err = _import(capsys, data, tmp_path, bundle)
    assert code == 1
    assert f'visits[0].starts_at: "{stamp}" is outside 1900-01-01 to 2999-12-31' in err
    code, _, err = main(
        capsys, "--data-dir", str(data), "export", "ics", "--visit", "1", "-o",
        str(tmp_path / "v.ics"),
    )  # fmt: skip
    assert code == 0, err


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x0b"])
def test_a_control_character_in_a_name_is_refused_on_import(char, data, bundle, tmp_path, capsys):
    bundle["account"]["contacts"][0]["name"] = f"王{char}建国"
    code, err = _import(capsys, data, tmp_path, bundle)
    assert code == 1
    assert f"account.contacts[0].name: text holds the control character U+{ord(char):04X}" in err


def test_a_control_character_in_a_contacts_file_is_a_row_problem(data, tmp_path, capsys):
    csv = tmp_path / "people.csv"
    # 孟雪 is not in the demo account (a name already there would be a likely duplicate).
    csv.write_text("Name,Title\n王\x1b建国,CEO\n孟雪,CFO\n", encoding="utf-8")
    args = ("--data-dir", str(data))
    code, out, _ = main(capsys, *args, "import", "contacts", str(csv), "--account", "1", "--yes")
    assert code == 0 and "Imported 1 contacts" in out
    code, _, err = main(
        capsys, *args, "export", "contacts", "--account", "1", "-o", str(tmp_path / "x.xlsx")
    )
    assert code == 0, err


def test_a_dangling_link_as_the_data_file_is_explained(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "callbrief.sqlite3").symlink_to(tmp_path / "usb" / "callbrief.sqlite3")
    for args in (("list", "accounts"), ("demo",)):
        code, _, err = main(capsys, "--data-dir", str(folder), *args)
        assert code == 1
        assert "is a link to" in err and "nothing was changed" in err
    assert not (tmp_path / "usb").exists()


# --- a real full disk: a small tmpfs ------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs Linux and root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace')}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=ROOT,
    )


def remount(mount: Path, size: str) -> None:
    subprocess.run(["umount", "-l", str(mount)], check=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], check=True)


@pytest.mark.parametrize("size", ["280k", "450k"])  # full while setting up; while loading
def test_demo_on_a_full_disk_says_so(small_disk, size):
    remount(small_disk, size)
    for _ in range(2):  # the second time the disk is as full as the first left it
        done = run("--data-dir", str(small_disk / "data"), "demo")
        assert done.returncode == 1
        assert "full" in done.stderr
        for bad in ("internal error", "Traceback", "Logging error"):
            assert bad not in done.stderr, done.stderr


def test_encrypt_on_a_full_disk_changes_nothing_and_leaves_no_part_file(small_disk, tmp_path):
    folder = small_disk / "data"
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("tea at nine o'clock\n", encoding="utf-8")
    remount(small_disk, "1200k")  # the demo, its backup and the sync and detail tables fit
    assert run("--data-dir", str(folder), "demo").returncode == 0
    filler = small_disk / "filler"
    try:  # fill what is left
        with filler.open("wb") as fh:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
    except OSError:
        pass
    done = run("--data-dir", str(folder), "--passphrase-file", str(passphrase), "encrypt")
    assert done.returncode == 1
    assert "could not be encrypted: the disk holding" in done.stderr and "is full" in done.stderr
    for bad in ("internal error", "Traceback", "Logging error"):
        assert bad not in done.stderr, done.stderr
    left = sorted(p.name for p in folder.glob("callbrief.sqlite3.*"))
    assert left == [], left  # no .encrypting(.part), and no marker: the folder is still plain
    filler.unlink()
    listed = run("--data-dir", str(folder), "list", "accounts")
    assert listed.returncode == 0 and "苏州恒远精密制造有限公司" in listed.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names may be any bytes")
def test_a_folder_name_that_is_not_utf8_is_logged_without_a_logging_error(tmp_path):
    folder = os.fsencode(tmp_path) + b"/caf\xe9"  # a Latin-1 name from an old USB stick
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", folder, "demo"],
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0
    assert done.stderr == b""  # no "--- Logging error ---" traceback
    log = (Path(os.fsdecode(folder)) / "callbrief.log").read_text(encoding="utf-8")
    assert "data dir" in log
