"""Pictures in the body: choosing, captioning, storing and showing them.

An image is a paragraph of its own with its caption on the line below (the site's
figure with a caption). `store_image(path) -> (name, url)` files it with the article;
`load_image(url)` gives the picture behind a loaded body's image, for display only.
A part of BodyEditor (see editor.py): it works on the editor's `rich_edit`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import (
    QImage,
    QImageReader,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)
from PySide6.QtWidgets import QFileDialog, QInputDialog, QTextEdit

from newsdesk.domain.errors import NewsdeskError
from newsdesk.gui.editor.body.markdown_document import LINE_BREAK
from newsdesk.gui.editor.body.text_cursor import (
    is_rule,
    one_undo_step,
    with_paragraph_spacing,
)

log = logging.getLogger(__name__)

# Shown size of images in the editor; the stored file keeps its own size.
IMAGE_DISPLAY_WIDTH = 480

StoreImage = Callable[[Path], tuple[str, str]]
AskCaption = Callable[[Path], "str | None"]
LoadImage = Callable[[str], "QImage | None"]


class ImagesMixin:
    """Image commands of the body editor (mixed into BodyEditor)."""

    rich_edit: QTextEdit
    _store_image: StoreImage | None
    _ask_caption: AskCaption
    _load_image_callable: LoadImage | None
    _images: dict[str, QImage]

    # Images -------------------------------------------------------------------------------
    def can_store_images(self) -> bool:
        return self._store_image is not None

    def choose_image(self) -> None:
        """Ask for an image file and insert it (toolbar action)."""
        if self._store_image is None:
            return
        patterns = " ".join(f"*.{bytes(f).decode()}" for f in QImageReader.supportedImageFormats())
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("BodyEditor", "Insert image"),
            "",
            QCoreApplication.translate("BodyEditor", "Images ({patterns})").format(
                patterns=patterns
            ),
        )
        if path:
            self.insert_image_file(Path(path))

    def insert_image_file(self, path: Path) -> bool:
        """Ask for a caption, store the image and insert it. False when cancelled or refused."""
        if self._store_image is None:
            self.show_notice(
                QCoreApplication.translate("BodyEditor", "Images cannot be added here.")
            )
            return False
        image = QImage(str(path))
        if image.isNull():
            self.show_notice(
                QCoreApplication.translate(
                    "BodyEditor", "{name} is not an image this editor can read."
                ).format(name=path.name)
            )
            return False
        caption = self._ask_caption(path)
        if caption is None:
            return False
        try:
            _name, url = self._store_image(path)
        except (NewsdeskError, OSError) as error:
            log.warning("storing image %s failed: %s", path, error)
            self.show_notice(
                QCoreApplication.translate("BodyEditor", "Could not add {name}: {reason}").format(
                    name=path.name, reason=error
                )
            )
            return False
        self.insert_image(url, caption.strip(), image)
        self.clear_notice()
        return True

    def insert_image(self, url: str, caption: str, image: QImage | None = None) -> None:
        """Insert an already stored image as a paragraph of its own, the caption on the
        line below it (the site prints that paragraph as a figure with a caption)."""
        if image is not None and not image.isNull():
            self._images[url] = display_image(image)
            self.rich_edit.document().addResource(
                QTextDocument.ResourceType.ImageResource.value, QUrl(url), self._images[url]
            )
        cursor = self.rich_edit.textCursor()
        with one_undo_step(cursor):
            if cursor.block().text() or is_rule(cursor.block()):
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                cursor.insertBlock(with_paragraph_spacing(QTextBlockFormat()), QTextCharFormat())
            else:
                cursor.setBlockFormat(with_paragraph_spacing(QTextBlockFormat()))
            image_format = QTextImageFormat()
            image_format.setName(url)
            image_format.setProperty(QTextFormat.Property.ImageAltText, caption or "image")
            cursor.insertImage(image_format)
            if caption:
                # Same paragraph, next line: the site's figure-with-caption form.
                cursor.insertText(LINE_BREAK + caption, QTextCharFormat())
            cursor.insertBlock(with_paragraph_spacing(QTextBlockFormat()), QTextCharFormat())
        self.rich_edit.setTextCursor(cursor)
        self.rich_edit.setCurrentCharFormat(QTextCharFormat())

    def _ask_caption_dialog(self, path: Path) -> str | None:
        caption, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("BodyEditor", "Image caption"),
            QCoreApplication.translate(
                "BodyEditor", "Caption for {name} (printed under the image):"
            ).format(name=path.name),
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
        self._images[url] = display_image(image)
        return self._images[url]


def display_image(image: QImage) -> QImage:
    if image.width() <= IMAGE_DISPLAY_WIDTH:
        return image
    return image.scaledToWidth(IMAGE_DISPLAY_WIDTH, Qt.TransformationMode.SmoothTransformation)
