"""Toolbar actions that write files: the brief PDF, printing it, and the calendar entry.

The writers live in ``desktop.export`` and are imported only when the view is built; when one
is missing (not installed in this build) its actions are disabled with a tooltip saying so.
Writing runs on a worker thread (``run_task``) while the view shows a busy indicator.

Printing: Qt cannot draw a PDF without QtPdf, which this build does not ship. So the brief is
written to a temporary PDF, rasterised at 300 dpi with poppler's ``pdftoppm`` and the page
images are printed through Qt's print dialog. Without ``pdftoppm`` the PDF is opened in the
system's viewer instead, to be printed from there.
"""

from __future__ import annotations

import importlib
import logging
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QImage, QKeySequence, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.context import UiContext
from desktop.ui.exports import confirm_saved, suggested_path, with_suffix
from desktop.ui.msgbox import prompter
from desktop.ui.tasks import run_task

log = logging.getLogger(__name__)
PRINT_DPI = 300


def load_writer(module: str, name: str) -> tuple[Callable[..., Any] | None, str]:
    """The export function and "", or None and why, when this build lacks what it imports.

    Only a missing module is expected (a build without reportlab, say); it is logged as a
    warning and its reason shown on the disabled action. Any other error is a bug and raises.
    """
    try:
        return getattr(importlib.import_module(module), name), ""
    except ImportError as exc:
        log.warning("%s.%s is not available: %s", module, name, exc)
        return None, str(exc)


