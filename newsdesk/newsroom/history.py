"""The newsroom's history: revisions side by side, diffs, the audit log, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.domain.article import Article, AuditEvent, RevisionInfo
from newsdesk.domain.comment import Comment
from newsdesk.newsroom.audit_trail import Trail, approval_withdrawn, returned, trail_of
from newsdesk.newsroom.changes import Change, ChangeKind

if TYPE_CHECKING:  # the diffs (difflib) load when a revision is compared, not at start-up
    from newsdesk.domain.revision_diff import DiffSection


class HistoryOps:
    """Part of Newsroom (see service.py): what happened to an article, and its notes."""

    def diff(self, article_id: int, revision_a: int, revision_b: int) -> str:
        """A unified diff of two revisions' text (fields, credits and body)."""
        import difflib

        # Loaded here, not at start: it brings Python-Markdown with it.
        from newsdesk.publish.formats.markdown_meta import write_markdown_document

        site = self.site()
        texts = []
        for revision in (revision_a, revision_b):
            article = self.store.get_revision(article_id, revision)
            texts.append(write_markdown_document(article, site=site).splitlines(keepends=True))
        lines = difflib.unified_diff(
            texts[0], texts[1], f"revision {revision_a}", f"revision {revision_b}"
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)

    def compare(self, article_id: int, revision_a: int, revision_b: int) -> list[DiffSection]:
        """Revisions `a` and `b` side by side: the text, then the credits."""
        from newsdesk.domain.revision_diff import compare_revisions

        return compare_revisions(
            self.store.get_revision(article_id, revision_a),
            self.store.get_revision(article_id, revision_b),
        )

    def trail(self, article_id: int) -> Trail:
        """What the article's audit trail says: a withdrawn approval, a return, whether
        it was ever submitted or published (one read, for the views)."""
        return trail_of(self.store.audit_events(article_id))

    def returned(self, article_id: int) -> AuditEvent | None:
        """The return that sent the article back to its reporter, while it is still a
        draft: who, when, and the comment."""
        return returned(self.store.audit_events(article_id))

    def approval_withdrawn(self, article_id: int) -> AuditEvent | None:
        """The edit that took the article's approval away, while it still waits for a
        new one (None when the article is not in that state)."""
        return approval_withdrawn(self.store.audit_events(article_id))

    def revisions(self, article_id: int) -> list[RevisionInfo]:
        return self.store.revisions(article_id)

    def revision(self, article_id: int, revision: int) -> Article:
        return self.store.get_revision(article_id, revision)

    def audit_events(self, article_id: int | None = None) -> list[AuditEvent]:
        """The audit log of one article (oldest first), or of the whole newsroom."""
        return self.store.audit_events(article_id)

    def comments(self, article_id: int) -> list[Comment]:
        return self.store.comments(article_id)

    def comment(
        self, article_id: int, text: str, *, actor: str, parent_id: int | None = None
    ) -> Comment:
        person = self.person(actor)
        note = self.store.add_comment(
            article_id, author=person.name, text=text, parent_id=parent_id
        )
        self._announce(Change(ChangeKind.COMMENTS, article_id, actor=person.name))
        return note
