"""The reliability section on untrusted inputs, leaks and a stopped encryption.

``scripts/reliability.py`` calls ``render(found)`` with every figure the tests recorded and
appends the section to docs/reliability.md. Run on its own, this script runs only its own
checks and rewrites only its own section of the document (between the markers below):

    python scripts/reliability_inputs.py          # CI sizes
    python scripts/reliability_inputs.py --long   # the long run
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "reliability.md"
TESTS = [
    "tests/reliability/test_untrusted_inputs.py",
    "tests/reliability/test_encrypt_kills.py",
    "tests/reliability/test_leak_scan.py",
]
BEGIN = "<!-- section: untrusted inputs, leaks, stopped encryption -->"
END = "<!-- end of section: untrusted inputs, leaks, stopped encryption -->"

Found = dict[str, list[dict[str, Any]]]


def render(found: Found) -> list[str]:
    """The section's lines, from the figures of the three checks."""
    inputs = found.get("untrusted_input", [])
    kills = found.get("encrypt_kills", [{}])[0]
    scan = found.get("leak_scan", [{}])[0]
    readers = sorted({e["reader"] for e in inputs})
    kinds = list(dict.fromkeys(e["kind"] for e in inputs))
    slowest = max((e["seconds"] for e in inputs), default="—")
    states = kills.get("states", {})
    out = [
        BEGIN,
        "## Untrusted inputs, leaks and a stopped encryption",
        "",
        "Run with `scripts/reliability.py` or on its own with `scripts/reliability_inputs.py`; "
        "the normal `pytest` run (CI) runs the same tests at the smaller size.",
        "",
        "### Every reader has a limit and reads only files",
        "",
        "Contacts (CSV and vCard, 50 MB, at most 2,000 columns), bundles (50 MB), a playbook "
        "(5 MB) and a passphrase file (4 KB) are read through `desktop/domain/input_files.py`: "
        "the path is opened without blocking and checked on the open handle, so a folder, a "
        "device (`/dev/zero`, `/dev/urandom`), a pipe or a socket is refused before a byte "
        "is read, and a file over the limit is refused by its size. `--encoding` and a vCard's "
        "`CHARSET` accept only real text encodings (`unicode_escape`, `undefined`, `base64`, "
        "`rot13`… are not). Each refusal is one plain line and exit status 1; the data file "
        "is unchanged (`tests/reliability/test_untrusted_inputs.py`).",
        "",
        "| reader | " + " | ".join(kinds) + " |",
        "|---|" + "---|" * len(kinds),
    ]
    by = {(e["reader"], e["kind"]): e for e in inputs}
    for reader in readers:
        cells = []
        for kind in kinds:
            entry = by.get((reader, kind))
            cells.append("—" if entry is None else f"refused, {entry['seconds']:.2f} s")
        out.append(f"| {reader} | " + " | ".join(cells) + " |")
    out += [
        "",
        f"Slowest refusal: {slowest} s (the pipe cases include starting a new process). "
        "What gets in is what every exporter can write out again: control characters other "
        "than tab and line breaks and lone surrogates are refused in any text, key or value "
        "(the XLSX export and the bundle could not write them), visit and other dates must "
        "lie between 1900-01-01 and 2999-12-31 (the brief and the calendar export shift them "
        "by time zone and duration), and an id on the command line must be a whole number "
        "from 1 to 2^63 − 1.",
        "",
        "### `encrypt` killed at random moments",
        "",
        "Encryption is resumable and idempotent per file: a stopped run leaves each file "
        "either plain or encrypted (never half of one), the next `encrypt` converts what is "
        "still plain, removes half-written copies (`*.encrypting*`, `*.part`) and says what "
        "it did, and on a finished folder it changes nothing. `callbrief check` names every "
        "file still plain in an encrypted folder. A conversion that meets a full disk "
        "leaves no `.encrypting.part` behind and the folder as it was.",
        "",
        "| figure | value |",
        "|---|---|",
        f"| `encrypt` runs killed with SIGKILL | {kills.get('kills', '—')} |",
        f"| length of a whole run here | {kills.get('run_seconds', '—')} s |",
    ]
    for state, times in sorted(states.items()):
        out.append(f"| … left: {state} | {times} |")
    out += [
        f"| plaintext files after the next `encrypt` | "
        f"**{kills.get('plaintext_after_next_encrypt', '—')}** |",
        f"| demo names or phone numbers readable in any file afterwards | "
        f"**{kills.get('readable_secrets', '—')}** |",
        "",
        "### Leak scan of an encrypted folder",
        "",
        f"After each of {scan.get('commands', '—')} commands (lists, a search for a contact, "
        "exports, a contacts import with bad rows, a refused bundle whose errors name "
        "contacts, a failing export, a backup, a full check) every file in the folder — "
        f"{scan.get('files', '—')} files: the data file, its WAL and SHM, backups, marker, "
        f"log, cache — was searched for {scan.get('secrets', '—')} customer strings in UTF-8 and "
        f"UTF-16: **{scan.get('readable', '—')}** found. The log of an encrypted folder "
        "keeps each entry's template, exception types and frames but never the arguments or "
        "an exception's text (`desktop/logs.py`); entries from before encryption are cleared "
        "when it is turned on. A log that cannot be written (full disk, a folder name that "
        'is not UTF-8) is given up without "--- Logging error ---" on the screen.',
        "",
        "### Private to the user",
        "",
        "On Linux and macOS the data folder, `backups/` and `cache/` are 0700 and every file "
        "Callbrief keeps there (data file and its WAL and SHM, backups, marker, log, lock, "
        "cache) 0600: created so (SQLite gives the WAL the data file's mode), and tightened "
        "on every open for files an older version made. Only Callbrief's own files are "
        "touched, so a data folder shared with other files keeps theirs. On Windows the "
        "default data folder (`%APPDATA%\\Callbrief`) inherits the user profile's ACL, "
        "which admits only the user, administrators and SYSTEM; nothing is changed there. "
        "Tests run as root, which ignores modes, so the modes are checked, not tried.",
        "",
        "Not done: the disk blocks that held the plaintext log or files are not erased "
        "(see Data at rest); exported files (briefs, bundles, contacts) go where the rep "
        "puts them with the usual permissions.",
        END,
        "",
    ]
    return out


