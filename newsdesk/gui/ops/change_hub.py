"""One signal for every change to the newsroom, delivered on the UI thread.

Each newsroom the app opens (the UI thread's, and each worker thread's own) announces
the `Changes` of every write it commits; the hub relays them to the UI thread, where
views refresh themselves from `changed` instead of being refreshed by hand. What the
app learns about other desks (a conflict naming a newer revision, later PostgreSQL
LISTEN/NOTIFY or an SQLite data_version poll) is published here too, with origin
"remote", so one path keeps every view current (after Anki's operation_did_execute).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.changes import Changes

log = logging.getLogger(__name__)


class ChangeHub(QObject):
    changed = Signal(object)  # Changes, on the UI thread, after the write committed
    _arrived = Signal(object)  # Changes, from any thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Queued even from the UI thread: listeners always run after the writer's
        # own call has returned, in the order the writes committed.
        self._arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)

    def publish(self, changes: Changes) -> None:
        """Announce `changes` (thread-safe): every listener hears them on the UI thread."""
        if changes:
            self._arrived.emit(changes)

    def watch(self, newsroom: Newsroom) -> Callable[[], None]:
        """Relay everything `newsroom` writes; returns the function that stops it."""
        return newsroom.subscribe(self.publish)

    def _on_arrived(self, changes: Changes) -> None:
        log.debug("changes (%s): %s", changes.origin, [c.to_dict() for c in changes])
        self.changed.emit(changes)
