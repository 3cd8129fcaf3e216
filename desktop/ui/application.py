"""Starting the window, as a flat list of named steps.

QApplication and look → one window per data folder → check the file (damaged files moved aside,
a backup offered) → open it (create or upgrade) → language → main window → first launch.
Each step logs its name, so a start-up problem in the log says where it happened.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.app import Options

if TYPE_CHECKING:  # imported when the window is built, so headless starts stay Qt-free
    from .context import UiContext

log = logging.getLogger("callbrief.start")


def _step(name: str) -> None:
    log.info("start: %s", name)


def run(options: Options) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.app import configure_logging

    _step("application")
    running = QApplication.instance()  # a QCoreApplication to the type checker
    app = running if isinstance(running, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Callbrief")
    app.setOrganizationName("Callbrief")
    app.setStyle("Fusion")  # the same look on every platform, and in the screenshots
    from .fonts import install_cjk_font

    install_cjk_font(app)
    folder = paths.data_dir(options.data_dir)
    configure_logging(folder)
    from . import i18n

    i18n.install_translators(i18n.system_lang())  # until the rep's own choice is read

    _step("single instance")
    from .single_instance import guard_single_instance

    activate: list[Callable[[], None]] = []
    guard = guard_single_instance(folder, lambda: activate[0]() if activate else None, listen=False)
    if guard is None:
        log.info("another window has this data folder; asked it to come forward")
        return 0

    _step("claim the data folder")
    release = _claim_folder(folder)
    if release is None:
        return 1
    try:
        return _run_claimed(app, options, paths.database_path(folder), activate, guard)
    finally:
        release()


def _run_claimed(app, options: Options, db_path: Path, activate, guard) -> int:
    """Check, open and show the data file (the folder's claim is held meanwhile)."""
    from . import i18n

    _step("first page")
    early = _start_view(options, db_path)
    if early is not None:
        return _run_painting_first(app, options, db_path, early, activate, guard)

    _step("check the data file")
    if not _file_usable(db_path):
        return 1

    _step("open the data file")
    services = _open(options)
    if services is None:
        return 1

    _step("language and main window")
    from .context import UiContext

    lang = i18n.resolve(services.settings.get("language"))
    ctx = UiContext.build(services, lang)
    window = _show_window(ctx, activate, guard)

    _step("first launch")
    _first_launch(ctx, window)
    code = app.exec()
    services.close()
    return code


def _claim_folder(folder: Path) -> Callable[[], None] | None:
    """Share the data folder's claim for the window's whole life (desktop/store/claim.py): a
    command-line restore or encryption is refused while the window is open, and the window
    does not open the file while one of them is running (it waits a little first)."""
    from PySide6.QtCore import QCoreApplication

    from desktop.services import folder_claim

    from .msgbox import prompter

    try:
        return folder_claim.hold_shared(folder)
    except folder_claim.ClaimWaitError:
        prompter.error(
            None,
            "Callbrief",
            QCoreApplication.translate(
                "Application",
                "The data file is being restored or encrypted. Try again when that is done.",
            ),
        )
        return None


def _show_window(ctx: UiContext, activate: list[Callable[[], None]], guard):
    from . import i18n
    from .main_window import MainWindow
    from .single_instance import bring_to_front

    i18n.install_translators(ctx.lang)
    window = MainWindow(ctx)
    _after_first_paint(window, guard.listen)  # later launches can reach us from then on
    activate.append(lambda: bring_to_front(window))
    if _probing():
        from . import startup_probe

        startup_probe.watch(window, ctx)
    window.show()
    return window


def _first_launch(ctx: UiContext, window) -> None:
    from .first_run import offer_demo

    demo = None if _probing() else offer_demo(ctx, window)
    if demo is not None:
        window.open_account(demo)


def _probing() -> bool:
    """The start-up benchmark's probe is on (read here: importing it costs what it measures)."""
    import os

    return os.environ.get("CALLBRIEF_STARTUP_PROBE") in ("1", "ready")


def _start_view(options: Options, db_path: Path):
    """The playbook and first page of accounts, read without the ORM; None when the file
    needs the ordinary start (missing, encrypted, to be upgraded, unreadable)."""
    from desktop.app import load_playbook
    from desktop.domain.playbook import PlaybookError
    from desktop.services.start_view import load_start_view

    try:
        return load_start_view(db_path, load_playbook(options))
    except PlaybookError:
        return None  # the ordinary path reports it


def _run_painting_first(app, options: Options, db_path: Path, early, activate, guard) -> int:
    """Paint the window with the first page of accounts, then check and open the file on a
    worker thread (importing SQLAlchemy there) and hand the services to the window."""
    from . import i18n
    from .context import UiContext
    from .tasks import run_task

    _step("language and main window (first page)")
    ctx = UiContext.starting(early, i18n.resolve(early.setting("language", "system")))
    window = _show_window(ctx, activate, guard)

    _step("check and open the data file (worker)")

    def check_and_open():
        from desktop.app import open_services
        from desktop.services import recovery

        report = recovery.assess(db_path)
        if not report.usable:
            return report
        return open_services(options, early.playbook)

    def opened(result) -> None:
        from desktop.services import Services

        services = result
        if not isinstance(result, Services):
            services = _open(options) if _unusable(result, None) else None
            if services is None:
                _give_up(app, window)
                return
        _step("attach the data file")
        ctx.attach(services)
        _first_launch(ctx, window)

    def failed(exc: BaseException) -> None:
        from desktop.domain.playbook import PlaybookError
        from desktop.errors import StoreError

        from .msgbox import prompter

        if not isinstance(exc, StoreError | PlaybookError | OSError):
            log.error("opening the data file failed", exc_info=exc)
        prompter.error(window, "Callbrief", str(exc))
        _give_up(app, window)

    # Not before the first paint: the worker's imports would compete with it for the GIL.
    _after_first_paint(window, lambda: run_task(check_and_open, opened, failed))
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()  # closed while still opening: let it finish
    if ctx.ready:
        ctx.services.close()
    return code


def _give_up(app, window) -> None:
    """Close the window and leave the event loop with exit code 1."""
    from PySide6.QtCore import Qt

    # Not through "last window closed": that posts a Quit event which would outlive this loop.
    window.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
    window.close()
    app.exit(1)


PAINT_WAIT_MS = 1000  # a window started minimised or off-screen may not paint for a while


def _after_first_paint(window, fn: Callable[[], object]) -> None:
    """Run ``fn`` once, just after the window's first paint, or after PAINT_WAIT_MS if no paint
    comes (minimised at launch): opening the data file must not wait for the window to show."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    done: list[bool] = []

    def once() -> None:
        if not done:
            done.append(True)
            fn()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, once)
            return False

    window.installEventFilter(FirstPaint(window))
    QTimer.singleShot(PAINT_WAIT_MS, once)


def _file_usable(db_path: Path) -> bool:
    """The quick check at start; a damaged file is moved aside and a backup offered; an
    encrypted file asks for its passphrase (three tries)."""
    from PySide6.QtCore import QCoreApplication

    from desktop.services import datafile, recovery

    from .msgbox import prompter

    for _attempt in range(4):
        passphrase = datafile.known_passphrase(db_path)
        report = recovery.assess(db_path, passphrase)
        if report.usable:
            return True
        if report.status != "passphrase" or _attempt == 3:
            break
        typed = prompter.passphrase(
            None,
            "Callbrief",
            QCoreApplication.translate(
                "Application", "{file} is encrypted. Enter its passphrase:"
            ).format(file=db_path.name)
            if passphrase is None
            else QCoreApplication.translate(
                "Application", "That passphrase does not open {file}. Try again:"
            ).format(file=db_path.name),
        )
        if typed is None:
            return False
        datafile.provide_passphrase(typed)
    return _unusable(report, passphrase)


def _unusable(report, passphrase: str | None) -> bool:
    """A damaged file gets the recovery dialog (True if a backup was restored); anything else
    is explained and start-up stops."""
    from .msgbox import prompter

    if report.status == "damaged":
        from .recovery_dialog import offer_recovery

        return offer_recovery(report, passphrase)
    # A newer file, or an encrypted one whose passphrase was not given: say so and stop.
    prompter.error(None, "Callbrief", report.explanation)
    return False


def _open(options: Options):
    from desktop.app import open_services
    from desktop.domain.playbook import PlaybookError
    from desktop.errors import StoreError

    from .msgbox import prompter

    try:
        if _upgrade_pending(options):
            return _while_upgrading(lambda: open_services(options))
        return open_services(options)
    except (StoreError, PlaybookError, OSError) as exc:
        prompter.error(None, "Callbrief", str(exc))
        return None


def _upgrade_pending(options: Options) -> bool:
    """True when the file is at an older schema revision (the upgrade can take a while)."""
    from desktop import paths
    from desktop.services import datafile

    return datafile.upgrade_pending(paths.database_path(paths.data_dir(options.data_dir)))


def _while_upgrading(work: Callable[[], object]) -> object:
    """Run ``work`` on a worker while a small window says the data is being upgraded; its
    result, or its exception raised here."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
    from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

    from .tasks import run_task

    notice = QWidget(
        None,
        Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint,
    )
    notice.setWindowTitle("Callbrief")
    layout = QVBoxLayout(notice)
    label = QLabel(
        QCoreApplication.translate(
            "Application",
            "Upgrading your data for this version of Callbrief. This happens once and can "
            "take a minute for a large file; a copy of the old file is kept in backups.",
        )
    )
    label.setWordWrap(True)
    bar = QProgressBar()
    bar.setRange(0, 0)  # busy: the upgrade cannot say how far it is
    layout.addWidget(label)
    layout.addWidget(bar)
    notice.resize(440, 0)
    notice.show()
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def done(value: object) -> None:
        outcome["value"] = value
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    run_task(work, done, failed)
    loop.exec()
    notice.close()
    notice.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]  # an exception, stored in a dict of objects
    return outcome["value"]
