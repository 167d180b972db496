"""Many new articles in one unit of work (part of SQLiteStore): what an import of a
folder of pages asks for. Each article gets what insert_article gives one (its row,
revision 1, its search row, its audit entry, in that order), but the statements run
once per batch and no savepoint is taken per article: nested units are savepoints,
and each copies every page it touches to a statement journal (about 50 page writes
an article), which cost more than the articles themselves."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

from newsdesk.domain.article import Article
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.audit_chain import GENESIS, extend_chain
from newsdesk.storage.new_drafts import check_new_slugs, creation_entries, first_revision
from newsdesk.storage.sqlite.base import AUDIT_HEAD, SQLiteBase
from newsdesk.storage.sqlite.schema import search_row

# SQLite allows 32,766 parameters per statement: 500 slugs take two each, 500 article
# rows 22 each.
_CHUNK = 500

_REVISION_SQL = (
    "INSERT INTO revisions (article_id, revision, saved_at, saved_by, status, note, data)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_SEARCH_SQL = (
    "INSERT INTO articles_fts (rowid, headline, kicker, body, credits, keywords)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_AUDIT_COLUMNS = (
    "id",
    "article_id",
    "at",
    "actor",
    "action",
    "from_status",
    "to_status",
    "revision",
    "comment",
    "prev_hash",
    "hash",
)
_AUDIT_SQL = (
    f"INSERT INTO audit ({', '.join(_AUDIT_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(_AUDIT_COLUMNS))})"
)


class NewArticles(SQLiteBase):
    def insert_articles(self, articles: Sequence[Article], *, actor: str) -> list[Article]:
        """Store each of `articles` (each with its slug) as a new draft of `actor`'s,
        in one unit of work: all of them, in order, or none (InvalidInputError naming
        the first slug missing, repeated or in use; StorageError when the file fails)."""
        if not articles:
            return []
        now = codec.now_utc()
        saved_at = codec.time_to_text(now)
        drafts = [first_revision(a, actor=actor, now=now) for a in articles]
        with self._lock, self._write():
            check_new_slugs(drafts, self.slugs_in_use)
            conn = self.db.conn
            rows = [codec.article_to_row(d) for d in drafts]
            ids = self._insert_article_rows(rows)
            stored = [dataclasses.replace(d, id=ids[d.slug]) for d in drafts]
            revisions = [
                (a.id, 1, saved_at, actor, Status.DRAFT.value, "created", codec.pack_revision(a))
                for a in stored
            ]
            search = [
                search_row(
                    a.id,
                    row["headline"],
                    row["kicker"],
                    row["body"],
                    row["credits"],
                    row["summary"],
                    row["keywords"],
                )
                for a, row in zip(stored, rows, strict=True)
            ]
            conn.executemany(_REVISION_SQL, revisions)
            conn.executemany(_SEARCH_SQL, search)
            self._append_audits(creation_entries(stored, actor=actor, at=saved_at))
        return stored

    def _insert_article_rows(self, rows: Sequence[dict]) -> dict[str, int]:
        """Insert the article rows (their ids left to SQLite), a few hundred per
        statement; the id each got, by slug (unique: RETURNING's order is not
        promised)."""
        columns = [c for c in rows[0] if c != "id"]
        marks = "(" + ", ".join("?" * len(columns)) + ")"
        ids: dict[str, int] = {}
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            cursor = self.db.conn.execute(
                f"INSERT INTO articles ({', '.join(columns)})"
                f" VALUES {', '.join([marks] * len(chunk))} RETURNING id, slug",
                [row[c] for row in chunk for c in columns],
            )
            ids.update((slug, article_id) for article_id, slug in cursor.fetchall())
        return ids

    def slugs_in_use(self, slugs: Collection[str]) -> set[str]:
        """Which of `slugs` an article or a published former address holds."""
        wanted = list(slugs)
        found: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found.update(
                slug
                for (slug,) in self._tuples(
                    f"SELECT slug FROM articles WHERE slug IN ({marks}) UNION ALL"
                    f" SELECT slug FROM former_slugs WHERE published = 1 AND slug IN ({marks})",
                    [*chunk, *chunk],
                )
            )
        return found

    def _append_audits(self, entries: Sequence[dict]) -> None:
        """`entries` appended to the audit chain in order (inside the write unit, which
        holds the database: the head read here stays the head)."""
        last = self.db.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        linked = extend_chain(entries, *(last if last else (0, GENESIS)))
        self.db.conn.executemany(_AUDIT_SQL, [[e[c] for c in _AUDIT_COLUMNS] for e in linked])
        self._put_setting(AUDIT_HEAD, linked[-1]["hash"])
