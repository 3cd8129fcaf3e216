"""Making Chinese render: register the bundled TrueType CJK font with Qt."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop import paths

log = logging.getLogger(__name__)


def install_cjk_font(app: QApplication) -> str | None:
    """Register the bundled font and use it as the fallback for CJK text; returns its family."""
    font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
    if font_id < 0:
        log.warning("could not load %s; Chinese may not render", paths.font_path())
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    family = families[0]
    # Emoji and rare CJK (Ext A/B) that neither face has come from the bundled fallbacks.
    extra = [
        QFontDatabase.applicationFontFamilies(i)[0]
        for i in (QFontDatabase.addApplicationFont(str(p)) for p in paths.fallback_font_paths())
        if i >= 0 and QFontDatabase.applicationFontFamilies(i)
    ]
    base = app.font()
    # Keep the platform's Latin face first; the CJK face fills in what it lacks.
    QFont.insertSubstitutions(base.family(), [family, *extra])
    base.setFamilies([base.family(), family, *extra])
    app.setFont(base)
    return family
