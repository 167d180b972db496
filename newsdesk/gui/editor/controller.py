"""The open article's lifecycle: open, create, save, conflict, recover, leave.

MainWindow composes the panels; this controller runs the article over them, and
decides who may do what (editor/permissions.py, from the domain's rules). It keeps
the open article current from the change hub: whatever changed it (a save here, a
workflow action, a restore from the history, an export, another desk) it is read
again once and shown. An open article with no unsaved edits reloads itself; one with
unsaved edits keeps them, and its next save meets the conflict and asks.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QStatusBar, QWidget

from newsdesk.domain.article import Article, Person
from newsdesk.domain.errors import SERVER_OUT_OF_REACH, NewsdeskError, named
from newsdesk.domain.site import SiteProfile
from newsdesk.gui.editor import save_notices
from newsdesk.gui.editor.article_editor import ArticleEditor
from newsdesk.gui.editor.browser_page import show_page_in_browser
from newsdesk.gui.editor.crash_recovery import find_recovery
from newsdesk.gui.editor.edit_guard import EditGuard
from newsdesk.gui.editor.live_bar import LiveBar
from newsdesk.gui.editor.live_editing import LiveEditing
from newsdesk.gui.editor.merge_flow import MergeFlow
from newsdesk.gui.editor.new_draft import new_draft
from newsdesk.gui.editor.paragraph_counts import ParagraphCounts
from newsdesk.gui.editor.permissions import Permissions, refusals
from newsdesk.gui.editor.save_status import SaveStatus
from newsdesk.gui.editor.session import ArticleSession
from newsdesk.gui.i18n.core_text import refusal_text, status_name
from newsdesk.gui.i18n.said_text import said_text
from newsdesk.gui.ops.change_hub import ChangeHub
from newsdesk.gui.ops.database_guard import DatabaseGuard
from newsdesk.gui.ops.live_feed import LiveFeed
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.gui.preview.pane import PreviewPane
from newsdesk.gui.side.notes_panel import CommentsPanel
from newsdesk.gui.side.panel import SidePanel
from newsdesk.gui.window_actions import WindowActions
from newsdesk.gui.workflow.actions import WorkflowController
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.audit_trail import Trail
from newsdesk.newsroom.changes import ChangeKind, Changes
from newsdesk.newsroom.journal import SessionJournal
from newsdesk.publish.slugs import base_slug

if TYPE_CHECKING:
    from newsdesk.gui.editor.slug_dialog import SlugDialog

log = logging.getLogger(__name__)

COUNTS_DELAY_MS = 300
# The checklist runs on what the editor shows, this long after the last edit.
CHECKS_DELAY_MS = 800


@dataclass(frozen=True)
class Views:
    """The widgets the open article is shown in."""

    editor: ArticleEditor
    side: SidePanel
    notes: CommentsPanel
    preview: PreviewPane
    save_status: SaveStatus
    status_bar: QStatusBar
    actions: WindowActions
    new_button: QPushButton


class ArticleController(QObject):
    article_shown = Signal(object)  # Article | None: what the editor shows now
    person_changed = Signal(object)  # Person: who works from now on
    people_changed = Signal(object)  # list[Person]: the newsroom's directory, read again

    def __init__(
        self,
        *,
        newsroom: Newsroom,
        worker: DatabaseWorker,
        background: DatabaseWorker,
        hub: ChangeHub,
        guard: DatabaseGuard,
        journal: SessionJournal,
        person: Person,
        site: SiteProfile,
        views: Views,
        workflow: WorkflowController,
        parent: QWidget,
        live: LiveFeed | None = None,
    ) -> None:
        super().__init__(parent)
        self._newsroom = newsroom
        self._worker = worker
        self._background = background
        self._hub = hub
        self._guard = guard
        self._site = site
        self._views = views
        self._parent = parent
        self.workflow = workflow
        self.person = person
        self.unwritable: str | None = None  # why nothing may be written (damaged, read-only)
        self._trail: Trail | None = None  # the open article's audit trail, as last read
        self._recovered = ""  # what the banner says of text recovered into the open article
        self._last_failure = ""  # a save failure is shown once, not on every autosave
        self._fetch_generation = 0
        self.edit_guard = EditGuard(parent, agreed=self._edit_agreed, declined=self._edit_declined)
        self.session = ArticleSession(worker, lambda: self.person.name, self, journal=journal)
        self.session.collect = self.collect
        views.preview.follow(self._collect_for_preview)
        self.session.pending_fields = views.editor.pending_fields
        self.permissions = Permissions(
            actions=views.actions,
            editor=views.editor,
            credits=views.side.credits,
            workflow_bar=workflow.bar,
            new_button=views.new_button,
        )
        self._journal = journal
        self._counts = ParagraphCounts()
        self._counts_timer = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self._update_counts)
        self._checks_timer = QTimer(self, singleShot=True, interval=CHECKS_DELAY_MS)
        self._checks_timer.timeout.connect(self._on_checks_timer_timeout)
        views.editor.fields_changed.connect(self._on_fields_changed)
        views.editor.address_change_requested.connect(self.change_address)
        self.slug_dialog: SlugDialog | None = None
        views.editor.edited.connect(self._on_editor_edited)
        views.side.credits.credits_changed.connect(self._on_editor_edited)
        self.session.state_changed.connect(self._on_session_state_changed)
        self.session.saved.connect(self._on_session_saved)
        self.session.save_failed.connect(self._on_session_save_failed)
        # Other desks: presence, a revision saved elsewhere, offline; merges, conflicts.
        self.live_bar = LiveBar()
        views.editor.add_notice(self.live_bar)
        self.live = LiveEditing(
            live,
            self.live_bar,
            editor=views.editor,
            credits=views.side.credits,
            session=self.session,
            status_bar=views.status_bar,
            person=lambda: self.person,
            unwritable=lambda: self.unwritable,
            parent=parent,
        )
        self.merging = MergeFlow(
            session=self.session,
            worker=worker,
            editor=views.editor,
            credits=views.side.credits,
            live=self.live,
            collect=self.collect,
            actor=lambda: self.person.name,
            parent=parent,
        )
        guard.damaged.connect(self._on_database_damaged)
        hub.changed.connect(self._on_hub_changed)
        views.editor.load(None)
        self._apply_permissions(None)

    # -- who is working -------------------------------------------------------------

    def warm_up(self) -> None:
        """Once the list is on screen, off the UI thread: pinyin's dictionaries and the
        recovery journal's lock (on the saving worker, not behind the start's backup)."""
        self._background.submit(lambda _newsroom: base_slug("中文"))
        self._worker.submit(lambda _newsroom: self._journal.hold_lock(), self._journal_held)

    def _journal_held(self, held: bool) -> None:
        text = self.tr(
            "No recovery journal this time: the per-user state folder cannot be"
            " written, so text not yet saved is lost if newsdesk stops."
        )
        if not held:
            self._views.status_bar.showMessage(text, 30000)

    def switch_person(self, person: Person) -> bool:
        """Work as `person` from now on (what is open is saved first, under the old
        name); False when the open article could not be left."""
        if person.name == self.person.name:
            return True
        if not self.leave_current_article():
            return False
        self.person = person
        self._apply_permissions(self.session.article)
        self.person_changed.emit(person)
        return True

    def _on_people_changed(self) -> None:
        def shown(people: list[Person]) -> None:
            self._views.side.credits.set_known_people([p.name for p in people])
            self.people_changed.emit(people)
            me = next((p for p in people if p.name == self.person.name), None)
            if me is not None and me.roles != self.person.roles:
                self.person = me  # my roles changed: what I may do changes with them
                self._apply_permissions(self.session.article)
                self.person_changed.emit(me)

        self._worker.submit(lambda newsroom: newsroom.people(active_only=True), shown)

    # -- opening and creating ---------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        current = self.session.article
        if current is not None and current.id == article_id:
            return
        if not self.leave_current_article():
            self.article_shown.emit(current)  # the list goes back to what stays open
            return
        try:
            article = self._newsroom.article(article_id)
        except NewsdeskError as exc:
            self._views.status_bar.showMessage(refusal_text(exc), 8000)
            return
        self._show(article)

    def _show(self, article: Article | None, *, trail: Trail | None = None) -> None:
        v = self._views
        self.session.load(article)
        v.editor.load(article)
        v.side.credits.set_credits(article.credits if article else [])
        v.side.show_article(article)
        self._trail = trail
        self._recovered = ""
        self._apply_permissions(article)
        self._update_counts()
        self.workflow.bar.show_field_problems(v.editor.fields.problems() if article else {})
        v.save_status.show_revision(article.revision if article else None)
        v.notes.load(article.id if article else None)
        self.workflow.refresh_checks(article)
        if article is not None:
            if trail is None:
                self._fetch_open(article.id)  # a withdrawn approval, a return ...
            v.preview.request_render(article)
        self.article_shown.emit(article)

    def new_article(self) -> None:
        if refusals(self.person, None, trail=None, unwritable=self.unwritable or "").create:
            return  # the shortcut's way in is refused as the action is
        if not self.leave_current_article():
            return
        site, person = self._site, self.person
        self._worker.submit(
            lambda newsroom: newsroom.create_article(
                new_draft(site, newsroom.vocabulary(), person), actor=person.name
            ),
            self._on_article_created,
            lambda exc: QMessageBox.warning(
                self._parent, self.tr("Cannot create an article"), refusal_text(exc)
            ),
        )

    def _on_article_created(self, created: Article) -> None:
        self._show(created)
        self._views.editor.focus_headline()

    def leave_current_article(self) -> bool:
        """Save what is open before showing something else. False: stay."""
        if not self.session.is_dirty() and not self.session.is_saving():
            return True
        if self.session.save_now():
            return True
        problems = self._views.editor.fields.problems()
        if self.session.is_saving() or self.session.state == "failed":
            problems = {}
        text = save_notices.stay_question(problems)
        answer = QMessageBox.warning(
            self._parent,
            self.tr("Not saved"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.No

    # -- editing and saving -------------------------------------------------------------

    def collect(self) -> Article | None:
        """The open article as the editor shows it now (None when none is open)."""
        if (base := self.session.article) is None:
            return None
        return self._views.editor.article(base, self._views.side.credits.credits())

    def _collect_for_preview(self) -> Article | None:
        article = self.collect()  # one collect serves the preview and a due journal write
        if article is not None and self.session.is_open(article.id):
            self.session.offer_journal(article)
        return article

    def _on_editor_edited(self) -> None:
        if self.edit_guard.holds(self.session.article, self.person, self.session.is_dirty()):
            return  # the first edit of an approved article waits for the answer
        self.session.mark_edited()  # no Markdown here: the preview collects when it renders
        self._counts_timer.start()
        self._checks_timer.start()
        self._views.preview.content_changed()

    def _edit_agreed(self) -> None:
        self._on_editor_edited()  # the held first edit goes ahead, collected once now
        if (article := self.collect()) is not None:
            self._views.preview.request_render(article)

    def _on_fields_changed(self) -> None:
        # A field that cannot be saved is named in the bar at once, not when leaving.
        self.workflow.bar.show_field_problems(self._views.editor.fields.problems())

    def _on_checks_timer_timeout(self) -> None:
        self._views.editor.follow_language()  # before collecting: saved with it
        self.workflow.refresh_checks(self.collect())

    def change_address(self) -> None:
        """Let the person choose the open article's web address (asked in a dialog)."""
        article = self.session.article
        if article is not None:
            from newsdesk.gui.editor.slug_dialog import ask_for_address  # first use

            published = bool(self._trail and self._trail.published)
            self.slug_dialog = ask_for_address(
                self._parent, self._worker, article, self._site.base_url, published, self.person
            )

    def _edit_declined(self, article: Article) -> None:
        # Not editing after all: what was typed goes, the approved text stays on screen.
        if self.session.is_open(article.id):
            self._views.editor.load(self.session.article)
            self._views.side.credits.set_credits(self.session.article.credits)

    def _update_counts(self) -> None:
        # The document's plain text is what the reader sees; the timer keeps the count
        # off the path of every keystroke, and only changed paragraphs are counted.
        text = self._views.editor.plain_text() if self.session.article else ""
        self._views.save_status.show_counts(*self._counts.counts(text))

    def _on_session_state_changed(self, state: str) -> None:
        self._views.save_status.show_state(state, self.session.last_saved_at)

    def _on_session_saved(self, stored: Article) -> None:
        self._last_failure = ""  # the next failure is news again
        if self.session.is_open(stored.id):
            # Shown with "Saved" at once; the hub's re-read brings status and checks.
            self._views.save_status.show_revision(stored.revision)
            self._views.side.show_article(stored)

    def _on_session_save_failed(self, message: str) -> None:
        # Ask first whether the database itself is the trouble: that is reported once,
        # plainly, by the guard (a second dialog for the same cause helps nobody).
        self._guard.recheck(lambda damage: self._after_failed_save(message, damage))

    def _after_failed_save(self, message: str, damage: str | None) -> None:
        if damage or self.unwritable:
            return
        if self.live.offline or named(message, SERVER_OUT_OF_REACH):
            return  # said by the offline bar; saved when the newsroom is back
        if "read-only" in message:
            self._stop_writing(message, self.tr("The database is read-only"))
            return
        if message == self._last_failure:
            self._views.status_bar.showMessage(
                self.tr("Not saved: {reason}").format(reason=said_text(message)), 15000
            )
            return
        self._last_failure = message
        QMessageBox.warning(
            self._parent, self.tr("Not saved"), f"{said_text(message)}\n\n{save_notices.kept()}"
        )

    def set_read_only(self, reason: str) -> None:
        """The database can be read but not written (found before the window opened):
        said once the window is on screen."""
        self._stop_writing(reason, self.tr("The database is read-only"), tell_now=False)

    def _on_database_damaged(self, message: str) -> None:
        self._stop_writing(message, save_notices.damage_title(message))

    def _stop_writing(self, message: str, title: str, *, tell_now: bool = True) -> None:
        """Stop every write, say why once; what the editor holds stays, and in the journal."""
        if self.unwritable:
            return
        log.error("%s: %s", title, message)
        reason = save_notices.stop_reason(message)
        self.unwritable = reason
        self.session.set_writable(False)
        self._views.notes.set_writable(False, reason)
        self._apply_permissions(self.session.article)
        text = save_notices.stopped_text(message)
        tell = lambda: QMessageBox.critical(self._parent, title, text)  # noqa: E731
        if tell_now:
            tell()
        else:
            QTimer.singleShot(0, tell)

    def recover_unsaved(self) -> int | None:
        """Put back text this person's last session could not save; its article's id."""
        recovery = find_recovery(self._journal, self._newsroom, self.person.name)
        if recovery is None:
            return None
        self._show(recovery.base)
        editor = self._views.editor
        editor.load(recovery.recovered)
        editor.restore_pending_fields(recovery.pending_fields)
        self._views.side.credits.set_credits(recovery.recovered.credits)
        self._recovered = recovery.notice  # said until another article is shown
        self._apply_permissions(recovery.base)
        # The word count and the page preview show the recovered text, as the editor
        # does (not the stored revision it was recovered over).
        self._update_counts()
        recovered = self.collect()
        if recovered is not None:
            self._views.preview.request_render(recovered)
        # Text an earlier session should have saved becomes a revision at once, as if
        # that session had left the article; a newer revision meets it as a conflict.
        self.session.mark_edited()
        self.session.save()
        return recovery.base.id

    # -- keeping the open article current -------------------------------------------------

    def _on_hub_changed(self, changes: Changes) -> None:
        if changes.has(ChangeKind.PEOPLE):
            self._on_people_changed()
        current = self.session.article
        if current is None or not changes.touches(current.id):
            return
        mine = changes.for_article(current.id)
        if any(c.kind is ChangeKind.DELETED for c in mine):
            self._show(None)
            return
        moved = [c for c in mine if c.kind is ChangeKind.STATUS and c.status is not None]
        if moved:
            self._views.status_bar.showMessage(
                self.tr("#{id} is {status} now").format(
                    id=current.id, status=status_name(moved[-1].status)
                ),
                8000,
            )
        self._fetch_open(current.id)

    def _fetch_open(self, article_id: int) -> None:
        """Read the open article and its audit trail, in one job."""
        self._fetch_generation += 1
        generation = self._fetch_generation
        self._worker.submit(
            lambda newsroom: (
                newsroom.article(article_id),
                newsroom.trail(article_id),
            ),
            lambda answer: self._on_open_fetched(generation, *answer),
            lambda exc: log.warning("article %s not read again: %s", article_id, exc),
        )

    def _on_open_fetched(self, generation: int, article: Article, trail: Trail) -> None:
        base = self.session.article
        if generation != self._fetch_generation or base is None or base.id != article.id:
            return
        if article.revision > base.revision:
            if not self.session.is_dirty() and not self.session.is_saving():
                self._show(article, trail=trail)  # nothing unsaved: show theirs
            else:
                self.live.show_review(article)  # "Lena Park saved revision 8 — Review"
            return
        if article.revision < base.revision:
            return  # an answer older than what is open
        # The same text; its status, approval or notes may have moved.
        self.session.article = article
        self._trail = trail
        self._views.side.show_article(article)
        self._views.save_status.show_revision(article.revision)
        self._apply_permissions(article)
        self.workflow.refresh_checks(article)

    def _apply_permissions(self, article: Article | None) -> None:
        refused = self.permissions.apply(
            self.person, article, trail=self._trail, unwritable=self.unwritable or ""
        )
        self.live.after_permissions(article, refused.edit)
        if self._recovered and not refused.notice:
            self._views.editor.show_banner(self._recovered)

    # -- the page in a browser ------------------------------------------------------------

    def open_in_browser(self) -> None:
        """The open article as the site page it becomes, saved or not (nothing recorded)."""
        article = self.collect() or self.session.article
        if article is None:
            return
        self._background.submit(
            lambda newsroom: newsroom.preview_page(article),
            lambda page: show_page_in_browser(self._parent, page),
            lambda exc: QMessageBox.warning(
                self._parent, self.tr("Cannot open the page"), refusal_text(exc)
            ),
        )
