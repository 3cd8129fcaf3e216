"""Benchmarks that need the window: start-up, lists, opening an account, memory.

Each runs in child processes (see gui_child.py); start-up is whole-process time measured next
to its floor, a bare PySide6 window shown and painted on the same machine in the same run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from .measure import Result

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint:
            QTimer.singleShot(0, app.quit)
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _env(probe: str = "1") -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CALLBRIEF_STARTUP_PROBE": probe}


def _timed(cmd: list[str], probe: str = "1") -> tuple[float, str]:
    env = _env(probe)
    env["CALLBRIEF_STARTUP_T0"] = repr(time.time())
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{cmd} failed: {done.stderr[-500:]}")
    return elapsed, done.stdout


def bench_startup(folder: Path, size: str, repeat: int) -> list[Result]:
    """Whole-process time to the first paint (the window with the first page of accounts),
    next to a bare PySide6 window; and, separately, the time until the data file is open and
    every screen attached (the probe's ``ready`` mode: from launch to that paint)."""
    bare, app, ready = [], [], []
    loaded: dict[str, bool] = {}
    app_cmd = [sys.executable, "-m", "desktop", "--data-dir", str(folder)]
    for _ in range(repeat):  # interleaved, so both see the same machine load
        bare.append(_timed([sys.executable, "-c", BARE_WINDOW])[0])
        elapsed, out = _timed(app_cmd)
        app.append(elapsed)
        loaded = json.loads(out.strip().splitlines()[-1])["loaded"]
        _elapsed, out = _timed(app_cmd, probe="ready")
        ready.append(json.loads(out.strip().splitlines()[-1])["ready_ms"])
    floor = sorted(bare)[len(bare) // 2]
    heavy = ", ".join(name for name, on in loaded.items() if on) or "none"
    note = f"heavy modules before first paint: {heavy}"
    ratios = [a / floor * 100 for a in app]
    ratio = Result("start-up ÷ bare window", size, ratios, 150.0, True, "%", note=note)
    return [
        Result("bare PySide6 window (floor)", size, bare),
        Result("start-up to first paint", size, app, floor_ms=floor),
        ratio,
        Result("start-up until the data file is open (all screens)", size, ready),
    ]


def import_profile(folder: Path, top: int = 12) -> list[tuple[str, float]]:
    """``-X importtime`` of one start to the first paint: the costliest imports (cumulative
    ms), for the write-up in docs/benchmarks.md."""
    cmd = [sys.executable, "-X", "importtime", "-m", "desktop", "--data-dir", str(folder)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=120)
    rows: list[tuple[str, float]] = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _self, cumulative, name = line[len("import time:") :].split("|")
            if cumulative.strip().isdigit() and not name.startswith("  "):  # top level only
                rows.append((name.strip(), int(cumulative) / 1000))
    return sorted(rows, key=lambda r: -r[1])[:top]


def _child(what: str, folder: Path, repeat: int) -> dict[str, list[float]]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_child", what, str(folder), str(repeat)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=1800,
    )
    if done.returncode != 0:
        raise RuntimeError(f"gui_child {what} failed: {done.stderr[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_lists(folder: Path, size: str, repeat: int) -> list[Result]:
    data = _child("lists", folder, repeat)
    big = size in ("M", "L")
    return [
        Result("account list: first paint", size, data["first"], 100.0 if big else None),
        Result("account list: sort (SQL)", size, data["sort"], 150.0 if size == "L" else None),
        Result("account list: filter (SQL)", size, data["filter"], 150.0 if size == "L" else None),
        Result("account list: next 200 rows while scrolling", size, data["scroll"]),
        Result(
            "upcoming visits (2 weeks): first paint", size, data["week"], 100.0 if big else None
        ),
    ]


def bench_open_account(folder: Path, size: str, repeat: int) -> list[Result]:
    data = _child("open_account", folder, repeat)
    total = [p + m for p, m in zip(data["page"], data["map"], strict=True)]
    return [
        Result("open account, 200 contacts: page", size, data["page"]),
        Result("open account, 200 contacts: map drawn", size, data["map"]),
        Result("open account, 200 contacts: page + map", size, total, 200.0),
    ]


def bench_memory(folder: Path, size: str, _repeat: int) -> list[Result]:
    data = _child("memory", folder, 1)
    return [Result("resident memory, opened and browsed", size, data["rss"],
                   250.0 if size == "M" else None, unit="MB")]  # fmt: skip
