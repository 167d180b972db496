"""The server store's side records: comments, settings (the site profile among them),
the credit vocabulary and images. PostgresStore (store.py) builds on this."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import psycopg

from newsdesk.domain.comment import Comment
from newsdesk.domain.credit_roles import CreditRole
from newsdesk.domain.errors import InvalidInputError, NotFoundError
from newsdesk.domain.site import SiteProfile
from newsdesk.storage import codec
from newsdesk.storage.not_found import missing_article, missing_comment, missing_image
from newsdesk.storage.postgres.base import PostgresBase
from newsdesk.storage.postgres.schema import SITE_PROFILE


class SideRecords(PostgresBase):
    """Everything around the articles, with the same behaviour as the SQLite engine."""

    # -- comments -------------------------------------------------------------

    def add_comment(
        self, article_id: int, *, author: str, text: str, parent_id: int | None = None
    ) -> Comment:
        if not text.strip():
            raise InvalidInputError("a comment needs some text")

        def work(conn: psycopg.Connection) -> Comment:
            if not conn.execute(
                "SELECT 1 FROM articles WHERE id = %s"
                " AND id NOT IN (SELECT article_id FROM deleted_articles)",
                [article_id],
            ).fetchone():
                raise NotFoundError(missing_article(article_id))
            if parent_id is not None:
                parent = conn.execute(
                    "SELECT article_id FROM comments WHERE id = %s", [parent_id]
                ).fetchone()
                if parent is None or parent[0] != article_id:
                    raise NotFoundError(missing_comment(article_id, parent_id))
            row = {
                "article_id": article_id,
                "parent_id": parent_id,
                "at": codec.time_to_text(codec.now_utc()),
                "author": author,
                "text": text,
            }
            comment_id = conn.execute(
                "INSERT INTO comments (article_id, parent_id, at, author, text)"
                " VALUES (%(article_id)s, %(parent_id)s, %(at)s, %(author)s, %(text)s)"
                " RETURNING id",
                row,
            ).fetchone()[0]
            self._append_audit(
                conn, actor=author, action="comment", article_id=article_id, comment=text
            )
            return Comment(id=comment_id, **row)

        return self._write(work)

    def comments(self, article_id: int) -> list[Comment]:
        rows = self._rows(
            "SELECT id, article_id, parent_id, at, author, text FROM comments"
            " WHERE article_id = %s ORDER BY id",
            [article_id],
        )
        return [Comment(**r) for r in rows]

    # -- settings, vocabulary, images ------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = self._setting(key)
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        self._write(lambda conn: self._put_setting(conn, key, value))

    def site_profile(self) -> SiteProfile:
        raw = self._setting(SITE_PROFILE)
        return SiteProfile.from_dict(json.loads(raw)) if raw else SiteProfile()

    def save_site_profile(self, profile: SiteProfile, *, actor: str) -> None:
        def work(conn: psycopg.Connection) -> None:
            before = self.site_profile().to_dict()
            after = profile.to_dict()
            changed = sorted(k for k in after if before.get(k) != after[k])
            self._put_setting(conn, SITE_PROFILE, codec.dumps(after))
            self._append_audit(
                conn,
                actor=actor,
                action="site-profile-changed",
                article_id=None,
                comment=", ".join(f"{k}={after[k]!r}" for k in changed),
            )

        self._write(work)

    def credit_roles(self) -> list[CreditRole]:
        rows = self._rows("SELECT key, en, zh FROM credit_roles ORDER BY position")
        return [CreditRole(**r) for r in rows]

    def save_credit_roles(self, roles: Sequence[CreditRole], *, actor: str) -> None:
        def work(conn: psycopg.Connection) -> None:
            conn.execute("DELETE FROM credit_roles")
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO credit_roles (position, key, en, zh) VALUES (%s, %s, %s, %s)",
                    [(i, r.key, r.en, r.zh) for i, r in enumerate(roles)],
                )
            self._append_audit(
                conn,
                actor=actor,
                action="credit-roles-changed",
                article_id=None,
                comment=", ".join(r.en for r in roles),
            )

        self._write(work)

    def put_image(self, data: bytes, media_type: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self._write(
            lambda conn: conn.execute(
                "INSERT INTO images (sha256, media_type, data, created_at)"
                " VALUES (%s, %s, %s, %s) ON CONFLICT (sha256) DO NOTHING",
                [digest, media_type, data, codec.time_to_text(codec.now_utc())],
            )
        )
        return digest

    def image_data(self, sha256: str) -> bytes:
        rows = self._tuples("SELECT data FROM images WHERE sha256 = %s", [sha256])
        if not rows:
            raise NotFoundError(missing_image(sha256))
        return bytes(rows[0][0])
