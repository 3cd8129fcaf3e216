"""Starting the window: QApplication, font, language, data file, main window."""

from __future__ import annotations

import sys

from desktop.app import Options


def run(options: Options) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop import paths
    from desktop.app import configure_logging, open_services

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Callbrief")
    app.setOrganizationName("Callbrief")
    from .fonts import install_cjk_font

    install_cjk_font(app)  # type: ignore[arg-type]
    configure_logging(paths.data_dir(options.data_dir))
    from desktop.domain.playbook import PlaybookError
    from desktop.store.errors import StoreError

    try:
        services = open_services(options)
    except (StoreError, PlaybookError, OSError) as exc:
        QMessageBox.critical(None, "Callbrief", str(exc))
        return 1
    from .context import UiContext
    from .main_window import MainWindow

    ctx = UiContext.build(services, "en")
    window = MainWindow(ctx)
    window.show()
    code = app.exec()
    services.db.close()
    return code
