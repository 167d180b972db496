"""Opening the SQLite file, its pragmas, write transactions and error translation."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from newsdesk.domain.errors import StorageError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path | str) -> sqlite_utils.Database:
    """Open (or create) the database file with the pragmas every connection needs."""
    path = Path(path)
    if path.exists() and path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file")
    if not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create the folder for {path}: {exc.strerror}") from exc
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        # busy_timeout makes concurrent writers wait instead of failing with
        # "database is locked"; WAL lets readers go on while one writer writes.
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            log.warning("journal mode is %s, not WAL, for %s", mode, path)
        # FULL: a committed save survives power loss, not only a process crash.
        db.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        raise StorageError(describe_database_error(path, exc)) from exc
    return db


def describe_database_error(path: Path | str, exc: sqlite3.Error) -> str:
    text = str(exc)
    lowered = text.lower()
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return f"the database {path} is damaged or not a newsdesk database ({text})"
    if "disk is full" in lowered or "disk i/o" in lowered:
        return f"cannot write to {path}: the disk is full or failing ({text})"
    if "readonly" in lowered or "read-only" in lowered:
        return f"cannot write to {path}: the file or its folder is read-only ({text})"
    if "locked" in lowered or "busy" in lowered:
        return f"the database {path} stayed locked by another program ({text})"
    if "unable to open" in lowered:
        return f"cannot open the database {path} ({text})"
    return f"database error in {path}: {text}"


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database, path: Path | str = "") -> Iterator[None]:
    """One unit of work: BEGIN IMMEDIATE ... COMMIT, rolled back whole on any error.

    IMMEDIATE takes the write lock up front, so a read-then-write unit cannot be
    refused half-way with SQLITE_BUSY when another process wrote in between.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():  # nested: a savepoint inside the outer unit
            yield
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
