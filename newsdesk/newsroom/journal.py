"""The crash-recovery journal: the open article's unsaved text, on disk within a second.

Revisions are saved when the reporter pauses; the journal covers the time between.
It is one small JSON file beside the database, replaced atomically (write, fsync,
rename), so a kill at any moment leaves either the previous journal or the new one.
A clean exit removes it; finding it at start means the last session ended abruptly.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from newsdesk.domain.article import Article

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JournalEntry:
    article_id: int
    base_revision: int  # the stored revision the unsaved edit started from
    user: str
    written_at: str
    content: dict  # Article.content()
    # Raw text of fields the editor could not accept yet (a half-typed date, say):
    # the content above holds their stored values, these are put back on screen.
    pending_fields: dict[str, str] = dataclasses.field(default_factory=dict)

    def apply_to(self, article: Article) -> Article:
        return article.with_content(self.content)


class RecoveryJournal:
    def __init__(self, db_path: Path | str) -> None:
        db = Path(db_path)
        self.path = db.with_name(db.name + ".recovery.json")

    def write(
        self,
        article: Article,
        *,
        base_revision: int,
        user: str,
        written_at: str,
        pending_fields: dict[str, str] | None = None,
    ) -> None:
        if article.id is None:
            return
        data = {
            "article_id": article.id,
            "base_revision": base_revision,
            "user": user,
            "written_at": written_at,
            "content": article.content(),
            "pending_fields": dict(pending_fields or {}),
        }
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
        fd, temp = tempfile.mkstemp(prefix=".recovery-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except OSError:
            Path(temp).unlink(missing_ok=True)
            raise

    def read(self) -> JournalEntry | None:
        """The journal left by the last session, or None (also for an unreadable one)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return JournalEntry(
                article_id=int(data["article_id"]),
                base_revision=int(data["base_revision"]),
                user=str(data["user"]),
                written_at=str(data["written_at"]),
                content=dict(data["content"]),
                pending_fields={
                    str(k): str(v) for k, v in dict(data.get("pending_fields") or {}).items()
                },
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring an unreadable recovery journal %s: %s", self.path, exc)
            return None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
