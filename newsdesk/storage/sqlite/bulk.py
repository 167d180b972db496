"""Reads of many articles at once and the cache of rendered bodies (part of
SQLiteStore): what exports and imports ask for by the thousand."""

from __future__ import annotations

from collections.abc import Mapping

from newsdesk.storage.bulk_reads import BulkReads
from newsdesk.storage.sqlite.base import SQLiteBase
from newsdesk.storage.store import CachedBody

# SQLite allows 32,766 parameters per statement; smaller chunks keep each read short.
_CHUNK = 500


class BulkRecords(BulkReads, SQLiteBase):
    _CHUNK = _CHUNK
    # The stamps in a table of their own, the heads from one narrow index (schema v9):
    # never the rows themselves, whose later columns lie in the body's overflow pages.
    _HEADS_FROM = (
        "articles a INDEXED BY idx_articles_heads LEFT JOIN article_stamps s ON s.article_id = a.id"
    )
    _STAMP_HEX = "lower(hex(s.stamp))"

    def _any_of(self, column: str, values: list) -> tuple[str, list]:
        return f"{column} IN ({','.join('?' * len(values))})", values

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
