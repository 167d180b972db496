"""Stopping a read that nobody waits for any more, from another thread.

The list reads a search's whole ranked list after its first screen; a letter typed
meanwhile makes that list stale. `ReadCancel.cancel()` (any thread) stops the read
it was given to: the read raises `ReadSuperseded`, which a front end drops quietly.

Each engine lends the read an `interrupt` while one of its statements may run
(SQLite's `Connection.interrupt()`, psycopg's `Connection.cancel_safe()`), and only
then: the interrupt is sent, under this object's lock, only between `interruptible`'s
start and end, so it can never land on a write that follows the read. Both engines
act on it only while a statement runs (one that starts just after it would run to its
end), so the interrupt is sent again every `repeat_s` until the read has ended, on a
thread of its own (a server's cancel is a round trip: never on the caller's thread).
Between statements the read checks `cancelled` itself.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator

from newsdesk.domain.errors import NewsdeskError

log = logging.getLogger(__name__)


class ReadSuperseded(NewsdeskError):
    """A read was stopped because a newer one replaced it: nothing to show."""


class ReadCancel:
    """A cancel for one read (or a few, one after the other); see the module."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._interrupt: Callable[[], None] | None = None
        self._repeat_s = 0.0
        self._idle = threading.Event()  # set while no interruptible read runs
        self._idle.set()
        self._sent = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    @property
    def interrupt_sent(self) -> bool:
        """Whether an interrupt was sent to the current (or last) read's connection."""
        return self._sent

    def check(self) -> None:
        """Raise ReadSuperseded once cancelled (a read calls it between statements)."""
        if self._cancelled:
            raise ReadSuperseded("a newer read replaced this one")

    def cancel(self) -> None:
        """Stop the read (now, or before it starts). Returns at once, from any thread."""
        if self._cancelled:
            return  # once is enough (and the lock may be held by a cancel being sent)
        with self._lock:
            if self._cancelled:
                return
            self._cancelled = True
            if self._interrupt is None:
                return  # not running: it stops at its next check
        threading.Thread(target=self._send, name="newsdesk-read-cancel", daemon=True).start()

    def _send(self) -> None:
        while True:
            with self._lock:
                if self._interrupt is None:
                    return  # the read has ended
                try:
                    self._interrupt()
                    self._sent = True
                except Exception:  # a connection already gone: the read ends anyway
                    log.debug("interrupting a read failed", exc_info=True)
                    return
                repeat = self._repeat_s
            if self._idle.wait(repeat):
                return

    @contextlib.contextmanager
    def interruptible(self, interrupt: Callable[[], None], repeat_s: float) -> Iterator[None]:
        """While inside, `cancel()` may call `interrupt()` (from another thread)."""
        with self._lock:
            self.check()
            self._interrupt, self._repeat_s, self._sent = interrupt, repeat_s, False
            self._idle.clear()
        try:
            yield
        finally:
            with self._lock:  # after this, no interrupt is sent for this read
                self._interrupt = None
                self._idle.set()