def ask_printer(printer: QPrinter, parent: QWidget | None) -> bool:
    """Qt's print dialog; tests replace this function, as they do the prompter's methods."""
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def rasterise(pdf: Path, dpi: int = PRINT_DPI) -> list[Path]:
    """The PDF's pages as PNG files beside it (poppler's pdftoppm), in page order."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    prefix = pdf.with_suffix("")
    subprocess.run(
        [tool, "-r", str(dpi), "-png", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pages = list(pdf.parent.glob(f"{prefix.name}-*.png"))
    return sorted(pages, key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def print_images(printer: QPrinter, pages: list[Path]) -> None:
    """Each image on its own page, scaled to the printable area, keeping its proportions."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            image = QImage(str(page))
            area = QRectF(painter.viewport())
            size = image.size().scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(area.x(), area.y(), size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()


class BriefActions(QObject):
    """The actions, their state, and the work behind them."""

    busy_changed = Signal(bool)
    message = Signal(str)
    exported = Signal(str)  # path of a written file

    def __init__(
        self,
        ctx: UiContext,
        visit_id: int,
        parent: QWidget,
        flush: Callable[[], bool],
        name: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visit_id = visit_id
        self._parent = parent
        self._flush = flush
        self._name = name
        self.last_pdf: Path | None = None
        self.busy = False
        self.render_brief, self._pdf_missing = load_writer("desktop.export.brief", "render_brief")
        self.export_ics, self._ics_missing = load_writer("desktop.export.ics", "export_ics")

        self.export_pdf_action = QAction(self.tr("Export brief PDF…"), parent)
        self.export_pdf_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_pdf_action.triggered.connect(self.export_pdf)
        self.print_action = QAction(self.tr("Print brief…"), parent)
        self.print_action.setShortcut(QKeySequence("Ctrl+P"))
        self.print_action.triggered.connect(self.print_brief)
        self.ics_action = QAction(self.tr("Export to calendar (.ics)…"), parent)
        self.ics_action.triggered.connect(self.export_calendar)
        self.open_action = QAction(self.tr("Open in viewer"), parent)
        self.open_action.triggered.connect(self.open_in_viewer)
        for action in self.actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update()

    def actions(self) -> list[QAction]:
        return [self.export_pdf_action, self.print_action, self.ics_action, self.open_action]

    def _update(self) -> None:
        missing_pdf = self.tr("The brief PDF export is not available in this build: {error}")
        missing_pdf = missing_pdf.format(error=self._pdf_missing)
        missing_ics = self.tr("The calendar export is not available in this build: {error}")
        missing_ics = missing_ics.format(error=self._ics_missing)
        has_pdf, has_ics = self.render_brief is not None, self.export_ics is not None
        self.export_pdf_action.setEnabled(has_pdf and not self.busy)
        self.print_action.setEnabled(has_pdf and not self.busy)
        self.ics_action.setEnabled(has_ics and not self.busy)
        self.open_action.setEnabled(self.last_pdf is not None and not self.busy)
        self.export_pdf_action.setToolTip(
            self.tr("Write the visit brief as a PDF (Ctrl+Shift+E)") if has_pdf else missing_pdf
        )
        self.print_action.setToolTip(
            self.tr("Print the visit brief (Ctrl+P)") if has_pdf else missing_pdf
        )
        self.ics_action.setToolTip(
            self.tr("Save the visit as a calendar entry") if has_ics else missing_ics
        )
        self.open_action.setToolTip(self.tr("Open the last exported brief in your PDF viewer"))

    def _set_busy(self, on: bool) -> None:
        self.busy = on
        self._update()
        self.busy_changed.emit(on)

    def _ready(self) -> bool:
        if self.busy:
            return False
        if not self._flush():
            prompter.error(
                self._parent,
                self.tr("Visit plan"),
                self.tr("A field is not valid; correct the marked field first."),
            )
            return False
        return True

    def _suggested(self, suffix: str) -> str:
        return suggested_path(self._name(), suffix)  # the plan names it: visit date, account…

    def _failed(self, title: str) -> Callable[[BaseException], None]:
        def show(exc: BaseException) -> None:
            self._set_busy(False)
            prompter.error(
                self._parent,
                title,
                self.tr("The file could not be written: {error}").format(error=exc),
            )

        return show

    # Export ---------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        if self.render_brief is None or not self._ready():
            return
        path = prompter.save_path(
            self._parent,
            self.tr("Export brief PDF"),
            self._suggested(".pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        dest = with_suffix(path, ".pdf")
        render, services, visit_id = self.render_brief, self.ctx.services, self.visit_id
        self._set_busy(True)
        run_task(
            lambda: render(services, visit_id, dest),
            lambda _result: self._exported(dest),
            self._failed(self.tr("Export brief PDF")),
        )

    def _exported(self, dest: Path) -> None:
        self.last_pdf = dest
        self._set_busy(False)
        self.message.emit(self.tr("Brief saved to {path}.").format(path=dest))
        self.exported.emit(str(dest))
        confirm_saved(self._parent, self.tr("Export brief PDF"), dest)

    def open_in_viewer(self) -> None:
        if self.last_pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_pdf)))

    # Print ----------------------------------------------------------------------------------

    def print_brief(self) -> None:
        if self.render_brief is None or not self._ready():
            return
        render, services, visit_id = self.render_brief, self.ctx.services, self.visit_id
        folder = Path(tempfile.mkdtemp(prefix="callbrief-print-"))

        def work() -> tuple[Path, list[Path]]:
            pdf = folder / "brief.pdf"
            render(services, visit_id, pdf)
            return pdf, rasterise(pdf)

        self._set_busy(True)
        run_task(work, self._print_pages, self._failed(self.tr("Print brief")))

    def _print_pages(self, result: tuple[Path, list[Path]]) -> None:
        pdf, pages = result
        self._set_busy(False)
        if not pages:  # no pdftoppm: let the system's viewer print it
            self.last_pdf = pdf
            self._update()
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))
            self.message.emit(self.tr("The brief opened in your PDF viewer; print it from there."))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._name())
        if not ask_printer(printer, self._parent):
            return
        try:
            print_images(printer, pages)
        except OSError as exc:
            prompter.error(
                self._parent,
                self.tr("Print brief"),
                self.tr("The brief could not be printed: {error}").format(error=exc),
            )
            return
        self.message.emit(self.tr("The brief was sent to the printer."))

    # Calendar -------------------------------------------------------------------------------

    def export_calendar(self) -> None:
        if self.export_ics is None or not self._ready():
            return
        path = prompter.save_path(
            self._parent,
            self.tr("Export to calendar"),
            self._suggested(".ics"),
            self.tr("Calendar (*.ics)"),
        )
        if not path:
            return
        dest = with_suffix(path, ".ics")
        write, services, visit_id = self.export_ics, self.ctx.services, self.visit_id
        self._set_busy(True)

        def done(_result: object) -> None:
            self._set_busy(False)
            self.message.emit(self.tr("Calendar entry saved to {path}.").format(path=dest))
            self.exported.emit(str(dest))
            confirm_saved(self._parent, self.tr("Export to calendar"), dest)

        run_task(
            lambda: write(services, visit_id, dest),
            done,
            self._failed(self.tr("Export to calendar")),
        )