def _run(long: bool, record: Path) -> tuple[int, str, float]:
    env = {**os.environ, "CALLBRIEF_RELIABILITY_RECORD": str(record)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if long:
        env["CALLBRIEF_RELIABILITY_LONG"] = "1"
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode != 0:
        print(done.stdout[-5000:], file=sys.stderr)
    return done.returncode, (lines[-1] if lines else "").strip("= "), time.monotonic() - began


def _load(record: Path) -> Found:
    found: Found = defaultdict(list)
    if record.exists():
        for line in record.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            found[entry.pop("check")].append(entry)
    return found


def replace_section(document: str, section: list[str]) -> str:
    """``document`` with this section replaced (or appended when it is not there yet)."""
    text = "\n".join(section)
    if BEGIN in document and END in document:
        head, _, rest = document.partition(BEGIN)
        _, _, tail = rest.partition(END)
        return head + text.rstrip("\n") + tail
    return document.rstrip("\n") + "\n\n" + text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--long", action="store_true", help="the long run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        record = Path(tmp) / "figures.jsonl"
        code, summary, seconds = _run(args.long, record)
        found = _load(record)
    section = render(found)
    if code != 0:
        section.insert(3, f"**SOME CHECKS FAILED** ({summary}).")
        section.insert(4, "")
    else:
        run = "long run" if args.long else "CI-sized run"
        section.insert(3, f"Measured by `scripts/reliability_inputs.py` ({run}): {summary}.")
        section.insert(4, "")
    DOC.write_text(replace_section(DOC.read_text(encoding="utf-8"), section), encoding="utf-8")
    print(f"{summary} in {seconds:.0f} s; wrote its section of {DOC}")
    kinds = Counter(e["kind"] for e in found.get("untrusted_input", []))
    print(f"inputs per kind: {dict(kinds)}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
