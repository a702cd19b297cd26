"""Alembic environment: runs on the connection handed over by ``core.store.database.migrate``.

There is no alembic.ini at runtime. For development, ``alembic -x db=PATH upgrade head`` with a
config whose ``script_location`` points here works too.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from core.store.schema import metadata


def _run(connection) -> None:
    # Transactional DDL: on SQLite a failed migration rolls back completely (the store's engine
    # issues BEGIN itself, so pysqlite does not commit behind our back).
    context.configure(connection=connection, target_metadata=metadata, transactional_ddl=True,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # developer use from the alembic command line
    url = context.get_x_argument(as_dictionary=True).get("db") or context.config.get_main_option("sqlalchemy.url")
    if "://" not in url:
        url = f"sqlite:///{url}"
    with create_engine(url).connect() as conn:
        _run(conn)
        conn.commit()
