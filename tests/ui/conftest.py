"""Fixtures for the window's screens: the CJK font once, a main window, and user-like input.

User-like input helpers (typing Chinese, answering dialogs) live in ``ui_actions.py``.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _cjk_font(qapp):
    from desktop.ui.fonts import install_cjk_font

    install_cjk_font(qapp)


@pytest.fixture(autouse=True)
def _english_after(qapp):
    """A test that switches to Chinese must not leave the next one in Chinese."""
    yield
    from desktop.ui import i18n

    i18n.install_translators("en")


@pytest.fixture
def ctx(services):
    from desktop.ui.context import UiContext

    return UiContext.build(services, "en")


@pytest.fixture
def window(qtbot, ctx, monkeypatch):
    from desktop.ui.main_window import MainWindow
    from desktop.ui.msgbox import prompter

    win = MainWindow(ctx)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # A test may leave a refused value in a field: closing would ask whether to discard it.
    monkeypatch.setattr(prompter, "confirm", lambda *_args: True)
    win.close()
    win.deleteLater()
    qtbot.wait(1)
