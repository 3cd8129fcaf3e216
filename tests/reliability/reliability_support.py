"""How big each reliability run is, recording its figures, and running the command line.

Every check runs short in the normal pytest run. ``scripts/reliability.py`` runs the same
tests with CALLBRIEF_RELIABILITY_LONG=1 (larger runs) and CALLBRIEF_RELIABILITY_RECORD=FILE,
into which each test appends one JSON line of figures; the script turns them into
docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

LONG = os.environ.get("CALLBRIEF_RELIABILITY_LONG") == "1"
ROOT = Path(__file__).resolve().parents[2]


def scale(ci: int, long: int) -> int:
    """The size of a run: ``ci`` in the normal test run, ``long`` under --long."""
    return long if LONG else ci


def record(check: str, **figures: Any) -> None:
    """Append the figures of one check for scripts/reliability.py (if it is listening)."""
    target = os.environ.get("CALLBRIEF_RELIABILITY_RECORD")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"check": check, **figures}, ensure_ascii=False, default=str) + "\n")


def cli(
    data: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``callbrief --data-dir DATA ARGS`` in a new process, with ``env`` added to ours."""
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
