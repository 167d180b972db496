"""The SQLite store: the one engine behind the Store interface."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsdesk.domain.article import (
    Article,
    ArticleSummary,
    AuditEvent,
    Person,
    RevisionInfo,
)
from newsdesk.domain.comment import Comment
from newsdesk.domain.credit_roles import DEFAULT_CREDIT_ROLES, CreditRole
from newsdesk.domain.errors import ConflictError, InvalidInputError, NotFoundError, StorageError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status, UserRole
from newsdesk.storage import codec
from newsdesk.storage.audit_chain import GENESIS, entry_hash, verify_chain
from newsdesk.storage.search_text import build_match_query, segment_for_index
from newsdesk.storage.sqlite.backup import damage_report, is_corruption
from newsdesk.storage.sqlite.connection import connect, describe_database_error, write_transaction
from newsdesk.storage.sqlite.schema import migrate

log = logging.getLogger(__name__)

_SORT_SQL = {
    "updated": "updated_at {dir}, id {dir}",
    "headline": "headline COLLATE NOCASE {dir}, id {dir}",
    "status": "status {dir}, updated_at DESC, id DESC",
    "section": "section {dir}, updated_at DESC, id DESC",
    "reporter": "reporters {dir}, updated_at DESC, id DESC",
    "date": "date {dir}, id {dir}",
    "id": "id {dir}",
}
# bm25 weights for headline, kicker, body, credits.
_RANK = "bm25(articles_fts, 10.0, 5.0, 1.0, 2.0)"
_AUDIT_HEAD = "audit_head"
_SITE_PROFILE = "site_profile"


def _waiting_clause(roles: tuple[UserRole, ...], user: str) -> tuple[str, list[object]]:
    """SQL for "waiting for me": what each of the user's roles has to act on."""
    parts: list[str] = []
    values: list[object] = []
    if UserRole.PRODUCER in roles:
        parts.append("a.status = 'submitted'")
    if UserRole.WEB in roles:
        parts.append(
            "(a.status = 'approved' AND NOT EXISTS (SELECT 1 FROM audit e"
            " WHERE e.article_id = a.id AND e.action = 'export' AND e.revision = a.revision))"
        )
    if UserRole.REPORTER in roles:
        parts.append(
            "(a.status = 'draft' AND (SELECT e.action FROM audit e WHERE e.article_id = a.id"
            " AND e.action IN ('submit', 'return', 'approve', 'publish', 'archive')"
            " ORDER BY e.id DESC LIMIT 1) = 'return'"
            " AND (a.created_by = ? OR EXISTS (SELECT 1 FROM json_each(a.reporters)"
            " WHERE value = ?)))"
        )
        values.extend([user, user])
    return "(" + " OR ".join(parts or ["0"]) + ")", values


