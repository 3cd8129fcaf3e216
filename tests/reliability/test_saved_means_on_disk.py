"""What "saved" means: when a form reports a change as saved, the change is committed to the
file, with a full sync — another program reading the file at that moment already sees it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from reliability_support import record

READER = """
import sqlite3, sys
con = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print(con.execute("SELECT notes FROM accounts WHERE id = ?", (int(sys.argv[2]),)).fetchone()[0])
"""


def test_the_saved_signal_comes_after_the_commit(qtbot, services):
    from desktop.ui.binding import FormBinder

    account = services.accounts.create(name="Acme")
    field = QLineEdit()
    qtbot.addWidget(field)
    binder = FormBinder(
        lambda values: services.accounts.update(account.id, **values), None, lambda: "en"
    )
    binder.bind("notes", field)
    binder.load(services.accounts.get(account.id))
    seen_by_another_program: list[str] = []

    def on_saved(_changes: dict) -> None:
        # At the moment the status bar would say "All changes saved": ask another process.
        out = subprocess.run(
            [sys.executable, "-c", READER, str(services.db.path), str(account.id)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
        seen_by_another_program.append(out.stdout.strip())

    binder.saved.connect(on_saved)
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "Budget confirmed")
    qtbot.keyClick(field, Qt.Key_Return)
    assert seen_by_another_program == ["Budget confirmed"]
    with services.db.write() as s:
        sync = s.connection().exec_driver_sql("PRAGMA synchronous").scalar()
        mode = s.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
    assert (sync, mode) == (2, "wal")  # FULL: each commit syncs the WAL to the disk
    con = sqlite3.connect(services.db.path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    record("saved", meaning="committed and synced before the saved signal", checked=True)
