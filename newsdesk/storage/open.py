"""One opener for every front end: the target decides the engine.

A `postgresql://` or `postgres://` URL (libpq syntax, `?host=/socket/dir` included)
means a newsroom server; anything else is a SQLite newsroom file.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.storage.store import Store

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server(target: Path | str) -> bool:
    """True when `target` names a newsroom server rather than a file."""
    return isinstance(target, str) and target.strip().lower().startswith(SERVER_SCHEMES)


def open_store(target: Path | str, *, verify: bool = False, ask_password=None) -> Store:
    """The store behind `target`. `ask_password(prompt)` is called (once) when a server
    wants a password that PGPASSWORD and ~/.pgpass did not give; None: never ask."""
    if is_server(target):
        # Imported here: a desk on SQLite never loads the PostgreSQL driver.
        from newsdesk.storage.postgres.store import PostgresStore

        return PostgresStore(str(target).strip(), verify=verify, ask_password=ask_password)
    from newsdesk.storage.sqlite.store import SQLiteStore

    return SQLiteStore(target, verify=verify)


def init_server(target: str):
    """Create or upgrade the newsroom schema, its group roles and rules on the server
    `target` names (run as the database owner). Returns what was done (InitReport)."""
    if not is_server(target):
        raise ValueError("init_server needs a postgresql:// URL")
    import psycopg

    from newsdesk.storage.postgres.connection import connect, translate
    from newsdesk.storage.postgres.schema import init_server as run_init

    conn = connect(target.strip())
    try:
        return run_init(conn)
    except psycopg.Error as exc:
        raise translate(exc, target) from exc
    finally:
        conn.close()