class SQLiteStore:
    """Articles, people, revisions, audit and settings in one SQLite file.

    One connection, guarded by a lock, so the store may be used from a worker
    thread; several processes may share the file (WAL, busy timeout, IMMEDIATE
    write transactions).

    Damage: opening only reads the schema (fast at any size). The full quick_check
    runs in `verify()`: at open with `verify=True`, else before the first write. A
    store found damaged (by verify, or by any read that fails as corrupt) refuses
    every write from then on with a StorageError naming the newest backup; reads go
    on as far as the file allows.
    """

    def __init__(self, path: Path | str, *, verify: bool = False) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._verified = False
        self._damage: str | None = None
        self.db = connect(path)
        try:
            self._check_readable()
            migrate(self.db, self.path)
            self._seed_defaults()
            if verify:
                self.verify()
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise self._failure(exc) from exc
        except BaseException:
            self.db.close()
            raise

    # -- plumbing -------------------------------------------------------------

    def _check_readable(self) -> None:
        # A cheap read of the schema on every open; the full quick_check reads the
        # whole file (0.4 s at 100,000 articles), so it runs in quick_check() instead.
        try:
            self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc) from exc

    def quick_check(self) -> list[str]:
        """SQLite's quick_check: problems found, or an empty list."""
        try:
            lines = [r[0] for r in self.db.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as exc:
            return [describe_database_error(self.path, exc)]
        return [] if lines == ["ok"] else lines

    def verify(self) -> list[str]:
        """Run quick_check now; a damaged store refuses writes from then on."""
        with self._lock:
            problems = self.quick_check()
            self._verified = True
            if problems and self._damage is None:
                self._damage = damage_report(self.path, problems[0])
                log.info("%s", self._damage)
        return problems

    def ensure_writable(self) -> None:
        """Raise StorageError when this database must not be written (it is damaged)."""
        with self._lock:
            if not self._verified:
                self.verify()
            if self._damage is not None:
                raise StorageError(self._damage)

    @property
    def damaged(self) -> str | None:
        """Why this store refuses writes, or None while it is not known to be damaged."""
        return self._damage

    def _failure(self, exc: sqlite3.Error) -> StorageError:
        """The StorageError for a failed statement; corruption marks the store damaged."""
        if is_corruption(exc):
            with self._lock:
                if self._damage is None:
                    self._damage = damage_report(self.path, str(exc))
                    # Raised to the caller, who shows it; logged for the app's log file.
                    log.info("%s", self._damage)
            return StorageError(self._damage)
        return StorageError(describe_database_error(self.path, exc))

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        self.ensure_writable()
        try:
            with write_transaction(self.db, self.path):
                yield
        except StorageError as exc:
            cause = exc.__cause__
            if isinstance(cause, sqlite3.Error) and is_corruption(cause):
                raise self._failure(cause) from cause
            raise

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes into one unit: all of them land, or none."""
        with self._lock, self._write():
            yield

    def _rows(self, sql: str, params: Sequence | dict = ()) -> list[dict]:
        try:
            cursor = self.db.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc

    def _tuples(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc

    def _one(self, sql: str, params: Sequence | dict = ()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _seed_defaults(self) -> None:
        with self._lock:
            seeded = self.db.execute("SELECT 1 FROM credit_roles LIMIT 1").fetchone()
            if seeded and self._setting(_SITE_PROFILE) is not None:
                return  # opening an existing newsroom writes nothing
        with self._lock, self._write():
            if not self.db.execute("SELECT 1 FROM credit_roles LIMIT 1").fetchone():
                self.db["credit_roles"].insert_all(
                    {"position": i, "key": r.key, "en": r.en, "zh": r.zh}
                    for i, r in enumerate(DEFAULT_CREDIT_ROLES)
                )
            if self._setting(_SITE_PROFILE) is None:
                self._put_setting(_SITE_PROFILE, codec.dumps(SiteProfile().to_dict()))

    def close(self) -> None:
        with self._lock:
            self.db.close()

    # -- people ---------------------------------------------------------------

    def add_person(self, person: Person) -> Person:
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
            raise NotFoundError(
                f"no person named {name!r} in this newsroom (add one with "
                f"`newsdesk users add NAME --role ROLE`)"
            )
        return codec.person_from_row(row)

    def people(self) -> list[Person]:
        return [
            codec.person_from_row(r)
            for r in self._rows("SELECT * FROM people ORDER BY name COLLATE NOCASE")
        ]

    # -- articles -------------------------------------------------------------

    def slug_taken(self, slug: str) -> bool:
        return self._one("SELECT 1 AS x FROM articles WHERE slug = ?", [slug]) is not None

    def insert_article(self, article: Article, *, actor: str) -> Article:
        if not article.slug:
            raise InvalidInputError("an article needs a slug before it is stored")
        now = codec.now_utc()
        with self._lock, self._write():
            if self.slug_taken(article.slug):
                raise InvalidInputError(f"the slug {article.slug!r} is already in use")
            stored = dataclasses.replace(
                article,
                id=None,
                revision=1,
                status=Status.DRAFT,
                approved_revision=None,
                created_by=actor,
                updated_by=actor,
                created_at=now,
                updated_at=now,
            )
            row = codec.article_to_row(stored)
            del row["id"]
            article_id = self.db["articles"].insert(row).last_pk
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

    def get_article(self, article_id: int) -> Article:
        row = self._one("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        return codec.article_from_row(row)

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
    ) -> Article:
        """Store `article`'s content as a new revision, if nobody saved in between.

        A save whose content equals the current revision writes nothing and returns
        the current article (autosave of an unchanged article is free).
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
                approved_revision=current.approved_revision,
                updated_at=now,
                updated_by=actor,
            )
            row = codec.article_to_row(stored)
            updated = self.db.execute(
                "UPDATE articles SET kicker=:kicker, headline=:headline, section=:section,"
                " date=:date, source=:source, language=:language, body=:body,"
                " credits=:credits, images=:images, reporters=:reporters, status=:status,"
                " revision=:revision, approved_revision=:approved_revision,"
                " updated_at=:updated_at, updated_by=:updated_by"
                " WHERE id=:id AND revision=:expected",
                {**row, "expected": expected_revision},
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
            self.db.execute(
                "UPDATE articles SET status = ?, approved_revision = ?, updated_at = ?,"
                " updated_by = ? WHERE id = ?",
                [new_status.value, approved, codec.time_to_text(now), actor, article_id],
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

    def article_ids(self, query: ArticleQuery | None = None) -> list[int]:
        query = query or ArticleQuery()
        where: list[str] = []
        params: list[object] = []
        statuses = list(query.statuses) + ([query.status] if query.status else [])
        if statuses:
            where.append(f"a.status IN ({','.join('?' * len(statuses))})")
            params.extend(s.value for s in statuses)
        if query.created_by:
            where.append("a.created_by = ?")
            params.append(query.created_by)
        if query.reporter:
            where.append("EXISTS (SELECT 1 FROM json_each(a.reporters) WHERE value = ?)")
            params.append(query.reporter)
        if query.on_site:
            where.append(
                "(a.status IN ('approved', 'published') OR (a.status IN ('submitted', 'draft')"
                " AND a.approved_revision IS NOT NULL))"
            )
        if query.waiting_roles:
            clause, values = _waiting_clause(query.waiting_roles, query.waiting_user)
            where.append(clause)
            params.extend(values)
        match = build_match_query(query.search) if query.search.strip() else None
        if query.search.strip() and match is None:
            return []
        if match:
            sql = (
                "SELECT a.id FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                f" WHERE articles_fts MATCH ? {''.join(' AND ' + w for w in where)}"
                f" ORDER BY {_RANK}, a.updated_at DESC, a.id DESC"
            )
            params.insert(0, match)
        else:
            if query.sort not in _SORT_SQL:
                raise InvalidInputError(f"unknown sort key {query.sort!r}")
            order = _SORT_SQL[query.sort].format(dir="DESC" if query.descending else "ASC")
            clause = f" WHERE {' AND '.join(where)}" if where else ""
            sql = f"SELECT a.id FROM articles a{clause} ORDER BY {order}"
        try:
            return [r[0] for r in self.db.execute(sql, params).fetchall()]
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        """Rows for `ids`, in the order given (missing ids are skipped)."""
        found: dict[int, ArticleSummary] = {}
        ids = list(ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            sql = (
                f"SELECT {codec.SUMMARY_COLUMNS} FROM articles"
                f" WHERE id IN ({','.join('?' * len(chunk))})"
            )
            for row in self._tuples(sql, chunk):
                found[row[0]] = codec.summary_from_row(row)
        return [found[i] for i in ids if i in found]

    def count(self) -> int:
        return self._tuples("SELECT count(*) FROM articles")[0][0]

    def _index(self, article: Article) -> None:
        credits = " ".join(f"{c.role} {' '.join(c.names)}" for c in article.credits)
        self.db.execute("DELETE FROM articles_fts WHERE rowid = ?", [article.id])
        self.db.execute(
            "INSERT INTO articles_fts (rowid, headline, kicker, body, credits)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                article.id,
                segment_for_index(article.headline),
                segment_for_index(article.kicker),
                segment_for_index(article.body),
                segment_for_index(credits),
            ],
        )

    # -- history --------------------------------------------------------------

    def _put_revision(self, article: Article, *, actor: str, note: str) -> None:
        self.db["revisions"].insert(
            {
                "article_id": article.id,
                "revision": article.revision,
                "saved_at": codec.time_to_text(article.updated_at),
                "saved_by": actor,
                "status": article.status.value,
                "note": note,
                "data": codec.pack_revision(article),
            }
        )

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
            raise NotFoundError(f"article {article_id} has no revision {revision}")
        return dataclasses.replace(
            current.with_content(codec.unpack_revision(row["data"])),
            revision=revision,
            updated_at=codec.time_from_text(row["saved_at"]),
            updated_by=row["saved_by"],
        )

    def _append_audit(
        self,
        *,
        actor: str,
        action: str,
        article_id: int | None,
        from_status: str | None = None,
        to_status: str | None = None,
        revision: int | None = None,
        comment: str = "",
    ) -> None:
        last = self.db.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        entry = {
            "id": (last[0] + 1) if last else 1,
            "article_id": article_id,
            "at": codec.time_to_text(codec.now_utc()),
            "actor": actor,
            "action": action,
            "from_status": from_status,
            "to_status": to_status,
            "revision": revision,
            "comment": comment,
        }
        prev = last[1] if last else GENESIS
        entry["prev_hash"] = prev
        entry["hash"] = entry_hash(entry, prev)
        self.db["audit"].insert(entry)
        self._put_setting(_AUDIT_HEAD, entry["hash"])

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

    # -- comments -------------------------------------------------------------

    def add_comment(
        self, article_id: int, *, author: str, text: str, parent_id: int | None = None
    ) -> Comment:
        if not text.strip():
            raise InvalidInputError("a comment needs some text")
        with self._lock, self._write():
            self.get_article(article_id)
            if parent_id is not None:
                parent = self._one("SELECT article_id FROM comments WHERE id = ?", [parent_id])
                if parent is None or parent["article_id"] != article_id:
                    raise NotFoundError(f"article {article_id} has no comment {parent_id}")
            row = {
                "article_id": article_id,
                "parent_id": parent_id,
                "at": codec.time_to_text(codec.now_utc()),
                "author": author,
                "text": text,
            }
            comment_id = self.db["comments"].insert(row).last_pk
            self._append_audit(actor=author, action="comment", article_id=article_id, comment=text)
        return Comment(id=comment_id, **row)

    def comments(self, article_id: int) -> list[Comment]:
        rows = self._rows("SELECT * FROM comments WHERE article_id = ? ORDER BY id", [article_id])
        return [Comment(**r) for r in rows]

    # -- settings, vocabulary, images ------------------------------------------

    def _setting(self, key: str) -> str | None:
        rows = self._tuples("SELECT value FROM settings WHERE key = ?", [key])
        return rows[0][0] if rows else None

    def _put_setting(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = self._setting(key)
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self._lock, self._write():
            self._put_setting(key, value)

    def site_profile(self) -> SiteProfile:
        raw = self._setting(_SITE_PROFILE)
        return SiteProfile.from_dict(json.loads(raw)) if raw else SiteProfile()

    def save_site_profile(self, profile: SiteProfile, *, actor: str) -> None:
        with self._lock, self._write():
            before = self.site_profile().to_dict()
            after = profile.to_dict()
            changed = sorted(k for k in after if before.get(k) != after[k])
            self._put_setting(_SITE_PROFILE, codec.dumps(after))
            self._append_audit(
                actor=actor,
                action="site-profile-changed",
                article_id=None,
                comment=", ".join(f"{k}={after[k]!r}" for k in changed),
            )

    def credit_roles(self) -> list[CreditRole]:
        rows = self._rows("SELECT key, en, zh FROM credit_roles ORDER BY position")
        return [CreditRole(**r) for r in rows]

    def save_credit_roles(self, roles: Sequence[CreditRole], *, actor: str) -> None:
        with self._lock, self._write():
            self.db.execute("DELETE FROM credit_roles")
            self.db["credit_roles"].insert_all(
                {"position": i, "key": r.key, "en": r.en, "zh": r.zh} for i, r in enumerate(roles)
            )
            self._append_audit(
                actor=actor,
                action="credit-roles-changed",
                article_id=None,
                comment=", ".join(r.en for r in roles),
            )

    def put_image(self, data: bytes, media_type: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        with self._lock, self._write():
            self.db.execute(
                "INSERT OR IGNORE INTO images (sha256, media_type, data, created_at)"
                " VALUES (?, ?, ?, ?)",
                [digest, media_type, data, codec.time_to_text(codec.now_utc())],
            )
        return digest

    def image_data(self, sha256: str) -> bytes:
        rows = self._tuples("SELECT data FROM images WHERE sha256 = ?", [sha256])
        if not rows:
            raise NotFoundError(f"no image {sha256[:12]} in this database")
        return rows[0][0]

    # -- health ---------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found in the database; an empty list means all is well."""
        problems: list[str] = []
        try:
            for (line,) in self.db.execute("PRAGMA integrity_check").fetchall():
                if line != "ok":
                    problems.append(f"integrity: {line}")
            for row in self.db.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"foreign key: table {row[0]} row {row[1]} -> {row[2]}")
            missing = self.db.execute(
                "SELECT a.id, a.revision FROM articles a LEFT JOIN revisions r"
                " ON r.article_id = a.id AND r.revision = a.revision WHERE r.article_id IS NULL"
            ).fetchall()
            for article_id, revision in missing:
                problems.append(f"article {article_id}: revision {revision} is not stored")
            for article_id, blob in self.db.execute(
                "SELECT r.article_id, r.data FROM revisions r JOIN articles a"
                " ON a.id = r.article_id AND a.revision = r.revision"
            ).fetchall():
                try:
                    codec.unpack_revision(blob)
                except (ValueError, OSError) as exc:
                    problems.append(f"article {article_id}: newest revision unreadable ({exc})")
            fts = self.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
            if fts != self.count():
                problems.append(f"search index holds {fts} articles, the database {self.count()}")
            entries = self._rows("SELECT * FROM audit ORDER BY id")
            problems.extend(verify_chain(entries, self._setting(_AUDIT_HEAD)))
        except sqlite3.DatabaseError as exc:
            problems.append(describe_database_error(self.path, exc))
        return problems
