"""Paste and drop into the body: pictures and image files become images, web pages
become clean Markdown (paste_cleaning.py), plain text stays plain.

A part of BodyEditor (see editor.py): it works on the editor's `rich_edit`.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QTextCharFormat,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QTextEdit

from newsdesk.gui.editor.body.link_dialog import link_problem
from newsdesk.gui.editor.body.markdown_document import MARKDOWN_DIALECT, block_spans, blocks
from newsdesk.gui.editor.body.paste_cleaning import clean_html_to_markdown
from newsdesk.gui.editor.body.text_cursor import one_undo_step, space_paragraphs, without_link


class ClipboardMixin:
    """Paste and drop handling of the body editor (mixed into BodyEditor)."""

    rich_edit: QTextEdit

    # Paste and drop -----------------------------------------------------------------------
    def _image_paths(self, source: QMimeData) -> list[Path]:
        if self._store_image is None:
            return []
        return [p for p in local_files(source) if QImageReader(str(p)).canRead()]

    def _insert_mime_data(self, source: QMimeData) -> None:
        if local_files(source):
            for path in self._image_paths(source):
                self.insert_image_file(path)
            return
        if source.hasHtml():
            self.insert_markdown(clean_html_to_markdown(source.html()))
            return
        if source.hasText():
            self.insert_plain_text(source.text())
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
        return without_link(self.rich_edit.currentCharFormat())

    def insert_plain_text(self, text: str) -> None:
        """Insert `text` as typed, its bare web addresses as links at once: what they
        become anyway when the body is written and read again (Markdown autolinks)."""
        cursor = self.rich_edit.textCursor()
        plain = self._plain_typing_format()
        position = 0
        with one_undo_step(cursor):
            for start, end, href in autolinks(text):
                cursor.insertText(text[position:start], plain)
                link = QTextCharFormat(plain)
                link.merge(self.link_format(href))
                cursor.insertText(text[start:end], link)
                position = end
            cursor.insertText(text[position:], plain)
        self.rich_edit.setTextCursor(cursor)
        self.rich_edit.setCurrentCharFormat(plain)  # typing on after a link is plain

    def insert_markdown(self, markdown: str) -> None:
        """Insert a Markdown snippet at the cursor as formatted text."""
        scratch = QTextDocument()
        scratch.setMarkdown(markdown, MARKDOWN_DIALECT)
        cursor = self.rich_edit.textCursor()
        with one_undo_step(cursor):
            cursor.insertFragment(QTextDocumentFragment(scratch))
            self._shade_quotes()
            space_paragraphs(self.rich_edit.document())
        self.rich_edit.setTextCursor(cursor)
        self.rich_edit.ensureCursorVisible()


def autolinks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, href) of each bare address in `text` that Markdown makes a link.

    Qt's own Markdown reader (the one that reads the body back) decides what is an
    address; only addresses an article may link to (link_problem) are taken."""
    scratch = QTextDocument()
    scratch.setMarkdown(text, MARKDOWN_DIALECT)
    found: list[tuple[int, int, str]] = []
    position = 0
    for block in blocks(scratch):
        for span in block_spans(block):
            fmt = span.char_format
            if not fmt.isAnchor() or link_problem(fmt.anchorHref()) is not None:
                continue
            # An autolink shows its address (www. ones without the scheme Qt adds).
            if not fmt.anchorHref().endswith(span.text):
                continue  # a [text](address) link written in the pasted text: text stays
            start = text.find(span.text, position)
            if start >= 0:
                found.append((start, start + len(span.text), fmt.anchorHref()))
                position = start + len(span.text)
    return found


def local_files(source: QMimeData) -> list[Path]:
    if not source.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
