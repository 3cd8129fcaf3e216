"""Screenshots of a deal's negotiation card and coaches (issue 16), in English and Chinese.

    .venv/bin/python scripts/negotiation_screenshots.py [--out docs/screenshots/issue16]

Loads the demo account (its main deal negotiates at stage C and develops three coaches) into a
temporary folder, opens the window offscreen and saves ``<lang>-negotiation-card.png`` and
``<lang>-coaches.png``, each the widget as the opportunity screen shows it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import SIZE, shoot  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "issue16")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database
    from desktop.ui import i18n
    from desktop.ui.account.page import TAB_OPPORTUNITIES
    from desktop.ui.context import UiContext
    from desktop.ui.fonts import install_cjk_font
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    install_cjk_font(app)
    folder = Path(tempfile.mkdtemp(prefix="callbrief-negotiation-"))
    try:
        db = open_database(folder / "callbrief.sqlite3")
        services = Services.build(db, default_playbook())
        account_id = load_demo(db)
        for lang in ("en", "zh"):
            i18n.install_translators(lang)
            window = MainWindow(UiContext.build(services, lang))
            window.resize(*SIZE)
            window.show()
            page = window.open_account(account_id)
            page.show_tab(TAB_OPPORTUNITIES)
            form = page.opportunities.current_form()
            for widget, name in ((form.negotiation, "negotiation-card"), (form.coaches, "coaches")):
                widget.setMinimumWidth(form.width())
                shoot(app, widget, args.out / f"{lang}-{name}.png")
            window.close()
            window.deleteLater()
        db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    i18n.install_translators("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
