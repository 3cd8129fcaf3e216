"""Alembic environment: always run on the connection handed over by ``desktop.store.migrate``."""

from alembic import context

from desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    include_object=lambda obj, name, type_, *_: (
        not (type_ == "table" and name.startswith("search_fts"))
    ),
)
with context.begin_transaction():
    context.run_migrations()
