"""What a list of articles asks for: filters, search and order."""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.domain.status import Status, UserRole

SORT_KEYS = ("updated", "headline", "status", "section", "reporter", "date", "id")


@dataclass(frozen=True)
class ArticleQuery:
    """Which articles a list shows, and in what order."""

    status: Status | None = None
    statuses: tuple[Status, ...] = ()
    search: str = ""
    created_by: str | None = None
    reporter: str | None = None
    sort: str = "updated"
    descending: bool = True
    # "Waiting for me": the roles of `waiting_user`, each adding what waits for it:
    # producer -> submitted; web -> approved and not exported at this revision;
    # reporter -> returned drafts the user created or is credited on.
    # What the site carries: approved and published articles, and those being corrected
    # after an approval (the site keeps their last approved revision). Not archived.
    on_site: bool = False
    waiting_roles: tuple[UserRole, ...] = ()
    waiting_user: str = ""
