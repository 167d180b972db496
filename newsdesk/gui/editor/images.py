"""Images dropped into the body: named by their content, stored with the article.

The editor needs the image's name at once (to put it in the text), so the name comes
from the content's hash, computed here; the bytes go to the database on the worker
thread, like every other write.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage

from newsdesk.domain.article import Image
from newsdesk.gui.ops.worker import DatabaseWorker


class ArticleImages:
    """`attached()` lists the open article's images and `attach(image)` adds one: the
    editor owns that list, so the images travel with the body it shows."""

    def __init__(
        self,
        worker: DatabaseWorker,
        read_image: Callable[[str], bytes],
        on_failed: Callable[[Exception], None],
        *,
        attached: Callable[[], list[Image]],
        attach: Callable[[Image], None],
    ) -> None:
        self._worker = worker
        self._read_image = read_image
        self._on_failed = on_failed
        self._attached = attached
        self._attach = attach

    def keep(self, path: Path) -> tuple[str, str]:
        """File the image with the open article; returns (name, url) for the body."""
        data = path.read_bytes()
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        digest = hashlib.sha256(data).hexdigest()
        name = f"img-{digest[:12]}{path.suffix.lower() or '.png'}"
        self._worker.submit(
            lambda newsroom: newsroom.put_image(data, media_type), None, self._on_failed
        )
        self._attach(Image(name, digest, media_type))
        return name, name

    def load(self, url: str) -> QImage | None:
        """The picture behind an image name in the open article's body."""
        for image in self._attached():
            if image.name == url:
                picture = QImage()
                picture.loadFromData(self._read_image(image.sha256))
                return picture
        return None
