"""The open article among other desks: its presence mark, who else has it open, a
revision saved elsewhere while this desk has unsaved text, and being offline.

Opening an article announces it (editing when this person may edit it, else viewing).
When someone else is already editing it, this desk waits: the editor stays read-only
under "Lena Park is editing" until the other desk leaves or the person chooses "Edit
anyway" and confirms (never a lock: both may edit, and their saves merge). Offline,
saving pauses (the text goes on into the recovery journal); back online, what waited
is saved, through the usual merge and conflict check.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from newsdesk.domain.article import Article, Person
from newsdesk.domain.presence import PresenceMode, others
from newsdesk.gui.editor.article_editor import ArticleEditor
from newsdesk.gui.editor.live_bar import LiveBar
from newsdesk.gui.editor.session import ArticleSession
from newsdesk.gui.i18n.core_text import presence_text
from newsdesk.gui.ops.live_feed import LiveFeed
from newsdesk.gui.side.credits_panel import CreditsPanel
from newsdesk.newsroom.feed import FeedState

log = logging.getLogger(__name__)


class LiveEditing(QObject):
    review_requested = Signal(object)  # Article: the revision saved elsewhere

    def __init__(
        self,
        live: LiveFeed | None,
        bar: LiveBar,
        *,
        editor: ArticleEditor,
        credits: CreditsPanel,
        session: ArticleSession,
        status_bar: QStatusBar,
        person: Callable[[], Person],
        unwritable: Callable[[], str | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._live = live
        self._bar = bar
        self._editor = editor
        self._credits = credits
        self._session = session
        self._status_bar = status_bar
        self._person = person
        self._unwritable = unwritable
        self._parent = parent
        self._article_id: int | None = None
        self._editable = False
        self._waiting = False  # someone else edits: this desk waits ("Edit anyway")
        self._confirmed = False
        self._theirs: Article | None = None
        self.offline_label = QLabel()
        self.offline_label.setObjectName("offline_label")
        self.offline_label.setAccessibleName(self.tr("Offline"))
        self.offline_label.setStyleSheet(
            "QLabel#offline_label { background: #fbdcdc; color: #6b0b0b; padding: 0 6px; }"
        )
        self.offline_label.hide()
        status_bar.addPermanentWidget(self.offline_label)
        bar.edit_anyway_requested.connect(self._on_bar_edit_anyway_requested)
        bar.review_requested.connect(self._on_bar_review_requested)
        if live is not None:
            live.presence_changed.connect(lambda _presence: self._apply())
            live.state_changed.connect(self._on_live_state_changed)

    @property
    def offline(self) -> bool:
        return self._live is not None and self._live.offline

    @property
    def waiting(self) -> bool:
        """This desk waits for another to finish editing (the editor is read-only)."""
        return self._editable and self._waiting and not self._confirmed

    # -- what the controller tells ----------------------------------------------------

    def after_permissions(self, article: Article | None, edit_refused: str) -> None:
        """The editor shows `article` with these rights now (called after each time
        the permissions were applied)."""
        article_id = article.id if article is not None else None
        if article_id != self._article_id:
            self._article_id = article_id
            self._confirmed = False
            self._theirs = None
            self._bar.review.say("")
            self._bar.notice.say("")
            # Someone already editing it when it is opened: wait for them, or ask.
            self._waiting = bool(self._others_editing())
        self._editable = article is not None and not edit_refused
        self._apply()

    def show_review(self, theirs: Article) -> None:
        """`theirs` was saved elsewhere while this desk has unsaved edits."""
        self._theirs = theirs
        who = theirs.content_updated_by or theirs.updated_by or self.tr("Someone")
        self._bar.review.say(
            self.tr("{who} saved revision {revision} — Review").format(
                who=who, revision=theirs.revision
            )
        )

    def clear_review(self) -> None:
        self._theirs = None
        self._bar.review.say("")

    def show_notice(self, text: str) -> None:
        self._bar.notice.say(text)
        self._status_bar.showMessage(text, 15000)

    # -- presence -----------------------------------------------------------------

    def _others(self):
        if self._live is None or self._article_id is None:
            return []
        return others(self._live.presence, self._article_id, self._live.desk)

    def _others_editing(self):
        return [p for p in self._others() if p.mode is PresenceMode.EDITING]

    def _apply(self) -> None:
        if self._waiting and not self._others_editing():
            self._waiting = False  # they left: this desk may edit as usual
        held = self.waiting
        if self._article_id is not None and self._editable:
            # Permissions made it editable: waiting makes it read-only until asked.
            reason = self.tr("{who}: choose Edit anyway to edit it too").format(
                who=presence_text(self._others_editing())
            )
            self._editor.set_read_only(held, reason if held else "")
            self._credits.setEnabled(not held)
        self._bar.show_presence(presence_text(self._others(), me=self._person().name), waiting=held)
        mode = PresenceMode.EDITING if self._editable and not held else PresenceMode.VIEWING
        if self._live is not None:
            self._live.set_presence(self._article_id, mode, self._person().name)

    def _on_bar_edit_anyway_requested(self) -> None:
        editing = presence_text(self._others_editing()) or self.tr("Someone is editing")
        answer = QMessageBox.question(
            self._parent,
            self.tr("Edit anyway?"),
            self.tr(
                "{who} this article now. Edit it too? Changes to different paragraphs"
                " are merged when you save; where you both change the same paragraph, you"
                " choose what to keep."
            ).format(who=editing),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._confirmed = True
            self._apply()

    def _on_bar_review_requested(self) -> None:
        if self._theirs is not None:
            self.review_requested.emit(self._theirs)

    # -- offline --------------------------------------------------------------------

    def _on_live_state_changed(self, state: FeedState) -> None:
        if not state.online:
            text = self.tr("Offline since {time}, your text is kept").format(
                time=f"{state.since:%H:%M}"
            )
            self._bar.offline.say(text)
            self.offline_label.setText(text)
            self.offline_label.show()
            self._session.set_writable(False)  # typing goes on into the journal
            return
        self._bar.offline.say("")
        self.offline_label.hide()
        if self._unwritable():
            return  # the database itself refuses writes: being online changes nothing
        self._session.set_writable(True)
        if self._session.is_dirty():
            self._status_bar.showMessage(
                self.tr("Back online at {time}: saving what you wrote meanwhile").format(
                    time=f"{state.since:%H:%M}"
                ),
                10000,
            )
            self._session.save()
