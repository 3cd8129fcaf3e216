"""GUI measurements, each run in a fresh child process (offscreen) and reported as JSON.

    python -m benchmarks.gui_child lists FOLDER REPEAT
    python -m benchmarks.gui_child open_account FOLDER REPEAT
    python -m benchmarks.gui_child memory FOLDER 1

The parent (benchmarks/bench_gui.py) reads one JSON object from stdout: {name: [ms, ...]}.
A separate process per measurement keeps Qt's caches and the resident size of one benchmark
out of the next.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _ms(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _peak_rss_mb() -> float:
    """Peak resident size of this process. Not ru_maxrss: on Linux that survives exec, so a
    child started by a runner holding 450 MB would report the runner's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB → MB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB → MB elsewhere


def _window(folder: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.app import Options, open_services
    from desktop.ui.context import UiContext
    from desktop.ui.fonts import install_cjk_font
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    install_cjk_font(app)
    services = open_services(Options(data_dir=str(folder)))
    ctx = UiContext.build(services, "en")
    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return app, services, window


def lists(folder: Path, repeat: int) -> dict[str, list[float]]:
    """First paint, sort and filter of the account list; a page fetched while scrolling."""
    from desktop.services.queries import AccountFilter
    from desktop.ui.accounts.view import AccountListView
    from desktop.ui.upcoming.view import UpcomingView

    app, services, window = _window(folder)
    out: dict[str, list[float]] = {k: [] for k in ("first", "sort", "filter", "scroll", "week")}
    for i in range(repeat):

        def first_paint() -> Any:
            view = AccountListView(window.ctx)
            view.resize(1000, 700)
            view.show()
            view.grab()  # paints it
            return view

        started = time.perf_counter()
        view = first_paint()
        out["first"].append((time.perf_counter() - started) * 1000)
        model = view.table.model()
        column = (i % 3) + 1  # industry, city, tier … in turn
        out["sort"].append(_ms(lambda m=model, c=column, v=view: (m.sort(c), v.grab())))
        flt = AccountFilter(tier="key", segment="E1")
        out["filter"].append(_ms(lambda m=model, f=flt, v=view: (m.set_filter(f), v.grab())))
        model.set_filter(AccountFilter())
        out["scroll"].append(_ms(lambda m=model: m.fetchMore()))
        view.close()
        view.deleteLater()
        app.processEvents()

        def week() -> None:
            upcoming = UpcomingView(window.ctx)
            upcoming.resize(1000, 700)
            upcoming.show()
            upcoming.grab()
            upcoming.close()

        out["week"].append(_ms(week))
    services.db.close()
    return out


def open_account(folder: Path, repeat: int) -> dict[str, list[float]]:
    """Open an account with 200 contacts: the page, then its decision map drawn."""
    from desktop.store.models import Account, BuyingRole, Contact, Opportunity

    app, services, window = _window(folder)
    with services.db.write() as s:
        account = Account(name="两百人客户 Two Hundred Co.")
        s.add(account)
        s.flush()
        opp = Opportunity(account_id=account.id, name="Big deal")
        s.add(opp)
        s.flush()
        people: list[Contact] = []
        for i in range(200):
            manager = people[(i - 1) // 5].id if i else None
            person = Contact(account_id=account.id, name=f"联系人{i}", title="经理",
                             reports_to_id=manager)  # fmt: skip
            s.add(person)
            s.flush()
            people.append(person)
            if i % 4 == 0:
                s.add(BuyingRole(opportunity_id=opp.id, contact_id=person.id, roles=["user"]))
        account_id = account.id
    out: dict[str, list[float]] = {"page": [], "map": []}
    for _ in range(repeat):
        window._pages.clear()  # a cold open each time, as after a restart

        def page() -> Any:
            opened = window.open_account(account_id)
            window.grab()
            return opened

        started = time.perf_counter()
        opened = page()
        out["page"].append((time.perf_counter() - started) * 1000)

        def draw_map(page: Any = opened) -> None:
            page.show_tab(1)
            page.circle.map_button.click()  # as the rep does: List → Map
            window.grab()

        out["map"].append(_ms(draw_map))
    services.db.close()
    return out


def memory(folder: Path, _repeat: int) -> dict[str, list[float]]:
    """Resident size (MB) with the data file open and browsed."""
    from desktop.ui.accounts.view import AccountListView

    app, services, window = _window(folder)
    view = AccountListView(window.ctx)
    view.show()
    model = view.table.model()
    for _ in range(25):  # scroll 5,000 rows
        model.fetchMore()
        view.grab()
    for account_id in range(1, 11):
        page = window.open_account(account_id)
        page.show_tab(1)
        window.grab()
    for query in ("王", "张伟", "mes", "苏州"):
        services.queries.search(query)
    app.processEvents()
    peak = _peak_rss_mb()
    services.db.close()
    return {"rss": [peak]}


if __name__ == "__main__":
    what, folder, repeat = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    result = {"lists": lists, "open_account": open_account, "memory": memory}[what](folder, repeat)
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown: not part of any figure
