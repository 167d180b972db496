"""Two real processes save at once: no "database is locked", no lost revision.

Each writer appends its own numbered line to one shared article and to its own
article, through the Newsroom API like the app and the CLI. A save based on a stale
revision raises ConflictError; the writer then reloads and applies its change again
on top of the newer text (a user choosing to keep both versions), so every line of
both writers must end up in the article, each once, and each revision must be the
previous one plus exactly one line.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Person
from newsdesk.domain.status import UserRole
from newsdesk.storage.sqlite.store import SQLiteStore

SAVES = 150
WRITERS = {"Ines Moreau": 2, "Tariq Haddad": 3}  # writer -> their own article's id
SHARED_ID = 1
FIRST_LINE = "Ferry timetable for the winter season."

WRITER = """
import dataclasses, sys, time
from newsdesk.domain.errors import ConflictError
from newsdesk.newsroom import Newsroom

db, name, own_id, saves = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
newsroom = Newsroom.open(db)
conflicts = 0

def append(article_id, line):
    global conflicts
    while True:
        article = newsroom.article(article_id)
        changed = dataclasses.replace(article, body=article.body + "\\n\\n" + line)
        try:
            return newsroom.save_article(changed, actor=name)
        except ConflictError:
            # Someone saved first: keep their text and put this change on top of it.
            conflicts += 1

print("ready", flush=True)
sys.stdin.readline()  # both writers start together
for k in range(saves):
    line = f"{name} edit {k}."
    saved = append(1, line)
    print(f"shared {saved.revision} {k}", flush=True)
    saved = append(own_id, line)
    print(f"own {saved.revision} {k}", flush=True)
    # SQLite's busy handler backs off in steps, so a writer that never pauses can hold
    # the lock for its whole run; people (and autosave) pause between saves.
    time.sleep(0.002)
print(f"conflicts {conflicts}", flush=True)
newsroom.close()
"""


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "shared.db"
    store = SQLiteStore(path)
    try:
        for name in WRITERS:
            store.add_person(Person(name, frozenset({UserRole.REPORTER})))
        store.insert_article(
            Article(headline="Winter ferries", slug="winter-ferries", body=FIRST_LINE),
            actor="Ines Moreau",
        )
        for name, own_id in WRITERS.items():
            stored = store.insert_article(
                Article(headline=f"Notebook of {name}", slug=f"notebook-{own_id}", body=name),
                actor=name,
            )
            assert stored.id == own_id
    finally:
        store.close()
    return path


def _run_writers(db: Path) -> dict[str, list[str]]:
    children = {
        name: subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), name, str(own_id), str(SAVES)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, own_id in WRITERS.items()
    }
    try:
        for child in children.values():
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
        for child in children.values():
            child.stdin.write("go\n")
            child.stdin.flush()
        results = {name: child.communicate(timeout=240) for name, child in children.items()}
    finally:
        for child in children.values():
            if child.poll() is None:
                child.kill()
                child.wait()
    for name, child in children.items():
        _out, err = results[name]
        assert "locked" not in err.lower(), err
        assert child.returncode == 0 and err == "", f"{name} failed:\n{err}"
    return {name: out.splitlines() for name, (out, _err) in results.items()}


def test_two_processes_saving_at_once_lose_nothing(db):
    output = _run_writers(db)
    store = SQLiteStore(db)
    try:
        assert store.check() == []
        bodies = {}
        authors = []
        for name, lines in output.items():
            assert lines[-1].startswith("conflicts ")
            shared = [line.split() for line in lines if line.startswith("shared ")]
            own = [line.split() for line in lines if line.startswith("own ")]
            assert [int(k) for _, _, k in shared] == list(range(SAVES))
            # Every reported save exists, with this writer's line as its newest line.
            for _, revision, k in shared:
                body = store.get_revision(SHARED_ID, int(revision)).body
                assert body.endswith(f"\n\n{name} edit {k}."), (name, revision)
                bodies[int(revision)] = body
            # The writer's own article: one revision per save, in order, none lost.
            assert [int(r) for _, r, _ in own] == list(range(2, SAVES + 2))
            for _, revision, k in own:
                assert store.get_revision(WRITERS[name], int(revision)).body.endswith(
                    f"{name} edit {k}."
                )

        # The shared article: contiguous revisions, one per successful save ...
        revisions = [r.revision for r in store.revisions(SHARED_ID)]
        assert revisions == list(range(1, 2 * SAVES + 2))
        assert sorted(bodies) == revisions[1:]
        # ... each the previous text plus exactly one line (nothing overwritten) ...
        previous = FIRST_LINE
        for revision in revisions[1:]:
            body = store.get_revision(SHARED_ID, revision).body
            head, _, line = body.rpartition("\n\n")
            assert head == previous, f"revision {revision} lost text"
            authors.append(line.split(" edit ")[0])
            previous = body
        # ... and every line of both writers is in the final text, once.
        final = store.get_article(SHARED_ID).body
        for name in WRITERS:
            for k in range(SAVES):
                assert final.count(f"{name} edit {k}.") == 1
        # The writers really did save at the same time: their revisions interleave.
        switches = sum(1 for a, b in itertools.pairwise(authors) if a != b)
        assert switches >= 2, "the two writers never overlapped"
    finally:
        store.close()
