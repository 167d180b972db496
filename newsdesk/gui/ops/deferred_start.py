"""Work a start needs soon, but not before the list is on screen.

The start-up check and backup, and loading the pinyin dictionaries (0.2 s of Python
holding the interpreter lock), ran while the window was first laid out and painted
and held that paint up. They now start once the list has painted its first answer,
or after FALLBACK_MS if no paint comes (a window never shown).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

log = logging.getLogger(__name__)

FALLBACK_MS = 3_000


class DeferredStart(QObject):
    """Runs `jobs` once, in order, when `painted` fires (or after FALLBACK_MS)."""

    ran = Signal()

    def __init__(
        self, painted: SignalInstance, jobs: Sequence[Callable[[], None]], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._jobs = list(jobs)
        self._done = False
        painted.connect(self.run)
        self._fallback = QTimer(self, singleShot=True, interval=FALLBACK_MS)
        self._fallback.timeout.connect(self.run)
        self._fallback.start()

    @property
    def done(self) -> bool:
        return self._done

    def run(self) -> None:
        if self._done:
            return
        self._done = True
        self._fallback.stop()
        for job in self._jobs:
            job()
        self.ran.emit()
