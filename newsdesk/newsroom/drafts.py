"""Deleting junk drafts (a mixin of Newsroom, service.py): a draft never submitted may
be deleted by its creator. It leaves every list and search; the store keeps it (a soft
delete: on a team base no desk may DELETE anything) and the audit log names it."""

from __future__ import annotations

from newsdesk.domain.errors import ConflictError
from newsdesk.domain.workflow import check_delete
from newsdesk.newsroom.audit_trail import ever_submitted
from newsdesk.newsroom.changes import Change, ChangeKind


class DraftOperations:
    def delete_draft(
        self, article_id: int, *, actor: str, expected_revision: int | None = None
    ) -> None:
        """Delete the draft `article_id`. `expected_revision`: the revision the person
        looked at; when someone saved since, ConflictError and nothing is deleted."""
        person = self.person(actor)
        with self.store.transaction():
            current = self.store.lock_article(article_id)
            if expected_revision is not None and current.revision != expected_revision:
                raise ConflictError(article_id, expected_revision, current.revision)
            events = self.store.audit_events(article_id)
            check_delete(current, person, ever_submitted=ever_submitted(events))
            self.store.delete_article(
                article_id, actor=person.name, expected_revision=current.revision
            )
        self._announce(Change(ChangeKind.DELETED, article_id, current.revision, None, person.name))

    def may_delete(self, article_id: int, person_name: str) -> str:
        """Why `person_name` may not delete the article ("" when they may)."""
        from newsdesk.domain.errors import RuleViolation

        try:
            check_delete(
                self.store.get_article(article_id),
                self.person(person_name),
                ever_submitted=ever_submitted(self.store.audit_events(article_id)),
            )
        except RuleViolation as refusal:
            return str(refusal)
        return ""
