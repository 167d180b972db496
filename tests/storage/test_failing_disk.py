"""A failing disk ends in a message, never in a signal death or a wrong diagnosis.

SQLite maps the WAL's shared-memory file; when another program cuts it short or the
file stops being writable, the next access through the mapping is a SIGBUS. These run
the store in a child process, so that on failure the child dies, not the test run.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsdesk.domain.article import Article
from newsdesk.newsroom import Newsroom
from newsdesk.storage.sqlite import connection, probe
from newsdesk.storage.sqlite.connection import describe_database_error
from newsdesk.storage.sqlite.probe import DatabaseAccess, probe_database

ROOT = Path(__file__).resolve().parents[2]

# Opens the newsroom, lets the parent break the -shm file, then reads and writes.
CHILD = textwrap.dedent(
    """
    import dataclasses, sys
    from newsdesk.domain.errors import NewsdeskError
    from newsdesk.newsroom import Newsroom
    room = Newsroom.open(sys.argv[1])
    article = room.article(1)
    print("open", flush=True)
    sys.stdin.readline()  # the parent breaks the file now
    for what, step in (
        ("read", lambda: room.article(1)),
        ("write", lambda: room.save_article(
            dataclasses.replace(article, body="after"), actor="Mei Lin")),
    ):
        try:
            step()
            print(what, "ok", flush=True)
        except NewsdeskError as exc:
            print(what, "refused:", exc, flush=True)
    """
)


def _newsroom(tmp_path: Path) -> Path:
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    room.create_article(Article(headline="Ferry timetable changes", body="x"), actor="Mei Lin")
    room.close()
    return db


def _run_child(db: Path, break_it) -> tuple[int, list[str]]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout.readline().strip() == "open"
    break_it(Path(f"{db}-shm"))
    out, _ = child.communicate("go\n", timeout=60)
    return child.returncode, out.splitlines()


def test_a_shared_memory_file_cut_short_is_refused_not_a_sigbus(tmp_path):
    db = _newsroom(tmp_path)
    code, lines = _run_child(db, lambda shm: os.truncate(shm, 0))
    assert code == 0, f"the child died of {signal.Signals(-code).name}" if code < 0 else lines
    assert lines[0].startswith("read refused:") and "shared-memory file" in lines[0]
    assert "truncated" in lines[0]
    assert lines[1].startswith("write refused:")
    room = Newsroom.open(db)  # nothing was half-written
    assert room.article(1).body == "x" and room.article(1).revision == 1
    room.close()


def test_a_shared_memory_file_that_turns_read_only_is_refused_not_a_sigbus(tmp_path, read_only):
    db = _newsroom(tmp_path)
    code, lines = _run_child(db, lambda shm: read_only(shm, running=True))
    assert code == 0, f"the child died of {signal.Signals(-code).name}" if code < 0 else lines
    assert "read-only" in lines[0] and "shared-memory file" in lines[0]


def test_a_wal_that_refuses_writes_is_called_read_only_not_a_full_disk(tmp_path, read_only):
    db = tmp_path / "t.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    read_only(Path(f"{db}-wal"), running=True)
    with pytest.raises(sqlite3.Error) as raised:
        conn.execute("INSERT INTO t VALUES (1)")
        conn.commit()
    message = describe_database_error(db, raised.value)
    conn.close()
    assert "disk I/O" in str(raised.value)  # what SQLite says
    assert "read-only" in message and "full" not in message  # what we say


def test_io_errors_are_told_apart_by_the_file_system(tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    db.write_bytes(b"")
    io_error = sqlite3.OperationalError("disk I/O error")

    class Vfs:
        def __init__(self, flag: int, free: int) -> None:
            self.f_flag, self.f_bavail = flag, free

    monkeypatch.setattr(connection.os, "statvfs", lambda _p: Vfs(os.ST_RDONLY, 100))
    assert "read-only file system" in describe_database_error(db, io_error)
    monkeypatch.setattr(connection.os, "statvfs", lambda _p: Vfs(0, 0))
    assert "the disk is full" in describe_database_error(db, io_error)
    monkeypatch.setattr(connection.os, "statvfs", lambda _p: Vfs(0, 100))
    assert "failing" in describe_database_error(db, io_error)


def test_the_probe_finds_a_read_only_database(tmp_path, read_only):
    db = _newsroom(tmp_path)
    assert probe_database(db) == DatabaseAccess()
    sidecars = [p for p in (Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]
    read_only(db, *sidecars)
    access = probe_database(db)
    assert not access.problem
    assert "read-only" in access.read_only


def test_the_probe_reports_a_child_killed_by_the_file_system(tmp_path, monkeypatch):
    db = _newsroom(tmp_path)
    # What a file system without shared memory maps does to the process that reads.
    monkeypatch.setattr(probe, "_PROBE", f"import os; os.kill(os.getpid(), {signal.SIGBUS})")
    access = probe_database(db)
    assert "SIGBUS" in access.problem and "shared-memory file" in access.problem


def test_the_probe_leaves_a_missing_database_alone(tmp_path):
    assert probe_database(tmp_path / "new.db") == DatabaseAccess()
    assert not (tmp_path / "new.db").exists()
