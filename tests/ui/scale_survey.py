"""Open the main screens at a display scale or a system font size and list what is cut off.

Run by test_scaling.py in a fresh process, because Qt reads QT_SCALE_FACTOR and the screen's
size once, when the application starts::

    QT_SCALE_FACTOR=1.5 python tests/ui/scale_survey.py --lang en [--font-scale 1.25]
        [--shots DIR]

The screen is a laptop panel (1920×1080 unless --screen says otherwise; the offscreen
platform's screen, from a config file); the window opens as the app opens it. Prints a JSON
object of problems by screen: the window larger than the screen, a label or button smaller
than its text, controls drawn over one another or cut off by a parent that cannot scroll.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


def configure_screen(size: str) -> None:
    width, height = (int(n) for n in size.split("x"))
    config = Path(tempfile.mkdtemp()) / "screen.json"
    screen = {"name": "Laptop", "x": 0, "y": 0, "width": width, "height": height}
    screen.update(logicalDpi=96, logicalBaseDpi=96)
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")


def clipped(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Visible labels, buttons and list entries that are smaller than their text needs."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QListWidget, QToolBar

    problems = []

    def where(widget) -> str:  # type: ignore[no-untyped-def]
        text = widget.text() if hasattr(widget, "text") else ""
        return f"{type(widget).__name__} {text[:60]!r}"

    for widget in [root, *root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisible():
            continue
        if widget.visibleRegion().isEmpty() or not widget.text().strip():
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QToolBar) or type(parent).__name__ == "QToolBarExtension":
            continue  # a toolbar moves what does not fit into its » menu
        need = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.height() + 1 < widget.heightForWidth(widget.width()):
                problems.append(
                    f"{where(widget)}: {widget.height()} px high, needs "
                    f"{widget.heightForWidth(widget.width())}"
                )
            continue
        if isinstance(widget, QAbstractButton):
            need = widget.sizeHint()
        if widget.width() + 1 < need.width() or widget.height() + 1 < need.height():
            problems.append(
                f"{where(widget)}: {widget.width()}×{widget.height()}, needs "
                f"{need.width()}×{need.height()}"
            )
    problems += overlapping(root)
    problems += cut_by_parent(root)
    for view in root.findChildren(QListWidget):
        if not view.isVisible() or view.objectName() != "nav":
            continue
        for row in range(view.count()):
            item = view.item(row)
            rect = view.visualItemRect(item)
            needed = view.fontMetrics().horizontalAdvance(item.text()) + view.iconSize().width()
            if rect.width() < needed + 8:
                problems.append(f"navigation {item.text()!r}: {rect.width()} px, needs {needed}")
    return problems


def overlapping(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Controls drawn over one another: a layout squeezed below its minimum does that."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

    kinds = (QAbstractButton, QComboBox, QLineEdit)
    problems = []
    for parent in [root, *root.findChildren(QWidget)]:
        controls = [
            w
            for w in parent.children()
            if isinstance(w, kinds) and w.isVisible() and not w.visibleRegion().isEmpty()
        ]
        for index, first in enumerate(controls):
            for second in controls[index + 1 :]:
                if first.geometry().intersects(second.geometry()):
                    problems.append(
                        f"{type(first).__name__} {_text(first)!r} overlaps "
                        f"{type(second).__name__} {_text(second)!r}"
                    )
    return problems


def cut_by_parent(root) -> list[str]:  # type: ignore[no-untyped-def]
    """Controls partly outside what their parents show, where no scroll bar reaches the rest."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractScrollArea,
        QComboBox,
        QLineEdit,
        QToolBar,
        QWidget,
    )

    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QComboBox | QLineEdit):
            continue
        if isinstance(widget.parentWidget(), QToolBar):
            continue  # a toolbar moves what does not fit into its » menu
        if not widget.isVisible() or widget.visibleRegion().isEmpty():
            continue
        shown = widget.visibleRegion().boundingRect()
        cut_x, cut_y = shown.width() < widget.width(), shown.height() < widget.height()
        ancestor = widget.parentWidget()
        while ancestor is not None and (cut_x or cut_y):
            if isinstance(ancestor, QAbstractScrollArea):
                # A scroll bar that is never shown reaches nothing, whatever its range.
                off = Qt.ScrollBarAlwaysOff
                cut_x = cut_x and (
                    ancestor.horizontalScrollBarPolicy() == off
                    or ancestor.horizontalScrollBar().maximum() == 0
                )
                cut_y = cut_y and (
                    ancestor.verticalScrollBarPolicy() == off
                    or ancestor.verticalScrollBar().maximum() == 0
                )
            ancestor = ancestor.parentWidget()
        if cut_x or cut_y:
            problems.append(
                f"{type(widget).__name__} {_text(widget)!r}: {shown.width()}×{shown.height()} "
                f"of {widget.width()}×{widget.height()} shown"
            )
    return problems


def _text(widget) -> str:  # type: ignore[no-untyped-def]
    text = getattr(widget, "text", None) or getattr(widget, "currentText", None)
    return text()[:40] if callable(text) else ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--font-scale", type=float, default=1.0)
    parser.add_argument("--shots", type=Path)
    parser.add_argument("--screen", default="1920x1080", help="the panel's pixels, WxH")
    args = parser.parse_args()
    configure_screen(args.screen)
    os.environ["CALLBRIEF_HOME"] = tempfile.mkdtemp()

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    if args.font_scale != 1.0:  # the system's font size, as a rep may have set it
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.font_scale)
        app.setFont(font)

    from desktop.domain.playbook import default_playbook
    from desktop.services import Services
    from desktop.services.demo import load_demo
    from desktop.store.database import open_database
    from desktop.ui import i18n
    from desktop.ui.context import UiContext
    from desktop.ui.fonts import install_cjk_font
    from desktop.ui.main_window import MainWindow

    install_cjk_font(app)
    i18n.install_translators(args.lang)
    db = open_database(Path(tempfile.mkdtemp()) / "callbrief.sqlite3")
    services = Services.build(db, default_playbook())
    account_id = load_demo(db)
    window = MainWindow(UiContext.build(services, args.lang))
    window.show()
    QTest.qWaitForWindowExposed(window)
    available = app.primaryScreen().availableGeometry()

    problems: dict[str, list[str]] = {}
    frame = window.frameGeometry()
    if not available.contains(frame):
        problems["window"] = [
            f"the window {frame.getRect()} is larger than the screen {available.getRect()}"
        ]

    def look(name: str) -> None:
        app.processEvents()
        found = clipped(window)
        if found:
            problems[name] = found
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(args.shots / f"{name}.png"))

    look("accounts")
    page = window.open_account(account_id)
    for index, name in enumerate(("profile", "circle", "opportunities", "visits")):
        page.show_tab(index)
        look(name)
    opp = services.opportunities.for_account(account_id)[0]
    visit = services.visits.for_opportunity(opp.id)[0]
    view = window.open_visit(visit.id)
    look("visit-plan")
    view.show_step("consult")
    look("visit-plan-consult")
    window.show_nav(1)
    look("upcoming")
    print(json.dumps(problems, ensure_ascii=False, indent=1))
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
