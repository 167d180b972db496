"""Reading a whole SQLite newsroom as rows (storage/newsroom_rows.py), from one
snapshot: what `newsdesk migrate` copies onto a server."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsdesk.domain.errors import StorageError
from newsdesk.storage.newsroom_rows import ENGINE_SETTINGS, TABLES, NewsroomRows, normalise
from newsdesk.storage.sqlite.connection import connect, describe_database_error
from newsdesk.storage.sqlite.schema import SCHEMA_VERSION, schema_version


def read_rows(path: Path | str) -> NewsroomRows:
    """Every newsroom table of the file at `path`, read in one transaction (so writers
    at other desks meanwhile never tear the copy). Writes nothing."""
    path = Path(path)
    if not path.is_file():
        raise StorageError(f"there is no newsroom file at {path}")
    db = connect(path)
    try:
        found = schema_version(db)
        if found != SCHEMA_VERSION:
            raise StorageError(
                f"{path} has schema {found}, this newsdesk copies schema {SCHEMA_VERSION}:"
                f" open it once with this newsdesk (`newsdesk --db {path} check`) first"
            )
        tables: dict[str, list[tuple]] = {}
        conn = db.conn
        conn.execute("BEGIN")  # deferred: the first read fixes the snapshot
        try:
            for table, columns, order in TABLES:
                rows = conn.execute(
                    f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"
                ).fetchall()
                if table == "settings":
                    rows = [r for r in rows if r[0] not in ENGINE_SETTINGS]
                tables[table] = [tuple(normalise(v) for v in row) for row in rows]
        finally:
            conn.execute("COMMIT")
        return NewsroomRows(tables)
    except sqlite3.DatabaseError as exc:
        raise StorageError(describe_database_error(str(path), exc)) from exc
    finally:
        db.close()
