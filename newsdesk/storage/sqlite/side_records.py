"""The SQLite store's side records: notes on articles, settings, the site profile, the
credit vocabulary and images (part of SQLiteStore)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from newsdesk.domain.comment import Comment
from newsdesk.domain.credit_roles import CreditRole
from newsdesk.domain.errors import InvalidInputError, NotFoundError
from newsdesk.domain.site import SiteProfile
from newsdesk.storage import codec
from newsdesk.storage.not_found import missing_comment, missing_image
from newsdesk.storage.sqlite.base import SITE_PROFILE, SQLiteBase


class SideRecords(SQLiteBase):
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
                    raise NotFoundError(missing_comment(article_id, parent_id))
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

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        value = self._setting(key)
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self._lock, self._write():
            self._put_setting(key, value)

    def site_profile(self) -> SiteProfile:
        raw = self._setting(SITE_PROFILE)
        return SiteProfile.from_dict(json.loads(raw)) if raw else SiteProfile()

    def save_site_profile(self, profile: SiteProfile, *, actor: str) -> None:
        with self._lock, self._write():
            before = self.site_profile().to_dict()
            after = profile.to_dict()
            changed = sorted(k for k in after if before.get(k) != after[k])
            self._put_setting(SITE_PROFILE, codec.dumps(after))
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
            raise NotFoundError(missing_image(sha256))
        return rows[0][0]
