"""What only the SQLite engine has: the file, its schema version, its audit chain."""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk.domain.article import Article, Person
from newsdesk.domain.errors import StorageError
from newsdesk.domain.status import UserRole
from newsdesk.storage.sqlite.schema import SCHEMA_VERSION
from newsdesk.storage.sqlite.store import SQLiteStore


def test_schema_is_versioned_and_wal(db_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_everything(db_path):
    store = SQLiteStore(db_path)
    assert store.count() == 3
    assert store.check() == []


def test_newer_schema_is_refused_clearly(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer newsdesk"):
        SQLiteStore(db_path)


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"These are my notes, not a database.\n" * 200)
    with pytest.raises(StorageError, match="damaged or not a newsdesk database"):
        SQLiteStore(bad)
    assert bad.read_bytes().startswith(b"These are my notes")


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        ("UPDATE audit SET comment = 'nothing to see' WHERE id = 2", "was changed"),
        ("DELETE FROM audit WHERE id = 2", "removed or reordered"),
        ("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)", "newest audit entries"),
        (
            "UPDATE audit SET id = -id WHERE id IN (2, 3);"
            "UPDATE audit SET id = CASE id WHEN -2 THEN 3 ELSE 2 END WHERE id < 0",
            "removed or reordered",
        ),
    ],
)
def test_check_detects_a_tampered_audit_log(db_path, tamper, expected):
    conn = sqlite3.connect(db_path)
    conn.executescript(tamper)
    conn.commit()
    conn.close()
    problems = SQLiteStore(db_path).check()
    assert any(expected in p for p in problems), problems


def test_check_reports_a_missing_revision(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM revisions WHERE article_id = 1")
    conn.commit()
    conn.close()
    problems = SQLiteStore(db_path).check()
    assert any("article 1: revision 1 is not stored" in p for p in problems)


def test_failed_unit_of_work_leaves_nothing_behind(db_path):
    store = SQLiteStore(db_path)
    before = store.audit_events()

    class Boom(Exception):
        pass

    with pytest.raises(Boom), store._write():
        store.db.execute("UPDATE articles SET headline = 'half' WHERE id = 1")
        raise Boom
    assert store.get_article(1).headline == "Story 0"
    assert store.audit_events() == before


def _v2_database(path) -> None:
    """A newsroom file as newsdesk wrote it at schema version 2 (before summaries,
    keywords and the content time)."""
    import sqlite_utils

    from newsdesk.storage import codec
    from newsdesk.storage.audit_chain import GENESIS, entry_hash
    from newsdesk.storage.sqlite.schema import MIGRATIONS

    db = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:2]:
        migration(db)
    db.execute("PRAGMA user_version = 2")
    article = Article(headline="Night trains return to the valley", slug="night-trains", id=1)
    row = codec.article_to_row(article)
    for column in ("summary", "keywords", "content_updated_at", "content_updated_by"):
        del row[column]
    row.update(revision=1, created_by="Lena Park", status="draft", updated_by="Lena Park")
    row.update(created_at="2025-01-02T03:04:05+00:00", updated_at="2025-01-02T03:04:05+00:00")
    db["articles"].insert(row)
    db["revisions"].insert(
        {
            "article_id": 1,
            "revision": 1,
            "saved_at": "2025-01-02T03:04:05+00:00",
            "saved_by": "Lena Park",
            "status": "draft",
            "note": "created",
            "data": codec.pack_revision(article),
        }
    )
    entry = {
        "id": 1,
        "article_id": 1,
        "at": "2025-01-02T03:04:05+00:00",
        "actor": "Lena Park",
        "action": "create",
        "from_status": None,
        "to_status": "draft",
        "revision": 1,
        "comment": "",
    }
    entry["prev_hash"] = GENESIS
    entry["hash"] = entry_hash(entry, GENESIS)
    db["audit"].insert(entry)
    db["settings"].insert({"key": "audit_head", "value": entry["hash"]})
    db.execute(
        "INSERT INTO articles_fts (rowid, headline, kicker, body, credits)"
        " VALUES (1, 'Night trains return to the valley', '', '', '')"
    )
    db.conn.commit()
    db.close()


def test_a_version_2_newsroom_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    _v2_database(path)
    store = SQLiteStore(path)
    try:
        article = store.get_article(1)
        assert (article.summary, article.keywords) == ("", [])
        assert article.content_updated_by == "Lena Park"
        assert article.content_updated_at.isoformat() == "2025-01-02T03:04:05+00:00"
        from newsdesk.domain.query import ArticleQuery

        assert store.article_ids(ArticleQuery(search="valley")) == [1]  # reindexed
        assert store.check() == []
        assert store.get_revision(1, 1).keywords == []  # an old revision has none
    finally:
        store.close()


def test_two_entries_can_never_chain_onto_the_same_audit_entry(db_path):
    conn = sqlite3.connect(db_path)
    last = conn.execute("SELECT * FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    names = [d[0] for d in conn.execute("SELECT * FROM audit LIMIT 0").description]
    fork = dict(zip(names, last, strict=True))
    fork["id"] += 100
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            f"INSERT INTO audit ({', '.join(fork)}) VALUES ({', '.join('?' * len(fork))})",
            list(fork.values()),
        )


def test_a_sqlite_utils_plugin_never_runs_on_the_newsroom_file(db_path):
    """Any installed package can declare a sqlite-utils plugin that runs on every
    connection sqlite-utils opens (prepare_connection); finding them scans every
    installed package at each start. The newsroom's connections run none."""
    import sqlite_utils
    from sqlite_utils.plugins import pm

    touched = []

    class Plugin:
        @sqlite_utils.hookimpl
        def prepare_connection(self, conn):
            touched.append(conn)

    plugin = Plugin()
    pm.register(plugin, name="newsdesk-test-plugin")
    try:
        store = SQLiteStore(db_path)
        assert store.count() == 3
        # A new person goes through sqlite-utils' table API: its Database is built now.
        store.add_person(Person("Omar Diaz", frozenset({UserRole.PRODUCER})))
        store.close()
        sqlite_utils.Database(memory=True)  # the plugin does run where plugins are wanted
    finally:
        pm.unregister(plugin)
    assert len(touched) == 1
