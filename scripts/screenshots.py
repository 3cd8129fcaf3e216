"""Regenerate the screenshots in docs/screenshots/, in English and Chinese.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Loads the demo account into a temporary data folder, opens the main window offscreen at
1280×800 and saves one PNG per screen and language: ``en-account-list.png``,
``zh-decision-circle.png`` and so on. The visit plan and visit mode are included when the
visit package is part of the build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

if TYPE_CHECKING:
    from desktop.services import Services
    from desktop.ui.main_window import MainWindow

SIZE = (1280, 800)


def settle(app: QApplication) -> None:
    for _ in range(5):
        QCoreApplication.sendPostedEvents()
        app.processEvents()


def shoot(app: QApplication, widget: QWidget, out: Path) -> None:
    settle(app)
    widget.grab().save(str(out))
    print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)


@contextmanager
def demo_session(prefix: str) -> Iterator[tuple[QApplication, Services, int, Path]]:
    """The app (Fusion style, the bundled CJK font) and the demo account in a scratch data folder:
    (app, services, the demo's account id, the folder). The folder is removed afterwards."""
    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database
    from desktop.ui import i18n
    from desktop.ui.fonts import install_cjk_font

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    install_cjk_font(app)
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        db = open_database(folder / "callbrief.sqlite3")
        try:
            services = Services.build(db, default_playbook())
            yield app, services, load_demo(db), folder
        finally:
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        i18n.install_translators("en")


def window_per_language(services: Services) -> Iterator[tuple[str, MainWindow]]:
    """The main window at SIZE, shown in English and then in Chinese; each closed after use."""
    from desktop.ui import i18n
    from desktop.ui.context import UiContext
    from desktop.ui.main_window import MainWindow

    for lang in ("en", "zh"):
        i18n.install_translators(lang)
        window = MainWindow(UiContext.build(services, lang))
        window.resize(*SIZE)
        window.show()
        try:
            yield lang, window
        finally:
            window.close()
            window.deleteLater()


def screens(app, window, account_id: int, out: Callable[[str], Path]) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.account.page import TAB_CIRCLE, TAB_OPPORTUNITIES, TAB_PROFILE
    from desktop.ui.preferences import PreferencesDialog

    window.show_nav(0)
    window.accounts.refresh()
    shoot(app, window, out("account-list"))

    window.search.setText("王")
    window.search.run_search()
    shoot(app, window, out("search"))
    window.search.results.hide()
    window.search.clear()

    page = window.open_account(account_id)
    page.show_tab(TAB_PROFILE)
    shoot(app, window, out("account-profile"))
    page.show_tab(TAB_CIRCLE)
    circle = page.circle
    contacts = circle._ctx.services.contacts.for_account(account_id)
    circle.select_contact(contacts[1].id)
    shoot(app, window, out("decision-circle"))
    circle.map_button.click()
    shoot(app, window, out("decision-map"))
    circle.list_button.click()
    page.show_tab(TAB_OPPORTUNITIES)
    shoot(app, window, out("opportunities"))

    window.show_nav(1)
    shoot(app, window, out("upcoming-visits"))

    dialog = PreferencesDialog(window.ctx, window)
    dialog.show()
    shoot(app, dialog, out("preferences"))
    dialog.close()

    (upcoming,) = window.upcoming.visit_rows()  # the demo's one planned visit
    view = window.open_visit(upcoming.visit_id)
    shoot(app, window, out("visit-plan"))
    view.open_visit_mode()
    view.visit_mode.resize(*SIZE)
    shoot(app, view.visit_mode, out("visit-mode"))
    view.visit_mode.close()
    window.go_back()


# A few more accounts around the demo one, so the list looks like a rep's real territory.
SAMPLE_ACCOUNTS = (
    ("无锡华晟汽车零部件有限公司", "Wuxi Huasheng Auto Parts",
     "汽车零部件", "无锡", "key", "E1A1", "D"),
    ("Ningbo Oriental Plastics Co.", "宁波东方塑业",
     "Injection moulding", "Ningbo", "ordinary", "F1D2", "B"),
    ("常州恒力电机股份有限公司", "Changzhou Hengli Motors",
     "电机制造", "常州", "key", "E2C1", "E"),
    ("Shanghai Precision Bearings", "上海精工轴承",
     "Bearings", "Shanghai", "ordinary", "F2B2", "A"),
    ("杭州绿源食品有限公司", "Hangzhou Lvyuan Foods",
     "食品加工", "杭州", "small", "F2D3", None),
    ("Kunshan Delta Electronics", "昆山德尔塔电子",
     "PCB assembly", "Kunshan", "ordinary", "E1B2", "C"),
    ("南通海恒船舶配件有限公司", "Nantong Haiheng Marine",
     "船舶配件", "南通", "small", "F1D3", "A"),
)  # fmt: skip


def add_sample_accounts(services) -> None:  # type: ignore[no-untyped-def]
    inputs = ("seg_recognition", "seg_pain", "seg_status", "seg_profit_tier")
    for name, alt, industry, city, tier, code, stage in SAMPLE_ACCOUNTS:
        account = services.accounts.create(
            name=name,
            alt_name=alt,
            industry=industry,
            city=city,
            pyramid_tier=tier,
            **dict(zip(inputs, code, strict=True)),
        )
        if stage:
            services.opportunities.create(account.id, name=f"{alt} — MES", stage=stage)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database
    from desktop.ui import i18n
    from desktop.ui.context import UiContext
    from desktop.ui.fonts import install_cjk_font
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    install_cjk_font(app)
    # A fixed folder: the Preferences screenshot shows it, and must not change between runs.
    folder = Path(tempfile.gettempdir()) / "callbrief-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        db = open_database(folder / "callbrief.sqlite3")
        services = Services.build(db, default_playbook())
        account_id = load_demo(db)
        add_sample_accounts(services)
        services.settings.set(company_name="智联云工 ZhiLink Cloud", rep_name="陈嘉怡 Jiayi Chen")
        for lang in ("en", "zh"):
            i18n.install_translators(lang)
            ctx = UiContext.build(services, lang)
            window = MainWindow(ctx)
            window.resize(*SIZE)
            window.show()
            screens(
                app, window, account_id, lambda name, lang=lang: args.out / f"{lang}-{name}.png"
            )
            window.close()
            window.deleteLater()
            settle(app)
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    i18n.install_translators("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
