"""The SQLite store: the one engine behind the Store interface."""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Sequence

from newsdesk.domain.article import (
    Article,
    ArticleSummary,
    AuditEvent,
    Person,
    RevisionInfo,
)
from newsdesk.domain.errors import ConflictError, InvalidInputError, NotFoundError, StorageError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.article_listing import listed_article_ids, tiered_search
from newsdesk.storage.audit_chain import event_entries
from newsdesk.storage.new_drafts import first_revision
from newsdesk.storage.not_found import missing_person, missing_revision
from newsdesk.storage.read_cancel import ReadCancel, ReadSuperseded
from newsdesk.storage.sqlite.addresses import SQLiteAddresses
from newsdesk.storage.sqlite.base import AUDIT_HEAD, insert_sql
from newsdesk.storage.sqlite.bulk import BulkRecords
from newsdesk.storage.sqlite.channel import SQLiteChannel
from newsdesk.storage.sqlite.health import check_database
from newsdesk.storage.sqlite.new_articles import NewArticles
from newsdesk.storage.sqlite.queries import article_ids_sql, search_tiers_sql
from newsdesk.storage.sqlite.schema import search_row

log = logging.getLogger(__name__)

_SEARCH = tiered_search(search_tiers_sql)
# How often a cancelled read's interrupt is sent again (one sent just before a
# statement starts is lost): cheap, it only sets a flag in SQLite.
INTERRUPT_REPEAT_S = 0.002


