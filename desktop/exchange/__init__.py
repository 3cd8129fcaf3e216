"""Plain data passed between the services and the exporters, owned by neither.

The services fill these (the decision map, the contacts of an account for export) and the
exporters draw or write them; the bundle format's shape is read by both the bundle exporter and
the bundle importer. Nothing here imports ``desktop.services``, ``desktop.export`` or Qt, so
``export/`` never imports the services and ``services/`` never imports an exporter
(``tests/architecture/test_export_boundary.py`` keeps it so).
"""
