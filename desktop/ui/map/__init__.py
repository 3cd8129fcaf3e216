"""The decision-maker map screen: the org chart of one opportunity's decision circle.

``DecisionMapWidget`` (widget.py) is what other screens embed; ``scene``/``items`` draw the
boxes and lines with the same painter as the exports; ``view`` zooms; ``dialogs`` add and edit.
"""

from .widget import DecisionMapWidget

__all__ = ["DecisionMapWidget"]
