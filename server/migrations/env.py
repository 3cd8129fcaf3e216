"""Alembic environment: always run on the connection handed over by ``server.migrate``."""

from alembic import context

from server.db import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
