"""The newsroom: the one API every front end (CLI, desktop app, tests) talks to.

It asks the domain's rules before every change and lets the store write
conditionally, so no front end can skip a rule and no race can slip past one.
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.domain.article import Article, ArticleSummary, Person
from newsdesk.domain.checklist import CheckFailure, ChecklistFailed, ImageRef, run_checklist
from newsdesk.domain.credit_roles import CreditVocabulary
from newsdesk.domain.errors import ConflictError, InvalidInputError, RuleViolation
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.site import SiteProfile
from newsdesk.domain.status import UserRole
from newsdesk.domain.workflow import (
    Action,
    check_create,
    check_edit,
    check_override,
    check_site_settings,
    check_transition,
)
from newsdesk.newsroom.addresses import AddressOperations
from newsdesk.newsroom.batches import BatchOps
from newsdesk.newsroom.changes import Change, ChangeKind, Changes
from newsdesk.newsroom.content_rules import plan_save
from newsdesk.newsroom.drafts import DraftOperations
from newsdesk.newsroom.feed import ChangeFeed
from newsdesk.newsroom.history import HistoryOps
from newsdesk.newsroom.identity import (
    acting_person,
    check_may_change_activity,
    check_may_manage_people,
)
from newsdesk.newsroom.merging import MergeOps, Saved
from newsdesk.newsroom.paths import default_target
from newsdesk.newsroom.publishing import PublishingOps
from newsdesk.publish.slugs import make_slug
from newsdesk.storage.open import is_server, open_store
from newsdesk.storage.read_cancel import ReadCancel
from newsdesk.storage.sqlite.probe import DatabaseAccess, ProbeRun, probe_database, start_probe
from newsdesk.storage.store import Login, Store

if TYPE_CHECKING:  # merging (difflib, the word cutter) loads for a merge only
    from newsdesk.domain.merge import ArticleMerge

log = logging.getLogger(__name__)


Listener = Callable[[Changes], None]


class Newsroom(AddressOperations, DraftOperations, HistoryOps, PublishingOps, MergeOps, BatchOps):
    """Every operation a front end may ask for, each checked against the rules.

    Front ends (gui/, cli/) call only these methods, never `store` (tests and
    storage tooling may). Each write announces what it changed to the listeners of
    `subscribe` once it has committed.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._listeners: list[Listener] = []
        self._preview_folder: Path | None = None

    @classmethod
    def open(
        cls,
        target: Path | str | None = None,
        *,
        verify: bool = False,
        ask_password: Callable[[str], str | None] | None = None,
    ) -> Newsroom:
        """Open a newsroom: a `postgresql://` URL is a team base, anything else a SQLite
        file (default: NEWSDESK_DB, else the data folder). `verify`: the full check
        now, not before the first write. `ask_password(prompt)`: asked when a server
        wants a password that PGPASSWORD and ~/.pgpass did not give."""
        store = open_store(target or default_target(), verify=verify, ask_password=ask_password)
        return cls(store)

    def close(self) -> None:
        self.store.close()
        if self._preview_folder is not None:
            shutil.rmtree(self._preview_folder, ignore_errors=True)
            self._preview_folder = None

    @property
    def location(self) -> str:
        """Where this newsroom lives, as a person may read it (a file path or a URL)."""
        return self.store.path

    @property
    def login(self) -> Login | None:
        """Who a team base is connected as; None for a file (it trusts names)."""
        return self.store.login()

    # -- change notification ----------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(changes)` after every write of this newsroom has committed
        (on the thread that wrote). Returns the function that unsubscribes."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _announce(self, *items: Change) -> None:
        changes = Changes.of(*items)
        if not changes:
            return
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:  # a broken view must not undo a committed write
                log.exception("a change listener failed")

    # -- live updates -----------------------------------------------------------

    def open_feed(self, **callbacks) -> ChangeFeed:
        """A live feed of what every desk commits, and who has what open (see
        feed.py for the callbacks); `start()` it, `stop()` it when done."""
        return ChangeFeed(self.store.open_channel, **callbacks)

    # -- people ---------------------------------------------------------------

    def add_person(
        self,
        name: str,
        roles: Iterable[UserRole | str],
        *,
        login: str | None = None,
        password: str | None = None,
    ) -> Person:
        """Add a person or change their roles; on a team base `login` is their own
        database login (see identity.py: only the owner adds people there)."""
        parsed = frozenset(r if isinstance(r, UserRole) else UserRole.parse(r) for r in roles)
        check_may_manage_people(self.store.login())
        person = self.store.add_person(
            Person(name=name, roles=parsed), login=login, password=password
        )
        self._announce(Change(ChangeKind.PEOPLE, actor=person.name))
        return person

    def person(self, name: str | None) -> Person:
        """The person who acts: on a team base always the login's (see identity.py)."""
        return acting_person(self.store, name)

    def people(self, *, active_only: bool = False) -> list[Person]:
        """Everyone who ever worked here (`active_only`: those who may act now, the
        ones a switcher or a name completion offers)."""
        people = self.store.people()
        return [p for p in people if p.active] if active_only else people

    def set_person_active(self, name: str, active: bool, *, actor: str) -> Person:
        """Deactivate a person (they keep their history and credits but cannot act),
        or activate them again. On a team base only the owner does, as adding people."""
        check_may_manage_people(self.store.login())
        # On a newsroom file the one acting must be an active person; the owner of a
        # team base acts as nobody (identity.py), so their name is only recorded.
        person = self.person(actor) if self.store.login() is None else Person(actor or "owner")
        check_may_change_activity(person, name, active)
        changed = self.store.set_person_active(name, active, actor=person.name)
        self._announce(Change(ChangeKind.PEOPLE, actor=person.name))
        return changed

    # -- settings -------------------------------------------------------------

    def site(self) -> SiteProfile:
        return self.store.site_profile()

    def vocabulary(self) -> CreditVocabulary:
        return CreditVocabulary(self.store.credit_roles())

    def set_site_setting(self, key: str, value: str, *, actor: str) -> SiteProfile:
        person = self.person(actor)
        check_site_settings(person)
        profile = self.site().with_setting(key, value)
        self.store.save_site_profile(profile, actor=person.name)
        self._announce(Change(ChangeKind.SETTINGS, actor=person.name))
        return profile

    # -- articles -------------------------------------------------------------

    def create_article(self, article: Article, *, actor: str) -> Article:
        person = self.person(actor)
        check_create(person)
        _require_headline(article)
        slug = article.slug or make_slug(article.headline, self.store.slug_taken)
        stored = self.store.insert_article(
            dataclasses.replace(article, slug=slug), actor=person.name
        )
        self._announce(_article_change(ChangeKind.CREATED, stored, person.name))
        return stored

    def article(self, article_id: int) -> Article:
        return self.store.get_article(article_id)

    def save_article(
        self, article: Article, *, actor: str, expected_revision: int | None = None
    ) -> Article:
        """Save `article`'s content as a new revision.

        `expected_revision` is the revision the edit started from (default: the
        article's own `revision`); if someone saved since, ConflictError is raised
        and nothing is written.
        """
        if article.id is None:
            raise InvalidInputError("only a stored article can be saved; create it first")
        expected = article.revision if expected_revision is None else expected_revision
        return self._write_content(
            article.id, article, actor=actor, expected_revision=expected
        ).article

    def replace_content(
        self,
        article_id: int,
        article: Article,
        *,
        actor: str,
        expected_revision: int | None = None,
    ) -> Article:
        """Make `article`'s content (an imported file, say) the next revision of
        `article_id`. With `expected_revision`, refuse if the article moved on since;
        without, it becomes the next revision of whatever is newest when it is written:
        read and write are one unit of work, so two such writers never conflict."""
        return self._write_content(
            article_id, article, actor=actor, expected_revision=expected_revision
        ).article

    def _write_content(
        self,
        article_id: int,
        article: Article,
        *,
        actor: str,
        expected_revision: int | None,
        action: str = "edit",
        comment: str = "",
        merge: bool = False,
    ) -> Saved:
        """The one path of every content write: the rules decided on the article as
        it is inside the write unit, then the conditional save."""
        person = self.person(actor)
        _require_headline(article)
        merged: ArticleMerge | None = None
        with self.store.transaction():
            current = self.store.lock_article(article_id)
            expected = current.revision if expected_revision is None else expected_revision
            if merge and expected != current.revision:
                from newsdesk.domain.merge import MergeConflict, merge_articles

                base = self.store.get_revision(article_id, expected)
                merged = merge_articles(base, article, current)
                if not merged.clean:
                    raise MergeConflict(article_id, expected, current, merged)
                theirs_by = current.content_updated_by or current.updated_by
                action = "merge"
                comment = (
                    f"merged revision {current.revision} ({theirs_by}) with {person.name}'s"
                    f" edit of revision {expected}: {merged.summary(person.name, theirs_by)}"
                )
                expected = current.revision
            new_status = check_edit(current, person)
            # What is saved: my edit, or my edit merged with what was saved since.
            plan = plan_save(
                current,
                merged.article() if merged is not None else article,
                site_language=self.site().language,
                events=self.store.audit_events(article_id),
                approved=lambda: self.store.get_revision(article_id, current.approved_revision),
                slug_taken=self.store.slug_taken,
            )
            withdrawn = new_status is not current.status
            if plan.restored is not None:
                new_status, action = plan.restored, "approval-restored"
                comment = (
                    f"the text of approved revision {current.approved_revision} again:"
                    f" {plan.restored.value} again"
                )
            elif withdrawn and action in ("edit", "merge"):
                note = (
                    f"edited after {current.status.value}: approval withdrawn, needs approval again"
                )
                comment = f"{comment}; {note}" if comment else note
                action = "edit-after-approval" if action == "edit" else action
            if plan.slug != current.slug:  # the address follows the headline
                current = self.store.change_slug(
                    article_id,
                    slug=plan.slug,
                    actor=person.name,
                    expected_slug=current.slug,
                    published=False,
                )
            stored = self.store.save_article(
                current.with_content(plan.content),
                approve=plan.restored is not None,
                actor=person.name,
                expected_revision=expected,
                expected_status=current.status,
                new_status=new_status,
                action=action,
                comment=comment,
            )
        self._announce_save(current, stored, person.name)
        return Saved(stored, merged, current if merged is not None else None)

    def _announce_save(self, before: Article, stored: Article, actor: str) -> None:
        if stored.revision == before.revision:
            return  # nothing changed: no revision was written
        items = [_article_change(ChangeKind.CONTENT, stored, actor)]
        if stored.status is not before.status:
            items.append(_article_change(ChangeKind.STATUS, stored, actor))
        self._announce(*items)

    def checklist(self, article: Article) -> list[CheckFailure]:
        """What stops `article` from being submitted or approved (empty: nothing)."""
        # Loaded at the first check, not at start: Python-Markdown comes with them.
        from newsdesk.publish.markdown.inspect import body_references
        from newsdesk.publish.markdown.pipeline import is_allowed_image_source, is_allowed_link

        refs = body_references(article.body)
        return run_checklist(
            article,
            site=self.site(),
            vocabulary=self.vocabulary(),
            links=refs.links,
            images=[ImageRef(i.src, i.alt, i.caption) for i in refs.images],
            link_allowed=is_allowed_link,
            image_allowed=is_allowed_image_source,
        )

    def transition(
        self,
        article_id: int,
        action: Action | str,
        *,
        actor: str,
        comment: str = "",
        override: str | None = None,
        expected_revision: int | None = None,
    ) -> Article:
        """Move the article through the workflow.

        Submit and approve run the checklist first; failures refuse the action unless
        a producer overrides them with a reason, which the audit log records.
        `expected_revision` is the revision the user looked at: when someone saved
        since, ConflictError is raised, so nobody approves a text they have not seen.
        """
        action = Action(action)
        person = self.person(actor)
        current = self.store.get_article(article_id)
        if expected_revision is not None and current.revision != expected_revision:
            raise ConflictError(article_id, expected_revision, current.revision)
        target = check_transition(current, action, person, comment)
        if action in (Action.SUBMIT, Action.APPROVE):
            failures = self.checklist(current)
            if failures and not (override and override.strip()):
                raise ChecklistFailed(action.value, failures)
            if failures:
                check_override(person)
                note = (
                    f"override: {override.strip()} (failed: {', '.join(f.name for f in failures)})"
                )
                comment = f"{comment}\n{note}" if comment.strip() else note
        moved = self.store.set_status(
            article_id,
            actor=person.name,
            action=action.value,
            expected_status=current.status,
            new_status=target,
            expected_revision=current.revision,
            comment=comment,
        )
        self._announce(_article_change(ChangeKind.STATUS, moved, person.name))
        return moved

    def revert(
        self, article_id: int, revision: int, *, actor: str, expected_revision: int | None = None
    ) -> Article:
        """Restore `revision`'s content as a new revision (history is never rewritten)."""
        old = self.store.get_revision(article_id, revision)
        return self._write_content(
            article_id,
            old,
            actor=actor,
            expected_revision=expected_revision,
            action="revert",
            comment=f"restored revision {revision}",
        ).article

    def waiting_query(self, person: Person, **fields) -> ArticleQuery:
        """The "waiting for me" list of `person` (see ArticleQuery)."""
        return ArticleQuery(
            waiting_roles=tuple(sorted(person.roles)), waiting_user=person.name, **fields
        )

    def find(
        self,
        query: ArticleQuery | None = None,
        *,
        limit: int | None = None,
        cancel: ReadCancel | None = None,
    ) -> list[int]:
        """The ids `query` lists, in its order; with `limit`, the first screen only
        (a search's first screen costs a few index pages at any size). With
        `cancel`, `cancel.cancel()` from another thread stops the read: it raises
        ReadSuperseded (a newer query replaced it), and never stops a write."""
        return self.store.article_ids(query, limit=limit, cancel=cancel)

    def summaries(self, ids: Sequence[int]) -> list[ArticleSummary]:
        return self.store.summaries(ids)

    def count(self) -> int:
        """How many articles the newsroom holds."""
        return self.store.count()

    # -- images ---------------------------------------------------------------

    def put_image(self, data: bytes, media_type: str) -> str:
        """Store an image's bytes (once per content); returns its SHA-256."""
        return self.store.put_image(data, media_type)

    def image_data(self, sha256: str) -> bytes:
        return self.store.image_data(sha256)

    # -- health -----------------------------------------------------------------

    def check(self) -> list[str]:
        """Every problem found: integrity, revisions, search index, audit chain."""
        return self.store.check()

    def verify(self) -> list[str]:
        """The quick check; a damaged newsroom refuses writes from then on."""
        return self.store.verify()

    @property
    def damaged(self) -> str | None:
        """Why this newsroom refuses writes, or None while it is not known damaged."""
        return self.store.damaged

    @staticmethod
    def probe(path: Path | str | None = None) -> DatabaseAccess:
        """Whether the database can be used and written, tried in a child process (a
        newsroom file; a server guards its own files, and opening it says the rest)."""
        target = path or default_target()
        if is_server(target):
            return DatabaseAccess()
        return probe_database(target)

    @staticmethod
    def begin_probe(path: Path | str | None = None) -> ProbeRun:
        """`probe`, started now in its child process; its `result()` waits for it (the
        app starts it before importing its window, and reads it when it opens)."""
        target = path or default_target()
        if is_server(target):
            return ProbeRun.nothing_to_try()
        return start_probe(target)


def _article_change(kind: ChangeKind, article: Article, actor: str) -> Change:
    return Change(kind, article.id, article.revision, article.status, actor)


def _require_headline(article: Article) -> None:
    if not article.headline.strip():
        raise RuleViolation("headline-required", "an article needs a headline")
