"""The PostgreSQL store: the team engine behind the Store interface, behaving as the
SQLite engine does (tests/storage/test_store_contract.py runs on both)."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

import psycopg
from psycopg.rows import tuple_row

from newsdesk.domain.article import (
    Article,
    ArticleSummary,
    AuditEvent,
    Person,
    RevisionInfo,
)
from newsdesk.domain.errors import ConflictError, InvalidInputError, NotFoundError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.article_listing import listed_article_ids
from newsdesk.storage.new_drafts import first_revision
from newsdesk.storage.not_found import missing_person, missing_revision
from newsdesk.storage.postgres.addresses import Addresses
from newsdesk.storage.postgres.bulk import BulkRecords
from newsdesk.storage.postgres.health import check_database
from newsdesk.storage.postgres.listen import PostgresChannel
from newsdesk.storage.postgres.logins import ensure_login
from newsdesk.storage.postgres.new_articles import NewArticles
from newsdesk.storage.postgres.queries import article_ids_sql
from newsdesk.storage.postgres.ranking import ranked_search_ids
from newsdesk.storage.postgres.search import search_documents

log = logging.getLogger(__name__)

_ARTICLE_COLUMNS = (
    "slug, kicker, headline, section, date, source, language, body, credits, images,"
    " summary, keywords, reporters, status, revision, approved_revision, created_by,"
    " created_at, updated_at, updated_by, content_updated_at, content_updated_by"
)


class PostgresStore(Addresses, BulkRecords, NewArticles):
    """Articles, people, revisions, audit and settings in one database on a server."""

    # -- people ---------------------------------------------------------------

    def add_person(
        self, person: Person, *, login: str | None = None, password: str | None = None
    ) -> Person:
        name = person.name.strip()
        if not name:
            raise InvalidInputError("a person needs a name")
        if not person.roles:
            raise InvalidInputError(f"{name} needs at least one role")
        person = dataclasses.replace(person, name=name)

        def work(conn: psycopg.Connection) -> None:
            existing = conn.execute(
                "SELECT created_at, login, active FROM people WHERE name = %s", [name]
            ).fetchone()
            linked = login if login is not None else (existing[1] if existing else None)
            if login is not None:
                other = conn.execute(
                    "SELECT name FROM people WHERE login = %s AND name <> %s", [login, name]
                ).fetchone()
                if other:
                    raise InvalidInputError(f"the login {login} already belongs to {other[0]}")
            # A deactivated person's login stays in no group until activated again.
            still_active = existing is None or existing[2]
            if linked is not None:
                ensure_login(conn, linked, person.roles if still_active else (), password=password)
            created = codec.time_from_text(existing[0]) if existing else codec.now_utc()
            row = codec.person_to_row(person, created)
            conn.execute(
                "INSERT INTO people (name, roles, created_at, login)"
                " VALUES (%(name)s, %(roles)s, %(created_at)s, %(login)s)"
                " ON CONFLICT (name) DO UPDATE SET roles = excluded.roles,"
                " login = excluded.login",
                {**row, "login": linked},
            )
            roles = ",".join(sorted(r.value for r in person.roles))
            self._append_audit(
                conn,
                actor=name,
                action="person-updated" if existing else "person-added",
                article_id=None,
                comment=f"roles: {roles}" + (f", login: {linked}" if linked else ""),
            )

        self._write(work)
        self._refresh_login()
        return person

    def get_person(self, name: str) -> Person:
        row = self._one("SELECT name, roles, active FROM people WHERE name = %s", [name.strip()])
        if row is None:
            raise NotFoundError(missing_person(name))
        return codec.person_from_row(row)

    def people(self) -> list[Person]:
        rows = self._rows(
            'SELECT name, roles, active FROM people ORDER BY lower(name) COLLATE "C", name'
        )
        return [codec.person_from_row(r) for r in rows]

    def set_person_active(self, name: str, active: bool, *, actor: str) -> Person:
        def work(conn: psycopg.Connection) -> Person:
            row = conn.execute(
                "SELECT name, roles, active, login FROM people WHERE name = %s FOR UPDATE",
                [name.strip()],
            ).fetchone()
            if row is None:
                self.get_person(name)  # raises NotFoundError naming them
            person = codec.person_from_row({"name": row[0], "roles": row[1], "active": row[2]})
            if person.active == active:
                return person
            conn.execute("UPDATE people SET active = %s WHERE name = %s", [active, person.name])
            if row[3] is not None:
                # The server holds it too: a deactivated login is in no group of the
                # newsroom, so it can neither read nor write, whatever client it uses.
                ensure_login(conn, row[3], person.roles if active else ())
            self._append_audit(
                conn,
                actor=actor,
                action="person-activated" if active else "person-deactivated",
                article_id=None,
                comment=person.name,
            )
            return dataclasses.replace(person, active=active)

        changed = self._write(work)
        self._refresh_login()
        return changed

    # -- articles -------------------------------------------------------------

    def insert_article(self, article: Article, *, actor: str) -> Article:
        if not article.slug:
            raise InvalidInputError("an article needs a slug before it is stored")
        now = codec.now_utc()

        def work(conn: psycopg.Connection) -> Article:
            if conn.execute("SELECT 1 FROM articles WHERE slug = %s", [article.slug]).fetchone():
                raise InvalidInputError(f"the slug {article.slug!r} is already in use")
            stored = first_revision(article, actor=actor, now=now)
            row = codec.article_to_row(stored)
            names = [c.strip() for c in _ARTICLE_COLUMNS.split(",")]
            article_id = conn.execute(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES"
                f" ({', '.join(f'%({n})s' for n in names)}) RETURNING id",
                row,
            ).fetchone()[0]
            stored = dataclasses.replace(stored, id=article_id)
            self._put_revision(conn, stored, actor=actor, note="created")
            self._index(conn, stored)
            self._append_audit(
                conn,
                actor=actor,
                action="create",
                article_id=article_id,
                to_status=Status.DRAFT.value,
                revision=1,
            )
            return stored

        return self._write(work)

    def lock_article(self, article_id: int) -> Article:
        """The article, held against other writers (SELECT ... FOR UPDATE) until the
        enclosing `transaction()` ends, so a unit may write against what it read."""
        if not self._in_unit():
            raise RuntimeError("lock_article() belongs inside transaction()")
        return codec.article_from_row(self._live_article_row(article_id, lock=True))

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
        """Store `article`'s content as a new revision, if nobody saved in between
        (an unchanged content writes nothing, as on SQLite); `approve`: the new
        revision is the approved one."""
        if article.id is None:
            raise InvalidInputError("save_article needs a stored article (with an id)")

        def work(conn: psycopg.Connection) -> Article:
            current = self.get_article(article.id)
            if current.revision != expected_revision or current.status is not expected_status:
                raise ConflictError(article.id, expected_revision, current.revision)
            if current.content() == article.content():
                return current
            now = codec.now_utc()
            stored = dataclasses.replace(
                current,
                **{k: getattr(article, k) for k in article.content()},
                revision=current.revision + 1,
                status=new_status,
                approved_revision=current.revision + 1 if approve else current.approved_revision,
                updated_at=now,
                updated_by=actor,
                content_updated_at=now,
                content_updated_by=actor,
            )
            row = codec.article_to_row(stored)
            updated = conn.execute(
                "UPDATE articles SET kicker=%(kicker)s, headline=%(headline)s,"
                " section=%(section)s, date=%(date)s, source=%(source)s,"
                " language=%(language)s, body=%(body)s, credits=%(credits)s,"
                " images=%(images)s, summary=%(summary)s, keywords=%(keywords)s,"
                " reporters=%(reporters)s, status=%(status)s, revision=%(revision)s,"
                " approved_revision=%(approved_revision)s, updated_at=%(updated_at)s,"
                " updated_by=%(updated_by)s, content_updated_at=%(content_updated_at)s,"
                " content_updated_by=%(content_updated_by)s"
                " WHERE id=%(id)s AND revision=%(expected)s AND status=%(expected_status)s",
                {**row, "expected": expected_revision, "expected_status": expected_status.value},
            ).rowcount
            if updated != 1:
                raise ConflictError(article.id, expected_revision, current.revision + 1)
            self._put_revision(conn, stored, actor=actor, note=comment or action)
            self._index(conn, stored)
            self._append_audit(
                conn,
                actor=actor,
                action=action,
                article_id=stored.id,
                from_status=current.status.value,
                to_status=new_status.value,
                revision=stored.revision,
                comment=comment,
            )
            return stored

        return self._write(work)

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
        def work(conn: psycopg.Connection) -> Article:
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
            # Conditional in SQL too: the row changes only if it is still at the status
            # and revision this action was decided on.
            updated = conn.execute(
                "UPDATE articles SET status = %s, approved_revision = %s, updated_at = %s,"
                " updated_by = %s WHERE id = %s AND status = %s AND revision = %s",
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
                fresh = conn.execute(
                    "SELECT revision FROM articles WHERE id = %s", [article_id]
                ).fetchone()
                raise ConflictError(
                    article_id,
                    expected_revision or current.revision,
                    fresh[0] if fresh else current.revision,
                )
            self._append_audit(
                conn,
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

        return self._write(work)

    def article_ids(
        self, query: ArticleQuery | None = None, *, limit: int | None = None
    ) -> list[int]:
        """The ids `query` lists, in its order (a search: in rank order); with `limit`,
        the first screen of them only. Deleted drafts are left out."""
        # One connection for the few statements of a ranked first screen: each
        # checkout from the pool costs a round trip of its own (its check).
        with self._unit(write=False) as conn, conn.cursor(row_factory=tuple_row) as cur:

            def fetch(sql: str, params: Sequence = ()) -> list[tuple]:
                cur.execute(sql, params)
                return cur.fetchall()

            return listed_article_ids(
                fetch,
                query or ArticleQuery(),
                limit,
                ids_sql=article_ids_sql,
                search=ranked_search_ids,
                placeholder="%s",
            )

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Rows for `ids`, in the order given (missing ids are skipped)."""
        ids = list(ids)
        found: dict[int, ArticleSummary] = {}
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            for row in self._tuples(
                f"SELECT {codec.SUMMARY_COLUMNS} FROM articles"
                " WHERE id = ANY(%s) AND id NOT IN (SELECT article_id FROM deleted_articles)",
                [chunk],
            ):
                found[row[0]] = codec.summary_from_row(row)
        return [found[i] for i in ids if i in found]

    def count(self) -> int:
        return self._tuples(
            "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM deleted_articles)"
        )[0][0]

    @staticmethod
    def _index(conn: psycopg.Connection, article: Article) -> None:
        row = codec.article_to_row(article)
        docs = search_documents(
            row["headline"],
            row["kicker"],
            row["body"],
            row["credits"],
            row["summary"],
            row["keywords"],
        )
        conn.execute("SELECT newsdesk_set_search(%s, %s::text[]::tsvector[])", [article.id, docs])

    # -- history --------------------------------------------------------------

    @staticmethod
    def _put_revision(conn: psycopg.Connection, article: Article, *, actor: str, note: str):
        conn.execute(
            "INSERT INTO revisions (article_id, revision, saved_at, saved_by, status, note,"
            " data) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [
                article.id,
                article.revision,
                codec.time_to_text(article.updated_at),
                actor,
                article.status.value,
                note,
                codec.pack_revision(article),
            ],
        )

    def revisions(self, article_id: int) -> list[RevisionInfo]:
        self.get_article(article_id)
        rows = self._rows(
            "SELECT article_id, revision, saved_at, saved_by, status, note FROM revisions"
            " WHERE article_id = %s ORDER BY revision",
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
            "SELECT data, saved_at, saved_by FROM revisions"
            " WHERE article_id = %s AND revision = %s",
            [article_id, revision],
        )
        if row is None:
            raise NotFoundError(missing_revision(article_id, revision))
        saved_at = codec.time_from_text(row["saved_at"])
        return dataclasses.replace(
            current.with_content(codec.unpack_revision(bytes(row["data"]))),
            revision=revision,
            updated_at=saved_at,
            updated_by=row["saved_by"],
            # A revision is a change of content: its own time and author, as on SQLite.
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
        self._write(
            lambda conn: self._append_audit(
                conn,
                actor=actor,
                action=action,
                article_id=article_id,
                comment=comment,
                revision=revision,
            )
        )

    def audit_events(self, article_id: int | None = None) -> list[AuditEvent]:
        if article_id is None:
            rows = self._rows("SELECT * FROM audit ORDER BY id")
        else:
            rows = self._rows("SELECT * FROM audit WHERE article_id = %s ORDER BY id", [article_id])
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

    def open_channel(self) -> PostgresChannel:
        """A connection of its own for LISTEN and the presence mark (see listen.py)."""
        return PostgresChannel(self.conninfo, self._password)

    # -- health ---------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found in the newsroom; an empty list means all is well."""
        with self._unit(write=False) as conn:
            return check_database(conn, self.path)
