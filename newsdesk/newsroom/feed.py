"""The live feed: what every desk commits, heard as it commits, and who has what open.

One thread per feed, over one channel of the engine (storage: a LISTEN connection on a
server, a data_version poll on a file; see Store.open_channel). Each time the channel
says something committed, the feed reads the audit log on from the last entry it saw
and reports those entries as `Changes` (origin "remote"): a desk that lost its line
and got it back reads on from there, so it misses nothing. It also holds this desk's
presence mark and reports the others' marks when they change.

No Qt here: the app relays what the feed reports into its change hub
(gui/ops/live_feed.py); `newsdesk watch` prints it.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from newsdesk.domain.presence import Presence, PresenceMode
from newsdesk.newsroom.changes import REMOTE, Changes, changes_of_event
from newsdesk.storage.store import DeskChannel

log = logging.getLogger(__name__)

WAIT_S = 0.2  # the longest a presence change waits to be made
READ_EVERY_S = 2.0  # the audit log is read at least this often, heard or not
PRESENCE_EVERY_S = 1.0  # others' marks are read this often (a dead desk says nothing)
HEARTBEAT_EVERY_S = 5.0
BACKOFF_S = (0.5, 10.0)  # the first and the longest wait before connecting again
BATCH = 500


@dataclass(frozen=True)
class FeedState:
    """Whether the feed reaches the newsroom; `since` when that became so."""

    online: bool
    since: dt.datetime
    reason: str = ""


class ChangeFeed:
    def __init__(
        self,
        open_channel: Callable[[], DeskChannel],
        *,
        on_changes: Callable[[Changes], None],
        on_presence: Callable[[list[Presence]], None] | None = None,
        on_state: Callable[[FeedState], None] | None = None,
        wait_s: float = WAIT_S,
        backoff_s: tuple[float, float] = BACKOFF_S,
    ) -> None:
        self._open_channel = open_channel
        self._on_changes = on_changes
        self._on_presence = on_presence
        self._on_state = on_state
        self._wait_s = wait_s
        self._backoff_s = backoff_s
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._marked = threading.Condition(self._lock)  # notified when a mark is written
        self._writing = False
        self._reads_done = 0  # audit-log reads finished (see caught_up)
        self._read_asked = False
        self._wanted: tuple[int | None, PresenceMode, str] = (None, PresenceMode.VIEWING, "")
        self._presence_dirty = False
        self._channel: DeskChannel | None = None
        self._last_id: int | None = None
        self._seen_presence: list[Presence] | None = None
        self._online: bool | None = None
        self._thread: threading.Thread | None = None
        self.desk: str = ""  # this desk's id in presence marks, once connected

    # -- what other threads call ----------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="newsdesk-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop and close the channel (this desk's mark goes with it)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def set_presence(self, article_id: int | None, mode: PresenceMode, person: str) -> None:
        """This desk has `article_id` open (None: nothing) for `mode`, as `person`."""
        with self._lock:
            self._wanted = (article_id, PresenceMode(mode), person)
            self._presence_dirty = True

    def mark_written(self, timeout: float) -> bool:
        """Wait until the mark last asked for is written (or given up on while the line
        is down); False after `timeout`. The feed writes it on its own thread a little
        later: what must happen only once nothing more is written (closing a desk,
        a test breaking the file on purpose) waits here first."""
        with self._marked:
            return self._marked.wait_for(
                lambda: not self._writing and (not self._presence_dirty or self._online is False),
                timeout,
            )

    def caught_up(self, timeout: float) -> bool:
        """Wait until a read of the audit log begun after this call has finished: every
        change committed before the call has then been reported. False after
        `timeout` (or while the line is down)."""
        with self._marked:
            wanted = self._reads_done + 1
            self._read_asked = True
            return self._marked.wait_for(
                lambda: self._reads_done >= wanted or self._online is False, timeout
            )

    @property
    def online(self) -> bool:
        return bool(self._online)

    # -- the feed's thread ----------------------------------------------------------

    def _run(self) -> None:
        delay = self._backoff_s[0]
        try:
            while not self._stop.is_set():
                try:
                    if self._channel is None:
                        self._connect()
                        delay = self._backoff_s[0]
                    self._step()
                except Exception as exc:  # the line is lost: say so, try again later
                    self._drop(exc)
                    self._stop.wait(delay)
                    delay = min(delay * 2, self._backoff_s[1])
        finally:
            self._close_channel()

    def _connect(self) -> None:
        channel = self._open_channel()
        self._channel = channel
        self.desk = channel.desk
        if self._last_id is None:
            self._last_id = channel.newest_event_id()  # from now on, not the history
        with self._lock:
            self._presence_dirty = True  # a new line holds no mark yet
        now = time.monotonic()
        self._next_read = now  # reconnected: read what happened meanwhile at once
        self._next_presence = now
        self._next_heartbeat = now + HEARTBEAT_EVERY_S
        self._report_state(True, "")

    def _step(self) -> None:
        channel = self._channel
        assert channel is not None
        with self._lock:
            wanted = self._wanted if self._presence_dirty else None
            self._presence_dirty = False
            self._writing = wanted is not None
        if wanted is not None:
            try:
                channel.set_presence(*wanted)
            finally:
                with self._marked:
                    self._writing = False
                    self._marked.notify_all()
            self._next_presence = 0.0
        heard = channel.wait(self._wait_s)
        now = time.monotonic()
        with self._lock:
            asked, self._read_asked = self._read_asked, False
        if heard or asked or now >= self._next_read:
            self._read_events(channel)
            self._next_read = now + READ_EVERY_S
            with self._marked:
                self._reads_done += 1
                self._marked.notify_all()
        if heard or now >= self._next_presence:
            self._read_presence(channel)
            self._next_presence = now + PRESENCE_EVERY_S
        if now >= self._next_heartbeat:
            channel.heartbeat()
            self._next_heartbeat = now + HEARTBEAT_EVERY_S

    def _read_events(self, channel: DeskChannel) -> None:
        while True:
            events = channel.events_after(self._last_id or 0, BATCH)
            if not events:
                return
            self._last_id = events[-1].id
            items = [item for event in events for item in changes_of_event(event)]
            self._call(self._on_changes, Changes(tuple(items), REMOTE))
            if len(events) < BATCH:
                return

    def _read_presence(self, channel: DeskChannel) -> None:
        found = channel.presence()
        if found != self._seen_presence:
            self._seen_presence = found
            if self._on_presence is not None:
                self._call(self._on_presence, found)

    def _drop(self, exc: Exception) -> None:
        log.info("the live feed lost the newsroom: %s", exc)
        self._close_channel()
        self._report_state(False, str(exc))

    def _close_channel(self) -> None:
        channel, self._channel = self._channel, None
        if channel is not None:
            try:
                channel.close()
            except Exception:  # a line already gone closes as it can
                log.debug("closing the feed's channel", exc_info=True)

    def _report_state(self, online: bool, reason: str) -> None:
        if self._online is online:
            return  # only changes are news (every failed retry is not)
        with self._marked:
            self._online = online
            self._marked.notify_all()  # a mark waiting for a line that went is given up
        if self._on_state is not None:
            self._call(self._on_state, FeedState(online, dt.datetime.now().astimezone(), reason))

    @staticmethod
    def _call(callback: Callable, value) -> None:
        try:
            callback(value)
        except Exception:  # a listener's failure must not stop the feed
            log.exception("a live feed listener failed")
