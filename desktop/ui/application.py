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

from desktop.app import Options

log = logging.getLogger("callbrief.start")


def _step(name: str) -> None:
    log.info("start: %s", name)


def run(options: Options) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.app import configure_logging

    _step("application")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Callbrief")
    app.setOrganizationName("Callbrief")
    app.setStyle("Fusion")  # the same look on every platform, and in the screenshots
    from .fonts import install_cjk_font

    install_cjk_font(app)  # type: ignore[arg-type]
    folder = paths.data_dir(options.data_dir)
    configure_logging(folder)
    from . import i18n

    i18n.install_translators(i18n.system_lang())  # until the rep's own choice is read

    _step("single instance")
    from .single_instance import bring_to_front, guard_single_instance

    activate: list[Callable[[], None]] = []
    if not guard_single_instance(folder, lambda: activate and activate[0]()):
        log.info("another window has this data folder; asked it to come forward")
        return 0

    _step("check the data file")
    if not _file_usable(paths.database_path(folder)):
        return 1

    _step("open the data file")
    services = _open(options)
    if services is None:
        return 1

    _step("language and main window")
    from .context import UiContext
    from .first_run import offer_demo
    from .main_window import MainWindow

    lang = i18n.resolve(services.settings.get("language"))
    ctx = UiContext.build(services, lang)
    i18n.install_translators(lang)
    window = MainWindow(ctx)
    activate.append(lambda: bring_to_front(window))
    from . import startup_probe

    if startup_probe.enabled():
        startup_probe.watch(window)
    window.show()

    _step("first launch")
    demo = None if startup_probe.enabled() else offer_demo(ctx, window)
    if demo is not None:
        window.open_account(demo)
    code = app.exec()
    services.db.close()
    return code


def _file_usable(db_path: Path) -> bool:
    """The quick check at start; a damaged file is moved aside and a backup offered; an
    encrypted file asks for its passphrase (three tries)."""
    from PySide6.QtCore import QCoreApplication

    from desktop.services import recovery
    from desktop.store import crypto
    from desktop.store.errors import PassphraseError

    from .msgbox import prompter

    for _attempt in range(4):
        try:
            passphrase = crypto.resolve_passphrase(db_path) if db_path.exists() else None
        except PassphraseError:
            passphrase = None
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
        crypto.provide_passphrase(typed)
    if report.status == "damaged":
        from .recovery_dialog import offer_recovery

        return offer_recovery(report, passphrase)
    # A newer file, or an encrypted one whose passphrase was not given: say so and stop.
    prompter.error(None, "Callbrief", report.explanation)
    return False


def _open(options: Options):  # type: ignore[no-untyped-def]
    from desktop.app import open_services
    from desktop.domain.playbook import PlaybookError
    from desktop.store.errors import StoreError

    from .msgbox import prompter

    try:
        return open_services(options)
    except (StoreError, PlaybookError, OSError) as exc:
        prompter.error(None, "Callbrief", str(exc))
        return None
