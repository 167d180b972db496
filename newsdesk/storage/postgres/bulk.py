"""Reads of many articles at once and the cache of rendered bodies on the server
(part of PostgresStore): what exports and imports ask for by the thousand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import psycopg

from newsdesk.domain.article import Article, ArticleHead
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.audit_chain import extend_chain
from newsdesk.storage.postgres.base import PostgresBase
from newsdesk.storage.postgres.new_articles import AUDIT_SQL
from newsdesk.storage.store import CachedBody

_CHUNK = 2_000


class BulkRecords(PostgresBase):
    def get_articles(self, ids: Sequence[int]) -> list[Article]:
        """The articles of `ids`, in the order given (ids not found are skipped)."""
        found: dict[int, Article] = {}
        ids = list(ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in self._rows("SELECT * FROM articles WHERE id = ANY(%s)", [chunk]):
                found[row["id"]] = codec.article_from_row(row)
        return [found[i] for i in ids if i in found]

    def article_heads(self, ids: Sequence[int]) -> list[ArticleHead]:
        """The heads of `ids` (their stamps without parsing bodies), in the order given
        (ids not found are skipped)."""
        found: dict[int, ArticleHead] = {}
        ids = list(ids)
        columns = ", ".join(codec.ARTICLE_COLUMNS)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in self._tuples(f"SELECT {columns} FROM articles WHERE id = ANY(%s)", [chunk]):
                found[row[0]] = codec.head_from_row(row)
        return [found[i] for i in ids if i in found]

    def statuses_and_dates(self, ids: Sequence[int]) -> list[tuple[int, Status, dt.date | None]]:
        """(id, status, date) of each of `ids`, in the order given (missing skipped)."""
        found: dict[int, tuple[int, Status, dt.date | None]] = {}
        ids = list(ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for id_, status, date in self._tuples(
                "SELECT id, status, date FROM articles WHERE id = ANY(%s)", [chunk]
            ):
                found[id_] = (id_, Status(status), dt.date.fromisoformat(date) if date else None)
        return [found[i] for i in ids if i in found]

    def published_former_slugs(self) -> dict[int, list[str]]:
        """Per article, the former slugs the site carried it under (oldest first): the
        redirects of a whole-site export, read in one query."""
        found: dict[int, list[str]] = {}
        for article_id, slug in self._tuples(
            "SELECT article_id, slug FROM former_slugs WHERE published ORDER BY id"
        ):
            found.setdefault(article_id, []).append(slug)
        return found

    def cached_bodies(self, keys: Sequence[str]) -> dict[str, CachedBody]:
        """Rendered bodies by key, for the keys the cache holds."""
        found: dict[str, CachedBody] = {}
        keys = list(keys)
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            for key, html, plain_text in self._tuples(
                "SELECT key, html, plain_text FROM body_cache WHERE key = ANY(%s)", [chunk]
            ):
                found[key] = CachedBody(html, plain_text)
        return found

    def cache_bodies(self, bodies: Mapping[str, CachedBody]) -> None:
        """Keep rendered bodies by key (the web team's desks and the owner may). A key
        names its content, so one already kept keeps its HTML; an entry kept without
        its plain text gets it. Not a change of the newsroom, so it takes no audit lock
        and writes no audit entry."""
        if not bodies:
            return
        with self._unit(write=False) as conn, conn.cursor() as cur:
            # One statement per batch: autocommit makes each batch atomic on its own.
            items = list(bodies.items())
            for start in range(0, len(items), _CHUNK):
                chunk = items[start : start + _CHUNK]
                cur.execute(
                    "INSERT INTO body_cache (key, html, plain_text)"
                    " SELECT * FROM unnest(%s::text[], %s::text[], %s::text[])"
                    " ON CONFLICT (key) DO UPDATE SET plain_text = EXCLUDED.plain_text"
                    " WHERE body_cache.plain_text IS NULL",
                    [
                        [key for key, _ in chunk],
                        [html for _, (html, _) in chunk],
                        [plain_text for _, (_, plain_text) in chunk],
                    ],
                )

    def record_events(
        self, *, actor: str, action: str, events: Sequence[tuple[int, int | None, str]]
    ) -> None:
        """One audit entry per (article id, revision, comment) of `events`, in order, in
        one unit of work: an export's, one per article written."""
        if not events:
            return
        at = codec.time_to_text(codec.now_utc())
        entries = [
            {
                "article_id": article_id,
                "at": at,
                "actor": actor,
                "action": action,
                "from_status": None,
                "to_status": None,
                "revision": revision,
                "comment": comment,
            }
            for article_id, revision, comment in events
        ]

        def work(conn: psycopg.Connection) -> None:
            # The head was locked when this unit began (base.py): it stays the head.
            head = conn.execute("SELECT id, hash FROM newsdesk_lock_audit_head()").fetchone()
            with conn.cursor() as cur:
                cur.executemany(AUDIT_SQL, extend_chain(entries, *head))

        self._write(work)
