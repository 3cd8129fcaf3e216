"""The window's look: calm colours, clear headings, a quiet navigation column.

Type sizes follow the system's font size: they were chosen for a 9 pt body text and grow (or
shrink) with the rep's own setting, so headings stay larger than the text under them.
"""

from string import Template

BASE_PT = 9.0  # the body size the sizes below were chosen for

_STYLE = Template("""
QMainWindow { background: #f6f8fb; }
QListWidget#nav {
    background: #1f3a5f; color: #dfe7f2; border: none; outline: 0;
    padding-top: 8px; font-size: ${nav}pt;
}
QListWidget#nav::item { padding: 9px 14px; margin: 2px 8px; border-radius: 6px; }
QListWidget#nav::item:selected { background: #2f5687; color: white; }
QListWidget#nav::item:hover:!selected { background: #29496f; }
QLabel#pageTitle { font-size: ${title}pt; font-weight: 600; color: #1b2733; }
QLabel#muted { color: #6b7684; }
QLabel#tip { color: #35506e; background: #eef4fb; border-radius: 4px; padding: 4px 6px; }
QLabel#segmentCode { font-size: ${code}pt; font-weight: 700; color: #1f3a5f; letter-spacing: 2px; }
QLabel#badge {
    background: #e7edf5; color: #1f3a5f; border-radius: 9px; padding: 3px 10px;
}
QLabel#badgeStrong {
    background: #1f3a5f; color: white; border-radius: 9px; padding: 3px 10px;
    font-weight: 600; letter-spacing: 1px;
}
QWidget#accountHeader { background: white; border-bottom: 1px solid #dfe5ee; }
QTabWidget::pane { border: none; }
QTabBar::tab { padding: 7px 16px; }
QToolButton#segmented { padding: 3px 14px; }
QToolButton#segmented:checked { background: #1f3a5f; color: white; border-radius: 3px; }
QTreeWidget#searchResults { background: white; border: 1px solid #c6d0dd; }
QStatusBar QLabel#saveOk { color: #2e7d32; }
QStatusBar QLabel#saveError { color: #c62828; }

/* Focus is always visible, whatever moved it (Tab, a click, a shortcut): one blue frame. */
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus, QAbstractItemView:focus {
    border: 2px solid #1a73e8; border-radius: 3px;
}
QPushButton:focus, QToolButton:focus {
    border: 2px solid #1a73e8; border-radius: 4px; padding: 0 2px; background: #eef4fd;
}
QCheckBox:focus, QRadioButton:focus { background: #dbe8fb; border-radius: 3px; }
QTabBar::tab:focus { border: 2px solid #1a73e8; border-radius: 3px; }
QListWidget#nav::item:focus { border: 2px solid #9cc3ff; }
""")


def point_size(points_at_base: float, base_pt: float) -> float:
    """A size chosen for a 9 pt body, for a body of ``base_pt``."""
    return round(points_at_base * base_pt / BASE_PT, 1)


def stylesheet(base_pt: float) -> str:
    """The window's style sheet for a body text of ``base_pt`` points (the system's size)."""
    sizes = {"nav": 10.5, "title": 15, "code": 20}
    return _STYLE.substitute({key: point_size(pt, base_pt) for key, pt in sizes.items()})


STYLE = stylesheet(BASE_PT)
