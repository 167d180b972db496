"""Part of Newsroom (see service.py): saving an edit of an older revision by merging it
with what was saved since (domain/merge.py), and saving how a person resolved the
parts that overlapped, keeping every version in the history."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from newsdesk.domain.article import Article
from newsdesk.domain.errors import ConflictError
from newsdesk.domain.workflow import check_edit

if TYPE_CHECKING:  # merging (difflib, the word cutter) loads for a merge only
    from newsdesk.domain.merge import ArticleMerge


@dataclasses.dataclass(frozen=True)
class Saved:
    """What a content write stored; `merge` (and `theirs`, the revision merged with)
    when the edit was merged with a revision saved since it started."""

    article: Article
    merge: ArticleMerge | None = None
    theirs: Article | None = None


class MergeOps:
    def merge_save(
        self, article_id: int, article: Article, *, actor: str, base_revision: int
    ) -> Saved:
        """Save `article`'s content, an edit of `base_revision`, as the next revision.

        When someone saved since, the two edits are merged (domain/merge.py): what
        does not overlap becomes the new revision, audited as a merge naming both
        revisions; overlapping changes raise MergeConflict and nothing is written."""
        return self._write_content(
            article_id, article, actor=actor, expected_revision=base_revision, merge=True
        )

    def save_resolution(
        self,
        article_id: int,
        mine: Article,
        resolved: Article,
        *,
        actor: str,
        theirs_revision: int,
        summary: str = "",
    ) -> Article:
        """After a conflict with `theirs_revision`: my whole version as one revision
        (so the history keeps it), then `resolved`, the text chosen part by part, as
        the next; one unit of work, so other desks only ever see the resolution."""
        person = self.person(actor)
        written: list[tuple[Article, Article]] = []
        with self.store.transaction():
            current = self.store.lock_article(article_id)
            if current.revision != theirs_revision:
                raise ConflictError(article_id, theirs_revision, current.revision)
            stored = current
            for content, action, comment in (
                (
                    mine.content(),
                    "edit",
                    f"your version, kept when resolving a conflict with revision {theirs_revision}",
                ),
                (
                    resolved.content(),
                    "merge",
                    f"resolved a conflict with revision"
                    f" {theirs_revision} ({current.content_updated_by}){': ' if summary else ''}"
                    f"{summary}",
                ),
            ):
                before = stored
                stored = self.store.save_article(
                    before.with_content(content),
                    actor=person.name,
                    expected_revision=before.revision,
                    expected_status=before.status,
                    new_status=check_edit(before, person),
                    action=action,
                    comment=comment,
                )
                written.append((before, stored))
        for before, after in written:  # heard once the unit committed, not before
            self._announce_save(before, after, person.name)
        return stored
