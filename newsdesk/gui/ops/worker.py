"""One background thread for database and export work, reporting back by signal.

Jobs run one at a time, in order, on a single thread that owns its own newsroom
connection (SQLite's WAL lets the UI thread's connection read meanwhile). The UI
thread never waits on a search, a save or an export. With a change hub, everything
that newsroom writes is announced on the hub (before the job's own answer arrives).
A job whose read was cancelled (ReadCancel: a newer query replaced it) ends quietly,
with neither answer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from newsdesk.gui.connect import session_passwords
from newsdesk.gui.ops.change_hub import ChangeHub
from newsdesk.newsroom import Newsroom, ReadSuperseded

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the UI thread; its signals cross back from the worker (queued)."""

    done = Signal(object)
    failed = Signal(object)
    superseded = Signal()  # the job's read was cancelled (ReadCancel): no answer


class _Job(QRunnable):
    def __init__(
        self,
        worker: DatabaseWorker,
        fn: Callable[[Newsroom], Any],
        relay: _Relay,
        finished: threading.Event,
    ):
        super().__init__()
        self.setAutoDelete(True)
        self._worker = worker
        self._fn = fn
        self._relay = relay
        self._finished = finished

    def run(self) -> None:
        try:
            result = self._fn(self._worker.newsroom())
        except ReadSuperseded:  # a newer job replaced it: nobody waits for its answer
            log.debug("a read was superseded")
            self._relay.superseded.emit()
        except Exception as exc:  # reported to the UI, which shows it plainly
            log.exception("background job failed")
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)
        finally:
            self._finished.set()


class DatabaseWorker(QObject):
    """Runs `fn(newsroom)` off the UI thread; `on_done(result)` / `on_failed(exc)` on it."""

    busy_changed = Signal(bool)

    def __init__(
        self, db_path: str, parent: QObject | None = None, *, hub: ChangeHub | None = None
    ) -> None:
        super().__init__(parent)
        # A file path or a server URL, kept as given (a Path would fold a URL's `//`).
        self._db_path = str(db_path)
        self._hub = hub
        self._newsroom: Newsroom | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread (and its connection) alive
        self._relays: set[_Relay] = set()

    def newsroom(self) -> Newsroom:
        # Opened lazily on the worker thread, the only thread that uses it.
        if self._newsroom is None:
            # On a server: the password typed at connecting, if one was (never asked here).
            self._newsroom = Newsroom.open(
                self._db_path, ask_password=session_passwords.asker(self._db_path)
            )
            if self._hub is not None:
                self._hub.watch(self._newsroom)
        return self._newsroom

    def submit(
        self,
        fn: Callable[[Newsroom], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[Exception], None] | None = None,
    ) -> threading.Event:
        """Queue a job; the returned event is set once it has run (its answer is then
        on its way to the UI thread), so a caller can wait for this job alone."""
        relay = _Relay(self)
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays:
                self.busy_changed.emit(False)

        if on_done is not None:
            relay.done.connect(on_done)
        if on_failed is not None:
            relay.failed.connect(on_failed)
        relay.done.connect(finish)
        relay.failed.connect(finish)
        relay.superseded.connect(finish)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)
        finished = threading.Event()
        self._pool.start(_Job(self, fn, relay, finished))
        return finished

    @property
    def busy(self) -> bool:
        """Whether a job's answer is still to come."""
        return bool(self._relays)

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        self._pool.waitForDone(30_000)
        if self._newsroom is not None:
            self._newsroom.close()
            self._newsroom = None
