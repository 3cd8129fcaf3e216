"""Persistence: the SQLite file, the ORM models, migrations and the search index."""
