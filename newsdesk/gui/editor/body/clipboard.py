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

from newsdesk.gui.editor.body.markdown_document import MARKDOWN_DIALECT
from newsdesk.gui.editor.body.paste_cleaning import clean_html_to_markdown
from newsdesk.gui.editor.body.text_cursor import without_link


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
        return without_link(self.rich_edit.currentCharFormat())

    def insert_markdown(self, markdown: str) -> None:
        """Insert a Markdown snippet at the cursor as formatted text."""
        scratch = QTextDocument()
        scratch.setMarkdown(markdown, MARKDOWN_DIALECT)
        cursor = self.rich_edit.textCursor()
        cursor.insertFragment(QTextDocumentFragment(scratch))
        self.rich_edit.setTextCursor(cursor)
        self._shade_quotes()
        self.rich_edit.ensureCursorVisible()


def local_files(source: QMimeData) -> list[Path]:
    if not source.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
