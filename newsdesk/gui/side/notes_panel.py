"""Editorial notes on the open article, threaded: a note, and the replies to it.

Notes are for the newsroom only. They are never part of the article's content, so they
are never exported and writing one is not an edit (no new revision). The panel reads
the notes again whenever the change hub says the open article's notes changed (a note
written here, or at another desk).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.comment import Comment
from newsdesk.gui.i18n.core_text import refusal_text
from newsdesk.gui.ops.change_hub import ChangeHub
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom.changes import ChangeKind, Changes

log = logging.getLogger(__name__)

COMMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _when(at: str) -> str:
    try:
        return dt.datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


class CommentsPanel(QWidget):
    comment_added = Signal(object)  # Comment
    count_changed = Signal(int)

    def __init__(
        self,
        worker: DatabaseWorker,
        actor: Callable[[], str],
        hub: ChangeHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._actor = actor
        self._article_id: int | None = None
        self._writable = True
        self._generation = 0
        self.comments: list[Comment] = []

        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Notes"))
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setIndentation(16)
        self.empty_label = QLabel(self.tr("No notes yet."))
        self.empty_label.setEnabled(False)
        self.compose = QPlainTextEdit()
        self.compose.setAccessibleName(self.tr("New note"))
        self.compose.setPlaceholderText(self.tr("Write a note for the newsroom…"))
        self.compose.setTabChangesFocus(True)
        self.compose.setFixedHeight(64)
        self.add_button = QPushButton(self.tr("Add note"))
        self.add_button.setAccessibleName(self.tr("Add note"))
        self.reply_button = QPushButton(self.tr("Reply"))
        self.reply_button.setAccessibleName(self.tr("Reply to the selected note"))
        self.reply_button.setToolTip(self.tr("Answer the selected note, in its thread"))
        # One short line beside the buttons: a wrapped label's second line is not in
        # the layout's minimum height, and overlapped the note box in a short window.
        hint = QLabel(self.tr("Never exported"))
        hint.setToolTip(self.tr("Notes stay in the newsroom: they are never exported."))
        hint.setAccessibleName(self.tr("Notes stay in the newsroom: they are never exported."))
        hint.setEnabled(False)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        buttons.addWidget(hint)
        buttons.addStretch(1)
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.compose)
        layout.addLayout(buttons)

        self.compose.textChanged.connect(self._update_buttons)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_button.clicked.connect(lambda: self._post(parent_id=None))
        self.reply_button.clicked.connect(lambda: self._post(parent_id=self.selected_id()))
        hub.changed.connect(self._on_hub_changed)
        self.load(None)

    # -- loading ------------------------------------------------------------------

    def load(self, article_id: int | None) -> None:
        """Show the notes of `article_id` (read on the worker)."""
        self._article_id = article_id
        self._show([])
        self.compose.setEnabled(article_id is not None and self._writable)
        if article_id is None:
            self._generation += 1
            self._update_buttons()
            return
        self._read()

    def set_writable(self, writable: bool, reason: str = "") -> None:
        """False: the database takes no notes now (`reason` says why)."""
        self._writable = writable
        self.compose.setEnabled(writable and self._article_id is not None)
        self.compose.setToolTip("" if writable else reason)
        self._update_buttons()

    def _read(self) -> None:
        article_id = self._article_id
        self._generation += 1
        generation = self._generation
        self._worker.submit(
            lambda newsroom: newsroom.comments(article_id),
            lambda comments: self._on_loaded(generation, comments),
            lambda exc: log.warning("notes of article %s not loaded: %s", article_id, exc),
        )

    def _on_hub_changed(self, changes: Changes) -> None:
        article_id = self._article_id
        if article_id is not None and any(
            c.kind is ChangeKind.COMMENTS for c in changes.for_article(article_id)
        ):
            self._read()  # the thread stays on screen (and selected) until the answer

    def _on_loaded(self, generation: int, comments: list[Comment]) -> None:
        if generation == self._generation:
            self._show(comments)

    def _show(self, comments: list[Comment]) -> None:
        selected = self.selected_id()
        self.comments = list(comments)
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for comment in self.comments:  # oldest first, so a parent comes before its replies
            parent = items.get(comment.parent_id) if comment.parent_id is not None else None
            item = QTreeWidgetItem([f"{comment.author} · {_when(comment.at)}\n{comment.text}"])
            item.setData(0, COMMENT_ID_ROLE, comment.id)
            item.setToolTip(0, comment.text)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[comment.id] = item
        self.tree.expandAll()
        if selected in items:
            self.tree.setCurrentItem(items[selected])
        self.empty_label.setText(self.tr("No notes yet."))
        self.empty_label.setVisible(not self.comments)
        self.tree.setVisible(bool(self.comments))
        self.count_changed.emit(len(self.comments))
        self._update_buttons()

    # -- writing --------------------------------------------------------------------

    def selected_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, COMMENT_ID_ROLE) if item is not None else None

    def thread_of(self, comment_id: int) -> list[int]:
        """The ids of `comment_id`'s replies, nested, as the tree shows them."""
        items = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        for item in items:
            if item.data(0, COMMENT_ID_ROLE) == comment_id:
                found: list[int] = []
                stack = [item.child(i) for i in range(item.childCount())]
                while stack:
                    child = stack.pop(0)
                    found.append(child.data(0, COMMENT_ID_ROLE))
                    stack.extend(child.child(i) for i in range(child.childCount()))
                return found
        return []

    def _post(self, parent_id: int | None) -> None:
        text = self.compose.toPlainText().strip()
        article_id = self._article_id
        if not text or article_id is None:
            return
        actor = self._actor()
        self.add_button.setEnabled(False)
        self.reply_button.setEnabled(False)
        self._worker.submit(
            lambda newsroom: newsroom.comment(article_id, text, actor=actor, parent_id=parent_id),
            lambda comment: self._on_posted(article_id, comment),
            self._on_post_failed,
        )

    def _on_posted(self, article_id: int, comment: Comment) -> None:
        if article_id == self._article_id:
            self.compose.clear()  # the hub's announcement shows the note in the thread
        self._update_buttons()
        self.comment_added.emit(comment)

    def _on_post_failed(self, exc: Exception) -> None:
        self.empty_label.setText(
            self.tr("The note was not saved: {reason}").format(reason=refusal_text(exc))
        )
        self.empty_label.setVisible(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_text = (
            bool(self.compose.toPlainText().strip())
            and self._article_id is not None
            and self._writable
        )
        self.add_button.setEnabled(has_text)
        self.reply_button.setEnabled(has_text and self.selected_id() is not None)
