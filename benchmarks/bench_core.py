"""Benchmarks of the core without a window: search as you type, saving an edit, bundles."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from desktop.domain.playbook import default_playbook
from desktop.services import Services
from desktop.store.database import open_database

from .measure import Result, time_calls

# Latin and Chinese, 1, 2 and 3+ characters: what a rep types into the search box.
SEARCH_QUERIES = {
    "zh-1": ["王", "张", "李", "苏"],
    "zh-2": ["王伟", "张敏", "苏州", "精密"],
    "zh-3+": ["王建国", "恒远精", "有限公司", "汽车零部件"],
    "latin-1": ["m", "a", "s", "1"],
    "latin-2": ["wa", "an", "me", "13"],
    "latin-3+": ["mes", "anna", "supply", "user12"],
}


def open_services(folder: Path) -> Services:
    return Services.build(open_database(folder / "callbrief.sqlite3"), default_playbook())


def bench_search(folder: Path, size: str, repeat: int) -> list[Result]:
    services = open_services(folder)
    results = []
    try:
        for group, queries in SEARCH_QUERIES.items():
            samples: list[float] = []
            for query in queries:
                # Each query timed ``repeat`` times, as one keystroke's search.
                samples += time_calls(lambda q=query: services.queries.search(q), repeat)
            target = {"M": 30.0, "L": 150.0}.get(size)
            results.append(Result(f"search {group}", size, samples, target))
    finally:
        services.db.close()
    return results


def bench_save(folder: Path, size: str, repeat: int) -> list[Result]:
    """One field edit saved with full durability (synchronous=FULL, its own transaction)."""
    services = open_services(folder)
    try:
        counter = iter(range(10**9))
        samples = time_calls(
            lambda: services.contacts.update(1, relationship_notes=f"note {next(counter)}"),
            repeat * 5,
        )
    finally:
        services.db.close()
    return [Result("save one edit", size, samples, 10.0)]


def bench_bundle(repeat: int) -> list[Result]:
    """Export and import of an account with 500 contacts (size-independent)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        services = open_services(root / "src")
        account = services.accounts.create(name="Bundle benchmark 基准测试有限公司")
        with services.db.write() as s:
            from desktop.store.models import Contact

            for i in range(500):
                s.add(
                    Contact(
                        account_id=account.id,
                        name=f"联系人{i}",
                        title="工程师 Engineer",
                        email=f"c{i}@example.cn",
                        relationship_notes="喜欢打羽毛球; likes badminton. " * 3,
                    )
                )
        from desktop.export.bundle import export_bundle
        from desktop.services.bundle_import import import_bundle

        bundle = root / "bundle.json"
        export_ms = time_calls(lambda: export_bundle(services.db, account.id, bundle), repeat)
        target = open_services(root / "dst")
        import_ms = time_calls(lambda: import_bundle(target.db, bundle), repeat)
        services.db.close()
        target.db.close()
    return [
        Result("bundle export, 500 contacts", "-", export_ms, 1000.0, on_median=True),
        Result("bundle import, 500 contacts", "-", import_ms, 1000.0, on_median=True),
    ]


