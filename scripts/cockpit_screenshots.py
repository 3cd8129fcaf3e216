"""Screenshots of the deal cockpit and the week's next steps, in English and Chinese.

    .venv/bin/python scripts/cockpit_screenshots.py [--out docs/screenshots/issue16]

Loads the demo account (a stalled deal, overdue next steps) into a temporary folder, opens the
window offscreen at 1280×800 and saves ``<lang>-deal-cockpit.png`` (the opportunity screen,
scrolled to the cockpit), ``<lang>-referrals.png`` (the handed-over deal's referral slots) and
``<lang>-next-steps.png`` (the week screen).
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
    from desktop.ui.main_window import NAV_UPCOMING

    with demo_session("callbrief-cockpit-") as (app, services, account_id, folder):
        for lang, window in window_per_language(services):
            page = window.open_account(account_id)
            page.show_tab(TAB_OPPORTUNITIES)
            form = page.opportunities.current_form()
            form.cockpit.setMinimumWidth(form.width())
            shoot(app, form.cockpit, args.out / f"{lang}-deal-cockpit.png")
            shoot(app, window, args.out / f"{lang}-opportunity-screen.png")
            # The handed-over deal (stage F) and its referral slots ("1+2").
            handed = [o for o in services.opportunities.for_account(account_id) if o.stage == "F"]
            if handed:
                page.opportunities.choose(handed[0].id)
                form = page.opportunities.current_form()
                form.referrals.setMinimumWidth(form.width())
                shoot(app, form.referrals, args.out / f"{lang}-referrals.png")
            window.show_nav(NAV_UPCOMING)
            shoot(app, window, args.out / f"{lang}-next-steps.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
