"""Trying a database in a child process before this process opens it.

A file system that cannot back SQLite's shared memory (some network shares, FUSE,
virtiofs) kills the process that touches the mapping with SIGBUS. The app tries the
database in a child first: there such a death is only a finding, said in words. The
same try tells a database that can be read but not written.
"""

from __future__ import annotations

import logging
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from newsdesk.domain.said import Said
from newsdesk.storage.sqlite.connection import describe_database_error

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 30

# Run by the same Python (so the same SQLite), standard library only.
_PROBE = """
import sqlite3, sys
try:
    conn = sqlite3.connect(sys.argv[1], timeout=2)
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
except sqlite3.Error as exc:
    print("open", exc)
    sys.exit()
try:
    # A write lock alone succeeds on a read-only file: change a page (to what it
    # holds already), then roll back; nothing reaches the file.
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(f"PRAGMA user_version = {int(version)}")
    conn.execute("ROLLBACK")
except sqlite3.Error as exc:
    print("write", exc)
    sys.exit()
print("ok")
"""


@dataclass(frozen=True)
class DatabaseAccess:
    """What a probe found: `problem` when the database cannot be used at all,
    `read_only` when it can be read but not written ("" when neither)."""

    problem: str = ""
    read_only: str = ""


def probe_database(path: Path | str) -> DatabaseAccess:
    """Open, read and begin a write on the database at `path` in a child process.

    A database that does not exist yet is fine: it is made on first open.
    """
    path = Path(path)
    if not path.is_file():
        return DatabaseAccess()
    try:
        child = subprocess.run(
            [sys.executable, "-I", "-c", _PROBE, str(path)],
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT_S,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("could not try %s in a child process: %s", path, exc)
        return DatabaseAccess()
    if child.returncode < 0:
        name = signal.Signals(-child.returncode).name
        problem = Said(
            "shared-memory-unusable",
            f"the database {path} cannot be used: reading it killed the process that"
            f" tried ({name}), because SQLite cannot map its shared-memory file"
            f" {path}-shm. The folder is probably on a file system without shared memory"
            " maps (a network share, FUSE, virtiofs), or another program keeps changing"
            " that file: move the database to a local folder",
            path=path,
            signal=name,
        )
        log.error("%s", problem)
        return DatabaseAccess(problem=problem)
    stage, _, text = child.stdout.strip().partition(" ")
    if stage == "open":
        return DatabaseAccess(problem=describe_database_error(path, sqlite3.Error(text)))
    if stage == "write" and "locked" not in text and "busy" not in text:
        message = describe_database_error(path, sqlite3.Error(text))
        log.warning("%s", message)
        return DatabaseAccess(read_only=message)
    if stage not in ("ok", "write"):
        log.warning("trying %s said: %s %s", path, child.stdout, child.stderr)
    return DatabaseAccess()
