"""The plan's file actions: export the brief, print it, save a calendar entry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest

from desktop.ui.msgbox import prompter
from desktop.ui.visit import brief_actions


class UrlCatcher(QObject):
    """Stands in for the desktop's file handler: records what would have been opened."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened():
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("file")


def pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def test_export_the_brief_then_open_it(
    qtbot, services, demo, open_view, tmp_path, monkeypatch, opened
):
    dest = tmp_path / "brief.pdf"
    suggested, told = [], []
    monkeypatch.setattr(prompter, "save_path", lambda *a: suggested.append(a[2]) or str(dest))
    monkeypatch.setattr(prompter, "info", lambda _p, title, text: told.append((title, text)))
    view, _ = open_view(demo.upcoming)
    assert not view.brief.open_action.isEnabled()
    with qtbot.waitSignal(view.brief.exported, timeout=60_000):
        QTest.keyClick(view, Qt.Key_E, Qt.ControlModifier | Qt.ShiftModifier)
        assert view.busy.isVisible()  # the work runs on a worker thread meanwhile
    assert not view.busy.isVisible()
    visit = services.visits.get(demo.upcoming)
    account = visit.opportunity.account.name
    # Named after the visit's own date (tomorrow), not the day the file is written.
    title = visit.title.replace(":", " ")  # no colon in a file name (Windows refuses it)
    expected = f"{visit.starts_at.date().isoformat()} {account} {title}.pdf"
    assert Path(suggested[0]).name == expected
    assert told == [("Export brief PDF", f"Saved to {dest}")]
    assert "恒远" in pdf_text(dest)
    assert str(dest) in view.message.text()
    assert view.brief.open_action.isEnabled()
    view.brief.open_action.trigger()
    assert [u.toLocalFile() for u in opened] == [str(dest)]


def test_print_rasterises_the_brief_onto_the_printer(
    qtbot, services, demo, open_view, tmp_path, monkeypatch
):
    out = tmp_path / "printed.pdf"

    def choose(printer, parent):  # the rep picks "print to file" in the dialog
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(brief_actions, "ask_printer", choose)
    view, _ = open_view(demo.upcoming)
    QTest.keyClick(view, Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "sent to the printer" in view.message.text(), timeout=90_000)
    reference = tmp_path / "reference.pdf"
    services_pages = view.brief.render_brief(services, demo.upcoming, reference)
    assert pdf_pages(out) == services_pages == pdf_pages(reference)


def test_calendar_export_writes_an_ics_file(
    qtbot, services, demo, open_view, tmp_path, monkeypatch
):
    dest = tmp_path / "visit"
    suggested, told = [], []
    monkeypatch.setattr(prompter, "save_path", lambda *a: suggested.append(a[2]) or str(dest))
    monkeypatch.setattr(prompter, "info", lambda _p, title, text: told.append(text))
    view, _ = open_view(demo.upcoming)
    if not view.brief.ics_action.isEnabled():
        pytest.skip("the calendar export is not in this build")
    with qtbot.waitSignal(view.brief.exported, timeout=30_000):
        view.brief.ics_action.trigger()
    calendar = icalendar.Calendar.from_ical((tmp_path / "visit.ics").read_bytes())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) == 1
    assert str(events[0]["LOCATION"]).startswith("恒远精密")
    assert Path(suggested[0]).name.startswith(
        services.visits.get(demo.upcoming).starts_at.date().isoformat()
    )
    assert told == [f"Saved to {tmp_path / 'visit.ics'}"]  # the same words as every export


def test_missing_exporters_disable_the_actions_with_a_reason(demo, open_view, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "desktop.export.brief", None)  # import fails
    monkeypatch.setitem(sys.modules, "desktop.export.ics", None)
    view, _ = open_view(demo.upcoming)
    for action in (view.brief.export_pdf_action, view.brief.print_action):
        assert not action.isEnabled()
        # The reason, not only the fact: which module could not be imported.
        assert "not available" in action.toolTip() and "desktop.export.brief" in action.toolTip()
    assert not view.brief.ics_action.isEnabled()
    assert "desktop.export.ics" in view.brief.ics_action.toolTip()
    warned = [r for r in caplog.records if r.levelname == "WARNING"]
    assert {r.args[0] for r in warned} >= {"desktop.export.brief", "desktop.export.ics"}


def test_a_broken_exporter_is_a_bug_not_a_missing_feature(monkeypatch):
    # An exporter that fails for any reason but a missing import is not hidden as "not
    # available in this build": the error reaches the developer.
    broken = type(sys)("broken_exporter")

    def fail(name: str):
        raise RuntimeError("a bug in the exporter")

    broken.__getattr__ = fail
    monkeypatch.setitem(sys.modules, "broken_exporter", broken)
    with pytest.raises(RuntimeError, match="a bug in the exporter"):
        brief_actions.load_writer("broken_exporter", "render_brief")


def test_export_is_refused_while_a_field_is_invalid(demo, open_view, ui, monkeypatch):
    errors, asked = [], []
    monkeypatch.setattr(prompter, "error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(prompter, "save_path", lambda *a: asked.append(a) or "")
    view, _ = open_view(demo.upcoming)
    page = view.pages["prepare"]
    ui.replace(page.duration, "two hours")
    ui.leave(page.duration)
    view.brief.export_pdf_action.trigger()
    assert errors == ["A field is not valid; correct the marked field first."]
    assert asked == []
