"""Kill -9 at random moments: every committed save survives, the file stays sound.

A child process (a real Python process, through the Newsroom API like the app) saves
one article in a loop; after each commit returns it prints the revision number. The
parent kills it with SIGKILL at random moments, over and over, including while it is
still opening the database. After every kill the database must open, pass
`integrity_check` and the store's own check (revisions, search index, audit chain),
and hold the last revision the child reported, with exactly the content that
revision was saved with. Each revision's content encodes its number, so a torn or
mixed-up write cannot pass.

Set NEWSDESK_CRASH_SEED to replay a run; a failure message names the seed.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Credit, Person
from newsdesk.domain.status import UserRole
from newsdesk.storage.sqlite.store import SQLiteStore

KILLS = 60
REPORTER = "Ines Moreau"

# Shared by the child and the parent: the content revision `n` is saved with.
CONTENT_SOURCE = """
import random as _random

_WORDS = ("ferry", "tide", "quay", "lantern", "council", "orchard", "barrier", "gull",
          "harbour", "storm", "pier", "net", "crane", "dock", "salt", "beacon")

def body_for(n):
    rng = _random.Random(n)
    paragraphs = [f"Revision {n} of the harbour report."]
    # 0.2 KB to ~24 KB: small saves and saves that span many pages.
    for _ in range(rng.randint(1, 60)):
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 60)))
        paragraphs.append(words.capitalize() + f" ({n})")
    return "\\n\\n".join(paragraphs)

def headline_for(n):
    return f"Harbour report, draft {n}"
"""

CHILD = (
    CONTENT_SOURCE
    + """
import dataclasses, sys
from newsdesk.newsroom import Newsroom

newsroom = Newsroom.open(sys.argv[1])
article = newsroom.article(1)
print("ready", flush=True)
while True:
    n = article.revision + 1
    article = newsroom.save_article(
        dataclasses.replace(article, headline=headline_for(n), body=body_for(n)),
        actor=sys.argv[2],
    )
    # Printed only after save_article returned: the commit is done.
    print(article.revision, flush=True)
"""
)

_content: dict = {}
exec(CONTENT_SOURCE, _content)
body_for = _content["body_for"]
headline_for = _content["headline_for"]


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "crash.db"
    store = SQLiteStore(path)
    try:
        store.add_person(Person(REPORTER, frozenset({UserRole.REPORTER})))
        store.insert_article(
            Article(
                headline=headline_for(1),
                slug="harbour-report",
                body=body_for(1),
                credits=[Credit("Reporter", (REPORTER,))],
            ),
            actor=REPORTER,
        )
    finally:
        store.close()
    return path


def _run_and_kill(db: Path, rng: random.Random) -> list[int]:
    """Start a saving child, SIGKILL it at a random moment; the revisions it reported."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), REPORTER],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if rng.random() < 0.15:
            # Some kills land while the child is still starting or opening the file.
            time.sleep(rng.uniform(0.0, 0.2))
        else:
            ready = child.stdout.readline()
            if ready.strip() != "ready":
                child.kill()
                raise AssertionError(f"the child did not start: {child.stderr.read()}")
            time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        output = child.stdout.read()
        errors = child.stderr.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    # Only a SIGKILL may have ended it: an exception in the child is a failure too.
    assert child.returncode == -signal.SIGKILL, errors
    return [int(line) for line in output.split("\n") if line.strip().isdigit()]


def _verify(db: Path, reported: list[int], previous: int, where: str) -> int:
    """Check the database after a kill; returns its current revision."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
    finally:
        conn.close()
    store = SQLiteStore(db)
    try:
        assert store.check() == [], where
        article = store.get_article(1)
        current = article.revision
        last = reported[-1] if reported else previous
        # The newest reported save is there; at most one more committed whose number
        # the child had no time to print.
        assert last <= current <= last + 1, f"{where}: reported {last}, stored {current}"
        assert article.headline == headline_for(current), where
        assert article.body == body_for(current), where
        saved = store.get_revision(1, last)
        assert saved.body == body_for(last) and saved.headline == headline_for(last), where
        assert [r.revision for r in store.revisions(1)] == list(range(1, current + 1)), where
    finally:
        store.close()
    return current


def test_kill_9_at_random_moments_never_loses_a_committed_save(db):
    seed = int(os.environ.get("NEWSDESK_CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    current = 1
    kills_while_saving = 0
    for kill in range(1, KILLS + 1):
        reported = _run_and_kill(db, rng)
        if reported:
            kills_while_saving += 1
            assert reported == list(range(reported[0], reported[-1] + 1))
            assert reported[0] in (current + 1, current + 2)
        current = _verify(db, reported, current, f"seed {seed}, kill {kill}")
    # The test means something only if most kills hit a child in the middle of saving.
    assert kills_while_saving >= KILLS // 2, f"seed {seed}: {kills_while_saving} kills while saving"
    store = SQLiteStore(db)
    try:
        for revision in range(1, current + 1):
            assert store.get_revision(1, revision).body == body_for(revision), f"seed {seed}"
    finally:
        store.close()
