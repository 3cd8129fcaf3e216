"""A disk that is full, a file that cannot be written, a file locked for too long: a plain
message, nothing half-written, the edit kept on screen, and a retry that saves it.

The failures are SQLite's own, produced the way they arise: ``PRAGMA max_page_count`` makes the
file full (SQLITE_FULL, "database or disk is full"), ``PRAGMA query_only`` makes it refuse
writes (SQLITE_READONLY, as for a read-only file or folder — root, which runs these tests,
ignores file permissions), and a second connection holding the write lock past the busy
timeout makes it locked (SQLITE_BUSY).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget
from reliability_support import record
from sqlalchemy import event

from desktop.store import pragmas
from desktop.store.database import Database, open_database
from desktop.store.errors import DiskFullError, LockedError, ReadOnlyError, SaveError


def refuse_writes(db: Database, how: str) -> Callable[[], None]:
    """Make every new connection of ``db`` fail writes as ``how`` says; returns the cure."""

    def on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        if how == "full":
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")
        else:
            dbapi_conn.execute("PRAGMA query_only = ON")

    event.listen(db.engine, "connect", on_connect)
    db.engine.dispose()

    def cure() -> None:
        event.remove(db.engine, "connect", on_connect)
        db.engine.dispose()

    return cure


def table_counts(db: Database) -> dict[str, int]:
    con = sqlite3.connect(db.path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


@pytest.mark.parametrize(
    ("how", "error", "words"),
    [("full", DiskFullError, "is full"), ("readonly", ReadOnlyError, "cannot be written")],
)
def test_a_refused_bulk_write_leaves_nothing_and_can_be_retried(services, how, error, words):
    from desktop.services.demo import load_demo

    db = services.db
    before = table_counts(db)
    cure = refuse_writes(db, how)
    with pytest.raises(error, match=words) as caught:
        load_demo(db)  # hundreds of rows in one transaction
    assert "Traceback" not in str(caught.value) and "sqlite" not in str(caught.value).lower()
    assert isinstance(caught.value, SaveError)
    assert table_counts(db) == before  # nothing of it was written
    cure()
    load_demo(db)
    assert table_counts(db)["contacts"] == 10
    record("hostile_environment", condition=how, plain_message=True, partial_writes=0)


def test_a_file_locked_for_too_long_is_a_plain_message(db_path, monkeypatch):
    monkeypatch.setattr(pragmas, "BUSY_TIMEOUT_MS", 300)
    db = open_database(db_path)
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services

    services = Services.build(db, default_playbook())
    account = services.accounts.create(name="Acme")
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LockedError, match="busy for too long"):
            services.accounts.update(account.id, notes="typed while locked")
    finally:
        other.execute("ROLLBACK")
        other.close()
    services.accounts.update(account.id, notes="typed while locked")
    assert services.accounts.get(account.id).notes == "typed while locked"
    db.close()
    record("hostile_environment", condition="locked", plain_message=True, partial_writes=0)


@pytest.mark.parametrize("how", ["full", "readonly"])
def test_the_form_keeps_the_edit_shows_why_and_saves_on_retry(qtbot, services, how, monkeypatch):
    from desktop.ui import binding
    from desktop.ui.binding import FormBinder

    monkeypatch.setattr(binding, "RETRY_MS", 300)  # the retry comes sooner, nothing else differs
    account = services.accounts.create(name="Acme")
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    notes, error = QLineEdit(), QLabel()
    layout.addWidget(notes)
    layout.addWidget(error)
    binder = FormBinder(
        lambda values: services.accounts.update(account.id, **values), None, lambda: "en", form
    )
    binder.bind("notes", notes, error)
    binder.load(services.accounts.get(account.id))
    form.show()
    failures: list[str] = []
    binder.failed.connect(failures.append)

    cure = refuse_writes(services.db, how)
    # A pasted page of minutes, then typing: a change that needs new room in the file.
    minutes = "Minutes of the site visit. " * 800
    notes.setText(minutes)
    notes.setFocus()
    qtbot.keyClicks(notes, "Met the plant manager")
    qtbot.keyClick(notes, Qt.Key_Return)
    typed = minutes + "Met the plant manager"
    assert notes.text() == typed  # still on screen
    assert error.isVisible() and ("full" in error.text() or "cannot be written" in error.text())
    assert failures and "try again" in failures[-1]
    assert binder.has_pending
    assert services.accounts.get(account.id).notes == ""  # nothing half-saved

    cure()
    with qtbot.waitSignal(binder.saved, timeout=binding.RETRY_MS + 5000):
        pass  # the binder tries again by itself
    assert services.accounts.get(account.id).notes == typed
    assert not binder.has_pending and not error.isVisible()
