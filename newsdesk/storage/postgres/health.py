"""The full check of a newsroom on a server: every article's newest revision stored and
readable, the search index complete, and the audit chain whole up to its head row.
(The server guards its own files: a page checksum failure is its log's business.)"""

from __future__ import annotations

import psycopg
from psycopg.rows import dict_row

from newsdesk.storage import codec
from newsdesk.storage.audit_chain import GENESIS, verify_chain


def check_database(conn: psycopg.Connection, where: str) -> list[str]:
    """Problems found; an empty list means all is well."""
    problems: list[str] = []
    missing = conn.execute(
        "SELECT a.id, a.revision FROM articles a LEFT JOIN revisions r"
        " ON r.article_id = a.id AND r.revision = a.revision WHERE r.article_id IS NULL"
        " ORDER BY a.id"
    ).fetchall()
    for article_id, revision in missing:
        problems.append(f"article {article_id}: revision {revision} is not stored")
    with conn.cursor() as cur:
        cur.execute(
            "SELECT r.article_id, r.data FROM revisions r JOIN articles a"
            " ON a.id = r.article_id AND a.revision = r.revision ORDER BY r.article_id"
        )
        for article_id, blob in cur:
            try:
                codec.unpack_revision(bytes(blob))
            except (ValueError, OSError) as exc:
                problems.append(f"article {article_id}: newest revision unreadable ({exc})")
    indexed, count = conn.execute(
        "SELECT (SELECT count(DISTINCT article_id) FROM article_search),"
        " (SELECT count(*) FROM articles) - (SELECT count(*) FROM deleted_articles)"
    ).fetchone()
    if indexed != count:
        problems.append(f"search index holds {indexed} articles, the newsroom {count}")
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute("SELECT * FROM audit ORDER BY id")
        entries = cur.fetchall()
    head = conn.execute("SELECT id, hash FROM audit_head").fetchone()
    head_hash = head[1] if head else None
    if head_hash == GENESIS and not entries:
        head_hash = None
    problems.extend(verify_chain(entries, head_hash))
    return problems