def bench_brief(repeat: int) -> list[Result]:
    """The demo brief, and a day of 50 visits printed as one PDF (size-independent)."""
    from datetime import date, datetime, timedelta

    from desktop.export.brief import render_brief, render_briefs_for_day
    from desktop.services.demo import load_demo
    from desktop.store.models import Visit

    day = date(2026, 12, 1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        services = open_services(root / "data")
        for _ in range(50):  # 50 demo copies, each with its upcoming visit on ``day``
            load_demo(services.db, today=day - timedelta(days=1))
        with services.db.write() as s:
            for n, visit in enumerate(s.query(Visit).filter(Visit.status == "ready")):
                visit.starts_at = datetime.combine(day, datetime.min.time()) + timedelta(
                    hours=8, minutes=10 * n
                )
            first = s.query(Visit).filter(Visit.status == "ready").first()
            assert first is not None
            visit_id = first.id
        render_brief(services, visit_id, root / "warm.pdf", lang="zh")  # fonts, imports
        one = time_calls(lambda: render_brief(services, visit_id, root / "one.pdf", lang="zh"),
                         repeat)  # fmt: skip
        day_ms = time_calls(
            lambda: render_briefs_for_day(services, day, root / "day.pdf", lang="zh"),
            max(1, repeat // 5),
            warmup=0,
        )
        services.db.close()
    return [
        Result("brief: demo visit (zh, A4)", "-", one, 150.0, on_median=True),
        Result("brief: a day of 50 visits", "-", day_ms, 5000.0, on_median=True),
    ]


def _delete_contacts_after(path: Path, last: int) -> None:
    """Remove the contacts a run imported (untimed), the account back as it was.

    Through a plain connection without foreign keys: nothing refers to the new people, and with
    them on SQLite would scan the unindexed planned_questions.target_contact_id and
    needs.contact_id once per deleted contact (minutes for 100k at M).
    """
    import sqlite3

    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.execute("DELETE FROM contacts WHERE id > ?", (last,))  # the index trigger runs
        con.execute("COMMIT")
    finally:
        con.close()


def bench_import(folder: Path, size: str, repeat: int) -> list[Result]:
    """A 100k-row Outlook CSV imported into an account, as the rep does it: read and check the
    file (problems, duplicates, managers), then write the good rows in one transaction.

    Two files with the same people: the plain one (an e-mail and a phone or two a person) and
    one with every phone and e-mail column filled (three e-mails, 19 phones: ~20 details a
    person). S (what ``--quick`` runs) imports 5k rows to stay fast; its figures say so. Each
    run's contacts are deleted again (untimed), so every run meets the same account and file.
    """
    from .contacts_csv import write_contacts_csv

    rows = 5_000 if size == "S" else 100_000
    runs = max(3, repeat // 5)
    account_id = 1  # ten (M) or twenty (L) people already, some of them again in the file
    services = open_services(folder)
    label = "5k rows (quick size)" if size == "S" else "100k rows"
    target = None if size == "S" else 10_000.0
    results = []
    try:
        people = services.contacts.for_account(account_id)
        existing = [(c.name, c.email, c.phone_mobile) for c in people]
        with tempfile.TemporaryDirectory() as tmp:
            for every_detail, name in ((False, label), (True, f"Outlook {label}, every phone "
                                                                "and e-mail filled")):  # fmt: skip
                path = Path(tmp) / "outlook-contacts.csv"
                write_contacts_csv(path, rows, existing, every_detail=every_detail)
                samples, split = import_runs(services, path, account_id, runs)
                results.append(
                    Result(
                        f"import contacts CSV, {name}",
                        size,
                        samples,
                        target,
                        on_median=True,
                        note=split,
                    )  # fmt: skip
                )
    finally:
        services.db.close()
    return results


def import_runs(
    services: Services, path: Path, account_id: int, runs: int
) -> tuple[list[float], str]:
    """Preview and commit ``path`` ``runs`` times; each run's ms and the median split."""
    import time

    from sqlalchemy import text

    from desktop.services.contact_import import commit_import, preview_import

    samples, reading, writing = [], [], []
    for _ in range(runs):
        with services.db.read() as s:
            last = s.execute(text("SELECT max(id) FROM contacts")).scalar_one() or 0
        started = time.perf_counter()
        preview = preview_import(services, path, account_id)
        checked = time.perf_counter()
        added = commit_import(services, preview, account_id)
        done = time.perf_counter()
        assert added == len(preview.importable()) and preview.problem_rows
        samples.append((done - started) * 1000)
        reading.append((checked - started) * 1000)
        writing.append((done - checked) * 1000)
        del preview
        _delete_contacts_after(services.db.path, last)
    split = (
        f"read+check {statistics.median(reading):.0f} ms, write {statistics.median(writing):.0f} ms"
    )
    return samples, split
