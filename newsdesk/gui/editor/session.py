"""The article open in the editor: its saved state, autosave, and saving off the UI thread.

The session knows the revision the edit started from. Saving sends that revision
with the new content (Newsroom.merge_save): when someone saved in between, changes
that do not overlap are merged into the next revision (`merged`), and overlapping
ones are refused and reported as a conflict with both versions and their base, so
nothing is overwritten silently.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from newsdesk.domain.article import Article
from newsdesk.domain.errors import ConflictError
from newsdesk.domain.merge import MergeConflict
from newsdesk.domain.said import said_of
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom.journal import SessionJournal

log = logging.getLogger(__name__)

# Revisions are versions a person can read in the history, not every pause: one is cut
# when the editor leaves the article, before a workflow action, on Ctrl+S, on closing,
# and at most this long after the first edit not yet saved (so a long session of
# continuous editing still reaches the newsroom). Until then the text is kept safe by
# the recovery journal; other desks see the last revision.
REVISION_INTERVAL_MS = 5 * 60_000
# Unsaved text reaches the recovery journal at most this long after a keystroke
# (the timer is not restarted by further typing, so steady typing is covered too).
JOURNAL_DELAY_MS = 500


class _JournalWrite(QRunnable):
    def __init__(self, write: Callable[[], None]) -> None:
        super().__init__()
        self._write = write

    def run(self) -> None:
        try:
            self._write()
        except OSError:
            log.exception("could not write the recovery journal")


@dataclasses.dataclass(frozen=True)
class Conflict:
    mine: Article  # what the user has in the editor
    theirs: Article  # the newest stored revision
    base: Article | None = None  # the revision both started from (when known)


class ArticleSession(QObject):
    """Holds the open article; `collect()` returns what the editor shows now.

    `collect()` always gives an article: a field the editor finds invalid keeps its
    stored value there, so one bad field never stops the rest from being saved.
    `pending_fields()` gives the raw text of such fields, which only the recovery
    journal keeps.
    """

    saved = Signal(object)  # Article as stored
    merged = Signal(object, object)  # Saved (merged with a newer revision), the edit sent
    save_failed = Signal(object)  # why (str; a Said when the core named it)
    conflict = Signal(object)  # Conflict
    state_changed = Signal(str)  # "saved", "editing", "saving", "failed", "conflict"

    def __init__(
        self,
        worker: DatabaseWorker,
        actor: Callable[[], str],
        parent=None,
        *,
        journal: SessionJournal | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._actor = actor
        self._journal = journal
        self._journal_pool = QThreadPool(self)
        self._journal_pool.setMaxThreadCount(1)  # writes land in the order they were made
        self._journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_DELAY_MS)
        self._journal_timer.timeout.connect(self.write_journal)
        self.article: Article | None = None  # as last loaded or saved
        self.collect: Callable[[], Article | None] = lambda: None
        self.pending_fields: Callable[[], dict[str, str]] = dict
        self._dirty = False
        self._writable = True
        self._saving = False
        self._save_again = False
        self._save_job: threading.Event | None = None
        self._flushing = False  # save_now(): save until nothing is left
        self.last_saved_at: dt.datetime | None = None
        self.state = "saved"  # as last announced by state_changed
        self.state_changed.connect(self._remember_state)
        self._timer = QTimer(self, singleShot=True, interval=REVISION_INTERVAL_MS)
        self._timer.timeout.connect(self.save)

    # -- state -------------------------------------------------------------------

    def _remember_state(self, state: str) -> None:
        self.state = state

    def load(self, article: Article | None) -> None:
        self._timer.stop()
        self.article = article
        self._dirty = False
        self._save_again = False
        self.last_saved_at = article.updated_at if article else None
        self.state_changed.emit("saved")

    def is_open(self, article_id: int | None) -> bool:
        return self.article is not None and self.article.id == article_id

    def mark_edited(self) -> None:
        """The user changed something: journal it at once, and cut a revision at the
        latest REVISION_INTERVAL_MS after the first change not yet saved."""
        if self.article is None:
            return
        self._dirty = True
        # Nothing can be saved while the database refuses writes: say so, not "editing".
        self.state_changed.emit("editing" if self._writable else "failed")
        if self._writable and not self._timer.isActive():
            self._timer.start()
        if self._journal is not None and not self._journal_timer.isActive():
            self._journal_timer.start()

    def offer_journal(self, edited: Article) -> None:
        """`edited` was just collected (for the preview): a journal write that is due
        takes it, instead of writing the body as Markdown once more."""
        if self._journal_timer.isActive():
            self._journal_timer.stop()
            self.write_journal(edited)

    def write_journal(self, edited: Article | None = None) -> None:
        """Put the editor's unsaved text (`edited`, or collected now) in the recovery
        journal (off the UI thread)."""
        if self._journal is None or self.article is None or not self._dirty:
            return
        edited = edited if edited is not None else self.collect()
        if edited is None:
            return
        journal, base, user = self._journal, self.article.revision, self._actor()
        pending = self.pending_fields()
        written_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._journal_pool.start(
            _JournalWrite(
                lambda: journal.write(
                    edited,
                    base_revision=base,
                    user=user,
                    written_at=written_at,
                    pending_fields=pending,
                )
            )
        )

    def finish(self) -> None:
        """The session ends: journal what is still unsaved, and wait for the writes."""
        if self._journal_timer.isActive() or self._dirty:
            self._journal_timer.stop()
            self.write_journal()
        self._journal_pool.waitForDone(5_000)

    def clear_journal(self) -> None:
        self._journal_timer.stop()
        if self._journal is not None:
            self._journal_pool.waitForDone(5_000)
            self._journal.clear()

    def set_writable(self, writable: bool) -> None:
        """False: stop saving (a damaged database); edits still reach the journal."""
        self._writable = writable
        if not writable:
            self._timer.stop()
            if self._dirty:
                self.state_changed.emit("failed")

    def is_dirty(self) -> bool:
        return self._dirty

    def is_saving(self) -> bool:
        return self._saving

    # -- saving ------------------------------------------------------------------

    def save(self) -> None:
        """Save in the background if there is anything to save."""
        self._timer.stop()
        if self.article is None or not self._dirty or not self._writable:
            return
        if self._saving:
            self._save_again = True  # one save in flight at a time; the newest text follows
            return
        edited = self.collect()
        if edited is None:
            return
        base = self.article
        actor = self._actor()
        pending = bool(self.pending_fields())
        self._saving = True
        self._dirty = pending  # a field still invalid is not saved yet: stay unsaved
        self.state_changed.emit("saving")
        self._save_job = self._worker.submit(
            lambda newsroom: newsroom.merge_save(
                edited.id, edited, actor=actor, base_revision=base.revision
            ),
            lambda saved: self._on_saved(saved.article, saved, edited),
            lambda exc: self._on_save_failed(exc, edited),
        )

    def save_now(self, timeout_ms: int = 30_000) -> bool:
        """Save and wait for this session's saves alone (when switching or closing).

        True when everything the editor shows is stored. Other work queued on the
        worker is not waited for beyond what runs before the save.
        """
        deadline = time.monotonic() + timeout_ms / 1000
        self._flushing = True
        try:
            self.save()
            while self._saving and time.monotonic() < deadline:
                job = self._save_job
                if job is not None:
                    job.wait(max(0.0, min(0.05, deadline - time.monotonic())))
                QCoreApplication.processEvents()  # deliver the answer; a follow-up save starts
        finally:
            self._flushing = False
        return not self._dirty and not self._saving

    def _on_saved(self, stored: Article, saved=None, edited: Article | None = None) -> None:
        self._saving = False
        if self.is_open(stored.id):
            self.article = stored
            self.last_saved_at = stored.updated_at
        if saved is not None and saved.merge is not None:
            # The editor shows the merged text now (and may mark itself edited again).
            self.merged.emit(saved, edited)
        self.saved.emit(stored)
        if self._save_again or (self._flushing and self._dirty and not self.pending_fields()):
            self._save_again = False  # asked for while this save ran: the newest text follows
            self._dirty = True
            self.save()
        elif self._dirty:
            # Typed while saving, or a field still needs fixing: the next revision is cut
            # at the next occasion (leaving, an action, Ctrl+S, the interval).
            if self._writable and not self._timer.isActive():
                self._timer.start()
            self.state_changed.emit("editing")
        else:
            self.clear_journal()  # everything in the editor is stored now
            self.state_changed.emit("saved")

    def _on_save_failed(self, exc: Exception, edited: Article) -> None:
        self._saving = False
        self._save_again = False
        if self.is_open(edited.id):
            self._dirty = True  # the text is still in the editor: keep it marked unsaved
        if isinstance(exc, MergeConflict):
            self.state_changed.emit("conflict")
            self.conflict.emit(Conflict(mine=edited, theirs=exc.theirs, base=exc.merge.base))
            return
        if isinstance(exc, ConflictError):
            self.state_changed.emit("conflict")
            self._worker.submit(
                lambda newsroom: newsroom.article(exc.article_id),
                lambda theirs: self.conflict.emit(Conflict(mine=edited, theirs=theirs)),
            )
            return
        self.state_changed.emit("failed")
        self.save_failed.emit(said_of(exc) or str(exc))
