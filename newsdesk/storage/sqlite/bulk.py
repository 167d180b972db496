"""Reads of many articles at once and the cache of rendered bodies (part of
SQLiteStore): what exports and imports ask for by the thousand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from newsdesk.domain.article import Article, ArticleHead
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.sqlite.base import SQLiteBase
from newsdesk.storage.store import CachedBody

# SQLite allows 32,766 parameters per statement; smaller chunks keep each read short.
_CHUNK = 500


class BulkRecords(SQLiteBase):
    def get_articles(self, ids: Sequence[int]) -> list[Article]:
        """The articles of `ids`, in the order given (ids not found are skipped)."""
        found: dict[int, Article] = {}
        ids = list(ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            rows = self._rows(
                f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk
            )
            for row in rows:
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
            rows = self._tuples(
                f"SELECT {columns} FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for row in rows:
                found[row[0]] = codec.head_from_row(row)
        return [found[i] for i in ids if i in found]

    def statuses_and_dates(self, ids: Sequence[int]) -> list[tuple[int, Status, dt.date | None]]:
        """(id, status, date) of each of `ids`, in the order given (missing skipped)."""
        found: dict[int, tuple[int, Status, dt.date | None]] = {}
        ids = list(ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for id_, status, date in self._tuples(
                f"SELECT id, status, date FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
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
            marks = ",".join("?" * len(chunk))
            for key, html, plain_text in self._tuples(
                f"SELECT key, html, plain_text FROM body_cache WHERE key IN ({marks})", chunk
            ):
                found[key] = CachedBody(html, plain_text)
        return found

    def cache_bodies(self, bodies: Mapping[str, CachedBody]) -> None:
        """Keep rendered bodies by key. A key names its content, so one already kept
        keeps its HTML; an entry kept without its plain text gets it. Not a change of
        the newsroom: no audit entry."""
        if not bodies:
            return
        with self._lock, self._write():
            self.db.conn.executemany(
                "INSERT INTO body_cache (key, html, plain_text) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET plain_text = excluded.plain_text"
                " WHERE body_cache.plain_text IS NULL",
                [(key, html, plain_text) for key, (html, plain_text) in bodies.items()],
            )
