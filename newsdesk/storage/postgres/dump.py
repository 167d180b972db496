"""Reading a whole server newsroom as rows (storage/newsroom_rows.py): what `newsdesk
migrate` compares its copy with before it commits."""

from __future__ import annotations

import psycopg

from newsdesk.storage.newsroom_rows import ENGINE_SETTINGS, TABLES, NewsroomRows, normalise

# The server keeps text in the byte order SQLite sorts by (see 0001_newsroom.sql).
_ORDER_COLLATE = {"name", "key", "sha256"}


def read_rows(conn: psycopg.Connection) -> NewsroomRows:
    """Every newsroom table, as the connection's transaction sees it."""
    tables: dict[str, list[tuple]] = {}
    for table, columns, order in TABLES:
        keys = ", ".join(
            f'{k} COLLATE "C"' if k in _ORDER_COLLATE else k for k in order.split(", ")
        )
        rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {keys}").fetchall()
        if table == "settings":
            rows = [r for r in rows if r[0] not in ENGINE_SETTINGS]
        tables[table] = [tuple(normalise(v) for v in row) for row in rows]
    return NewsroomRows(tables)
