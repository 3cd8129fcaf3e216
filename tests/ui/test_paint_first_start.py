"""Start-up paints the rep's accounts before the data file is open, and loses nothing typed or
clicked meanwhile.

The worker that checks and opens the file is held at a gate (the real check, just later), so
the test can act on the window in the moment a rep on a slow laptop would.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import Options
from desktop.ui import application

NAMES = ["北京华信科技", "Acme Tools", "苏州恒远精密", "Zeta GmbH"]


@pytest.fixture
def data_folder(tmp_path):
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.store.database import open_database

    folder = tmp_path / "data"
    db = open_database(folder / "callbrief.sqlite3")
    services = Services.build(db, default_playbook())
    for name in NAMES:
        services.accounts.create(name=name)
    services.settings.set(demo_offered="yes")
    db.close()
    return folder


@pytest.fixture
def gated_check(monkeypatch):
    """Hold the start-up check until the test opens the gate."""
    from desktop.services import recovery

    gate = threading.Event()
    real = recovery.assess

    def assess(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(recovery, "assess", assess)
    return gate


def _main_window():  # type: ignore[no-untyped-def]
    from desktop.ui.main_window import MainWindow

    # Only a shown one: windows of earlier tests linger, closed, until Qt deletes them.
    found = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    return found[0] if found else None


def _steps(*steps: Callable[[], bool]) -> None:
    """Run each step from the event loop in turn; a step returning False is retried."""
    pending = list(steps)

    def tick() -> None:
        if pending and pending[0]():
            pending.pop(0)
        if pending:
            QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)


def test_accounts_show_before_the_file_opens_and_an_early_open_is_kept(
    data_folder, gated_check, qapp
):
    seen: dict[str, object] = {}

    def first_look() -> bool:
        window = _main_window()
        if window is None:
            return False
        seen["ready_at_first_look"] = window.ctx.ready
        model = window.accounts.table.model()
        seen["names"] = [model.index(r, 0).data() for r in range(model.rowCount())]
        # The rep double-clicks "Acme Tools" and types a search while the file still opens.
        window.accounts.table.activated.emit(model.index(0, 0))
        window.search.setText("恒远")
        seen["busy"] = QApplication.overrideCursor() is not None
        gated_check.set()
        return True

    def after_opening() -> bool:
        window = _main_window()
        if not window.ctx.ready:
            return False
        page = window.current_screen()
        seen["opened"] = getattr(page, "account_id", None)
        seen["title"] = window.windowTitle()
        seen["busy_after"] = QApplication.overrideCursor() is not None
        return True

    def search_answered() -> bool:
        window = _main_window()
        results = window.search.results
        if not results.isVisible():
            return False
        seen["hits"] = [
            results.topLevelItem(i).child(j).text(0)
            for i in range(results.topLevelItemCount())
            for j in range(results.topLevelItem(i).childCount())
        ]
        window.close()
        return True

    _steps(first_look, after_opening, search_answered)
    assert application.run(Options(data_dir=str(data_folder))) == 0

    assert seen["ready_at_first_look"] is False
    assert seen["names"] == sorted(NAMES)  # the first page, by name, before the ORM was loaded
    assert seen["busy"] is True
    assert seen["opened"] is not None and "Acme Tools" in str(seen["title"])
    assert seen["busy_after"] is False
    assert any("苏州恒远精密" in hit for hit in seen["hits"])


def test_damage_found_after_the_first_paint_still_offers_the_backup(data_folder, monkeypatch, qapp):
    import sqlite3

    db_path = data_folder / "callbrief.sqlite3"
    # A big table the first page never reads, then damage in its pages only.
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE ballast (x TEXT)")
    con.executemany("INSERT INTO ballast VALUES (?)", [("x" * 500,)] * 400)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for pgno in range(len(data) // page - 20, len(data) // page, 3):
        start = (pgno - 1) * page
        for offset in (1, 3, 5):
            data[start + offset] ^= 0xA5
    db_path.write_bytes(bytes(data))
    offered = []

    def decline(report, passphrase=None, parent=None):  # type: ignore[no-untyped-def]
        offered.append(report)
        return False  # the rep chooses Quit

    monkeypatch.setattr("desktop.ui.recovery_dialog.offer_recovery", decline)
    painted = []

    def look() -> bool:
        window = _main_window()
        if window is not None:
            model = window.accounts.table.model()
            painted.append(model.index(0, 0).data())
        return window is not None

    _steps(look)

    assert application.run(Options(data_dir=str(data_folder))) == 1
    assert painted == ["Acme Tools"], "the window did not show the first page"
    (report,) = offered
    assert report.status == "damaged" and report.moved_to is not None


def test_an_older_file_says_it_is_being_upgraded_then_opens(tmp_path, monkeypatch, qapp):
    import shutil
    from pathlib import Path

    from PySide6.QtWidgets import QLabel, QProgressBar

    from desktop import app as composition

    folder = tmp_path / "data"
    folder.mkdir()
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "schema" / "0001.sqlite3"
    shutil.copy(fixture, folder / "callbrief.sqlite3")
    gate = threading.Event()
    real = composition.open_services

    def open_later(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(composition, "open_services", open_later)
    monkeypatch.setattr("desktop.ui.first_run.offer_demo", lambda ctx, window: None)
    seen: dict[str, object] = {}

    def notice_shows() -> bool:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.findChild(QProgressBar) is not None:
                seen["notice"] = widget.findChild(QLabel).text()
                gate.set()
                return True
        return False

    def window_opens() -> bool:
        window = _main_window()
        if window is None:
            return False
        model = window.accounts.table.model()
        seen["names"] = [model.index(r, 0).data() for r in range(model.rowCount())]
        window.close()
        return True

    _steps(notice_shows, window_opens)
    assert application.run(Options(data_dir=str(folder))) == 0
    assert "Upgrading your data" in str(seen["notice"])
    assert seen["names"] == ["苏州恒远精密制造有限公司"]
    backups = list((folder / "backups").glob("pre-migration-0001-*"))
    assert backups, "no copy of the old file was kept"


def test_a_window_that_does_not_paint_still_opens_the_data(data_folder, monkeypatch, qapp):
    """Started minimised, the window may not paint for a long time; the file opens anyway."""
    from desktop.ui.main_window import MainWindow

    kept: list[MainWindow] = []
    monkeypatch.setattr(MainWindow, "show", lambda self: kept.append(self))  # never painted
    seen: dict[str, object] = {}

    def opened() -> bool:
        if not kept or not kept[0].ctx.ready:
            return False
        window = kept[0]
        model = window.accounts.table.model()
        seen["names"] = [model.index(r, 0).data() for r in range(model.rowCount())]
        seen["painted"] = window.isVisible()
        QApplication.instance().quit()
        return True

    _steps(opened)
    QTimer.singleShot(10_000, QApplication.instance().quit)  # fail, do not hang, if it never opens
    assert application.run(Options(data_dir=str(data_folder))) == 0
    assert seen == {"names": sorted(NAMES), "painted": False}
    kept[0].deleteLater()
