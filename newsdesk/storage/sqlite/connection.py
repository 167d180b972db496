"""Opening the SQLite file, its pragmas, write transactions and error translation.

Every connection is watched (shared_memory.py), so a WAL index that another program
breaks ends in a StorageError, not in a SIGBUS; errors name the real cause, asking
the file system when SQLite only says "disk I/O error".
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from newsdesk.domain.errors import StorageError
from newsdesk.domain.said import Said
from newsdesk.storage.sqlite import shared_memory

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path | str) -> sqlite_utils.Database:
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
        # No sqlite-utils plugins: finding them scans every installed package's entry
        # points (16 ms of every start), and none is meant to run on a newsroom.
        db = sqlite_utils.Database(conn, execute_plugins=False)
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
