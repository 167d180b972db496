"""The full check of a newsroom database: SQLite's integrity and foreign keys, every
article's newest revision stored and readable, the search index complete, and the
audit chain whole."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from newsdesk.storage import codec
from newsdesk.storage.audit_chain import verify_chain
from newsdesk.storage.sqlite.connection import describe_database_error

if TYPE_CHECKING:  # the connection's Database: sqlite-utils' API, built when used
    import sqlite_utils


def check_database(db: sqlite_utils.Database, path: str, audit_head: str | None) -> list[str]:
    """Problems found in `db`; an empty list means all is well."""
    problems: list[str] = []
    try:
        for (line,) in db.execute("PRAGMA integrity_check").fetchall():
            if line != "ok":
                problems.append(f"integrity: {line}")
        for row in db.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"foreign key: table {row[0]} row {row[1]} -> {row[2]}")
        missing = db.execute(
            "SELECT a.id, a.revision FROM articles a LEFT JOIN revisions r"
            " ON r.article_id = a.id AND r.revision = a.revision WHERE r.article_id IS NULL"
        ).fetchall()
        for article_id, revision in missing:
            problems.append(f"article {article_id}: revision {revision} is not stored")
        for article_id, blob in db.execute(
            "SELECT r.article_id, r.data FROM revisions r JOIN articles a"
            " ON a.id = r.article_id AND a.revision = r.revision"
        ).fetchall():
            try:
                codec.unpack_revision(blob)
            except (ValueError, OSError) as exc:
                problems.append(f"article {article_id}: newest revision unreadable ({exc})")
        indexed = db.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        count = db.execute(
            "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM deleted_articles)"
        ).fetchone()[0]
        if indexed != count:
            problems.append(f"search index holds {indexed} articles, the database {count}")
        cursor = db.execute("SELECT * FROM audit ORDER BY id")
        names = [d[0] for d in cursor.description]
        entries = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        problems.extend(verify_chain(entries, audit_head))
    except sqlite3.DatabaseError as exc:
        problems.append(describe_database_error(path, exc))
    return problems
