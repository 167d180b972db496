"""Reads of many articles at once, the same on both engines (part of each store's
BulkRecords): what exports and imports ask for by the thousand.

An engine says how it asks for a list of values (`_any_of`) and how many at a time
(`_CHUNK`); the statements and the decoding are written once here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from newsdesk.domain.article import Article, ArticleHead
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.store import CachedBody


class BulkReads:
    """Needs the engine's `_rows`, `_tuples`, `_any_of` and `_CHUNK`."""

    _CHUNK: int

    def _any_of(self, column: str, values: list) -> tuple[str, list]:
        """SQL for `column` being one of `values`, and its parameters."""
        raise NotImplementedError

    def _chunks(self, values: Sequence) -> list[list]:
        return [values[start : start + self._CHUNK] for start in range(0, len(values), self._CHUNK)]

    def get_articles(self, ids: Sequence[int]) -> list[Article]:
        """The articles of `ids`, in the order given (ids not found are skipped)."""
        found: dict[int, Article] = {}
        ids = list(ids)
        for chunk in self._chunks(ids):
            where, params = self._any_of("id", chunk)
            for row in self._rows(f"SELECT * FROM articles WHERE {where}", params):
                found[row["id"]] = codec.article_from_row(row)
        return [found[i] for i in ids if i in found]

    # The engine's FROM clause joining each article (`a`) to its stamp, and the
    # stamp as lower-case hex text (each engine keeps it its own way: see its schema).
    _HEADS_FROM: str
    _STAMP_HEX: str

    def article_heads(self, ids: Sequence[int]) -> list[ArticleHead]:
        """The heads of `ids` (their stamps, kept by the database at every change of
        the row, and what an export shows of them before the body), in the order given
        (ids not found are skipped). No body is read."""
        found: dict[int, ArticleHead] = {}
        ids = list(ids)
        for chunk in self._chunks(ids):
            where, params = self._any_of("a.id", chunk)
            for row in self._tuples(
                f"SELECT {codec.HEAD_COLUMNS}, {self._STAMP_HEX} FROM {self._HEADS_FROM}"
                f" WHERE {where}",
                params,
            ):
                found[row[0]] = codec.head_from_row(row)
        return [found[i] for i in ids if i in found]

    def site_heads(self) -> list[tuple[Status, ArticleHead]]:
        """(status, head) of every article the site may carry (as
        ArticleQuery(on_site=True) lists them; deleted drafts left out), by id: one
        read of what a whole-site export needs before it reads any body."""
        deleted = {r[0] for r in self._tuples("SELECT article_id FROM deleted_articles")}
        rows = self._tuples(
            f"SELECT a.status, {codec.HEAD_COLUMNS}, {self._STAMP_HEX}"
            f" FROM {self._HEADS_FROM} WHERE {codec.ON_SITE_SQL} ORDER BY a.id"
        )
        statuses = {s.value: s for s in Status}  # a dict look-up, not Status() per row
        return [
            (statuses[row[0]], codec.head_from_row(row[1:]))
            for row in rows
            if row[1] not in deleted
        ]

    def statuses_and_dates(self, ids: Sequence[int]) -> list[tuple[int, Status, dt.date | None]]:
        """(id, status, date) of each of `ids`, in the order given (missing skipped)."""
        found: dict[int, tuple[int, Status, dt.date | None]] = {}
        ids = list(ids)
        for chunk in self._chunks(ids):
            where, params = self._any_of("id", chunk)
            for id_, status, date in self._tuples(
                f"SELECT id, status, date FROM articles WHERE {where}", params
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
        for chunk in self._chunks(keys):
            where, params = self._any_of("key", chunk)
            for key, html, plain_text in self._tuples(
                f"SELECT key, html, plain_text FROM body_cache WHERE {where}", params
            ):
                found[key] = CachedBody(html, plain_text)
        return found
