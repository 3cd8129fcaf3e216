"""Alembic migrations of the team server's PostgreSQL schema (``callbrief-server init``)."""
