"""The article body editor: formatted text on screen, Markdown in the article.

The body is stored as Markdown. Qt reads it (QTextDocument.setMarkdown) and
markdown_document.py writes it back; this module decides *when* to ask. A body that
is loaded and not edited is handed back exactly as it came in, so opening and saving
an article never rewrites its Markdown.

BodyEditor is composed of its jobs, one module each, sharing `rich_edit`:
formatting.py (bold, headings, quotes, lists, rules, the format at the cursor),
links.py, images.py, clipboard.py (paste and drop), rich_text_edit.py (the view).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import (
    QActionEvent,
    QFontDatabase,
    QImage,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

from newsdesk.gui.editor.body.block_markdown import BlockMarkdown
from newsdesk.gui.editor.body.clipboard import ClipboardMixin
from newsdesk.gui.editor.body.formatting import FormatState, FormattingMixin
from newsdesk.gui.editor.body.images import AskCaption, ImagesMixin, LoadImage, StoreImage
from newsdesk.gui.editor.body.link_dialog import NOTICE_COLOUR, LinkDialog
from newsdesk.gui.editor.body.links import LinksMixin
from newsdesk.gui.editor.body.markdown_document import (
    MARKDOWN_DIALECT,
    break_after_leading_images,
)
from newsdesk.gui.editor.body.rich_text_edit import RichTextEdit
from newsdesk.gui.editor.body.text_cursor import space_paragraphs

log = logging.getLogger(__name__)


class BodyEditor(FormattingMixin, LinksMixin, ImagesMixin, ClipboardMixin, QWidget):
    """Edits an article body (Markdown) as formatted text, or as Markdown source.

    `store_image(path) -> (name, url)` files an image with the article and returns the
    name it is stored under and the URL the body refers to it by. `ask_caption(path)`
    returns a caption or None to cancel (default: a small dialog). `load_image(url)`
    returns the picture for an image URL found in a loaded body (for display only).
    """

    body_changed = Signal()
    format_state_changed = Signal(object)  # FormatState
    source_mode_changed = Signal(bool)

    def __init__(
        self,
        store_image: StoreImage | None = None,
        *,
        ask_caption: AskCaption | None = None,
        load_image: LoadImage | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store_image = store_image
        self._ask_caption = ask_caption or self._ask_caption_dialog
        self._load_image_callable = load_image
        self._original = ""  # the body as set_markdown() gave it
        self._loaded = ""  # what the formatted view was built from, returned until edited
        self._source_base = ""  # what the source view showed when it was opened
        self._loading = False
        self._markdown_cache: str | None = None
        self._images: dict[str, QImage] = {}
        self.link_dialog: LinkDialog | None = None

        self.rich_edit = RichTextEdit(self)
        self.rich_edit.setAccessibleName(self.tr("Article body"))
        self.rich_edit.setAccessibleDescription(
            self.tr("Formatted body text. Ctrl+B bold, Ctrl+I italic, Ctrl+K link.")
        )
        self.rich_edit.setTabChangesFocus(True)
        self.rich_edit.setPlaceholderText(self.tr("Write the article here…"))

        self.source_edit = QPlainTextEdit(self)
        self.source_edit.setAccessibleName(self.tr("Article body, Markdown source"))
        self.source_edit.setTabChangesFocus(True)
        self.source_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source_edit.setPlaceholderText(self.tr("Markdown source of the body"))

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.rich_edit)
        self._stack.addWidget(self.source_edit)

        self.notice = QLabel(self)
        self.notice.setAccessibleName(self.tr("Body editor notice"))
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {NOTICE_COLOUR};")
        self.notice.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        layout.addWidget(self.notice)
        self.setFocusProxy(self.rich_edit)
        self.rich_edit.installEventFilter(self)
        self.source_edit.installEventFilter(self)

        document = self.rich_edit.document()
        self._block_markdown = BlockMarkdown(document, self)
        document.contentsChanged.connect(self._on_rich_document_contents_changed)
        self.source_edit.textChanged.connect(self._on_source_edit_text_changed)
        self.rich_edit.cursorPositionChanged.connect(self._on_rich_cursor_moved)
        self.rich_edit.currentCharFormatChanged.connect(self._on_rich_cursor_moved)
        self._shortcut_keys: set[int] | None = None  # of this editor's actions, when known

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Text edits claim some keys before shortcuts see them (Ctrl+K deletes to the end
        # of the line on X11). Actions put on this editor (the toolbar's) win over them.
        if event.type() == QEvent.Type.ShortcutOverride and self._has_action_for(event):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _has_action_for(self, event: QKeyEvent) -> bool:
        # Asked on every key press: most keys are no action's shortcut, and that is
        # known from a set of the shortcuts' keys, not a walk over every action.
        if self._shortcut_keys is None:
            self._shortcut_keys = {
                s[0].toCombined()
                for action in self.actions()
                for s in action.shortcuts()
                if s.count() == 1
            }
        if event.keyCombination().toCombined() not in self._shortcut_keys:
            return False
        pressed = QKeySequence(event.keyCombination())
        return any(
            action.isEnabled()
            and any(
                s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for s in action.shortcuts()
            )
            for action in self.actions()
        )

    def actionEvent(self, event: QActionEvent) -> None:
        super().actionEvent(event)
        self._shortcut_keys = None  # an action added, removed or changed (its shortcut)

    # Markdown in and out ----------------------------------------------------------
    def set_markdown(self, text: str) -> None:
        """Load a body. Until it is edited, markdown() returns `text` unchanged."""
        self._original = text
        self._load_rich(text)
        if self.is_source_mode():
            self._set_source_text(text)
        self.clear_notice()

    def markdown(self) -> str:
        if self.is_source_mode():
            if not self.source_edit.document().isModified():
                return self._source_base
            return self.source_edit.toPlainText()
        return self._rich_markdown()

    def is_modified(self) -> bool:
        """True when markdown() differs from what set_markdown() gave."""
        return self.markdown() != self._original

    def _rich_markdown(self) -> str:
        document = self.rich_edit.document()
        if not document.isModified():
            return self._loaded
        if self._markdown_cache is None:
            # Paragraph by paragraph: only those changed since the last call are
            # written again (the same text as document_markdown, see block_markdown).
            self._markdown_cache = self._block_markdown.markdown()
        return self._markdown_cache

    def _load_rich(self, text: str) -> None:
        document = self.rich_edit.document()
        self._loading = True
        try:
            document.setMarkdown(text, MARKDOWN_DIALECT)
            break_after_leading_images(document)  # show a caption under its image
            self._shade_quotes()
            # Paragraphs set apart as on the page; those typed later are spaced alike
            # (an empty body's first paragraph too).
            space_paragraphs(document)
            # A new body starts a new undo history: undo must not bring back another text.
            document.setUndoRedoEnabled(False)
            document.setUndoRedoEnabled(True)
            document.setModified(False)
        finally:
            self._loading = False
        self._loaded = text
        self._markdown_cache = None
        self._block_markdown.reset()
        # Fill the paragraph cache as part of opening, not on the first key typed.
        QTimer.singleShot(0, self._block_markdown.markdown)
        self.rich_edit.moveCursor(QTextCursor.MoveOperation.Start)

    def _set_source_text(self, text: str) -> None:
        self._loading = True
        try:
            self.source_edit.setPlainText(text)
            self.source_edit.document().setModified(False)
        finally:
            self._loading = False
        self._source_base = text

    # Source mode --------------------------------------------------------------------
    def is_source_mode(self) -> bool:
        return self._stack.currentWidget() is self.source_edit

    def set_source_mode(self, on: bool) -> None:
        if on == self.is_source_mode():
            return
        had_focus = self.focusWidget() in (self.rich_edit, self.source_edit)
        if on:
            self._set_source_text(self._rich_markdown())
            self._stack.setCurrentWidget(self.source_edit)
            self.setFocusProxy(self.source_edit)
        else:
            if self.source_edit.document().isModified():
                # The typed Markdown becomes the body as is, so nothing typed is reformatted.
                self._load_rich(self.source_edit.toPlainText())
            self._stack.setCurrentWidget(self.rich_edit)
            self.setFocusProxy(self.rich_edit)
        if had_focus:
            self._stack.currentWidget().setFocus()
        self.source_mode_changed.emit(on)
        self._emit_format_state()

    def toggle_source_mode(self) -> None:
        self.set_source_mode(not self.is_source_mode())

    def set_read_only(self, read_only: bool) -> None:
        self.rich_edit.setReadOnly(read_only)
        self.source_edit.setReadOnly(read_only)

    # Edits signal ----------------------------------------------------------------------
    def _on_rich_document_contents_changed(self) -> None:
        self._markdown_cache = None
        if not self._loading:
            self.body_changed.emit()

    def _on_source_edit_text_changed(self) -> None:
        if not self._loading:
            self.body_changed.emit()

    # Notices ------------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def clear_notice(self) -> None:
        self.show_notice("")

    def notice_text(self) -> str:
        return self.notice.text()


__all__ = [
    "AskCaption",
    "BodyEditor",
    "FormatState",
    "LoadImage",
    "StoreImage",
]
