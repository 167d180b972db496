"""When the list's first answer has been painted: the start's work that the first
paint does not need waits for this (gui/ops/deferred_start.py), and so does the
rest of the list behind the first screen (`after`): at 100,000 articles its query
on the worker held the interpreter lock while the first screen was laid out and
painted (paint 45-90 ms of CPU instead of 20)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """`painted` fires once: after the first paint of one of `pages` that follows
    `arm()` (rows, the empty state or why the list failed)."""

    painted = Signal()

    # A window not shown (a paint that is slow to come) still gets what waits in `after`.
    FALLBACK_MS = 1_000

    def __init__(self, pages: Sequence[QWidget], parent: QObject) -> None:
        super().__init__(parent)
        self._pages = list(pages)
        self._armed = False
        self._done = False
        self._waiting: list[Callable[[], None]] = []
        self._released = False  # painted, or no paint came in time
        self._fallback = QTimer(self, singleShot=True, interval=self.FALLBACK_MS)
        self._fallback.timeout.connect(self._run_waiting)
        self.painted.connect(self._run_waiting)
        for page in self._pages:
            page.installEventFilter(self)

    def after(self, job: Callable[[], None]) -> None:
        """`job()` once the first paint is over (at once if it is), or after
        FALLBACK_MS when no paint comes."""
        if self._released:
            job()
            return
        self._waiting.append(job)
        if not self._fallback.isActive():
            self._fallback.start()

    def _run_waiting(self) -> None:
        self._released = True
        self._fallback.stop()
        waiting, self._waiting = self._waiting, []
        for job in waiting:
            job()

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
