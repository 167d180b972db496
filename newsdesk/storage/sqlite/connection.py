"""Opening the SQLite file, its pragmas, write transactions and error translation.

Every connection is watched (shared_memory.py), so a WAL index that another program
breaks ends in a StorageError, not in a SIGBUS; errors name the real cause, asking
the file system when SQLite only says "disk I/O error".
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.domain.errors import StorageError
from newsdesk.domain.said import Said
from newsdesk.storage.sqlite import shared_memory

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


class Database:
    """One newsroom file's connection, with sqlite-utils' Database on it built when
    first used: importing sqlite-utils (click, dateutil and pluggy with it) is about
    50 ms of CPU, which opening a newsroom and reading its first screen do not need.

    sqlite-utils' `execute` is the connection's own `execute` but for one thing: a
    statement outside a transaction that opens one implicitly (INSERT, UPDATE,
    DELETE) is committed, or rolled back when it fails. So `read` (a statement that
    writes nothing) and `execute` inside a unit of work (write_transaction: BEGIN
    IMMEDIATE, or a savepoint) run on the connection itself, so opening, reading and
    saving an article never import sqlite-utils; `execute` outside a unit of work and
    the tables' API (insert, upsert, create: people, comments, migrations) are
    sqlite-utils' own.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: sqlite_utils.Database | None = None
        self._closed = False

    @property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils' Database on this connection (built, and imported, once)."""
        if self._utils is None:
            import sqlite_utils

            # No sqlite-utils plugins: finding them scans every installed package's
            # entry points (16 ms), and none is meant to run on a newsroom. Recursive
            # triggers are on already (connect()).
            self._utils = sqlite_utils.Database(
                self.conn, execute_plugins=False, recursive_triggers=False
            )
        return self._utils

    def read(self, sql: str, parameters: Sequence | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run `sql`, a statement that writes nothing (SELECT, a reading PRAGMA)."""
        if self._closed:
            # What sqlite-utils' execute raised here (before the connection's execute,
            # whose shared-memory watch would take the file gone since for damage).
            raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
        return self.conn.execute(sql, parameters)

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None):
        if self.conn.in_transaction:  # nothing for sqlite-utils to commit or roll back
            return self.conn.execute(sql, () if parameters is None else parameters)
        return self.utils.execute(sql, parameters)

    def __getitem__(self, table: str):
        return self.utils[table]

    def __getattr__(self, name: str):  # the rest of sqlite-utils' Database API
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)

    def close(self) -> None:
        self._closed = True
        self.conn.close()


def connect(path: Path | str) -> Database:
    """Open (or create) the database file with the pragmas every connection needs."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StorageError(
            Said("database-is-a-folder", f"{path} is a folder, not a database file", path=path)
        )
    if not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                Said(
                    "cannot-create-folder",
                    f"cannot create the folder for {path}: {exc.strerror}",
                    path=path,
                    detail=exc.strerror,
                )
            ) from exc
    shared_memory.before_connect(path)  # a broken index must not be touched, even once
    try:
        conn = sqlite3.connect(
            str(path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
            factory=shared_memory.WatchedConnection,
        )
        # Pragmas open no transaction: the connection runs them as sqlite-utils would.
        # Recursive triggers: what sqlite-utils' Database turns on for a connection.
        conn.execute("PRAGMA recursive_triggers = ON")
        # busy_timeout makes concurrent writers wait instead of failing with
        # "database is locked"; WAL lets readers go on while one writer writes.
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            log.warning("journal mode is %s, not WAL, for %s", mode, path)
        # FULL: a committed save survives power loss, not only a process crash.
        conn.execute("PRAGMA synchronous = FULL")
        db = Database(conn)
    except sqlite3.DatabaseError as exc:
        raise StorageError(describe_database_error(path, exc)) from exc
    shared_memory.watch(conn, path)
    return db


def _read_only_reason(path: Path) -> Said | None:
    """Why nothing can be written at `path` (None when nothing says so)."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return Said("read-only-file-system", "it is on a read-only file system")
    except OSError:
        return None
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists() and not os.access(name, os.W_OK):
            return Said("read-only-file", f"{name.name} is read-only", file=name.name)
    if not os.access(path.parent, os.W_OK):
        return Said("read-only-folder", "its folder is read-only")
    return None


def _disk_full(path: Path) -> bool:
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except OSError:
        return False


def describe_database_error(path: Path | str, exc: sqlite3.Error) -> Said:
    """What went wrong with the database, named (the app translates it by name);
    `detail` is SQLite's own English, kept for the log and the CLI."""
    text = str(exc)
    lowered = text.lower()
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return Said(
            "database-damaged",
            f"the database {path} is damaged or not a newsdesk database ({text})",
            path=path,
            detail=text,
        )
    if "readonly" in lowered or "read-only" in lowered or "disk i/o" in lowered:
        # SQLite says "disk I/O error" for a write the file system refuses, too: ask
        # the file system, so a read-only database is never reported as a full disk.
        reason = _read_only_reason(Path(path))
        if reason:
            return Said(
                "database-read-only-because",
                f"cannot write to {path}: the database is read-only, {reason} ({text})",
                path=path,
                reason=reason,
                detail=text,
            )
    if "readonly" in lowered or "read-only" in lowered:
        return Said(
            "database-read-only",
            f"cannot write to {path}: the database is read-only ({text})",
            path=path,
            detail=text,
        )
    if "disk is full" in lowered or ("disk i/o" in lowered and _disk_full(Path(path))):
        return Said(
            "disk-full",
            f"cannot write to {path}: the disk is full ({text})",
            path=path,
            detail=text,
        )
    if "disk i/o" in lowered:
        return Said(
            "disk-failing",
            f"cannot read or write {path}: the disk is failing or was removed ({text})",
            path=path,
            detail=text,
        )
    if "locked" in lowered or "busy" in lowered:
        return Said(
            "database-locked",
            f"the database {path} stayed locked by another program ({text})",
            path=path,
            detail=text,
        )
    if "unable to open" in lowered:
        return Said(
            "database-cannot-open",
            f"cannot open the database {path} ({text})",
            path=path,
            detail=text,
        )
    return Said("database-error", f"database error in {path}: {text}", path=path, detail=text)


@contextlib.contextmanager
def write_transaction(db: Database, path: Path | str = "") -> Iterator[None]:
    """One unit of work: BEGIN IMMEDIATE ... COMMIT, rolled back whole on any error.

    IMMEDIATE takes the write lock up front, so a read-then-write unit cannot be
    refused half-way with SQLITE_BUSY when another process wrote in between.
    """
    conn = db.conn
    if conn.in_transaction:  # nested: a savepoint inside the outer unit
        yield from _savepoint(conn)
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StorageError(describe_database_error(path, exc)) from exc
    try:
        yield
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StorageError(describe_database_error(path, exc)) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StorageError(describe_database_error(path, exc)) from exc


def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """A nested unit of work, as sqlite-utils' `atomic()` makes one inside a transaction
    (here without importing sqlite-utils on every save's path): rolled back to its
    start on any error, unless the error already ended the whole transaction (a
    RAISE(ROLLBACK) trigger), when there is no savepoint left to name."""
    name = f"newsdesk_{secrets.token_hex(8)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            conn.execute(f"RELEASE SAVEPOINT {name}")
        raise
    conn.execute(f"RELEASE SAVEPOINT {name}")
