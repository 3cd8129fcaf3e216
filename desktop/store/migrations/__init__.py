"""Alembic migration scripts for the Callbrief file."""
