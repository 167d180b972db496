"""A read held inside the database until the test lets it go, or a cancel stops it.

`hold(...)` installs storage's test hook (article_listing.before_reading): the reads
it picks first run one statement that never ends by itself, on the read's own
connection and in the engine's own statement loop, so only a real interrupt (SQLite)
or a server-side cancel (PostgreSQL) ends it early. On SQLite the statement counts
rows until `released()` (a function registered on the connection) says stop; on the
server it waits for an advisory lock that the test holds on a connection of its own.
`started` is set once the statement is running (seen from inside it: on SQLite by
its own function's first call, on the server in pg_locks). No sleeps.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from newsdesk.storage import article_listing

LOCK_KEY = 4_141_414
_SQLITE_HOLD = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE newsdesk_held())"
    " SELECT count(*) FROM n"
)
_SERVER_HOLD = f"SELECT pg_advisory_lock({LOCK_KEY}), pg_advisory_unlock({LOCK_KEY})"


class HeldRead:
    def __init__(self, engine: str, picks: Callable[[object, int | None], bool]) -> None:
        self.engine = engine
        self.picks = picks
        self.started = threading.Event()
        self.released = threading.Event()
        self.ended = threading.Event()  # the held statement returned or was stopped
        self.stopped_early: bool | None = None  # ended before being released
        self.holds = 0
        self._holder = None

    # -- SQLite: the function the held statement calls for every row -----------------

    def register(self, sqlite_connection) -> None:
        """Make `newsdesk_held()` known to a SQLite store's connection."""

        def held() -> int:
            self.started.set()
            return 0 if self.released.is_set() else 1

        sqlite_connection.create_function("newsdesk_held", 0, held)

    # -- the server: an advisory lock held by the test ------------------------------

    def take_lock(self, url: str) -> None:
        import psycopg

        self._holder = psycopg.connect(url, autocommit=True)
        self._holder.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        self._url = url

    def _watch_server(self) -> None:
        import psycopg

        with psycopg.connect(self._url, autocommit=True) as conn:
            while not self.ended.is_set():
                waiting = conn.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                    " AND objid = %s AND NOT granted",
                    [LOCK_KEY],
                ).fetchone()[0]
                if waiting:
                    self.started.set()
                    return
                time.sleep(0.005)  # polling a condition, not waiting for one to hold

    # -- the hook ---------------------------------------------------------------

    def __call__(self, fetch, query, limit) -> None:
        if not self.picks(query, limit) or self.holds:
            return
        self.holds += 1
        if self.engine == "sqlite":
            sql = _SQLITE_HOLD
        else:
            sql = _SERVER_HOLD
            threading.Thread(target=self._watch_server, daemon=True).start()
        try:
            fetch(sql, [])
        finally:
            self.stopped_early = not self.released.is_set()
            self.ended.set()

    def release(self) -> None:
        self.released.set()
        if self._holder is not None:
            self._holder.close()  # its lock goes with it
            self._holder = None


def hold(monkeypatch, engine: str, picks=lambda query, limit: limit is None) -> HeldRead:
    """Hold the first read `picks(query, limit)` chooses (default: a whole list)."""
    held = HeldRead(engine, picks)
    monkeypatch.setattr(article_listing, "before_reading", held)
    return held
