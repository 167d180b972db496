"""A desk's line to a newsroom file: PRAGMA data_version polls and presence heartbeats.

`PRAGMA data_version` changes on this connection whenever any other connection (this
process's store, another app, the CLI) commits to the file. Presence is a row per desk
with the time of its last heartbeat: a desk whose heartbeat stopped (killed, or its
machine off the network share) drops out after EXPIRES_S.

The channel asks SQLite only when the files say something was written: every commit
changes the size or modification time of the database or its `-wal` file, and an
`os.stat` never touches SQLite's shared-memory mapping. That matters beyond cost: a
statement that runs just as another program cuts the `-shm` file short dies of
SIGBUS however carefully it was checked before (shared_memory.py), so a feed that ran
a statement ten times a second turned such a cut into a crash about one time in ten.
Now an idle desk runs one every SURE_S, in case a file system's times are too coarse
to tell two commits of the same size apart, and others' marks expire from the rows
last read, by their own times.
"""

from __future__ import annotations

import logging
import os
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
SURE_S = 10.0  # SQLite is asked at least this often, whatever the files say


class SQLiteChannel:
    def __init__(self, path: Path | str, *, expires_s: float = EXPIRES_S) -> None:
        self.path = str(path)
        self.desk = secrets.token_hex(6)
        self._expires_s = expires_s
        self._db = connect(path)
        self._warned = False
        self._mark: tuple[int, str, str] | None = None
        # Each reader's look at the files when it last asked SQLite (see _unchanged):
        # always taken before asking, so a commit in between is seen the next time.
        self._looked: dict[str, tuple[tuple, float]] = {}
        self._unchanged("version")
        self._version = self._data_version()
        self._newest_read: int | None = None
        self._marks: list[dict] = []

    def _failure(self, exc: sqlite3.Error) -> StorageError:
        return StorageError(describe_database_error(self.path, exc))

    def _data_version(self) -> int:
        try:
            return self._db.read("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc

    def _file_signature(self) -> tuple:
        signature = []
        for name in (self.path, f"{self.path}-wal"):
            try:
                stat = os.stat(name)
            except OSError:
                signature.append(None)
            else:
                signature.append((stat.st_ino, stat.st_size, stat.st_mtime_ns))
        return tuple(signature)

    def _unchanged(self, reader: str) -> bool:
        """Whether nothing was written to the files since `reader` last asked SQLite
        (and it asked less than SURE_S ago); if not, this look is remembered as its
        last one."""
        files, now = self._file_signature(), time.monotonic()
        looked = self._looked.get(reader)
        if looked is not None and looked[0] == files and now < looked[1]:
            return True
        self._looked[reader] = (files, now + SURE_S)
        return False

    def wait(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if not self._unchanged("version"):
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
            cursor = self._db.read(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.Error as exc:
            raise self._failure(exc) from exc

    def newest_event_id(self) -> int:
        return self._rows("SELECT coalesce(max(id), 0) AS id FROM audit", [])[0]["id"]

    def events_after(self, event_id: int, limit: int = 500) -> list[AuditEvent]:
        if self._newest_read is not None and event_id >= self._newest_read:
            if self._unchanged("events"):
                return []  # nothing written since a read that found no more
        else:
            self._unchanged("events")  # this read is the one to compare with
        rows = self._rows("SELECT * FROM audit WHERE id > ? ORDER BY id LIMIT ?", [event_id, limit])
        events = [codec.audit_event_from_row(r) for r in rows]
        # A full batch leaves more to read: the next call asks SQLite whatever the files.
        if len(events) == limit:
            self._newest_read = None
        else:
            self._newest_read = events[-1].id if events else event_id
        return events

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
        mark = None if article_id is None else (article_id, PresenceMode(mode).value, person)
        if mark == self._mark and mark is not None:
            # Set again (each time the desk applies its permissions): the heartbeat
            # keeps it. A write here would be one more commit for every desk to hear,
            # and one more moment when a -shm file cut short is a SIGBUS.
            return
        self._mark = mark
        self._write_mark()

    def heartbeat(self) -> None:
        if self._mark is not None:
            self._write_mark()

    def presence(self) -> list[Presence]:
        if not self._unchanged("marks"):
            self._marks = self._rows(
                "SELECT desk, article_id, person, mode, seen_at FROM presence", []
            )
        fresh = time.time() - self._expires_s
        return sorted(
            Presence(r["article_id"], r["person"], PresenceMode(r["mode"]), r["desk"])
            for r in self._marks
            if r["seen_at"] >= fresh
        )

    def close(self) -> None:
        if self._mark is not None:
            self._mark = None
            self._write_mark()  # the mark goes with the desk, not after a timeout
        self._db.close()
