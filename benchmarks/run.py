"""Run every benchmark, print the table and write docs/benchmarks.md.

    python -m benchmarks.run            # S, M and L side by side, with targets
    python -m benchmarks.run --quick    # S only, no thresholds (CI runs this so the kit never rots)
    python -m benchmarks.run --only bench_paper   # one size-independent benchmark, print only
    python -m benchmarks.run --no-team  # without the team server (benchmarks/bench_team.py)

Datasets are generated once per size into ``--cache`` (default: the system temp folder) and
reused; each benchmark that changes data works on a copy.
"""

from __future__ import annotations

import argparse
import contextlib
import platform
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from . import bench_core, bench_gui, bench_paper, bench_pipeline, bench_team, bench_team_memory
from .generate import generate
from .measure import Result

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "docs" / "benchmarks.md"

PerSize = Callable[[Path, str, int], list[Result]]
PER_SIZE: list[PerSize] = [
    bench_gui.bench_startup,
    bench_gui.bench_lists,
    bench_gui.bench_open_account,
    bench_gui.bench_memory,
    bench_core.bench_search,
    bench_core.bench_save,
    bench_pipeline.bench_pipeline,  # gives the deals values, decision points and next steps
    bench_core.bench_import,  # last: it adds and deletes 100k contacts in the working copy
]
ONCE: list[Callable[[int], list[Result]]] = [
    bench_core.bench_bundle,
    bench_core.bench_brief,
    bench_paper.bench_paper,
]


def dataset(cache: Path, size: str) -> Path:
    folder = cache / f"callbrief-bench-{size}"
    if not (folder / "callbrief.sqlite3").exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        # Made aside and moved into place when whole: a failed run leaves no half a dataset
        # that the next run would take for the cache.
        part = cache / f"callbrief-bench-{size}.part"
        shutil.rmtree(part, ignore_errors=True)
        generate(part, size)
        part.rename(folder)
        print(f"generated {size} in {time.perf_counter() - started:.0f} s")
    else:
        bring_to_head(folder / "callbrief.sqlite3")
    return folder


def bring_to_head(path: Path) -> None:
    """Upgrade a cached dataset made at an older schema or search index once, through the
    app's own path.

    Every run then copies an up-to-date file instead of upgrading its working copy each time.
    The pre-migration copy the app takes is dropped: a cache can always be generated again.
    """
    from desktop.services.datafile import upgrade_pending
    from desktop.store.database import open_database
    from desktop.store.migrate import read_revision

    if not upgrade_pending(path):  # schema and search index both current
        return
    revision = read_revision(path)
    started = time.perf_counter()
    open_database(path).close()
    for saved in (path.parent / "backups").glob(f"pre-migration-{revision}-*"):
        saved.unlink()
    with contextlib.suppress(OSError):
        (path.parent / "backups").rmdir()
    elapsed = time.perf_counter() - started
    print(f"upgraded {path.parent.name} from schema {revision} in {elapsed:.0f} s")


def working_copy(folder: Path, scratch: Path) -> Path:
    copy = scratch / folder.name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(folder, copy)
    return copy


def run(sizes: list[str], repeat: int, cache: Path) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = working_copy(dataset(cache, size), Path(tmp))
            for bench in PER_SIZE:
                results += bench(folder, size, repeat)
        for once in ONCE:
            results += once(repeat)
    return results


def _cell(result: Result | None) -> str:
    if result is None:
        return ""
    unit = "" if result.unit == "ms" else f" {result.unit}"
    return f"{result.median:.1f} / {result.p95:.1f}{unit}"


def table(results: list[Result], sizes: list[str], thresholds: bool) -> str:
    names = list(dict.fromkeys(r.name for r in results))
    head = ["figure"] + [f"{s} median / p95".lstrip("- ") for s in sizes] + ["target (ms)", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in names:
        row = {r.size: r for r in results if r.name == name}
        if "-" in row:
            cells = [_cell(row["-"])] + [""] * (len(sizes) - 1)
            judged = [row["-"]]
        else:
            cells = [_cell(row.get(s)) for s in sizes]
            judged = [r for r in row.values() if r.target_ms is not None]
        target, verdict = "", ""
        if judged and judged[0].target_ms is not None:
            kind = "median" if judged[0].on_median else "p95"
            unit = "" if judged[0].unit == "ms" else f" {judged[0].unit}"
            limits = {r.target_ms for r in judged}
            if len(limits) == 1:
                target = f"{kind} ≤ {judged[0].target_ms:g}{unit}"
            else:  # a different target per size: say which
                per_size = ", ".join(f"{r.size} ≤ {r.target_ms:g}" for r in judged)
                target = f"{kind}: {per_size}{unit}"
            if thresholds:
                verdict = "met" if all(r.met() for r in judged) else "**missed**"
        lines.append("| " + " | ".join([name, *cells, target, verdict]) + " |")
    return "\n".join(lines)


START, END = "<!-- generated:start -->", "<!-- generated:end -->"


def write_table(generated: str) -> None:
    """Replace the generated part of docs/benchmarks.md; the write-ups around it stay."""
    block = f"{START}\n{generated}{END}"
    old = TABLE.read_text(encoding="utf-8") if TABLE.exists() else ""
    if START in old and END in old:
        head, rest = old.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = "# Benchmarks\n\n" + block + "\n"
    TABLE.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="S only, no thresholds")
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--no-team", action="store_true", help="skip the team server (needs PostgreSQL)"
    )
    parser.add_argument(
        "--only",
        choices=[once.__name__ for once in ONCE],
        help="run one size-independent benchmark and print its rows (writes nothing)",
    )
    args = parser.parse_args()
    if args.only:
        chosen = next(once for once in ONCE if once.__name__ == args.only)
        print(table(chosen(args.repeat or 15), ["-"], thresholds=True))
        return
    sizes = ["S"] if args.quick else ["S", "M", "L"]
    repeat = args.repeat or (3 if args.quick else 15)
    results = run(sizes, repeat, args.cache)
    if not args.no_team:
        # Its own sizes (quick: 20 accounts, else 1,000), a real PostgreSQL and server.
        results += bench_team.bench_team(args.quick)
        # Server memory with rooms held open (quick: 200, else 10,000: about 10 minutes).
        results += bench_team_memory.bench_team_memory(200 if args.quick else 10_000)
    text = table(results, sizes, thresholds=not args.quick)
    print(text)
    if args.quick or args.no_write:
        return
    machine = (
        f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as tmp:  # the app writes its lock and log beside
        imports = bench_gui.import_profile(working_copy(dataset(args.cache, "M"), Path(tmp)))
    generated = (
        f"Written by `python -m benchmarks.run` on {date.today()} ({machine}, 2 cores).\n"
        "Datasets: S = 1k accounts / 10k contacts, M = 10k / 100k, L = 50k / 1M "
        "(`benchmarks/generate.py`, seed 7).\n\n"
        + text
        + "\n\nCostliest imports before the first paint (M, `-X importtime`, cumulative ms): "
        + ", ".join(f"{name} {ms:.0f}" for name, ms in imports)
        + ".\n"
    )
    write_table(generated)
    print(f"wrote {TABLE}")


if __name__ == "__main__":
    main()
