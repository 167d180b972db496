"""The app's live feed: the newsroom's ChangeFeed (newsroom/feed.py) on its own thread,
relayed to the UI thread: what other desks commit goes into the change hub (every view
follows it from there), who has what open and whether the newsroom is reachable
arrive as signals. This desk's presence mark is set here, never on the UI thread's
connection: the feed's thread makes it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal

from newsdesk.domain.presence import Presence, PresenceMode
from newsdesk.gui.ops.change_hub import ChangeHub
from newsdesk.newsroom import Newsroom
from newsdesk.newsroom.feed import ChangeFeed, FeedState
from newsdesk.newsroom.paths import is_server

log = logging.getLogger(__name__)


class LiveFeed(QObject):
    presence_changed = Signal(object)  # list[Presence]: every desk's marks
    state_changed = Signal(object)  # FeedState: the newsroom reached, or lost
    _presence_arrived = Signal(object)
    _state_arrived = Signal(object)

    def __init__(self, newsroom: Newsroom, hub: ChangeHub, parent: QObject | None = None):
        super().__init__(parent)
        self.presence: list[Presence] = []
        self.state: FeedState | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._presence_arrived.connect(self._on_presence_arrived, queued)
        self._state_arrived.connect(self._on_state_arrived, queued)
        self._feed: ChangeFeed = newsroom.open_feed(
            on_changes=hub.publish,  # thread-safe: the hub queues to the UI thread
            on_presence=self._presence_arrived.emit,
            on_state=self._state_arrived.emit,
        )
        self._started = False
        # Offline is a server's state; a file that fails is the database guard's to say.
        self.server = is_server(newsroom.location)

    @property
    def desk(self) -> str:
        """This desk's id in the presence marks ("" until the feed connected)."""
        return self._feed.desk

    @property
    def offline(self) -> bool:
        return self.state is not None and not self.state.online

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._feed.start()

    def stop(self) -> None:
        """Stop the feed; this desk's mark goes with its channel."""
        if self._started:
            self._feed.stop()
            self._started = False

    def set_presence(self, article_id: int | None, mode: PresenceMode, person: str) -> None:
        self._feed.set_presence(article_id, mode, person)

    def mark_written(self, timeout: float) -> bool:
        """Whether this desk's mark was written within `timeout` (see ChangeFeed)."""
        return self._feed.mark_written(timeout)

    def caught_up(self, timeout: float) -> bool:
        """Whether every change committed so far was heard within `timeout`."""
        return self._feed.caught_up(timeout)

    def _on_presence_arrived(self, presence: list[Presence]) -> None:
        self.presence = presence
        self.presence_changed.emit(presence)

    def _on_state_arrived(self, state: FeedState) -> None:
        if not self.server:
            log.info("live feed on a file: %s", state)
            return
        first = self.state is None
        self.state = state
        if first and state.online:
            return  # connecting the first time is no news
        log.info("live feed: %s", "online" if state.online else f"offline ({state.reason})")
        self.state_changed.emit(state)
