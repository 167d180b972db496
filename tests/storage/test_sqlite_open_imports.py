"""The SQLite store opens, reads and saves without importing sqlite-utils (with click,
dateutil and pluggy about 50 ms of CPU at every start); what needs its table API
(a new person, a comment, a migration) still works, loading it then.

Each check runs in a fresh interpreter: this test process has sqlite-utils loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.domain.article import Article
from newsdesk.domain.errors import InvalidInputError
from newsdesk.storage.sqlite.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import dataclasses, json, sys
from newsdesk.domain.query import ArticleQuery
from newsdesk.newsroom import Newsroom

seen = {}
room = Newsroom.open(sys.argv[1])
ids = room.find(ArticleQuery(), limit=100)
seen["listed"] = len(room.summaries(ids))
article = room.article(ids[0])
saved = room.save_article(dataclasses.replace(article, body="Saved again."), actor="Lena Park")
seen["revision"] = saved.revision
seen["after_open_read_save"] = "sqlite_utils" in sys.modules
room.add_person("Omar Diaz", ["producer"])  # the table API: sqlite-utils loads now
seen["people"] = [p.name for p in room.people()]
seen["after_add_person"] = "sqlite_utils" in sys.modules
room.close()
print(json.dumps(seen))
"""


def test_open_list_and_save_need_no_sqlite_utils_and_a_new_person_loads_it(db_path):
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["listed"] == 3
    assert seen["revision"] == 2
    assert seen["after_open_read_save"] is False
    assert seen["people"] == ["Lena Park", "Omar Diaz"]
    assert seen["after_add_person"] is True
    store = SQLiteStore(db_path)  # and all of it is in the file
    try:
        assert [p.name for p in store.people()] == ["Lena Park", "Omar Diaz"]
        assert store.check() == []
    finally:
        store.close()


def test_a_failed_inner_unit_is_undone_alone_when_the_outer_one_goes_on(db_path):
    """Units of work nest as savepoints (connection.write_transaction)."""
    store = SQLiteStore(db_path)
    try:
        with store.transaction():
            store.insert_article(Article(headline="Kept", slug="kept"), actor="Lena Park")
            with pytest.raises(InvalidInputError), store.transaction():
                store.insert_article(Article(headline="Gone", slug="gone"), actor="Lena Park")
                store.insert_article(Article(headline="Taken", slug="s1"), actor="Lena Park")
        assert store.slug_taken("kept") and not store.slug_taken("gone")
        assert store.count() == 4
        assert store.check() == []
    finally:
        store.close()


def test_closing_a_store_twice_is_harmless(db_path, caplog):
    """A second close() (a front end closing what a fixture or a window closed already)
    reads nothing from the file, whose shared-memory file is gone by then."""
    store = SQLiteStore(db_path)
    store.ensure_writable()  # the clean check a close would renew
    store.insert_article(Article(headline="One more", slug="one-more"), actor="Lena Park")
    store.close()
    store.close()
    assert [r for r in caplog.records if r.levelname == "ERROR"] == []
    store = SQLiteStore(db_path)
    try:
        assert store.count() == 4
    finally:
        store.close()
