"""What the editor does when its edit meets a revision saved elsewhere.

A save merged with that revision (the session saves through Newsroom.merge_save)
shows the merged text in place, the cursor where it was, with a short notice of what
came from whom; text typed while the save was on its way is merged in too. A save
whose changes overlap opens the conflict dialog; so does "Review" on the bar. The
resolution is saved with Newsroom.save_resolution (my whole version, then the
resolution: both in the history).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from newsdesk.domain.article import Article
from newsdesk.domain.merge import ArticleMerge, merge_articles
from newsdesk.gui.editor.article_editor import ArticleEditor
from newsdesk.gui.editor.live_editing import LiveEditing
from newsdesk.gui.editor.session import ArticleSession, Conflict
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.gui.i18n.merge_text import merge_summary
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.gui.side.credits_panel import CreditsPanel
from newsdesk.newsroom.merging import Saved

if TYPE_CHECKING:
    from newsdesk.gui.editor.conflict_dialog import ConflictDialog

log = logging.getLogger(__name__)


def _author(article: Article) -> str:
    return (
        article.content_updated_by
        or article.updated_by
        or QCoreApplication.translate("MergeFlow", "Someone")
    )


class MergeFlow(QObject):
    def __init__(
        self,
        *,
        session: ArticleSession,
        worker: DatabaseWorker,
        editor: ArticleEditor,
        credits: CreditsPanel,
        live: LiveEditing,
        collect: Callable[[], Article | None],
        actor: Callable[[], str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._worker = worker
        self._editor = editor
        self._credits = credits
        self._live = live
        self._collect = collect
        self._actor = actor
        self._parent = parent
        self.dialog: ConflictDialog | None = None  # the one open now (tests look at it)
        session.merged.connect(self._on_session_merged)
        session.conflict.connect(self._on_session_conflict)
        live.review_requested.connect(self._on_live_review_requested)

    # -- a save that merged ------------------------------------------------------------

    def _on_session_merged(self, saved: Saved, edited: Article) -> None:
        stored, merge = saved.article, saved.merge
        if not self._session.is_open(stored.id) or merge is None:
            return
        now = self._collect()
        if now is None or now.content() == edited.content():
            self.load_in_place(stored)
        else:
            # Typed while the save was on its way: merge that into the stored text too.
            late = merge_articles(edited, now, stored)
            if late.clean:
                self.load_in_place(late.article())
                self._session.mark_edited()
            else:
                # It overlaps what came from the other desk: the next save is an edit of
                # the revision this text started from, so it meets the conflict.
                self._session.article = merge.base
                self._session.mark_edited()
        self._live.clear_review()
        who = _author(saved.theirs) if saved.theirs else self.tr("another desk")
        self._live.show_notice(
            self.tr("Merged with {who}'s revision {revision}: {summary}").format(
                who=who,
                revision=saved.theirs.revision if saved.theirs else "",
                summary=merge_summary(merge, self.tr("you"), who),
            )
        )

    def load_in_place(self, article: Article) -> None:
        """Show `article` in the editor, the cursor kept in the paragraph it was in."""
        body = self._editor.body.rich_edit
        cursor = body.textCursor()
        block = cursor.block()
        paragraph, offset = block.text(), cursor.position() - block.position()
        number = block.blockNumber()
        scroll = body.verticalScrollBar().value()
        self._editor.load(article)
        self._credits.set_credits(article.credits)
        document = body.document()
        found = None
        for distance in range(document.blockCount()):  # the same text, nearest first
            for n in (number - distance, number + distance):
                candidate = document.findBlockByNumber(n)
                if candidate.isValid() and candidate.text() == paragraph:
                    found = candidate
                    break
            if found is not None:
                break
        target = found or document.findBlockByNumber(min(number, document.blockCount() - 1))
        cursor = body.textCursor()
        cursor.setPosition(target.position() + min(offset, max(0, target.length() - 1)))
        body.setTextCursor(cursor)
        body.verticalScrollBar().setValue(scroll)

    # -- overlapping changes -----------------------------------------------------------

    def _on_session_conflict(self, conflict: Conflict) -> None:
        if conflict.base is not None:
            self._resolve(conflict.base, conflict.mine, conflict.theirs, reviewing=False)
            return
        revision = conflict.theirs.revision if conflict.base is None else None
        log.info("conflict without its base (revision %s): reading it", revision)
        base_revision = self._session.article.revision if self._session.article else None
        if base_revision is None:
            return
        article_id = conflict.theirs.id
        self._worker.submit(
            lambda newsroom: newsroom.revision(article_id, base_revision),
            lambda base: self._resolve(base, conflict.mine, conflict.theirs, reviewing=False),
        )

    def _on_live_review_requested(self, theirs: Article) -> None:
        base, mine = self._session.article, self._collect()
        if base is None or mine is None or base.id != theirs.id:
            return
        self._resolve(base, mine, theirs, reviewing=True)

    def _resolve(self, base: Article, mine: Article, theirs: Article, *, reviewing: bool) -> None:
        if self._session.is_open(theirs.id):
            mine = self._collect() or mine  # what the editor shows now, typed since included
        merge = merge_articles(base, mine, theirs)
        if self.dialog is not None:
            self.dialog.reject()  # one question at a time: the newest
        # Imported at the first conflict, not at start (the warm-up imports it once the
        # list has painted: gui/window_warm_up.py).
        from newsdesk.gui.editor.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(
            merge,
            theirs_name=_author(theirs),
            theirs_revision=theirs.revision,
            reviewing=reviewing,
            parent=self._parent,
        )
        self.dialog = dialog
        # Opened, not exec'd: the window goes on (the feed, saves of other work) while
        # the person reads; the answer arrives by `finished`.
        dialog.finished.connect(lambda _code: self._on_dialog_finished(dialog, mine, theirs))
        dialog.open()

    def _on_dialog_finished(self, dialog: ConflictDialog, mine: Article, theirs: Article) -> None:
        if self.dialog is dialog:
            self.dialog = None
        resolved, merge = dialog.taken, dialog.merge
        dialog.deleteLater()
        if resolved is None:
            return  # decide later: the text stays in the editor, unsaved
        self._live.clear_review()
        if merge.clean:
            self._continue(theirs, resolved, merge)
            self._session.save()  # the merged text, as the next revision of theirs
            return
        self._save_resolution(mine, resolved, theirs, dialog.summary())

    def _continue(self, theirs: Article, resolved: Article, merge: ArticleMerge) -> None:
        if self._session.is_open(theirs.id):
            self._session.load(theirs)
            self.load_in_place(resolved)
            if resolved.content() != theirs.content():
                self._session.mark_edited()

    def _save_resolution(
        self, mine: Article, resolved: Article, theirs: Article, summary: str
    ) -> None:
        if self._session.is_open(theirs.id):
            # Shown at once; the editor goes on from theirs (anything typed now is an
            # edit of theirs, merged with the resolution when it is saved).
            self._session.load(theirs)
            self.load_in_place(resolved)
        actor = self._actor()
        self._worker.submit(
            lambda newsroom: newsroom.save_resolution(
                theirs.id,
                mine,
                resolved,
                actor=actor,
                theirs_revision=theirs.revision,
                summary=summary,
            ),
            lambda stored: self._live.show_notice(
                self.tr(
                    "Saved as revision {revision}; your own version is revision"
                    " {mine} in the history"
                ).format(revision=stored.revision, mine=stored.revision - 1)
            ),
            lambda exc: self._on_resolution_failed(exc, resolved, theirs),
        )

    def _on_resolution_failed(self, exc: Exception, resolved: Article, theirs: Article) -> None:
        # Someone saved yet again (or the save failed): the editor keeps the resolution
        # as unsaved text of theirs, so its next save merges or asks again.
        if self._session.is_open(theirs.id):
            self._session.mark_edited()
            self._session.save()
            return
        QMessageBox.warning(
            self._parent, self.tr("Not saved"), f"{resolved.headline}: {refusal_text(exc)}"
        )
