"""Drawing the decision-maker map: one QPainter routine for the window, images and PDF.

``paint`` draws a person box, a reporting line and the legend; the Qt scene's items call it and
so do the PNG, SVG and PDF exports in ``render``, so every copy of the map looks the same.
"""
