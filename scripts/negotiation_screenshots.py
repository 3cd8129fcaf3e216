"""Screenshots of a deal's negotiation card and coaches (issue 16), in English and Chinese.

    .venv/bin/python scripts/negotiation_screenshots.py [--out docs/screenshots/issue16]

Loads the demo account (its main deal negotiates at stage C and develops three coaches) into a
temporary folder, opens the window offscreen and saves ``<lang>-negotiation-card.png`` and
``<lang>-coaches.png``, each the widget as the opportunity screen shows it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screenshots import demo_session, shoot, window_per_language  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots" / "issue16")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    from desktop.ui.account.page import TAB_OPPORTUNITIES

    with demo_session("callbrief-negotiation-") as (app, services, account_id, folder):
        for lang, window in window_per_language(services):
            page = window.open_account(account_id)
            page.show_tab(TAB_OPPORTUNITIES)
            form = page.opportunities.current_form()
            for widget, name in ((form.negotiation, "negotiation-card"), (form.coaches, "coaches")):
                widget.setMinimumWidth(form.width())
                shoot(app, widget, args.out / f"{lang}-{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
