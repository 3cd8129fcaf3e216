"""Section headers and the small layout helpers the forms share."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from .style import point_size


class SectionHeader(QLabel):
    """A quiet, bold heading with a rule under it; its text is set by the owning form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionHeader")
        self.setWordWrap(True)  # long titles (an opportunity's name) wrap instead of widening
        size = point_size(11, QApplication.font().pointSizeF())  # grows with the system's
        self.setStyleSheet(
            f"QLabel#sectionHeader {{ font-weight: 600; font-size: {size}pt; color: #1f3a5f;"
            " padding: 10px 0 4px 0; border-bottom: 1px solid #d5dde8; }"
        )


def with_error(field: QWidget) -> tuple[QWidget, QLabel]:
    """The field with an (initially hidden) error label under it, for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    error = QLabel(box)
    error.setObjectName("fieldError")
    error.hide()
    layout.addWidget(error)
    return box, error
