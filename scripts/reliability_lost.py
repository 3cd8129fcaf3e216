"""The sections of docs/reliability.md about the disk and about commands running at once.

Called by scripts/reliability.py with the figures recorded by tests/reliability/
test_full_disk.py, test_command_races.py and test_stray_files.py; kept in its own module so
the other classes of the harness can grow beside it without touching these lines.
"""

from __future__ import annotations

from typing import Any


def render_lost_work(found: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Markdown lines: full disk, read-only folder, concurrent commands, stray copies."""
    full = found.get("full_disk", [{}])[0]
    ro = found.get("read_only", [{}])[0]
    levels = full.get("levels_kib", [])
    out = [
        "## A full disk, a read-only medium",
        "",
        "A full disk, an I/O error or a read-only medium is the disk's problem, not the "
        "file's: the start-up check reports it in plain words (\"the disk holding … is full. "
        'Free some space and try again. The file itself was not changed and is not damaged."), '
        "moves nothing aside and changes nothing. A read-only data folder (a read-only mount, "
        "a locked share) is opened as an immutable file, so `list`, `search`, `check` and "
        "every export to another folder work; every writing command says the folder cannot be "
        "written. No temporary file (`*.part`, `*.restoring`, `*.encrypting`, the playbook "
        "cache's `*.tmp`) survives a failure.",
        "",
        f"Every writing command ran on a real tmpfs filled to {', '.join(map(str, levels))} "
        "KiB free; then the space was freed and the file checked in full: "
        f"**{full.get('runs', '—')} runs, {full.get('problems', '—')} problems** (a problem: "
        "a traceback or a mention of damage, the file no longer sound or missing an account, "
        "an acknowledged change missing, a temporary file left).",
        "",
    ]
    table = full.get("table", {})
    if table:
        out.append("| command | " + " | ".join(f"{lv} KiB" for lv in levels) + " |")
        out.append("|---|" + "---|" * len(levels))
        for name, by_level in table.items():
            cells = [by_level.get(str(lv), by_level.get(lv, "—")) for lv in levels]
            out.append(f"| `{name}` | " + " | ".join(cells) + " |")
        out.append("")
        out.append(
            '"refused plainly": exit 1 with one plain line and nothing changed; "done": the '
            "command had enough room."
        )
        out.append("")
    out += [
        f"Read-only bind mount of a data folder: {ro.get('worked', '—')} reading commands and "
        f"exports worked, {ro.get('refused_plainly', '—')} writing commands refused plainly, "
        f"{ro.get('problems', '—')} problems; not a byte of the folder changed.",
        "",
        "## Commands at once",
        "",
        "Every process that opens the data file — the window for its whole life, every "
        "command — shares the data folder's claim (`callbrief.claim`, an operating-system lock "
        "through `portalocker`: flock on POSIX, LockFileEx on Windows, gone with a killed "
        "process). `restore` and `encrypt` need it exclusively: they are refused at once "
        "while anyone else holds it, and while they hold it other commands and the window "
        "wait (up to 30 s) before opening the file. So a replacement never runs between "
        "another process's acknowledgement and its commit, and `encrypt` checkpoints and "
        "removes the WAL with nobody else able to write into it.",
        "",
        "A writer (`import bundle` of a new account) raced each partner, started 0–1.5 s after "
        "it; an acknowledged import counts as lost when it is in neither the data file nor — "
        "after a successful restore — the copy the restore kept aside, acknowledged before "
        "that copy was moved aside.",
        "",
        "| writer against | races | outcomes | acknowledged imports lost | unreadable files |",
        "|---|---|---|---|---|",
    ]
    kept = 0
    for race in found.get("command_race", []):
        kept += race.get("kept_aside", 0)
        outcomes = "; ".join(f"{k}: {v}" for k, v in sorted(race["outcomes"].items()))
        out.append(
            f"| `{race['partner']}` | {race['races']} | {outcomes} | **{race['lost']}** | "
            f"**{race['unreadable']}** |"
        )
    out += [
        "",
        f"In {kept} of the restore races the import had finished (acknowledged, claim given "
        "back) before the restore took the folder: it is in the copy the restore kept aside, "
        "as the rep asked. Measured once on the code before the claim (82633c1), the same "
        "harness lost 5 of 50 acknowledged imports to `encrypt` (committed into a plaintext "
        "WAL beside the "
        "encrypted file); against `restore` it found no acknowledgement after the move in 50 "
        "races — that window is milliseconds wide — so the refusal itself is checked "
        "directly: with the window open, or any command holding the folder, `restore` and "
        "`encrypt` are refused and nothing changes (`test_command_races.py`).",
        "",
        "## No stray copies, no export over the data",
        "",
        "- An export (`bundle`, `brief`, `briefs`, `ics`, `contacts`, `map`) never writes over "
        "the data file, its WAL/SHM, its marker, a backup, the lock, claim or log file — in "
        "the window either; over any other existing file the command line needs `--force` "
        "(the window's Save dialog asks).",
        "- `backup --to` an existing folder writes a new file in it; to a folder that does "
        "not exist it is refused and creates nothing.",
        "- A refused restore leaves no `.restoring`; restoring a file that is no database says "
        "so (not that it is encrypted); a restore that meets a full disk says the disk is full.",
        "",
    ]
    return out
