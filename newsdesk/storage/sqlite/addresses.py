"""The SQLite store's article addresses (slugs, former slugs) and the deletion of junk
drafts. SQLiteStore (store.py) builds on this."""

from __future__ import annotations

import dataclasses

from newsdesk.domain.article import Article, FormerSlug
from newsdesk.domain.errors import ConflictError, InvalidInputError, NotFoundError
from newsdesk.domain.status import Status
from newsdesk.storage import codec
from newsdesk.storage.not_found import missing_article
from newsdesk.storage.sqlite.side_records import SideRecords


class SQLiteAddresses(SideRecords):
    """Slugs as the store keeps them: unique among articles and the former addresses
    the site carried; every change of one keeps the former one."""

    def slug_taken(self, slug: str) -> bool:
        return bool(
            self._tuples(
                "SELECT 1 FROM articles WHERE slug = ?"
                " UNION ALL SELECT 1 FROM former_slugs WHERE slug = ? AND published = 1",
                [slug, slug],
            )
        )

    def change_slug(
        self, article_id: int, *, slug: str, actor: str, expected_slug: str, published: bool
    ) -> Article:
        """Give the article the address `slug`, if its slug is still `expected_slug`;
        the former one is kept (`published`: the site carried it, so it redirects)."""
        with self._lock, self._write():
            current = self.get_article(article_id)
            if current.slug != expected_slug:
                raise ConflictError(article_id, current.revision, current.revision)
            if slug == current.slug:
                return current
            if self.slug_taken(slug):
                raise InvalidInputError(f"the address {slug!r} is already in use")
            now = codec.now_utc()
            self.db["former_slugs"].insert(
                {
                    "article_id": article_id,
                    "slug": current.slug,
                    "replaced_at": codec.time_to_text(now),
                    "replaced_by": actor,
                    "published": int(published),
                }
            )
            # A change of address is an action: it is the row's latest (as on the server,
            # where a desk writes rows under its own name only).
            updated = self.db.execute(
                "UPDATE articles SET slug = ?, updated_at = ?, updated_by = ?"
                " WHERE id = ? AND slug = ?",
                [slug, codec.time_to_text(now), actor, article_id, expected_slug],
            ).rowcount
            if updated != 1:
                raise ConflictError(article_id, current.revision, current.revision)
            self._append_audit(
                actor=actor,
                action="slug-changed",
                article_id=article_id,
                revision=current.revision,
                comment=f"{current.slug} -> {slug}" + (" (redirects)" if published else ""),
            )
        return dataclasses.replace(current, slug=slug, updated_at=now, updated_by=actor)

    def former_slugs(self, article_id: int) -> list[FormerSlug]:
        rows = self._rows(
            "SELECT slug, replaced_at, replaced_by, published FROM former_slugs"
            " WHERE article_id = ? ORDER BY id",
            [article_id],
        )
        return [codec.former_slug_from_row(r) for r in rows]

    def delete_article(self, article_id: int, *, actor: str, expected_revision: int) -> None:
        """Take a draft out of every list and search, if it is still the draft at
        `expected_revision` the rules allowed deleting; the audit log keeps it."""
        with self._lock, self._write():
            current = self.get_article(article_id)
            if current.revision != expected_revision or current.status is not Status.DRAFT:
                raise ConflictError(article_id, expected_revision, current.revision)
            self.db["deleted_articles"].insert(
                {
                    "article_id": article_id,
                    "deleted_at": codec.time_to_text(codec.now_utc()),
                    "deleted_by": actor,
                }
            )
            self.db.execute("DELETE FROM articles_fts WHERE rowid = ?", [article_id])
            self._append_audit(
                actor=actor,
                action="delete",
                article_id=article_id,
                from_status=current.status.value,
                revision=current.revision,
                comment=f"deleted the draft {current.headline!r}",
            )

    def _live_article_row(self, article_id: int) -> dict:
        row = self._one(
            "SELECT * FROM articles WHERE id = ?"
            " AND id NOT IN (SELECT article_id FROM deleted_articles)",
            [article_id],
        )
        if row is None:
            raise NotFoundError(missing_article(article_id))
        return row
