"""The article body editor: formatted text on screen, Markdown in the article.

The body is stored as Markdown. Qt reads it (QTextDocument.setMarkdown) and
newsdesk.gui.editor.body.markdown_document writes it back; this module decides *when* to ask. A
body that is loaded and not edited is handed back exactly as it came in, so opening
and saving an article never rewrites its Markdown.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontDatabase,
    QImage,
    QImageReader,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextImageFormat,
    QTextLength,
    QTextListFormat,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.domain.errors import InvalidInputError, NewsdeskError
from newsdesk.gui.editor.body.link_dialog import NOTICE_COLOUR, LinkDialog, link_problem
from newsdesk.gui.editor.body.markdown_document import (
    LINE_BREAK,
    MARKDOWN_DIALECT,
    block_spans,
    blocks,
    break_after_leading_images,
    document_markdown,
)
from newsdesk.gui.editor.body.paste_cleaning import clean_html_to_markdown

log = logging.getLogger(__name__)

# The importer indents quotes by 40 px (same as Qt's HTML <blockquote>); quotes made
# here look the same so a reader cannot tell loaded quotes from new ones.
_QUOTE_INDENT = 40.0
# Shown size of images in the editor; the stored file keeps its own size.
_IMAGE_DISPLAY_WIDTH = 480
# Heading sizes as Qt's Markdown importer sets them (h1 = 3 ... h3 = 1).
_HEADING_SIZE_ADJUSTMENT = {1: 3, 2: 2, 3: 1, 4: 0, 5: -1, 6: -2}

StoreImage = Callable[[Path], tuple[str, str]]
AskCaption = Callable[[Path], "str | None"]
LoadImage = Callable[[str], "QImage | None"]


@dataclass(frozen=True)
class FormatState:
    """The formatting at the cursor, for toolbars to show as checked buttons."""

    bold: bool = False
    italic: bool = False
    heading_level: int = 0
    quote: bool = False
    list_style: str | None = None  # "bullet", "numbered" or None
    link: str | None = None


class _RichTextEdit(QTextEdit):
    """The formatted view. Paste, drop and image loading go through the BodyEditor."""

    def __init__(self, owner: BodyEditor) -> None:
        super().__init__(owner)
        self._owner = owner

    # Qt overrides -----------------------------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if _local_files(source):
            # Files are welcome only as images (Qt would paste their path as text).
            return bool(self._owner._image_paths(source))
        if source.hasImage():
            return self._owner.can_store_images()
        return source.hasHtml() or source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        self._owner._insert_mime_data(source)

    def loadResource(self, kind: int, name: QUrl) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = self._owner._load_image(name.toString())
            if image is not None:
                return image
        return super().loadResource(kind, name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            cursor = self.textCursor()
            if cursor.blockFormat().headingLevel() and cursor.atBlockEnd():
                # After a heading the reporter goes on with body text, not another heading.
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
                self.setTextCursor(cursor)
                self.setCurrentCharFormat(QTextCharFormat())
                return
        super().keyPressEvent(event)


class BodyEditor(QWidget):
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

        self.rich_edit = _RichTextEdit(self)
        self.rich_edit.setAccessibleName("Article body")
        self.rich_edit.setAccessibleDescription(
            "Formatted body text. Ctrl+B bold, Ctrl+I italic, Ctrl+K link."
        )
        self.rich_edit.setTabChangesFocus(True)
        self.rich_edit.setPlaceholderText("Write the article here…")

        self.source_edit = QPlainTextEdit(self)
        self.source_edit.setAccessibleName("Article body, Markdown source")
        self.source_edit.setTabChangesFocus(True)
        self.source_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source_edit.setPlaceholderText("Markdown source of the body")

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.rich_edit)
        self._stack.addWidget(self.source_edit)

        self.notice = QLabel(self)
        self.notice.setAccessibleName("Body editor notice")
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
        document.contentsChanged.connect(self._on_rich_document_contents_changed)
        self.source_edit.textChanged.connect(self._on_source_edit_text_changed)
        self.rich_edit.cursorPositionChanged.connect(self._emit_format_state)
        self.rich_edit.currentCharFormatChanged.connect(self._emit_format_state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Text edits claim some keys before shortcuts see them (Ctrl+K deletes to the end
        # of the line on X11). Actions put on this editor (the toolbar's) win over them.
        if event.type() == QEvent.Type.ShortcutOverride and self._has_action_for(event):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _has_action_for(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(
            action.isEnabled()
            and any(
                s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for s in action.shortcuts()
            )
            for action in self.actions()
        )

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
            self._markdown_cache = document_markdown(document)
        return self._markdown_cache

    def _load_rich(self, text: str) -> None:
        document = self.rich_edit.document()
        self._loading = True
        try:
            document.setMarkdown(text, MARKDOWN_DIALECT)
            break_after_leading_images(document)  # show a caption under its image
            self._shade_quotes()
            # A new body starts a new undo history: undo must not bring back another text.
            document.setUndoRedoEnabled(False)
            document.setUndoRedoEnabled(True)
            document.setModified(False)
        finally:
            self._loading = False
        self._loaded = text
        self._markdown_cache = None
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

    # Format state ---------------------------------------------------------------------
    def format_state(self) -> FormatState:
        cursor = self.rich_edit.textCursor()
        char_format = self.rich_edit.currentCharFormat()
        block_format = cursor.blockFormat()
        text_list = cursor.currentList()
        list_style = None
        if text_list is not None:
            list_style = "bullet" if _is_bullet(text_list.format().style()) else "numbered"
        link = char_format.anchorHref() if char_format.isAnchor() else None
        return FormatState(
            bold=char_format.fontWeight() > QFont.Weight.Medium,
            italic=char_format.fontItalic(),
            heading_level=block_format.headingLevel(),
            quote=block_format.intProperty(QTextFormat.Property.BlockQuoteLevel) > 0,
            list_style=list_style,
            link=link or None,
        )

    def _emit_format_state(self) -> None:
        self.format_state_changed.emit(self.format_state())

    # Inline formatting ------------------------------------------------------------------
    def _merge_char_format(self, char_format: QTextCharFormat) -> None:
        cursor = self.rich_edit.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(char_format)
        self.rich_edit.mergeCurrentCharFormat(char_format)
        self._emit_format_state()

    def toggle_bold(self) -> None:
        char_format = QTextCharFormat()
        weight = QFont.Weight.Normal if self.format_state().bold else QFont.Weight.Bold
        char_format.setFontWeight(weight)
        self._merge_char_format(char_format)

    def toggle_italic(self) -> None:
        char_format = QTextCharFormat()
        char_format.setFontItalic(not self.format_state().italic)
        self._merge_char_format(char_format)

    # Block formatting -------------------------------------------------------------------
    def _selected_blocks(self) -> list[QTextBlock]:
        cursor = self.rich_edit.textCursor()
        document = self.rich_edit.document()
        first = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        return blocks

    def _edit_blocks(self, change: Callable[[QTextCursor, QTextBlock], None]) -> None:
        cursor = self.rich_edit.textCursor()
        with _one_undo_step(cursor):
            for block in self._selected_blocks():
                change(QTextCursor(block), block)
        self._emit_format_state()

    def toggle_heading(self, level: int) -> None:
        """Make the selected paragraphs headings of `level`, or paragraphs again."""
        blocks = self._selected_blocks()
        turn_off = all(b.blockFormat().headingLevel() == level for b in blocks)
        new_level = 0 if turn_off else level

        def change(cursor: QTextCursor, block: QTextBlock) -> None:
            if block.textList() is not None:
                block.textList().remove(block)
            fmt = block.blockFormat()
            fmt.setHeadingLevel(new_level)
            fmt.setIndent(0)
            fmt.clearProperty(QTextFormat.Property.BlockQuoteLevel)
            fmt.setLeftMargin(0)
            fmt.setRightMargin(0)
            cursor.setBlockFormat(fmt)
            _set_heading_chars(cursor, new_level)

        self._edit_blocks(change)
        self.rich_edit.setCurrentCharFormat(self.rich_edit.textCursor().charFormat())
        self._emit_format_state()

    def toggle_quote(self) -> None:
        blocks = self._selected_blocks()
        turn_off = all(
            b.blockFormat().intProperty(QTextFormat.Property.BlockQuoteLevel) > 0 for b in blocks
        )

        def change(cursor: QTextCursor, block: QTextBlock) -> None:
            fmt = block.blockFormat()
            if turn_off:
                fmt.clearProperty(QTextFormat.Property.BlockQuoteLevel)
                fmt.clearBackground()
                fmt.setLeftMargin(0)
                fmt.setRightMargin(0)
            else:
                fmt.setProperty(QTextFormat.Property.BlockQuoteLevel, 1)
                fmt.setLeftMargin(_QUOTE_INDENT)
                fmt.setRightMargin(_QUOTE_INDENT)
                fmt.setBackground(self._quote_background())
                if fmt.headingLevel():
                    fmt.setHeadingLevel(0)
                    _set_heading_chars(cursor, 0)
            cursor.setBlockFormat(fmt)

        self._edit_blocks(change)

    def _quote_background(self) -> QBrush:
        return self.palette().brush(QPalette.ColorRole.AlternateBase)

    def _shade_quotes(self) -> None:
        """Give quoted paragraphs a shade (Markdown ignores it) so they read as quotes."""
        cursor = QTextCursor(self.rich_edit.document())
        for block in blocks(self.rich_edit.document()):
            fmt = block.blockFormat()
            if (
                fmt.intProperty(QTextFormat.Property.BlockQuoteLevel) > 0
                and fmt.background() != self._quote_background()
            ):
                fmt.setBackground(self._quote_background())
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)

    def toggle_list(self, style: str) -> None:
        """Make the selected paragraphs a "bullet" or "numbered" list, or plain again."""
        if style not in ("bullet", "numbered"):
            raise ValueError(f"unknown list style {style!r}")
        wanted = (
            QTextListFormat.Style.ListDisc
            if style == "bullet"
            else QTextListFormat.Style.ListDecimal
        )
        cursor = self.rich_edit.textCursor()
        current = cursor.currentList()
        with _one_undo_step(cursor):
            if current is not None and _is_bullet(current.format().style()) == (style == "bullet"):
                for block in self._selected_blocks():
                    if block.textList() is not None:
                        block.textList().remove(block)
                        fmt = block.blockFormat()
                        fmt.setIndent(0)
                        QTextCursor(block).setBlockFormat(fmt)
            elif current is not None:
                list_format = current.format()
                list_format.setStyle(wanted)
                current.setFormat(list_format)
            else:
                for block in self._selected_blocks():
                    if block.blockFormat().headingLevel():
                        block_cursor = QTextCursor(block)
                        fmt = block.blockFormat()
                        fmt.setHeadingLevel(0)
                        block_cursor.setBlockFormat(fmt)
                        _set_heading_chars(block_cursor, 0)
                list_format = QTextListFormat()
                list_format.setStyle(wanted)
                cursor.createList(list_format)
        self._emit_format_state()

    def insert_rule(self) -> None:
        """A horizontal rule after the current paragraph, and a paragraph after it."""
        cursor = self.rich_edit.textCursor()
        with _one_undo_step(cursor):
            rule = QTextBlockFormat()
            rule.setProperty(
                QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                QTextLength(QTextLength.Type.PercentageLength, 100),
            )
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            if cursor.block().text() or _is_rule(cursor.block()):
                cursor.insertBlock(rule, QTextCharFormat())
            else:
                if cursor.currentList() is not None:
                    cursor.currentList().remove(cursor.block())
                cursor.setBlockFormat(rule)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        self.rich_edit.setTextCursor(cursor)
        self.rich_edit.setCurrentCharFormat(QTextCharFormat())

    # Links --------------------------------------------------------------------------------
    def _link_range(self) -> tuple[int, int, str] | None:
        """Start, end and address of the link at the cursor, if any."""
        cursor = self.rich_edit.textCursor()
        position = cursor.position()
        links: list[tuple[int, int, str]] = []
        for span in block_spans(cursor.block()):
            fmt = span.char_format
            href = fmt.anchorHref() if fmt.isAnchor() else ""
            start, end = span.position, span.position + span.length
            if href and links and links[-1][2] == href and links[-1][1] == start:
                links[-1] = (links[-1][0], end, href)
            elif href:
                links.append((start, end, href))
        for start, end, href in links:
            inside = (
                start <= position <= end
                if not cursor.hasSelection()
                else (start <= cursor.selectionStart() and cursor.selectionEnd() <= end)
            )
            if inside:
                return start, end, href
        return None

    def ask_link(self) -> LinkDialog:
        """Open the link dialog (window-modal, not blocking) for the cursor or selection."""
        cursor = self.rich_edit.textCursor()
        existing = self._link_range()
        if existing is not None:
            dialog = LinkDialog(existing[2], editing=True, parent=self)
        elif cursor.hasSelection():
            dialog = LinkDialog(parent=self)
        else:
            dialog = LinkDialog(text="", parent=self)
        dialog.accepted.connect(lambda: self._on_link_dialog_accepted(dialog))
        dialog.finished.connect(lambda _result: self._on_link_dialog_finished(dialog))
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def _on_link_dialog_accepted(self, dialog: LinkDialog) -> None:
        if dialog.remove_requested:
            self.remove_link()
        else:
            self.set_link(
                dialog.url(), dialog.text() if dialog.text_edit.isVisibleTo(dialog) else None
            )

    def _on_link_dialog_finished(self, dialog: LinkDialog) -> None:
        if self.link_dialog is dialog:
            self.link_dialog = None
        dialog.deleteLater()
        self.rich_edit.setFocus()

    def set_link(self, url: str, text: str | None = None) -> None:
        """Link the selection (or the link at the cursor) to `url`; with nothing selected,
        insert `text` (or the address) as a new link."""
        url = url.strip()
        problem = link_problem(url)
        if problem is not None:
            raise InvalidInputError(problem)
        link_format = QTextCharFormat()
        link_format.setAnchor(True)
        link_format.setAnchorHref(url)
        link_format.setForeground(self.palette().brush(QPalette.ColorRole.Link))
        link_format.setFontUnderline(True)
        cursor = self.rich_edit.textCursor()
        existing = self._link_range()
        if cursor.hasSelection():
            cursor.mergeCharFormat(link_format)
        elif existing is not None:
            cursor.setPosition(existing[0])
            cursor.setPosition(existing[1], QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(link_format)
        else:
            base = self.rich_edit.currentCharFormat()
            base.merge(link_format)
            cursor.insertText(text or url, base)
            self.rich_edit.setTextCursor(cursor)
            # Typing on after a new link must not lengthen the link.
            self.rich_edit.setCurrentCharFormat(_without_link(self.rich_edit.currentCharFormat()))
        self._emit_format_state()

    def remove_link(self) -> None:
        existing = self._link_range()
        cursor = self.rich_edit.textCursor()
        if existing is not None:
            start, end = existing[0], existing[1]
        elif cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
        else:
            return
        edit = QTextCursor(self.rich_edit.document())
        with _one_undo_step(edit):
            # Collected first: changing formats while walking fragments invalidates them.
            spans = list(_fragments_in(self.rich_edit.document(), start, end))
            for position, length, fmt in spans:
                edit.setPosition(position)
                edit.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                edit.setCharFormat(_without_link(fmt))
        self.rich_edit.setCurrentCharFormat(_without_link(self.rich_edit.currentCharFormat()))
        self._emit_format_state()

    # Images -------------------------------------------------------------------------------
    def can_store_images(self) -> bool:
        return self._store_image is not None

    def choose_image(self) -> None:
        """Ask for an image file and insert it (toolbar action)."""
        if self._store_image is None:
            return
        patterns = " ".join(f"*.{bytes(f).decode()}" for f in QImageReader.supportedImageFormats())
        path, _ = QFileDialog.getOpenFileName(self, "Insert image", "", f"Images ({patterns})")
        if path:
            self.insert_image_file(Path(path))

    def insert_image_file(self, path: Path) -> bool:
        """Ask for a caption, store the image and insert it. False when cancelled or refused."""
        if self._store_image is None:
            self.show_notice("Images cannot be added here.")
            return False
        image = QImage(str(path))
        if image.isNull():
            self.show_notice(f"{path.name} is not an image this editor can read.")
            return False
        caption = self._ask_caption(path)
        if caption is None:
            return False
        try:
            _name, url = self._store_image(path)
        except (NewsdeskError, OSError) as error:
            log.warning("storing image %s failed: %s", path, error)
            self.show_notice(f"Could not add {path.name}: {error}")
            return False
        self.insert_image(url, caption.strip(), image)
        self.clear_notice()
        return True

    def insert_image(self, url: str, caption: str, image: QImage | None = None) -> None:
        """Insert an already stored image as a paragraph of its own, the caption on the
        line below it (the site prints that paragraph as a figure with a caption)."""
        if image is not None and not image.isNull():
            self._images[url] = _display_image(image)
            self.rich_edit.document().addResource(
                QTextDocument.ResourceType.ImageResource.value, QUrl(url), self._images[url]
            )
        cursor = self.rich_edit.textCursor()
        with _one_undo_step(cursor):
            if cursor.block().text() or _is_rule(cursor.block()):
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            else:
                cursor.setBlockFormat(QTextBlockFormat())
            image_format = QTextImageFormat()
            image_format.setName(url)
            image_format.setProperty(QTextFormat.Property.ImageAltText, caption or "image")
            cursor.insertImage(image_format)
            if caption:
                # Same paragraph, next line: the site's figure-with-caption form.
                cursor.insertText(LINE_BREAK + caption, QTextCharFormat())
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        self.rich_edit.setTextCursor(cursor)
        self.rich_edit.setCurrentCharFormat(QTextCharFormat())

    def _ask_caption_dialog(self, path: Path) -> str | None:
        caption, ok = QInputDialog.getText(
            self, "Image caption", f"Caption for {path.name} (printed under the image):"
        )
        return caption if ok else None

    def _load_image(self, url: str) -> QImage | None:
        if url in self._images:
            return self._images[url]
        if self._load_image_callable is None:
            return None
        try:
            image = self._load_image_callable(url)
        except (NewsdeskError, OSError) as error:
            log.warning("cannot show image %s: %s", url, error)
            return None
        if image is None or image.isNull():
            return None
        self._images[url] = _display_image(image)
        return self._images[url]

    # Paste and drop -----------------------------------------------------------------------
    def _image_paths(self, source: QMimeData) -> list[Path]:
        if self._store_image is None:
            return []
        return [p for p in _local_files(source) if QImageReader(str(p)).canRead()]

    def _insert_mime_data(self, source: QMimeData) -> None:
        if _local_files(source):
            for path in self._image_paths(source):
                self.insert_image_file(path)
            return
        if source.hasHtml():
            self.insert_markdown(clean_html_to_markdown(source.html()))
            return
        if source.hasText():
            self.rich_edit.textCursor().insertText(source.text(), self._plain_typing_format())
            return
        if source.hasImage() and self._store_image is not None:
            image = QImage(source.imageData())
            if image.isNull():
                return
            # store_image takes a file, as for a drop; a pasted picture has none yet.
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "pasted-image.png"
                image.save(str(path))
                self.insert_image_file(path)

    def _plain_typing_format(self) -> QTextCharFormat:
        return _without_link(self.rich_edit.currentCharFormat())

    def insert_markdown(self, markdown: str) -> None:
        """Insert a Markdown snippet at the cursor as formatted text."""
        scratch = QTextDocument()
        scratch.setMarkdown(markdown, MARKDOWN_DIALECT)
        cursor = self.rich_edit.textCursor()
        cursor.insertFragment(QTextDocumentFragment(scratch))
        self.rich_edit.setTextCursor(cursor)
        self._shade_quotes()
        self.rich_edit.ensureCursorVisible()

    # Notices ------------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def clear_notice(self) -> None:
        self.show_notice("")

    def notice_text(self) -> str:
        return self.notice.text()


@contextmanager
def _one_undo_step(cursor: QTextCursor) -> Iterator[None]:
    """Group the edits made in the block into one undo step (Ctrl+Z takes all back)."""
    cursor.beginEditBlock()
    try:
        yield
    finally:
        cursor.endEditBlock()


def _is_rule(block: QTextBlock) -> bool:
    return block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)


def _local_files(source: QMimeData) -> list[Path]:
    if not source.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]


def _is_bullet(style: QTextListFormat.Style) -> bool:
    return style in (
        QTextListFormat.Style.ListDisc,
        QTextListFormat.Style.ListCircle,
        QTextListFormat.Style.ListSquare,
    )


def _set_heading_chars(cursor: QTextCursor, level: int) -> None:
    """Size and weight the characters of the cursor's paragraph as Qt's Markdown importer
    does for a heading of `level` (0: body text), and select the paragraph."""
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    char_format = QTextCharFormat()
    char_format.setProperty(
        QTextFormat.Property.FontSizeAdjustment, _HEADING_SIZE_ADJUSTMENT.get(level, 0)
    )
    char_format.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
    cursor.mergeCharFormat(char_format)
    cursor.mergeBlockCharFormat(char_format)


def _without_link(char_format: QTextCharFormat) -> QTextCharFormat:
    clean = QTextCharFormat(char_format)
    for prop in (
        QTextFormat.Property.IsAnchor,
        QTextFormat.Property.AnchorHref,
        QTextFormat.Property.AnchorName,
        QTextFormat.Property.ForegroundBrush,
        QTextFormat.Property.TextUnderlineStyle,
        QTextFormat.Property.FontUnderline,
    ):
        clean.clearProperty(prop)
    return clean


def _fragments_in(
    document: QTextDocument, start: int, end: int
) -> Iterator[tuple[int, int, QTextCharFormat]]:
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        for span in block_spans(block):
            f_start = max(span.position, start)
            f_end = min(span.position + span.length, end)
            if f_start < f_end:
                yield f_start, f_end - f_start, span.char_format
        block = block.next()


def _display_image(image: QImage) -> QImage:
    if image.width() <= _IMAGE_DISPLAY_WIDTH:
        return image
    return image.scaledToWidth(_IMAGE_DISPLAY_WIDTH, Qt.TransformationMode.SmoothTransformation)


__all__ = [
    "AskCaption",
    "BodyEditor",
    "FormatState",
    "LoadImage",
    "StoreImage",
]
