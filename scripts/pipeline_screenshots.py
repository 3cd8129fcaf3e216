"""Screenshots of the pipeline screen and page images of the pipeline review, both languages.

    .venv/bin/python scripts/pipeline_screenshots.py [--out docs/screenshots/issue16]

Loads the demo account (a stalled deal with a "maybe" and an overdue next step, a deal never
visited) into a temporary folder, opens the window offscreen at 1280×800 and saves
``<lang>-pipeline.png`` (the screen: charts and stalled deals) and ``<lang>-pipeline-review.png``
(the PDF's page, through pdftoppm).
"""

from __future__ import annotations

import argparse
import os
import subprocess
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

    from desktop.ui.main_window import NAV_PIPELINE

    with demo_session("callbrief-pipeline-") as (app, services, account_id, folder):
        for lang, window in window_per_language(services):
            window.show_nav(NAV_PIPELINE)
            view = window.pipeline
            while view.busy() or view.review is None:  # the figures are read on a worker
                app.processEvents()
            shoot(app, window, args.out / f"{lang}-pipeline.png")
            pdf = folder / f"{lang}.pdf"
            view.export_to(pdf)
            stem = args.out / f"{lang}-pipeline-review"
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(stem)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