class SQLiteStore(SQLiteAddresses, BulkRecords, NewArticles):
    """Articles, people, revisions, audit and settings in one SQLite file.

    One connection, guarded by a lock, so the store may be used from a worker
    thread; several processes may share the file (WAL, busy timeout, IMMEDIATE
    write transactions).

    Damage: opening only reads the schema (fast at any size). The full quick_check
    runs in `verify()`: at open with `verify=True`, else before the first write unless
    a clean check of the file as it is now, younger than an hour, is remembered
    (check_record: each command-line export no longer reads the whole file). A
    store found damaged (by verify, or by any read that fails as corrupt) refuses
    every write from then on with a StorageError naming the newest backup; reads go
    on as far as the file allows.
    """

    # -- people ---------------------------------------------------------------

    def login(self) -> None:
        """A SQLite newsroom has no logins: the front end names who acts."""
        return None

    def add_person(
        self, person: Person, *, login: str | None = None, password: str | None = None
    ) -> Person:
        if login is not None or password is not None:
            raise InvalidInputError(
                "logins belong to a newsroom server (a postgresql:// --db); a newsroom"
                f" file has none, so add {person.name.strip() or 'the person'} without --login"
            )
        name = person.name.strip()
        if not name:
            raise InvalidInputError("a person needs a name")
        if not person.roles:
            raise InvalidInputError(f"{name} needs at least one role")
        with self._lock, self._write():
            existing = self._one("SELECT * FROM people WHERE name = ?", [name])
            created = codec.time_from_text(existing["created_at"]) if existing else codec.now_utc()
            person = dataclasses.replace(person, name=name)
            self.db["people"].upsert(codec.person_to_row(person, created), pk="name")
            roles = ",".join(sorted(r.value for r in person.roles))
            self._append_audit(
                actor=name,
                action="person-updated" if existing else "person-added",
                article_id=None,
                comment=f"roles: {roles}",
            )
        return person

    def get_person(self, name: str) -> Person:
        row = self._one("SELECT * FROM people WHERE name = ?", [name.strip()])
        if row is None:
            raise NotFoundError(missing_person(name))
        return codec.person_from_row(row)

    def people(self) -> list[Person]:
        return [
            codec.person_from_row(r)
            for r in self._rows("SELECT * FROM people ORDER BY name COLLATE NOCASE")
        ]

    def set_person_active(self, name: str, active: bool, *, actor: str) -> Person:
        with self._lock, self._write():
            person = self.get_person(name)
            if person.active != active:
                self.db.execute(
                    "UPDATE people SET active = ? WHERE name = ?", [int(active), person.name]
                )
                self._append_audit(
                    actor=actor,
                    action="person-activated" if active else "person-deactivated",
                    article_id=None,
                    comment=person.name,
                )
        return dataclasses.replace(person, active=active)

    # -- articles -------------------------------------------------------------

    def insert_article(self, article: Article, *, actor: str) -> Article:
        if not article.slug:
            raise InvalidInputError("an article needs a slug before it is stored")
        now = codec.now_utc()
        with self._lock, self._write():
            if self.slug_taken(article.slug):
                raise InvalidInputError(f"the slug {article.slug!r} is already in use")
            stored = first_revision(article, actor=actor, now=now)
            row = codec.article_to_row(stored)
            del row["id"]
            article_id = self.db.execute(*insert_sql("articles", row)).lastrowid
            stored = dataclasses.replace(stored, id=article_id)
            self._put_revision(stored, actor=actor, note="created")
            self._index(stored)
            self._append_audit(
                actor=actor,
                action="create",
                article_id=article_id,
                to_status=Status.DRAFT.value,
                revision=1,
            )
        return stored

    def lock_article(self, article_id: int) -> Article:
        """The article, held against other writers until the enclosing `transaction()`
        ends, so a unit of work may read it and then write against what it read. (In
        SQLite the write transaction already holds the whole database.)"""
        if not self.db.conn.in_transaction:
            raise RuntimeError("lock_article() belongs inside transaction()")
        return self.get_article(article_id)

    def get_article(self, article_id: int) -> Article:
        return codec.article_from_row(self._live_article_row(article_id))

    def save_article(
        self,
        article: Article,
        *,
        actor: str,
        expected_revision: int,
        expected_status: Status,
        new_status: Status,
        action: str = "edit",
        comment: str = "",
        approve: bool = False,
    ) -> Article:
        """Store `article`'s content as a new revision, if nobody saved in between.

        A save whose content equals the current revision writes nothing and returns
        the current article (autosave of an unchanged article is free). `approve`: the
        new revision is the approved one (a save that gives the approved text back).
        """
        if article.id is None:
            raise InvalidInputError("save_article needs a stored article (with an id)")
        with self._lock, self._write():
            current = self.get_article(article.id)
            if current.revision != expected_revision:
                raise ConflictError(article.id, expected_revision, current.revision)
            if current.status is not expected_status:
                raise ConflictError(article.id, expected_revision, current.revision)
            if current.content() == article.content():
                return current  # nothing a reader would see changed: no revision, no status
            now = codec.now_utc()
            stored = dataclasses.replace(
                current,
                **{k: getattr(article, k) for k in article.content()},
                revision=current.revision + 1,
                status=new_status,
                # The last approved revision stays known after an edit withdraws the
                # approval: the site keeps showing it until the new text is approved.
                approved_revision=current.revision + 1 if approve else current.approved_revision,
                updated_at=now,
                updated_by=actor,
                content_updated_at=now,
                content_updated_by=actor,
            )
            row = codec.article_to_row(stored)
            updated = self.db.execute(
                "UPDATE articles SET kicker=:kicker, headline=:headline, section=:section,"
                " date=:date, source=:source, language=:language, body=:body,"
                " credits=:credits, images=:images, summary=:summary, keywords=:keywords,"
                " reporters=:reporters, status=:status,"
                " revision=:revision, approved_revision=:approved_revision,"
                " updated_at=:updated_at, updated_by=:updated_by,"
                " content_updated_at=:content_updated_at, content_updated_by=:content_updated_by"
                " WHERE id=:id AND revision=:expected AND status=:expected_status",
                {**row, "expected": expected_revision, "expected_status": expected_status.value},
            ).rowcount
            if updated != 1:
                raise ConflictError(article.id, expected_revision, current.revision + 1)
            self._put_revision(stored, actor=actor, note=comment or action)
            self._index(stored)
            self._append_audit(
                actor=actor,
                action=action,
                article_id=stored.id,
                from_status=current.status.value,
                to_status=new_status.value,
                revision=stored.revision,
                comment=comment,
            )
        return stored

    def set_status(
        self,
        article_id: int,
        *,
        actor: str,
        action: str,
        expected_status: Status,
        new_status: Status,
        expected_revision: int | None = None,
        comment: str = "",
    ) -> Article:
        with self._lock, self._write():
            current = self.get_article(article_id)
            if current.status is not expected_status or (
                expected_revision is not None and current.revision != expected_revision
            ):
                raise ConflictError(
                    article_id, expected_revision or current.revision, current.revision
                )
            approved = (
                current.revision if new_status is Status.APPROVED else current.approved_revision
            )
            now = codec.now_utc()
            # Conditional in SQL too, not only on what was read above: the row changes
            # only if it is still at the status and revision this action was decided on.
            updated = self.db.execute(
                "UPDATE articles SET status = ?, approved_revision = ?, updated_at = ?,"
                " updated_by = ? WHERE id = ? AND status = ? AND revision = ?",
                [
                    new_status.value,
                    approved,
                    codec.time_to_text(now),
                    actor,
                    article_id,
                    expected_status.value,
                    current.revision if expected_revision is None else expected_revision,
                ],
            ).rowcount
            if updated != 1:
                fresh = self.get_article(article_id)
                raise ConflictError(
                    article_id, expected_revision or current.revision, fresh.revision
                )
            self._append_audit(
                actor=actor,
                action=action,
                article_id=article_id,
                from_status=current.status.value,
                to_status=new_status.value,
                revision=current.revision,
                comment=comment,
            )
        return dataclasses.replace(
            current,
            status=new_status,
            approved_revision=approved,
            updated_at=now,
            updated_by=actor,
        )

    def article_ids(
        self,
        query: ArticleQuery | None = None,
        *,
        limit: int | None = None,
        cancel: ReadCancel | None = None,
    ) -> list[int]:
        """The ids `query` lists, in its order (a search: in rank order); with `limit`,
        the first screen of them only. Deleted drafts are left out. With `cancel`,
        `cancel.cancel()` from another thread stops the read (ReadSuperseded)."""

        def read() -> list[int]:
            return listed_article_ids(
                self._tuples,
                query or ArticleQuery(),
                limit,
                ids_sql=article_ids_sql,
                search=_SEARCH,
                placeholder="?",
                cancel=cancel,
            )

        if cancel is None:
            return read()
        # The store's lock, which every write holds for its whole transaction: while
        # this read runs, its statements are the only ones on the connection, so the
        # interrupt can stop nothing else. Inside this thread's own write unit (the
        # lock is re-entrant) the read is part of that unit: never interrupted then.
        with self._lock:
            if self.db.conn.in_transaction:
                return read()
            with cancel.interruptible(self.db.conn.interrupt, INTERRUPT_REPEAT_S):
                try:
                    return read()
                except StorageError as exc:
                    code = getattr(exc.__cause__, "sqlite_errorcode", None)
                    if cancel.cancelled and code == sqlite3.SQLITE_INTERRUPT:
                        raise ReadSuperseded("a newer read replaced this one") from exc
                    raise

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Rows for `ids`, in the order given (missing ids are skipped)."""
        found: dict[int, ArticleSummary] = {}
        ids = list(ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = (
                f"SELECT {codec.SUMMARY_COLUMNS} FROM articles"
                f" WHERE id IN ({','.join('?' * len(chunk))})"
                " AND id NOT IN (SELECT article_id FROM deleted_articles)"
            )
            for row in self._tuples(sql, chunk):
                found[row[0]] = codec.summary_from_row(row)
        return [found[i] for i in ids if i in found]

    def count(self) -> int:
        return self._tuples(
            "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM deleted_articles)"
        )[0][0]

    def _index(self, article: Article) -> None:
        row = codec.article_to_row(article)
        self.db.execute("DELETE FROM articles_fts WHERE rowid = ?", [article.id])
        self.db.execute(
            "INSERT INTO articles_fts (rowid, headline, kicker, body, credits, keywords)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            search_row(
                article.id,
                row["headline"],
                row["kicker"],
                row["body"],
                row["credits"],
                row["summary"],
                row["keywords"],
            ),
        )

    # -- history --------------------------------------------------------------

    def _put_revision(self, article: Article, *, actor: str, note: str) -> None:
        row = {
            "article_id": article.id,
            "revision": article.revision,
            "saved_at": codec.time_to_text(article.updated_at),
            "saved_by": actor,
            "status": article.status.value,
            "note": note,
            "data": codec.pack_revision(article),
        }
        self.db.execute(*insert_sql("revisions", row))

    def revisions(self, article_id: int) -> list[RevisionInfo]:
        self.get_article(article_id)
        rows = self._rows(
            "SELECT article_id, revision, saved_at, saved_by, status, note FROM revisions"
            " WHERE article_id = ? ORDER BY revision",
            [article_id],
        )
        return [
            RevisionInfo(
                article_id=r["article_id"],
                revision=r["revision"],
                saved_at=codec.time_from_text(r["saved_at"]),
                saved_by=r["saved_by"],
                status=Status(r["status"]),
                note=r["note"] or "",
            )
            for r in rows
        ]

    def get_revision(self, article_id: int, revision: int) -> Article:
        current = self.get_article(article_id)
        row = self._one(
            "SELECT data, saved_at, saved_by FROM revisions WHERE article_id = ? AND revision = ?",
            [article_id, revision],
        )
        if row is None:
            raise NotFoundError(missing_revision(article_id, revision))
        saved_at = codec.time_from_text(row["saved_at"])
        return dataclasses.replace(
            current.with_content(codec.unpack_revision(row["data"])),
            revision=revision,
            updated_at=saved_at,
            updated_by=row["saved_by"],
            # A revision is a change of content: its own time and author, whatever
            # came after it.
            content_updated_at=saved_at,
            content_updated_by=row["saved_by"],
        )

    def record_event(
        self,
        *,
        actor: str,
        action: str,
        article_id: int | None = None,
        comment: str = "",
        revision: int | None = None,
    ) -> None:
        with self._lock, self._write():
            self._append_audit(
                actor=actor,
                action=action,
                article_id=article_id,
                comment=comment,
                revision=revision,
            )

    def record_events(
        self, *, actor: str, action: str, events: Sequence[tuple[int, int | None, str]]
    ) -> None:
        """One audit entry per (article id, revision, comment) of `events`, in order, in
        one unit of work: an export's, one per article written."""
        if not events:
            return
        at = codec.time_to_text(codec.now_utc())
        with self._lock, self._write():
            self._append_audits(event_entries(actor=actor, action=action, at=at, events=events))

    def audit_events(self, article_id: int | None = None) -> list[AuditEvent]:
        if article_id is None:
            rows = self._rows("SELECT * FROM audit ORDER BY id")
        else:
            rows = self._rows("SELECT * FROM audit WHERE article_id = ? ORDER BY id", [article_id])
        return [
            AuditEvent(
                id=r["id"],
                article_id=r["article_id"],
                at=codec.time_from_text(r["at"]),
                actor=r["actor"],
                action=r["action"],
                from_status=r["from_status"],
                to_status=r["to_status"],
                revision=r["revision"],
                comment=r["comment"] or "",
            )
            for r in rows
        ]

    # -- live updates -----------------------------------------------------------

    def open_channel(self) -> SQLiteChannel:
        """A line of its own to this file (see channel.py), for one thread."""
        return SQLiteChannel(self.path)

    # -- health ---------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found in the database; an empty list means all is well."""
        with self._lock:
            return check_database(self.db, self.path, self._setting(AUDIT_HEAD))
