"""When the list's first answer has been painted: the start's work that the first
paint does not need waits for this (gui/ops/deferred_start.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """`painted` fires once: after the first paint of one of `pages` that follows
    `arm()` (rows, the empty state or why the list failed)."""

    painted = Signal()

    def __init__(self, pages: Sequence[QWidget], parent: QObject) -> None:
        super().__init__(parent)
        self._pages = list(pages)
        self._armed = False
        self._done = False
        for page in self._pages:
            page.installEventFilter(self)

    def arm(self, shown: QWidget) -> None:
        """The first answer is in `shown`: its next paint is the one."""
        if not self._armed:
            self._armed = True
            shown.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._armed
            and not self._done
            and event.type() == QEvent.Type.Paint
            and watched in self._pages
        ):
            self._done = True
            for page in self._pages:
                page.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)  # once this paint has ended
        return False
