"""The first page of the account list, read with the stdlib driver before the ORM is loaded.

Start-up paints the window with the rep's own accounts while SQLAlchemy is still being imported
on a worker thread (see ``desktop/ui/application.py``). This module repeats, in plain SQL, the
default query of ``QueryService.account_rows`` (no filter, by name, first page);
tests/services/test_start_view.py checks the two agree row for row.

It reads only a plain file at the current schema revision and gives up (returns None) on
anything else: encrypted, older, newer, foreign or damaged files take the ordinary start-up path
with its checks and messages.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from . import connect, migrate

_FIRST_PAGE = """
SELECT a.id, a.name, a.alt_name, a.industry, a.city, a.pyramid_tier, a.segment_code,
  (SELECT max({rank}) FROM opportunities AS o
    WHERE o.account_id = a.id AND o.stage IN ({open_stages})) AS best_rank,
  (SELECT min(v.starts_at) FROM visits AS v JOIN opportunities AS o ON v.opportunity_id = o.id
    WHERE o.account_id = a.id AND v.starts_at >= ? AND v.status != 'done') AS next_visit
FROM (SELECT id FROM accounts ORDER BY name, id LIMIT ?) AS page
JOIN accounts AS a ON a.id = page.id
ORDER BY a.name, a.id
"""


@dataclass(frozen=True)
class FirstPage:
    settings: dict[str, str]
    total: int  # accounts in the file
    rows: list[tuple[Any, ...]]  # id, name, alt_name, industry, city, tier, segment, rank, next


def read_first_page(
    path: Path, stage_rank: Mapping[str, int], open_stages: Sequence[str], today: date, limit: int
) -> FirstPage | None:
    """The stored settings, the number of accounts and the first ``limit`` rows by name."""
    if not path.exists() or not connect.looks_plain(path) or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != migrate.HEAD_REVISION:
            return None
        settings = dict(con.execute("SELECT key, value FROM settings").fetchall())
        total = con.execute("SELECT count(*) FROM accounts").fetchone()[0]
        cases = " ".join(f"WHEN ? THEN {int(index)}" for index in stage_rank.values())
        rank = f"CASE o.stage {cases} ELSE -1 END" if stage_rank else "-1"
        sql = _FIRST_PAGE.format(rank=rank, open_stages=",".join("?" * len(open_stages)))
        # The same text SQLAlchemy binds for a DateTime, so the comparison matches its query.
        since = datetime.combine(today, time.min).strftime("%Y-%m-%d %H:%M:%S.%f")
        params = [*stage_rank.keys(), *open_stages, since, limit]
        rows = con.execute(sql, params).fetchall()
    except sqlite3.Error:
        return None  # locked, damaged, or not ours: the ordinary path says what is wrong
    finally:
        con.close()
    return FirstPage(settings, int(total), rows)
