"""Printing a big decision circle: the map PDF and the brief of a visit, 200 people."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .bench_core import open_services
from .circles import make_circle
from .measure import Result, time_calls

PEOPLE = 200


def bench_paper(repeat: int) -> list[Result]:
    """The 200-person map to PDF (Qt, on as many pages as it takes) and a visit's brief."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.export.brief import render_brief
    from desktop.export.map.render import ensure_gui, export_map

    ensure_gui()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        services = open_services(root / "data")
        opp_id, visit_id = make_circle(services, PEOPLE)
        map_ms = time_calls(
            lambda: export_map(services, opp_id, root / "map.pdf", lang="zh"), repeat
        )
        brief_ms = time_calls(
            lambda: render_brief(services, visit_id, root / "brief.pdf", lang="zh"), repeat
        )
        services.db.close()
    return [
        Result(f"map PDF, {PEOPLE} people", "-", map_ms, 1000.0, on_median=True),
        Result(f"brief: a visit on a {PEOPLE}-person account", "-", brief_ms, 1000.0,
               on_median=True),
    ]  # fmt: skip
