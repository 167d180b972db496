"""Keeping SQLite's shared-memory file from killing the process.

In WAL mode SQLite maps the `-shm` file (the WAL index) into memory. While a
connection is open that file only grows (SQLite truncates it only when nobody has it
open) and stays writable. If another program cuts it short, or it stops being
writable (a disk remounted read-only, an immutable flag), the next access through the
mapping is a SIGBUS: no error code, no handler, the process dies silently. If it is
replaced or removed, two processes work on two different indexes of one database.

So each connection asks its watch before every statement. The first finding stops
every connection of this process to that database: each is kept open, never closed
(closing touches the mapping too; the operating system frees it at exit, and the next
opener recovers the WAL as after a crash), and every later call raises the same
StorageError, which front ends show like any refusal.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sqlite3
import threading
import weakref
from pathlib import Path

from newsdesk.domain.errors import StorageError
from newsdesk.domain.said import Said

log = logging.getLogger(__name__)

_lock = threading.Lock()
_watches: dict[str, SharedMemoryWatch] = {}


class SharedMemoryWatch:
    """The `-shm` file of one database, as this process's connections mapped it."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(f"{db_path}-shm")
        self.problem = ""
        self._identity: tuple[int, int] | None = None
        self._size = 0
        self._writable = False  # SQLite maps a -shm it cannot write read-only: no risk
        self._connections: weakref.WeakSet[WatchedConnection] = weakref.WeakSet()
        self._kept: list[WatchedConnection] = []
        with contextlib.suppress(OSError):
            self._seen(os.stat(self.path))

    def _seen(self, stat: os.stat_result) -> None:
        if self._identity is None:
            self._writable = os.access(self.path, os.W_OK)
        self._identity = (stat.st_dev, stat.st_ino)
        self._size = max(self._size, stat.st_size)

    @property
    def in_use(self) -> bool:
        return bool(self.problem) or len(self._connections) > 0

    def add(self, conn: WatchedConnection) -> None:
        self._connections.add(conn)

    def discard(self, conn: WatchedConnection) -> None:
        self._connections.discard(conn)

    def check(self) -> None:
        """Raise StorageError when the file is no longer the one mapped."""
        if self.problem:
            raise StorageError(self.problem)
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            if self._identity is None:
                return  # not made yet (a new database): nothing is mapped
            self._fail("removed", "was removed by another program")
        except OSError:
            return  # cannot look (a permission on the folder): SQLite will say
        else:
            if self._identity is None:
                self._seen(stat)
            elif (stat.st_dev, stat.st_ino) != self._identity:
                self._fail("replaced", "was replaced by another program")
            elif stat.st_size < self._size:
                self._fail("truncated", "was truncated by another program")
            elif self._writable and not os.access(self.path, os.W_OK):
                self._fail("read-only", "became read-only")
            else:
                self._seen(stat)

    def _fail(self, how: str, what: str) -> None:
        """`how` names what happened to the file (removed, replaced, truncated,
        read-only) for the app's translation; `what` says it in English."""
        with _lock:
            if not self.problem:
                self.problem = Said(
                    "shared-memory-broken",
                    f"the database's shared-memory file {self.path} {what} while newsdesk"
                    " had it open: newsdesk stops using the database so that it neither"
                    " crashes nor damages it; close newsdesk and start it again",
                    path=self.path,
                    how=how,
                )
                log.error("%s", self.problem)
                for conn in list(self._connections):
                    _keep_open(conn)
                    self._kept.append(conn)
        raise StorageError(self.problem)


def _keep_open(conn: sqlite3.Connection) -> None:
    # Closing (or collecting) the connection would run SQLite's close through the
    # broken mapping: one reference nobody gives back keeps it from ever happening.
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(conn))


def _key(db_path: Path | str) -> str:
    return str(Path(db_path).expanduser().resolve())


def before_connect(db_path: Path | str) -> None:
    """Refuse to open one more connection on an index this process found broken: it
    would share the broken mapping from its first statement on."""
    with _lock:
        watch = _watches.get(_key(db_path))
    if watch is not None and watch.in_use:
        watch.check()


def watch(conn: WatchedConnection, db_path: Path | str) -> None:
    """Watch `conn` from now on (its pragmas have run: the file is mapped)."""
    key = _key(db_path)
    with _lock:
        current = _watches.get(key)
        if current is None or not current.in_use:
            # Nobody here had it open: SQLite maps it afresh (perhaps a new file).
            current = _watches[key] = SharedMemoryWatch(Path(db_path))
    # An index in use here stays the one mapped: SQLite shares one mapping per
    # database file among all connections of a process.
    current.add(conn)
    conn.watch = current


class WatchedConnection(sqlite3.Connection):
    """A connection that asks its watch before each statement (see the module)."""

    watch: SharedMemoryWatch | None = None

    def _check(self) -> None:
        if self.watch is not None:
            self.watch.check()

    def execute(self, *args, **kwargs):
        self._check()
        return super().execute(*args, **kwargs)

    def executemany(self, *args, **kwargs):
        self._check()
        return super().executemany(*args, **kwargs)

    def executescript(self, *args, **kwargs):
        self._check()
        return super().executescript(*args, **kwargs)

    def commit(self) -> None:
        self._check()
        super().commit()

    def close(self) -> None:
        watch = self.watch
        if watch is not None and watch.problem:
            return  # kept open on purpose: see _keep_open
        super().close()
        if watch is not None:
            watch.discard(self)
