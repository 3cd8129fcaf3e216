"""Writing the decision-maker map to PNG (print resolution), SVG and PDF.

All three formats run the same ``paint.paint_map`` on a different QPainter device, so they
carry the same content. Text stays text in SVG and PDF (searchable, pdftotext reads it) and is
set in the bundled CJK font, so Chinese renders wherever the file is opened. Works headless: a
QGuiApplication on the offscreen platform is created when none exists. Each file is written to
a temporary name first and moved into place, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter

from desktop.exchange.map_data import MapData
from desktop.export.atomic import write_atomically

from .paint import map_size, paint_map
from .sheets import write_pdf
from .style import MapLabels, font_family

FORMATS = ("png", "svg", "pdf")
PNG_SCALE = 3.0  # scene units are screen pixels; 3x is print resolution (about 300 dpi)
PNG_MAX_SIDE = 16000  # a very large circle is drawn smaller rather than exhausting memory
PNG_MAX_PIXELS = 120_000_000


class MapExportError(ValueError):
    """The map cannot be written in the format asked for."""


def ensure_gui() -> QGuiApplication:
    """The running Qt application, or a new offscreen one for headless exports."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["callbrief"])
    if not isinstance(app, QGuiApplication):
        raise MapExportError("drawing the map needs a Qt GUI application")
    font_family()  # register the CJK font before the first text is laid out
    return app


def export_map(
    services,  # desktop.services.Services
    opportunity_id: int,
    path: Path,
    *,
    lang: str = "en",
    paper: str | None = None,
    today: date | None = None,
) -> Path:
    """Write the opportunity's map to ``path``; the format follows the file's extension."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise MapExportError(f"{path.name}: the map can be saved as .png, .svg or .pdf")
    # The services read the map (``Services.decision_map``); this module only draws it.
    data = services.decision_map.load(opportunity_id)
    labels = MapLabels.build(services.playbook, lang)
    if fmt == "pdf" and paper is None:
        paper = services.settings.get("paper_size")
    write_map(data, labels, path, paper=paper or "A4", today=today)
    return path


def write_map(
    data: MapData,
    labels: MapLabels,
    path: Path,
    *,
    paper: str = "A4",
    today: date | None = None,
    png_scale: float = PNG_SCALE,
) -> None:
    """Write an already loaded map as PNG, SVG or PDF according to ``path``'s extension."""
    ensure_gui()
    fmt = path.suffix.lower().lstrip(".")
    writers: dict[str, Callable[[Path], None]] = {
        "png": lambda tmp: _png(data, labels, tmp, png_scale, today),
        "svg": lambda tmp: _svg(data, labels, tmp, today),
        "pdf": lambda tmp: _pdf(data, labels, tmp, paper, today),
    }
    if fmt not in writers:
        raise MapExportError(f"{path.name}: the map can be saved as .png, .svg or .pdf")

    def write(tmp: Path) -> None:
        writers[fmt](tmp)
        if tmp.stat().st_size == 0:  # a paint device that failed quietly
            raise OSError(f"could not write {path}")

    write_atomically(path, write)


def render_image(
    data: MapData, labels: MapLabels, scale: float = PNG_SCALE, today: date | None = None
) -> QImage:
    """The map as an image, ``scale`` pixels per scene unit (smaller for a huge map)."""
    ensure_gui()
    width, height = map_size(data, labels)
    scale = min(scale, PNG_MAX_SIDE / width, PNG_MAX_SIDE / height)
    scale = min(scale, (PNG_MAX_PIXELS / (width * height)) ** 0.5)
    image = QImage(
        max(1, round(width * scale)), max(1, round(height * scale)), QImage.Format.Format_RGB32
    )
    # Dots per metre, so the PNG says it is meant for print (pixels per scene unit × 96 dpi).
    dpm = round(scale * 96 / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        paint_map(painter, data, labels, today)
    finally:
        painter.end()
    return image


def _png(data: MapData, labels: MapLabels, path: Path, scale: float, today: date | None) -> None:
    image = render_image(data, labels, scale, today)
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]  # PySide6 takes str here; its stub says bytes
        raise OSError(f"could not write {path}")


def _svg(data: MapData, labels: MapLabels, path: Path, today: date | None) -> None:
    from PySide6.QtSvg import QSvgGenerator

    width, height = map_size(data, labels)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(width), round(height)))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(f"{data.account_name} — {data.opportunity_name}")
    generator.setDescription("Decision-maker map (Callbrief)")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {path}")
    try:
        paint_map(painter, data, labels, today)
    finally:
        painter.end()


def _pdf(data: MapData, labels: MapLabels, path: Path, paper: str, today: date | None) -> None:
    # At print size over as many pages as it takes: scaling a big circle down to one page
    # printed 20 people's names at 3 pt.
    write_pdf(data, labels, path, paper, today)


__all__ = ["FORMATS", "MapExportError", "ensure_gui", "export_map", "render_image", "write_map"]
