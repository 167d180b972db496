"""The store interface: what the rest of newsdesk may ask of storage.

Any engine behind it must pass tests/storage/test_store_contract.py. The store keeps
data consistent (revisions, optimistic concurrency, audit) but knows no editorial
rules: the newsroom service decides, the store writes conditionally.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from newsdesk.domain.article import (
    Article,
    ArticleHead,
    ArticleSummary,
    AuditEvent,
    FormerSlug,
    Person,
    RevisionInfo,
)
from newsdesk.domain.comment import Comment
from newsdesk.domain.credit_roles import CreditRole
from newsdesk.domain.presence import Presence, PresenceMode
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import Status
from newsdesk.storage.read_cancel import ReadCancel


@dataclass(frozen=True)
class Login:
    """Who a team base's connection is. `name` is the database login; `person` the
    newsroom person it belongs to (None: it belongs to nobody); `bypasses_rules` is
    true for the database owner and superusers, whom the database's own rules
    (row-level security, the status trigger) let through."""

    name: str
    person: str | None
    bypasses_rules: bool


class CachedBody(NamedTuple):
    """A rendered body as the cache keeps it: its HTML and its visible text, one block
    a line (None in an entry kept before the text was: the exporter fills it in)."""

    html: str
    plain_text: str | None = None


class DeskChannel(Protocol):
    """One desk's own line to the newsroom, for one thread (the app's change feed, or
    `newsdesk watch`): it hears that something committed, reads the audit log from
    where it left off, and holds the desk's presence mark. On a server, LISTEN/NOTIFY
    and a session-bound advisory lock on one connection of its own; on a file, a poll
    of PRAGMA data_version and a heartbeat row. Raises StorageError when the line is
    lost (a new channel reconnects)."""

    desk: str  # this desk's id in presence marks

    def wait(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds; True when something may have committed."""
        ...

    def newest_event_id(self) -> int: ...
    def events_after(self, event_id: int, limit: int = 500) -> list[AuditEvent]: ...
    def set_presence(self, article_id: int | None, mode: PresenceMode, person: str) -> None: ...
    def heartbeat(self) -> None: ...
    def presence(self) -> list[Presence]: ...
    def close(self) -> None: ...


class Store(Protocol):
    path: str

    def transaction(self) -> AbstractContextManager[None]: ...

    # who is connected: None where the engine has no logins (SQLite trusts names)
    def login(self) -> Login | None: ...

    # people; `login` (and its `password`) only where the engine has logins
    def add_person(
        self, person: Person, *, login: str | None = None, password: str | None = None
    ) -> Person: ...
    def get_person(self, name: str) -> Person: ...
    def people(self) -> list[Person]: ...  # deactivated people too (`active` says)
    def set_person_active(self, name: str, active: bool, *, actor: str) -> Person: ...

    # articles
    def insert_article(self, article: Article, *, actor: str) -> Article: ...
    # many new drafts in one unit of work: all of them, in order, or none
    def insert_articles(self, articles: Sequence[Article], *, actor: str) -> list[Article]: ...
    def get_article(self, article_id: int) -> Article: ...
    def lock_article(self, article_id: int) -> Article: ...
    def slug_taken(self, slug: str) -> bool: ...
    # which of `slugs` are taken (slug_taken of each, in one question)
    def slugs_in_use(self, slugs: Collection[str]) -> set[str]: ...
    def save_article(
        self,
        article: Article,
        *,
        actor: str,
        expected_revision: int,
        expected_status: Status,
        new_status: Status,
        action: str = "edit",
        comment: str = "",
        approve: bool = False,
    ) -> Article: ...
    def change_slug(
        self, article_id: int, *, slug: str, actor: str, expected_slug: str, published: bool
    ) -> Article: ...
    def former_slugs(self, article_id: int) -> list[FormerSlug]: ...
    def delete_article(self, article_id: int, *, actor: str, expected_revision: int) -> None: ...
    def set_status(
        self,
        article_id: int,
        *,
        actor: str,
        action: str,
        expected_status: Status,
        new_status: Status,
        expected_revision: int | None = None,
        comment: str = "",
    ) -> Article: ...
    # in the query's order (a search: ranked); `limit`: the first screen only;
    # `cancel.cancel()` from another thread stops it (ReadSuperseded), never a write
    def article_ids(
        self,
        query: ArticleQuery | None = None,
        *,
        limit: int | None = None,
        cancel: ReadCancel | None = None,
    ) -> list[int]: ...
    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]: ...
    def count(self) -> int: ...
    # many at once, in the order given (missing ids skipped): for exports
    def get_articles(self, ids: Sequence[int]) -> list[Article]: ...
    # each article's stamp (renewed by the database at every change of its row) and
    # names, without its body
    def article_heads(self, ids: Sequence[int]) -> list[ArticleHead]: ...
    # (status, head) of every article the site may carry, by id, in one read: what a
    # whole-site export needs before it reads any body
    def site_heads(self) -> list[tuple[Status, ArticleHead]]: ...
    # (id, status, date) of each of `ids`, in the order given (missing skipped): the
    # site's export order, without reading the list's summaries
    def statuses_and_dates(
        self, ids: Sequence[int]
    ) -> list[tuple[int, Status, dt.date | None]]: ...
    # per article id, the former slugs the site carried (oldest first)
    def published_former_slugs(self) -> dict[int, list[str]]: ...

    # rendered bodies by key (a hash naming renderer and Markdown); not audited. A key
    # already kept keeps its HTML; only a missing plain text is filled in.
    def cached_bodies(self, keys: Sequence[str]) -> dict[str, CachedBody]: ...
    def cache_bodies(self, bodies: Mapping[str, CachedBody]) -> None: ...

    # history
    def revisions(self, article_id: int) -> list[RevisionInfo]: ...
    def get_revision(self, article_id: int, revision: int) -> Article: ...
    def audit_events(self, article_id: int | None = None) -> list[AuditEvent]: ...
    def record_event(
        self,
        *,
        actor: str,
        action: str,
        article_id: int | None = None,
        comment: str = "",
        revision: int | None = None,
    ) -> None: ...
    # one entry per (article id, revision, comment), in order, as one unit of work
    def record_events(
        self, *, actor: str, action: str, events: Sequence[tuple[int, int | None, str]]
    ) -> None: ...

    # comments
    def add_comment(
        self, article_id: int, *, author: str, text: str, parent_id: int | None = None
    ) -> Comment: ...
    def comments(self, article_id: int) -> list[Comment]: ...

    # settings and vocabulary
    def site_profile(self) -> SiteProfile: ...
    def save_site_profile(self, profile: SiteProfile, *, actor: str) -> None: ...
    def credit_roles(self) -> list[CreditRole]: ...
    def save_credit_roles(self, roles: Sequence[CreditRole], *, actor: str) -> None: ...
    def get_setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str) -> None: ...

    # images
    def put_image(self, data: bytes, media_type: str) -> str: ...
    def image_data(self, sha256: str) -> bytes: ...

    # live updates and presence: a channel of the desk's own (see DeskChannel)
    def open_channel(self) -> DeskChannel: ...

    # health
    def check(self) -> list[str]: ...
    def verify(self) -> list[str]: ...
    def ensure_writable(self) -> None: ...
    @property
    def damaged(self) -> str | None: ...
    def close(self) -> None: ...
