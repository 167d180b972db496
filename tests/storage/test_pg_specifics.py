"""What only the server engine has: lost connections, retried units, migrations under a
lock, schema versions, the split search index and newsrooms copied from a template."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from newsdesk.domain.article import Article, Person
from newsdesk.domain.errors import StorageError
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import UserRole
from newsdesk.storage.open import init_server, open_store
from newsdesk.storage.postgres import search
from newsdesk.storage.postgres.schema import SCHEMA_VERSION
from newsdesk.storage.postgres.store import PostgresStore


@pytest.fixture
def owner_store(pg_newsroom):
    opened = PostgresStore(pg_newsroom.url)
    opened.add_person(Person("Lena Park", frozenset({UserRole.REPORTER})))
    yield opened
    opened.close()


def _admin(pg_newsroom, statement: str, params=()):
    with psycopg.connect(pg_newsroom.url, autocommit=True) as conn:
        cursor = conn.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def _backends(pg_newsroom, login: str) -> list[int]:
    return [
        pid
        for (pid,) in _admin(
            pg_newsroom,
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND usename = %s AND pid <> pg_backend_pid()",
            [login],
        )
    ]


def test_a_connection_lost_mid_unit_says_unreachable_and_writes_nothing(pg_newsroom, owner_store):
    owner = _admin(pg_newsroom, "SELECT current_user")[0][0]
    with (
        pytest.raises(StorageError, match="the newsroom server is unreachable"),
        owner_store.transaction(),
    ):
        owner_store.insert_article(Article(headline="Lost", slug="lost"), actor="Lena Park")
        for pid in _backends(pg_newsroom, owner):
            _admin(pg_newsroom, "SELECT pg_terminate_backend(%s)", [pid])
        owner_store.insert_article(Article(headline="Also", slug="also"), actor="Lena Park")
    # The pool replaces the dead connection: the next unit works, nothing half-written.
    assert owner_store.count() == 0
    owner_store.insert_article(Article(headline="Back", slug="back"), actor="Lena Park")
    assert owner_store.count() == 1
    assert owner_store.check() == []


def test_a_desk_survives_its_connections_being_dropped_between_units(pg_newsroom, owner_store):
    owner = _admin(pg_newsroom, "SELECT current_user")[0][0]
    for pid in _backends(pg_newsroom, owner):
        _admin(pg_newsroom, "SELECT pg_terminate_backend(%s)", [pid])
    time.sleep(0.1)
    # The pool checks a connection before handing it out.
    assert owner_store.people()[0].name == "Lena Park"


def test_a_serialisation_failure_is_retried(pg_newsroom, caplog):
    # Under SERIALIZABLE, a unit whose snapshot predates another's commit fails with
    # 40001 when it locks the chain head; the store runs it again.
    pg_newsroom.add_person("Lena Park", ["reporter"])
    login = pg_newsroom.logins["Lena Park"]
    _admin(pg_newsroom, f'ALTER ROLE "{login}" SET default_transaction_isolation = serializable')
    first = open_store(pg_newsroom.url_as(login))
    second = open_store(pg_newsroom.url_as(login))
    try:
        holding = threading.Event()
        release = threading.Event()

        def hold_the_head() -> None:
            with first.transaction():
                first.record_event(actor="Lena Park", action="note", comment="first")
                holding.set()
                release.wait(10)

        holder = threading.Thread(target=hold_the_head)
        holder.start()
        assert holding.wait(10)
        waiter_done: list[BaseException | None] = []

        def write_while_held() -> None:
            try:
                second.record_event(actor="Lena Park", action="note", comment="second")
                waiter_done.append(None)
            except BaseException as exc:
                waiter_done.append(exc)

        waiter = threading.Thread(target=write_while_held)
        with caplog.at_level("INFO", logger="newsdesk.storage.postgres.base"):
            waiter.start()
            time.sleep(0.3)  # the second unit now waits for the head, its snapshot taken
            release.set()
            holder.join(10)
            waiter.join(10)
        assert waiter_done == [None]
        assert any("retrying a unit of work" in r.message for r in caplog.records)
        assert [e.comment for e in second.audit_events()][-2:] == ["first", "second"]
        assert second.check() == []
    finally:
        first.close()
        second.close()


def test_two_inits_at_once_migrate_once(pg_server):
    name = pg_server.unique_name("nd_race")
    with psycopg.connect(pg_server.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.database_url(name)
    results: list[object] = []
    try:
        threads = [
            threading.Thread(target=lambda: results.append(_init_or_error(url))) for _ in range(3)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert all(not isinstance(r, BaseException) for r in results), results
        newest = SCHEMA_VERSION
        assert sorted(r.schema_before for r in results) == [0, newest, newest]
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT count(*) FROM newsdesk_schema").fetchone() == (newest,)
            assert conn.execute("SELECT count(*) FROM credit_roles").fetchone()[0] > 0
    finally:
        with psycopg.connect(pg_server.url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            for kind in ("reporter", "producer", "web"):
                conn.execute(f'DROP ROLE IF EXISTS "newsdesk_{name}_{kind}"')


def _init_or_error(url: str):
    try:
        return init_server(url)
    except BaseException as exc:
        return exc


def test_schema_versions_other_than_ours_are_named(pg_newsroom):
    _admin(pg_newsroom, "INSERT INTO newsdesk_schema (version, name) VALUES (99, 'future')")
    with pytest.raises(StorageError, match="newer newsdesk"):
        open_store(pg_newsroom.url)
    with pytest.raises(StorageError, match="newer newsdesk"):
        init_server(pg_newsroom.url)
    _admin(pg_newsroom, "DELETE FROM newsdesk_schema")
    # Version 0 (no migration recorded) reads as a database never initialised.
    with pytest.raises(StorageError, match="not set up as a newsroom yet"):
        open_store(pg_newsroom.url)


def test_a_long_body_is_split_and_a_phrase_across_the_cut_is_found(owner_store):
    words = [f"w{i}" for i in range(search.PART_WORDS * 2 + 100)]
    # A Chinese word whose bigrams straddle the cut between part 0 and part 1.
    cut = search.PART_WORDS - 1
    words[cut] = "新闻发布会"
    body = " ".join(words) + " 最后一段"
    stored = owner_store.insert_article(
        Article(headline="Long", slug="long", body=body), actor="Lena Park"
    )
    with psycopg.connect(owner_store.conninfo) as conn:
        parts = conn.execute(
            "SELECT part, length(doc) FROM article_search WHERE article_id = %s ORDER BY part",
            [stored.id],
        ).fetchall()
    assert len(parts) >= 3
    for word in ("新闻发布会", "发布会", "最后", "w16099", "long"):
        assert owner_store.article_ids(ArticleQuery(search=word)) == [stored.id], word


def test_a_copy_of_a_newsroom_gets_groups_of_its_own(pg_newsroom, pg_server):
    groups = dict(_admin(pg_newsroom, "SELECT key, value FROM newsdesk_meta"))
    assert groups["reporter_role"] == f"newsdesk_{pg_newsroom.name}_reporter"
    template_group = f"newsdesk_{pg_server.template}_reporter"
    granted = _admin(
        pg_newsroom,
        "SELECT count(*) FROM information_schema.role_table_grants WHERE grantee = %s",
        [template_group],
    )
    assert granted == [(0,)]


def test_the_password_never_shows_in_the_location(pg_newsroom):
    url = pg_newsroom.url.replace("postgresql://postgres@", "postgresql://postgres:s3cret@")
    room = open_store(url)
    try:
        assert "s3cret" not in room.path and "postgres@" in room.path
    finally:
        room.close()


def test_the_throwaway_cluster_stops_when_its_test_process_is_killed():
    from tests import pg_cluster

    if os.environ.get("NEWSDESK_TEST_PG_URL") or pg_cluster.find_binaries() is None:
        pytest.skip("needs the PostgreSQL binaries for a throwaway cluster")
    script = (
        "import os, signal, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from tests import pg_cluster\n"
        "cluster = pg_cluster.start_cluster()\n"
        "print(cluster.pid, cluster.folder, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script, str(root)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    pid_text, folder = done.stdout.split()
    pid = int(pid_text)
    try:
        deadline = time.monotonic() + 15
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(pid), "the server outlived the killed test process"
    finally:
        if _alive(pid):  # the server this test started, left running: stop it
            os.kill(pid, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by init) is gone for our purpose.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False
