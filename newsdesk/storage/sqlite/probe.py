"""Trying a database in a child process before this process opens it.

A file system that cannot back SQLite's shared memory (some network shares, FUSE,
virtiofs) kills the process that touches the mapping with SIGBUS. The app tries the
database in a child first: there such a death is only a finding, said in words. The
same try tells a database that can be read but not written.

The app starts the try (`start_probe`) before it imports its window, and reads its
answer when it opens the database: the child runs on another core meanwhile.
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


class ProbeRun:
    """A try under way in a child process; `result()` waits for what it found."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._child: subprocess.Popen | None = None
        self._access: DatabaseAccess | None = None
        if not self.path.is_file():
            # A database that does not exist yet is fine: it is made on first open.
            self._access = DatabaseAccess()
            return
        try:
            self._child = subprocess.Popen(
                # -S: no site-packages (the probe is standard library only): half
                # the child's CPU (35 to 19 ms), on a start that shares the machine.
                [sys.executable, "-I", "-S", "-c", _PROBE, str(self.path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        except OSError as exc:
            log.warning("could not try %s in a child process: %s", self.path, exc)
            self._access = DatabaseAccess()

    @classmethod
    def nothing_to_try(cls) -> ProbeRun:
        """A run that found nothing wrong without trying (a server guards its files)."""
        run = cls.__new__(cls)
        run.path, run._child, run._access = None, None, DatabaseAccess()
        return run

    def result(self) -> DatabaseAccess:
        if self._access is None:
            self._access = self._finish()
        return self._access

    def _finish(self) -> DatabaseAccess:
        child = self._child
        assert child is not None
        try:
            stdout, stderr = child.communicate(timeout=PROBE_TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            child.kill()
            child.communicate()
            log.warning("could not try %s in a child process: %s", self.path, exc)
            return DatabaseAccess()
        return _found(self.path, child.returncode, stdout, stderr)


def start_probe(path: Path | str) -> ProbeRun:
    """Start opening, reading and beginning a write on the database at `path` in a
    child process; the run's `result()` is what it found."""
    return ProbeRun(path)


def probe_database(path: Path | str) -> DatabaseAccess:
    """Open, read and begin a write on the database at `path` in a child process.

    A database that does not exist yet is fine: it is made on first open.
    """
    return start_probe(path).result()


def _found(path: Path, returncode: int, stdout: str, stderr: str) -> DatabaseAccess:
    # Here, not at the top: the app starts a probe before it imports SQLite's store.
    from newsdesk.storage.sqlite.connection import describe_database_error

    if returncode < 0:
        name = signal.Signals(-returncode).name
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
    stage, _, text = stdout.strip().partition(" ")
    if stage == "open":
        return DatabaseAccess(problem=describe_database_error(path, sqlite3.Error(text)))
    if stage == "write" and "locked" not in text and "busy" not in text:
        message = describe_database_error(path, sqlite3.Error(text))
        log.warning("%s", message)
        return DatabaseAccess(read_only=message)
    if stage not in ("ok", "write"):
        log.warning("trying %s said: %s %s", path, stdout, stderr)
    return DatabaseAccess()
