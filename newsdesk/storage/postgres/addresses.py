"""The server store's article addresses (slugs, former slugs) and the deletion of junk
drafts, as the SQLite engine keeps them (sqlite/addresses.py). The server's own rules
(roles.sql) check them again for every desk."""

from __future__ import annotations

import dataclasses

import psycopg

from newsdesk.domain.article import Article, FormerSlug
from newsdesk.domain.errors import ConflictError, InvalidInputError, NotFoundError
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.not_found import missing_article
from newsdesk.storage.postgres.side_records import SideRecords


class Addresses(SideRecords):
    def slug_taken(self, slug: str) -> bool:
        return bool(
            self._tuples(
                "SELECT 1 FROM articles WHERE slug = %s"
                " UNION ALL SELECT 1 FROM former_slugs WHERE slug = %s AND published",
                [slug, slug],
            )
        )

    def change_slug(
        self, article_id: int, *, slug: str, actor: str, expected_slug: str, published: bool
    ) -> Article:
        now = codec.now_utc()

        def work(conn: psycopg.Connection) -> Article:
            current = self.get_article(article_id)
            if current.slug != expected_slug:
                raise ConflictError(article_id, current.revision, current.revision)
            if slug == current.slug:
                return current
            if self.slug_taken(slug):
                raise InvalidInputError(f"the address {slug!r} is already in use")
            # The former address first: the server refuses a change that keeps none.
            conn.execute(
                "INSERT INTO former_slugs (article_id, slug, replaced_at, replaced_by,"
                " published) VALUES (%s, %s, %s, %s, %s)",
                [article_id, current.slug, codec.time_to_text(now), actor, published],
            )
            updated = conn.execute(
                "UPDATE articles SET slug = %s, updated_at = %s, updated_by = %s"
                " WHERE id = %s AND slug = %s",
                [slug, codec.time_to_text(now), actor, article_id, expected_slug],
            ).rowcount
            if updated != 1:
                raise ConflictError(article_id, current.revision, current.revision)
            self._append_audit(
                conn,
                actor=actor,
                action="slug-changed",
                article_id=article_id,
                revision=current.revision,
                comment=f"{current.slug} -> {slug}" + (" (redirects)" if published else ""),
            )
            return dataclasses.replace(current, slug=slug, updated_at=now, updated_by=actor)

        return self._write(work)

    def former_slugs(self, article_id: int) -> list[FormerSlug]:
        rows = self._rows(
            "SELECT slug, replaced_at, replaced_by, published FROM former_slugs"
            " WHERE article_id = %s ORDER BY id",
            [article_id],
        )
        return [codec.former_slug_from_row(r) for r in rows]

    def delete_article(self, article_id: int, *, actor: str, expected_revision: int) -> None:
        def work(conn: psycopg.Connection) -> None:
            current = self.get_article(article_id)
            if current.revision != expected_revision or current.status is not Status.DRAFT:
                raise ConflictError(article_id, expected_revision, current.revision)
            # The server's trigger checks the rules and takes the article out of search.
            conn.execute(
                "INSERT INTO deleted_articles (article_id, deleted_at, deleted_by)"
                " VALUES (%s, %s, %s)",
                [article_id, codec.time_to_text(codec.now_utc()), actor],
            )
            self._append_audit(
                conn,
                actor=actor,
                action="delete",
                article_id=article_id,
                from_status=current.status.value,
                revision=current.revision,
                comment=f"deleted the draft {current.headline!r}",
            )

        self._write(work)

    def _live_article_row(self, article_id: int, *, lock: bool = False) -> dict:
        row = self._one(
            "SELECT * FROM articles WHERE id = %s"
            " AND id NOT IN (SELECT article_id FROM deleted_articles)"
            + (" FOR UPDATE" if lock else ""),
            [article_id],
        )
        if row is None:
            raise NotFoundError(missing_article(article_id))
        return row
