"""What an article's audit trail says about its workflow: whether its approval is
withdrawn, whether it was returned, whether it was ever submitted or published.

Pure readings of `AuditEvent`s (oldest first), shared by the newsroom's rules and by
the front ends' notices; nothing here writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.domain.article import AuditEvent
from newsdesk.domain.status import Status


def _last_status_change(events: Sequence[AuditEvent]) -> AuditEvent | None:
    for event in reversed(events):
        if event.to_status is None or event.from_status == event.to_status:
            continue  # comments, exports, addresses and plain edits leave the status
        return event
    return None


def approval_withdrawn(events: Sequence[AuditEvent]) -> AuditEvent | None:
    """The newest status change in `events` when it took an approved or published
    article back to submitted (an edit or a restore); else None."""
    event = _last_status_change(events)
    withdrawn = (
        event is not None
        and event.from_status in (Status.APPROVED.value, Status.PUBLISHED.value)
        and event.to_status == Status.SUBMITTED.value
    )
    return event if withdrawn else None


def returned(events: Sequence[AuditEvent]) -> AuditEvent | None:
    """The return that made the article a draft again, while it still is one (not
    submitted since): who sent it back, when, and the producer's comment."""
    event = _last_status_change(events)
    return event if event is not None and event.action == "return" else None


def ever_submitted(events: Sequence[AuditEvent]) -> bool:
    return any(e.action == "submit" for e in events)


def ever_published(events: Sequence[AuditEvent]) -> bool:
    """Whether the article was ever marked published: from then on the site has
    carried its address."""
    return any(e.action == "publish" for e in events)


@dataclass(frozen=True)
class Trail:
    """What the audit trail says of one article, read once for the views."""

    withdrawn: AuditEvent | None = None  # the edit that took the approval away
    returned: AuditEvent | None = None  # the return it waits on
    ever_submitted: bool = False
    published: bool = False  # its address is frozen


def trail_of(events: Sequence[AuditEvent]) -> Trail:
    return Trail(
        withdrawn=approval_withdrawn(events),
        returned=returned(events),
        ever_submitted=ever_submitted(events),
        published=ever_published(events),
    )
