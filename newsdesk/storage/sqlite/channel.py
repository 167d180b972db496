"""A desk's line to a newsroom file: PRAGMA data_version polls and presence heartbeats.

`PRAGMA data_version` changes on this connection whenever any other connection (this
process's store, another app, the CLI) commits to the file, and costs no read of the
database itself, so polling it ten times a second is cheap. Presence is a row per desk
with the time of its last heartbeat: a desk whose heartbeat stopped (killed, or its
machine off the network share) drops out after EXPIRES_S.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import time
from pathlib import Path

from newsdesk.domain.article import AuditEvent
from newsdesk.domain.errors import StorageError
from newsdesk.domain.presence import Presence, PresenceMode
from newsdesk.storage import codec
from newsdesk.storage.sqlite.connection import connect, describe_database_error, write_transaction

log = logging.getLogger(__name__)

POLL_S = 0.1
HEARTBEAT_S = 5.0  # how often a desk renews its mark (the feed calls heartbeat())
EXPIRES_S = 15.0  # a mark not renewed for this long is gone


class SQLiteChannel:
    def __init__(self, path: Path | str, *, expires_s: float = EXPIRES_S) -> None:
        self.path = str(path)
        self.desk = secrets.token_hex(6)
        self._expires_s = expires_s
        self._db = connect(path)
        self._warned = False
        self._mark: tuple[int, str, str] | None = None
        self._version = self._data_version()

    def _failure(self, exc: sqlite3.Error) -> StorageError:
        return StorageError(describe_database_error(self.path, exc))

    def _data_version(self) -> int:
        try:
            return self._db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc

    def wait(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            version = self._data_version()
            if version != self._version:
                self._version = version
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(POLL_S, left))

    def _rows(self, sql: str, params: list) -> list[dict]:
        try:
            cursor = self._db.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc

    def newest_event_id(self) -> int:
        return self._rows("SELECT coalesce(max(id), 0) AS id FROM audit", [])[0]["id"]

    def events_after(self, event_id: int, limit: int = 500) -> list[AuditEvent]:
        rows = self._rows("SELECT * FROM audit WHERE id > ? ORDER BY id LIMIT ?", [event_id, limit])
        return [codec.audit_event_from_row(r) for r in rows]

    # -- presence -------------------------------------------------------------------

    def _write_mark(self) -> None:
        # A mark is no editorial change: not audited. A file that refuses writes (read
        # only) shows the others' marks and simply makes none.
        try:
            with write_transaction(self._db, self.path):
                self._db.execute("DELETE FROM presence WHERE desk = ?", [self.desk])
                now = time.time()
                if self._mark is not None:
                    article_id, mode, person = self._mark
                    self._db.execute(
                        "INSERT INTO presence (desk, article_id, person, mode, seen_at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        [self.desk, article_id, person, mode, now],
                    )
                # Marks of desks long gone are no use to anyone.
                self._db.execute(
                    "DELETE FROM presence WHERE seen_at < ?", [now - 20 * self._expires_s]
                )
        except StorageError as exc:
            if not self._warned:
                log.warning("no presence mark on %s: %s", self.path, exc)
                self._warned = True

    def set_presence(self, article_id: int | None, mode: PresenceMode, person: str) -> None:
        self._mark = None if article_id is None else (article_id, PresenceMode(mode).value, person)
        self._write_mark()

    def heartbeat(self) -> None:
        if self._mark is not None:
            self._write_mark()

    def presence(self) -> list[Presence]:
        rows = self._rows(
            "SELECT desk, article_id, person, mode FROM presence WHERE seen_at >= ?",
            [time.time() - self._expires_s],
        )
        return sorted(
            Presence(r["article_id"], r["person"], PresenceMode(r["mode"]), r["desk"]) for r in rows
        )

    def close(self) -> None:
        if self._mark is not None:
            self._mark = None
            self._write_mark()  # the mark goes with the desk, not after a timeout
        self._db.close()
