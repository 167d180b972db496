"""Writing a whole newsroom (storage/newsroom_rows.py) into an empty server newsroom,
inside the caller's transaction, as its owner: what `newsdesk migrate` does.

Rows keep their ids, hashes and bytes. The audit trigger checks every entry extends the
chain as it is copied (and moves the head row along); the identity sequences are set
past the copied ids, so the next article or comment a desk writes gets a new id; the
search index is built from the copied articles with the server's own normaliser.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from newsdesk.domain.errors import InvalidInputError
from newsdesk.storage.newsroom_rows import CONTENT_TABLES, TABLES, NewsroomRows
from newsdesk.storage.postgres.search import search_documents

# Tables whose ids come from an identity sequence on the server.
_IDENTITY = ("articles", "comments")


def refuse_unless_empty(conn: psycopg.Connection, where: str) -> None:
    """Raise InvalidInputError when the newsroom at `where` already holds anything."""
    for table in CONTENT_TABLES:
        found = conn.execute(
            sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        ).fetchone()[0]
        if found:
            raise InvalidInputError(
                f"the newsroom {where} is not empty ({found} rows in {table}): migrate"
                " copies into a newly initialised newsroom only; nothing was written"
            )


def load_rows(conn: psycopg.Connection, rows: NewsroomRows) -> None:
    """Copy `rows` in; the caller's transaction holds the audit head (taken first)."""
    # The seeded defaults of `server init` give way to the source's own.
    conn.execute("DELETE FROM settings")
    conn.execute("DELETE FROM credit_roles")
    with conn.cursor() as cur:
        for table, columns, _ in TABLES:
            statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
                sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
            )
            with cur.copy(statement) as copy:
                for row in rows.tables[table]:
                    copy.write_row(row)
    for table in _IDENTITY:
        conn.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence({0}, 'id'),"
                " coalesce((SELECT max(id) FROM {1}), 0) + 1, false)"
            ).format(sql.Literal(table), sql.Identifier(table))
        )
    _build_search_index(conn, rows)


def _build_search_index(conn: psycopg.Connection, rows: NewsroomRows) -> None:
    columns = dict((t, c) for t, c, _ in TABLES)["articles"]
    at = {name: i for i, name in enumerate(columns)}
    statement = "COPY article_search (article_id, part, doc) FROM STDIN"
    with conn.cursor() as cur, cur.copy(statement) as copy:
        for row in rows.tables["articles"]:
            docs = search_documents(
                row[at["headline"]],
                row[at["kicker"]],
                row[at["body"]],
                row[at["credits"]],
                row[at["summary"]],
                row[at["keywords"]],
            )
            for part, doc in enumerate(docs):
                copy.write_row((row[at["id"]], part, doc))
