"""Many new articles in one unit of work on the server (part of PostgresStore): what an
import of a folder of pages asks for. Each article gets what insert_article gives one
(its row, revision 1, its search documents, its audit entry, each through the same
server rules and triggers), but each kind of statement goes to the server as one
pipelined batch instead of six round trips an article."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

import psycopg

from newsdesk.domain.article import Article
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.audit_chain import extend_chain
from newsdesk.storage.new_drafts import check_new_slugs, creation_entries, first_revision
from newsdesk.storage.postgres.base import PostgresBase
from newsdesk.storage.postgres.search import search_documents

# Every stored column but the id, which the server gives (the codec's one list).
_COLUMNS = tuple(c for c in codec.ARTICLE_COLUMNS if c != "id")
_ARTICLE_SQL = (
    f"INSERT INTO articles ({', '.join(_COLUMNS)})"
    f" VALUES ({', '.join(f'%({c})s' for c in _COLUMNS)}) RETURNING id"
)
_REVISION_SQL = (
    "INSERT INTO revisions (article_id, revision, saved_at, saved_by, status, note, data)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s)"
)
_SEARCH_SQL = "SELECT newsdesk_set_search(%s, %s::text[]::tsvector[])"
AUDIT_SQL = (
    "INSERT INTO audit (id, article_id, at, actor, action, from_status, to_status,"
    " revision, comment, prev_hash, hash) VALUES (%(id)s, %(article_id)s, %(at)s,"
    " %(actor)s, %(action)s, %(from_status)s, %(to_status)s, %(revision)s,"
    " %(comment)s, %(prev_hash)s, %(hash)s)"
)


class NewArticles(PostgresBase):
    def insert_articles(self, articles: Sequence[Article], *, actor: str) -> list[Article]:
        """Store each of `articles` (each with its slug) as a new draft of `actor`'s,
        in one unit of work: all of them, in order, or none (InvalidInputError naming
        the first slug missing, repeated or in use; the server's refusal otherwise)."""
        if not articles:
            return []
        now = codec.now_utc()
        saved_at = codec.time_to_text(now)
        drafts = [first_revision(a, actor=actor, now=now) for a in articles]
        rows = [codec.article_to_row(d) for d in drafts]

        def work(conn: psycopg.Connection) -> list[Article]:
            check_new_slugs(drafts, lambda slugs: _slugs_in_use(conn, slugs))
            with conn.cursor() as cur:
                cur.executemany(_ARTICLE_SQL, rows, returning=True)
                ids = [cur.fetchone()[0]]
                while cur.nextset():
                    ids.append(cur.fetchone()[0])
                stored = [dataclasses.replace(d, id=i) for d, i in zip(drafts, ids, strict=True)]
                cur.executemany(
                    _REVISION_SQL,
                    [
                        (a.id, 1, saved_at, actor, Status.DRAFT.value, "created", pack)
                        for a, pack in zip(stored, map(codec.pack_revision, stored), strict=True)
                    ],
                )
                cur.executemany(
                    _SEARCH_SQL,
                    [
                        (
                            a.id,
                            search_documents(
                                row["headline"],
                                row["kicker"],
                                row["body"],
                                row["credits"],
                                row["summary"],
                                row["keywords"],
                            ),
                        )
                        for a, row in zip(stored, rows, strict=True)
                    ],
                )
                # The head was locked when this unit began (base.py): it stays the head.
                head = conn.execute("SELECT id, hash FROM newsdesk_lock_audit_head()").fetchone()
                entries = creation_entries(stored, actor=actor, at=saved_at)
                cur.executemany(AUDIT_SQL, extend_chain(entries, *head))
            return stored

        return self._write(work)

    def slugs_in_use(self, slugs: Collection[str]) -> set[str]:
        """Which of `slugs` an article or a published former address holds (one round
        trip, inside the enclosing unit of work when there is one)."""
        with self._unit(write=False) as conn:
            return _slugs_in_use(conn, slugs)


def _slugs_in_use(conn: psycopg.Connection, slugs: Collection[str]) -> set[str]:
    """Which of `slugs` an article or a published former address holds."""
    wanted = list(slugs)
    return {
        slug
        for (slug,) in conn.execute(
            "SELECT slug FROM articles WHERE slug = ANY(%s)"
            " UNION ALL SELECT slug FROM former_slugs WHERE published AND slug = ANY(%s)",
            [wanted, wanted],
        ).fetchall()
    }
