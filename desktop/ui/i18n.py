"""The interface language: which one to use, and loading Qt translators for it.

``ctx.lang`` ("en" or "zh") drives playbook labels and domain messages; the QTranslators drive
every ``self.tr()`` string. ``apply_language`` sets both, in that order, so that when Qt sends
LanguageChange to the widgets the playbook labels they reload are already in the new language.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from desktop import paths
from desktop.ui.context import UiContext

log = logging.getLogger(__name__)

APP_CATALOG = "callbrief_zh_CN"
QT_CATALOG = "qtbase_zh_CN"
_installed: list[QTranslator] = []

# Qt's own strings that its zh_CN catalog lacks: Qt 6 gave these file-dialog labels a mnemonic
# ("&Look in:"), the catalog still has them without. Our catalog carries them under Qt's context,
# and Qt asks every installed translator, so the file dialog is Chinese throughout.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def translations_dir() -> str:
    return str(paths.resources_dir() / "translations")


def system_lang() -> str:
    """The language the operating system asks for: Chinese for any zh locale, else English."""
    return "zh" if QLocale.system().name().lower().startswith("zh") else "en"


def resolve(setting: str) -> str:
    """The language for a Preferences value: "system", "en" or "zh"."""
    if setting in ("en", "zh"):
        return setting
    return system_lang()


def install_translators(lang: str) -> bool:
    """Swap the installed translators for those of ``lang``; False if the catalog is missing."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ok = True
    ours = QTranslator(app)
    if ours.load(APP_CATALOG, translations_dir()):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation catalog %s in %s", APP_CATALOG, translations_dir())
        ok = False
    # Qt's own strings: file dialogs ("Look in", "Files of type"), the buttons of message
    # boxes, the context menu of text fields. PySide6 ships them; build.spec bundles them.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(QT_CATALOG, qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    else:
        log.warning("no Qt translation %s in %s", QT_CATALOG, qt_dir)
    return ok


def apply_language(ctx: UiContext, lang: str) -> None:
    """Switch the running interface to ``lang``: the context first, then the translators."""
    ctx.lang = lang
    install_translators(lang)


def colon(lang: str) -> str:
    """What follows a label: "Label: value" in English, "标签：内容" (full-width) in Chinese."""
    return "：" if lang.startswith("zh") else ": "
