"""Two real processes save at once: no "database is locked", no lost revision, on
every engine (on a server each writer connects with their own login).

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

import pytest

from newsdesk.domain.article import Article, Person
from newsdesk.domain.status import UserRole
from newsdesk.newsroom import Newsroom
from newsdesk.storage.open import open_store

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
def db(request, engine, tmp_path) -> dict[str | None, str]:
    """Where each writer connects (key None: the owner, who checks the result)."""
    if engine == "sqlite":
        path = str(tmp_path / "shared.db")
        targets: dict[str | None, str] = {name: path for name in WRITERS}
        targets[None] = path
        store = open_store(path)
        try:
            for name in WRITERS:
                store.add_person(Person(name, frozenset({UserRole.REPORTER})))
        finally:
            store.close()
    else:
        server = request.getfixturevalue("pg_newsroom")
        for name in WRITERS:
            server.add_person(name, ["reporter"])
        targets = {name: server.url_as(name) for name in WRITERS}
        targets[None] = server.url
    for name, article_id, slug, body in [
        ("Ines Moreau", SHARED_ID, "winter-ferries", FIRST_LINE),
        *((name, own_id, f"notebook-{own_id}", name) for name, own_id in WRITERS.items()),
    ]:
        desk = Newsroom.open(targets[name])
        try:
            headline = "Winter ferries" if article_id == SHARED_ID else f"Notebook of {name}"
            stored = desk.store.insert_article(
                Article(headline=headline, slug=slug, body=body), actor=name
            )
            assert stored.id == article_id
        finally:
            desk.close()
    return targets


def _run_writers(db: dict[str | None, str]) -> dict[str, list[str]]:
    children = {
        name: subprocess.Popen(
            [sys.executable, "-c", WRITER, db[name], name, str(own_id), str(SAVES)],
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
    store = open_store(db[None])
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
