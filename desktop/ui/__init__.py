"""The Qt widgets layer: the only package that imports Qt widgets."""
