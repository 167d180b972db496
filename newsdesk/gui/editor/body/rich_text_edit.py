"""The formatted view of the body: a QTextEdit whose paste, drop and image loading
go through the BodyEditor, and whose Enter after a heading starts body text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QKeyEvent, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from newsdesk.gui.editor.body.clipboard import local_files
from newsdesk.gui.editor.body.text_cursor import space_paragraph, with_paragraph_spacing

if TYPE_CHECKING:
    from newsdesk.gui.editor.body.editor import BodyEditor


class RichTextEdit(QTextEdit):
    """The formatted view. Paste, drop and image loading go through the BodyEditor."""

    def __init__(self, owner: BodyEditor) -> None:
        super().__init__(owner)
        self._owner = owner

    # Qt overrides -----------------------------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if local_files(source):
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
                cursor.insertBlock(with_paragraph_spacing(QTextBlockFormat()), QTextCharFormat())
                self.setTextCursor(cursor)
                self.setCurrentCharFormat(QTextCharFormat())
                return
            super().keyPressEvent(event)
            # A typed paragraph is spaced as a loaded one (Qt copies the format of the
            # paragraph it split, which in a new body has no spacing), in the same
            # undo step as the Enter itself.
            cursor = self.textCursor()
            cursor.joinPreviousEditBlock()
            space_paragraph(cursor)
            if cursor.block().previous().isValid():
                space_paragraph(QTextCursor(cursor.block().previous()))
            cursor.endEditBlock()
            return
        super().keyPressEvent(event)
