"""Reads of many articles at once and the cache of rendered bodies on the server
(part of PostgresStore): what exports and imports ask for by the thousand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from newsdesk.domain.article import Article, ArticleHead
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.postgres.base import PostgresBase

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

    def cached_bodies(self, keys: Sequence[str]) -> dict[str, str]:
        """Rendered bodies by key, for the keys the cache holds."""
        found: dict[str, str] = {}
        keys = list(keys)
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            found.update(
                self._tuples("SELECT key, html FROM body_cache WHERE key = ANY(%s)", [chunk])
            )
        return found

    def cache_bodies(self, bodies: Mapping[str, str]) -> None:
        """Keep rendered bodies by key (the web team's desks and the owner may). A key
        names its content, so one already kept stays as it is; not a change of the
        newsroom, so it takes no audit lock and writes no audit entry."""
        if not bodies:
            return
        with self._unit(write=False) as conn, conn.cursor() as cur:
            # One statement per batch: autocommit makes each batch atomic on its own.
            items = list(bodies.items())
            for start in range(0, len(items), _CHUNK):
                chunk = items[start : start + _CHUNK]
                cur.execute(
                    "INSERT INTO body_cache (key, html)"
                    " SELECT * FROM unnest(%s::text[], %s::text[]) ON CONFLICT (key) DO NOTHING",
                    [[k for k, _ in chunk], [h for _, h in chunk]],
                )
