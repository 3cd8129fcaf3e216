"""The main window: the frame the rep's screens live in."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from .context import UiContext


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Callbrief"))
        self.resize(1200, 800)
        self.setCentralWidget(QLabel(self.tr("Callbrief"), self))
