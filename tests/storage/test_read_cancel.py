"""A list read that a newer query makes stale can be stopped from another thread, on
both engines: it stops at once, says so as ReadSuperseded (never as a failure), and
stops nothing else: a save running meanwhile, or coming after, always lands.

The read is held inside the database (tests/held_read.py) so that only a real
interrupt (SQLite) or a server-side cancel (PostgreSQL) can end it early."""

from __future__ import annotations

import dataclasses
import logging
import threading
import time

import pytest

from newsdesk.domain.article import Article
from newsdesk.domain.query import ArticleQuery
from newsdesk.domain.status import Status
from newsdesk.storage.read_cancel import ReadCancel, ReadSuperseded
from tests.held_read import hold

LENA = "Lena Park"
WAIT_S = 20


def _fill(store, count: int) -> list[Article]:
    with store.transaction():
        return [
            store.insert_article(
                Article(headline=f"Harbour story {n}", slug=f"harbour-{n}"), actor=LENA
            )
            for n in range(count)
        ]


@pytest.fixture
def held(request, engine, store, monkeypatch):
    read = hold(monkeypatch, engine)
    if engine == "sqlite":
        read.register(store.db.conn)
    else:
        read.take_lock(request.getfixturevalue("pg_newsroom").url)
    yield read
    read.release()


def _in_thread(fn) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def _save(store, article: Article, headline: str) -> Article:
    return store.save_article(
        dataclasses.replace(article, headline=headline),
        actor=LENA,
        expected_revision=article.revision,
        expected_status=Status.DRAFT,
        new_status=Status.DRAFT,
    )


def test_a_cancelled_whole_list_stops_at_once_as_superseded(store, held, caplog):
    _fill(store, 5)
    caplog.set_level(logging.INFO)
    cancel = ReadCancel()
    reader, outcome = _in_thread(
        lambda: store.article_ids(ArticleQuery(search="harbour"), cancel=cancel)
    )
    assert held.started.wait(WAIT_S), "the held read never started"
    cancel.cancel()
    reader.join(WAIT_S)
    assert not reader.is_alive(), "the cancel did not stop the read"
    assert isinstance(outcome.get("error"), ReadSuperseded), outcome
    assert held.stopped_early  # stopped inside the database, not let go by the test
    # Nothing for the log's reader to worry about (a connection closed on purpose).
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    # The store reads on as before, on the same engine connection(s).
    assert len(store.article_ids(ArticleQuery(search="harbour"))) == 5


def test_a_save_in_flight_is_not_lost_when_the_search_is_cancelled(store, held):
    article = _fill(store, 3)[0]
    cancel = ReadCancel()
    reader, read = _in_thread(
        lambda: store.article_ids(ArticleQuery(search="harbour"), cancel=cancel)
    )
    assert held.started.wait(WAIT_S)
    # A save from another thread while the search runs: on a file it waits for the
    # store (one connection), on a server it runs beside it on another connection.
    saver, saved = _in_thread(lambda: _save(store, article, "Harbour reopens"))
    cancel.cancel()
    reader.join(WAIT_S)
    saver.join(WAIT_S)
    assert isinstance(read.get("error"), ReadSuperseded), read
    assert "error" not in saved, saved
    assert store.get_article(article.id).headline == "Harbour reopens"
    assert store.get_article(article.id).revision == article.revision + 1


def test_a_cancel_after_the_read_ended_stops_no_later_write(store, engine, held):
    held.release()  # nothing held: the read runs to its end
    article = _fill(store, 2)[0]
    cancel = ReadCancel()
    assert len(store.article_ids(ArticleQuery(search="harbour"), cancel=cancel)) == 2
    cancel.cancel()  # too late for the read: must reach nothing else
    saved = _save(store, article, "Harbour closes")
    assert store.get_article(article.id).headline == saved.headline == "Harbour closes"
    assert store.article_ids(ArticleQuery(search="closes")) == [article.id]


def test_a_read_cancelled_before_it_starts_reads_nothing(store, held):
    _fill(store, 2)
    cancel = ReadCancel()
    cancel.cancel()
    with pytest.raises(ReadSuperseded):
        store.article_ids(ArticleQuery(search="harbour"), cancel=cancel)
    assert not held.started.is_set()


def test_a_read_inside_a_write_unit_is_never_interrupted(store, held):
    """A list read inside this thread's own write unit shares its connection (and on
    a server its transaction): a cancel must not stop the unit's statements, only
    tell the read, once its statement is done, that it is not wanted."""
    article = _fill(store, 1)[0]
    cancel = ReadCancel()

    def cancel_then_release() -> None:
        assert held.started.wait(WAIT_S)
        cancel.cancel()
        # The window in which a wrongly sent interrupt would land (it is sent within
        # milliseconds when it is sent at all): only then is the read let go.
        deadline = time.monotonic() + 0.5
        while not cancel.interrupt_sent and time.monotonic() < deadline:
            time.sleep(0.005)
        held.release()

    helper = threading.Thread(target=cancel_then_release, daemon=True)
    with store.transaction():
        _save(store, article, "Harbour works")
        helper.start()
        with pytest.raises(ReadSuperseded):
            store.article_ids(ArticleQuery(search="harbour"), cancel=cancel)
        assert held.stopped_early is False  # ran until let go: never interrupted
        assert not cancel.interrupt_sent
        # The unit's own reads see its writes (its connection, its transaction).
        assert store.article_ids(ArticleQuery(search="works"), cancel=ReadCancel()) == [article.id]
        _save(store, store.get_article(article.id), "Harbour works end")
    helper.join(WAIT_S)
    assert store.get_article(article.id).headline == "Harbour works end"


def test_cancelling_again_never_waits_for_a_cancel_being_sent():
    """The list cancels from the UI thread: a cancel still on its way to a slow server
    must not hold that thread when the next letter cancels again."""
    cancel = ReadCancel()
    sending, let_go = threading.Event(), threading.Event()

    def slow_interrupt() -> None:
        sending.set()
        let_go.wait(WAIT_S)

    with cancel.interruptible(slow_interrupt, repeat_s=1.0):
        cancel.cancel()
        assert sending.wait(WAIT_S)
        again = threading.Thread(target=cancel.cancel, daemon=True)
        again.start()
        again.join(WAIT_S)
        assert not again.is_alive() and not let_go.is_set()
        let_go.set()
    assert cancel.cancelled and cancel.interrupt_sent
