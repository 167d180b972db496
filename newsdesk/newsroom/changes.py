"""What an operation changed, as every view needs to hear it.

Each write of the newsroom announces a `Changes` once it has committed: which
articles, and what kind of change (content, status, comments, people, settings,
exports). Front ends subscribe once (`Newsroom.subscribe`) and refresh what shows
the changed things, instead of each action refreshing views by hand. Changes made
by another desk or process arrive the same way (origin "remote"), so one path keeps
every view current (after Anki's OpChanges and its operation_did_execute hook).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from newsdesk.domain.article import AuditEvent
from newsdesk.domain.status import Status


class ChangeKind(StrEnum):
    CREATED = "created"  # a new article
    CONTENT = "content"  # a new revision of an article's content
    STATUS = "status"  # a workflow action (submit, approve, ...)
    DELETED = "deleted"  # an article removed (a junk draft)
    ADDRESS = "address"  # an article's web address (slug) changed
    COMMENTS = "comments"  # an editorial note
    EXPORTED = "exported"  # export events: what waits for the web team changes
    PEOPLE = "people"  # the people of the newsroom and their roles
    SETTINGS = "settings"  # the site profile, the credit vocabulary


ARTICLE_KINDS = frozenset(
    {
        ChangeKind.CREATED,
        ChangeKind.CONTENT,
        ChangeKind.STATUS,
        ChangeKind.DELETED,
        ChangeKind.ADDRESS,
        ChangeKind.COMMENTS,
        ChangeKind.EXPORTED,
    }
)


@dataclass(frozen=True)
class Change:
    """One thing that changed. Article changes name the article, and where known its
    revision and status after the change, and who made it."""

    kind: ChangeKind
    article_id: int | None = None
    revision: int | None = None
    status: Status | None = None
    actor: str = ""

    def to_dict(self) -> dict:
        return {
            "kind": self.kind.value,
            "article_id": self.article_id,
            "revision": self.revision,
            "status": self.status.value if self.status else None,
            "actor": self.actor,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Change:
        status = data.get("status")
        return cls(
            kind=ChangeKind(data["kind"]),
            article_id=data.get("article_id"),
            revision=data.get("revision"),
            status=Status(status) if status else None,
            actor=str(data.get("actor") or ""),
        )


LOCAL = "local"
REMOTE = "remote"


@dataclass(frozen=True)
class Changes:
    """What one operation (or one batch from another desk) changed."""

    items: tuple[Change, ...] = ()
    origin: str = LOCAL

    @classmethod
    def of(cls, *items: Change, origin: str = LOCAL) -> Changes:
        return cls(tuple(items), origin)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)

    @property
    def kinds(self) -> frozenset[ChangeKind]:
        return frozenset(c.kind for c in self.items)

    @property
    def article_ids(self) -> frozenset[int]:
        return frozenset(c.article_id for c in self.items if c.article_id is not None)

    def touches(self, article_id: int | None) -> bool:
        return article_id is not None and article_id in self.article_ids

    def for_article(self, article_id: int) -> tuple[Change, ...]:
        return tuple(c for c in self.items if c.article_id == article_id)

    def has(self, *kinds: ChangeKind) -> bool:
        return bool(self.kinds & set(kinds))

    def merged(self, others: Iterable[Changes]) -> Changes:
        items = list(self.items)
        for other in others:
            items.extend(other.items)
        return Changes(tuple(items), self.origin)


# Audit actions and what they change (the audit log is how other desks' writes are
# heard: see feed.py). An action not named here still makes views read again.
_CONTENT_ACTIONS = frozenset(
    {"edit", "edit-after-approval", "approval-restored", "revert", "merge"}
)
_STATUS_ACTIONS = frozenset({"submit", "return", "approve", "publish", "archive"})
_SIMPLE_ACTIONS = {
    "create": ChangeKind.CREATED,
    "comment": ChangeKind.COMMENTS,
    "export": ChangeKind.EXPORTED,
    "delete": ChangeKind.DELETED,
    "person-added": ChangeKind.PEOPLE,
    "person-updated": ChangeKind.PEOPLE,
    "person-deactivated": ChangeKind.PEOPLE,
    "person-activated": ChangeKind.PEOPLE,
    "site-profile-changed": ChangeKind.SETTINGS,
    "credit-roles-changed": ChangeKind.SETTINGS,
}


def changes_of_event(event: AuditEvent) -> list[Change]:
    """What one audit entry changed, as the desk that wrote it announced it."""
    status = Status(event.to_status) if event.to_status else None
    item = functools.partial(Change, article_id=event.article_id, actor=event.actor)
    revision = event.revision
    if event.action in _CONTENT_ACTIONS:
        found = [item(ChangeKind.CONTENT, revision=revision, status=status)]
        if event.from_status != event.to_status:
            found.append(item(ChangeKind.STATUS, revision=revision, status=status))
        return found
    if event.action in _STATUS_ACTIONS:
        return [item(ChangeKind.STATUS, revision=revision, status=status)]
    kind = _SIMPLE_ACTIONS.get(event.action)
    if kind is ChangeKind.COMMENTS:
        return [item(kind)]
    if kind is not None:
        return [item(kind, revision=revision, status=status)]
    if event.article_id is not None:
        return [item(ChangeKind.CONTENT, revision=revision, status=status)]
    return [item(ChangeKind.SETTINGS)]
