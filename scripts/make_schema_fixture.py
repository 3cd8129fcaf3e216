"""Write tests/fixtures/schema/<revision>.sqlite3: the demo account at the current schema.

Run once when a schema revision ships (``python scripts/make_schema_fixture.py``) and commit the
file; it is never regenerated for an old revision. tests/reliability/test_upgrade_paths.py
opens every fixture, upgrades it to the newest schema and checks that every row is kept.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.services.demo import load_demo  # noqa: E402
from desktop.store.database import open_database  # noqa: E402
from desktop.store.migrate import HEAD_REVISION  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "schema"


def main() -> int:
    target = FIXTURES / f"{HEAD_REVISION}.sqlite3"
    if target.exists() and "--force" not in sys.argv:
        print(f"{target} exists; a shipped revision's fixture is never rewritten (--force).")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "callbrief.sqlite3"
        db = open_database(work)
        load_demo(db, today=dt.date(2025, 3, 3))
        db.close()
        FIXTURES.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        con = sqlite3.connect(work)
        # One self-contained, compact file (no WAL beside it).
        con.execute("VACUUM INTO ?", (str(target),))
        con.close()
    print(f"Wrote {target} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
