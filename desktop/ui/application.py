"""Starting the window: QApplication, font, language, data file, main window, first launch."""

from __future__ import annotations

import sys

from desktop.app import Options


def run(options: Options) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.app import configure_logging, open_services

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Callbrief")
    app.setOrganizationName("Callbrief")
    app.setStyle("Fusion")  # the same look on every platform, and in the screenshots
    from .fonts import install_cjk_font

    install_cjk_font(app)  # type: ignore[arg-type]
    configure_logging(paths.data_dir(options.data_dir))
    from desktop.domain.playbook import PlaybookError
    from desktop.store.errors import StoreError

    from . import i18n

    try:
        services = open_services(options)
    except (StoreError, PlaybookError, OSError) as exc:
        from .msgbox import prompter

        i18n.install_translators(i18n.system_lang())
        prompter.error(None, "Callbrief", str(exc))
        return 1
    from .context import UiContext
    from .first_run import offer_demo
    from .main_window import MainWindow

    lang = i18n.resolve(services.settings.get("language"))
    ctx = UiContext.build(services, lang)
    i18n.install_translators(lang)
    window = MainWindow(ctx)
    from . import startup_probe

    if startup_probe.enabled():
        startup_probe.watch(window)
    window.show()
    demo = None if startup_probe.enabled() else offer_demo(ctx, window)
    if demo is not None:
        window.open_account(demo)
    code = app.exec()
    services.db.close()
    return code
