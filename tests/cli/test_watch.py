"""`newsdesk watch` as the web team's scripts run it: a process of its own, started
before other desks (other processes) act, on every engine."""

from __future__ import annotations

import datetime as dt
import json
import queue
import subprocess
import sys
import threading
import time

import pytest

from newsdesk.domain.article import Article, Credit

MEI, TOM, KAI = "Mei Lin", "Tom Reed", "Kai Web"


class Watch:
    """`newsdesk watch ARGS` running; its lines as they come, with when they came."""

    def __init__(self, targets, person: str, *args: str) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", "--db", targets.db(person), "watch", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=targets.env(person),
        )
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.said: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump_lines, daemon=True).start()
        threading.Thread(target=self._pump_said, daemon=True).start()
        ready = self.said.get(timeout=30)
        assert "newsdesk: watching" in ready, ready

    def _pump_lines(self) -> None:
        for line in self.child.stdout:
            self.lines.put((time.monotonic(), line.rstrip("\n")))

    def _pump_said(self) -> None:
        for line in self.child.stderr:
            self.said.put(line.rstrip("\n"))

    def line(self, timeout: float = 10) -> tuple[float, str]:
        return self.lines.get(timeout=timeout)

    def finish(self) -> int:
        try:
            return self.child.wait(timeout=30)
        finally:
            if self.child.poll() is None:
                self.child.kill()


def _newsdesk(targets, person: str, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--db", targets.db(person), *args],
        capture_output=True,
        text=True,
        env=targets.env(person),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def submitted(desk_targets):
    targets = desk_targets({MEI: ["reporter"], TOM: ["producer"], KAI: ["web"]})
    room = targets.open(MEI)
    article = room.create_article(
        Article(
            headline="Night buses return",
            date=dt.date(2026, 9, 14),
            body="Three night lines return on Friday.",
            credits=[Credit("Reporter", (MEI,))],
        ),
        actor=MEI,
    )
    room.transition(article.id, "submit", actor=MEI)
    room.close()
    return targets, article.id


def test_watch_prints_an_approval_made_in_another_process_within_two_seconds(submitted):
    targets, article_id = submitted
    watch = Watch(targets, KAI, "--json", "--count", "1")
    _newsdesk(targets, TOM, "approve", str(article_id))
    approved_at = time.monotonic()
    arrived, line = watch.line()
    assert arrived - approved_at < 2.0
    assert json.loads(line) == {
        "kind": "status",
        "article_id": article_id,
        "revision": 1,
        "status": "approved",
        "actor": TOM,
    }
    assert watch.finish() == 0  # --count 1: done after one


def test_watch_text_lines_and_a_timeout_before_the_count(submitted):
    targets, article_id = submitted
    watch = Watch(targets, KAI, "--count", "3", "--timeout", "4")
    _newsdesk(targets, TOM, "comment", str(article_id), "Is the map current?")
    _, line = watch.line()
    assert line == f"{article_id}\t-\t-\t{TOM}\tcomments"
    assert watch.finish() == 1  # only one of three came within the time
    assert "1 of 3 change(s) within 4 s" in watch.said.get(timeout=5)


def test_a_watch_that_loses_the_server_reads_on_from_where_it_was(request, engine):
    if engine != "postgres":
        pytest.skip("a newsroom file has no connection to lose")
    import psycopg

    pg_server = request.getfixturevalue("pg_server")
    submitted = request.getfixturevalue("submitted")
    targets, article_id = submitted
    watch = Watch(targets, KAI, "--json", "--count", "1")
    # The server ends the watch's session (a restart, a dropped line, an admin).
    with psycopg.connect(pg_server.url, autocommit=True) as admin:
        ended = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE application_name = 'newsdesk desk'"
        ).fetchall()
    assert ended
    _newsdesk(targets, TOM, "approve", str(article_id))  # while it is away
    assert "lost" in watch.said.get(timeout=10)
    _, line = watch.line(timeout=30)
    assert json.loads(line)["status"] == "approved"
    assert watch.finish() == 0
