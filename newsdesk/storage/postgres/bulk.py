"""Reads of many articles at once and the cache of rendered bodies on the server
(part of PostgresStore): what exports and imports ask for by the thousand."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import psycopg

from newsdesk.storage import codec
from newsdesk.storage.audit_chain import event_entries, extend_chain
from newsdesk.storage.bulk_reads import BulkReads
from newsdesk.storage.postgres.base import PostgresBase
from newsdesk.storage.postgres.new_articles import AUDIT_SQL
from newsdesk.storage.store import CachedBody

_CHUNK = 2_000


class BulkRecords(BulkReads, PostgresBase):
    _CHUNK = _CHUNK
    # The stamp is a column of the row (migration 0008); a long body is TOASTed apart.
    _HEADS_FROM = "articles a"
    _STAMP_HEX = "replace(a.stamp::text, '-', '')"

    def _any_of(self, column: str, values: list) -> tuple[str, list]:
        return f"{column} = ANY(%s)", [values]

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
        entries = event_entries(actor=actor, action=action, at=at, events=events)

        def work(conn: psycopg.Connection) -> None:
            # The head was locked when this unit began (base.py): it stays the head.
            head = conn.execute("SELECT id, hash FROM newsdesk_lock_audit_head()").fetchone()
            with conn.cursor() as cur:
                cur.executemany(AUDIT_SQL, extend_chain(entries, *head))

        self._write(work)
