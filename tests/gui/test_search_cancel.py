"""Search as you type: a one-letter search's whole list never holds up the next
letter. The list is typed into with real key events; the whole ranked list of "h"
is held inside the database (tests/held_read.py: only a real interrupt or server
cancel ends it early) while "a" is typed. The list must show "ha"'s results without
waiting for "h"'s, never show "h"'s over them, show no error, and a save queued on
the same worker meanwhile must land. On both engines."""

from __future__ import annotations

import dataclasses

import pytest

from newsdesk.domain.article import Article
from newsdesk.domain.query import ArticleQuery
from newsdesk.gui.list.first_screen import FIRST_SCREEN
from newsdesk.gui.list.panel import ArticleListPanel
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom import Newsroom
from tests.held_read import hold

LENA = "Lena Park"
EACH = 130  # per headline word: more than a first screen, so the rest is read after it
WAIT_MS = 15_000


def _fill(room: Newsroom) -> None:
    with room.store.transaction():
        for n in range(EACH):
            room.create_article(Article(headline=f"Harbour story {n}"), actor=LENA)
            room.create_article(Article(headline=f"Hill story {n}"), actor=LENA)


@pytest.fixture
def desk(request, engine, tmp_path, monkeypatch):
    """(panel, worker, the UI thread's newsroom, the held read of "h"'s whole list)."""
    held = hold(monkeypatch, engine, lambda query, limit: limit is None and query.search == "h")
    if engine == "sqlite":
        target = str(tmp_path / "newsroom.db")
        room = Newsroom.open(target)
        room.add_person(LENA, ["reporter"])
    else:
        server = request.getfixturevalue("pg_newsroom")
        server.add_person(LENA, ["reporter"])
        target = server.url_as(LENA)
        room = Newsroom.open(target)
        held.take_lock(server.url)
    _fill(room)
    worker = DatabaseWorker(target)
    if engine == "sqlite":
        held.register(worker.newsroom().store.db.conn)
    panel = ArticleListPanel(room, worker)
    panel.resize(600, 500)
    panel.show()
    yield panel, worker, room, held
    held.release()  # whatever happened, nothing stays held
    worker.shutdown()
    panel.close()
    panel.deleteLater()
    room.close()


def _listed(panel) -> list[int]:
    return [panel.model.article_id(r) for r in range(panel.model.rowCount())]


def test_the_next_letter_does_not_wait_for_the_first_letters_whole_list(qtbot, desk):
    panel, worker, room, held = desk
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 * EACH, timeout=WAIT_MS)
    article = room.article(room.find(limit=1)[0])
    shown: list[int] = []
    panel.count_changed.connect(shown.append)

    qtbot.keyClicks(panel.search_box, "h")
    qtbot.waitUntil(held.started.is_set, timeout=WAIT_MS)  # "h"'s whole list, held
    assert panel.model.rowCount() == FIRST_SCREEN  # "h"'s first screen, painted
    # An editor's save, queued on the same worker behind the held read.
    saved = []
    worker.submit(
        lambda newsroom: newsroom.save_article(
            dataclasses.replace(article, body="Saved while searching."), actor=LENA
        ),
        saved.append,
        lambda exc: saved.append(exc),
    )

    qtbot.keyClicks(panel.search_box, "a")
    qtbot.waitUntil(lambda: panel.model.rowCount() == EACH, timeout=WAIT_MS)
    assert not held.released.is_set()
    assert held.ended.is_set() and held.stopped_early  # cancelled, not let go
    qtbot.waitUntil(lambda: shown == [EACH], timeout=WAIT_MS)  # "ha"'s whole list
    qtbot.waitUntil(lambda: not worker.busy, timeout=WAIT_MS)
    listed = _listed(panel)
    assert listed == room.find(ArticleQuery(search="ha"))  # "ha"'s, in rank order
    assert len(listed) == EACH
    assert {room.article(i).headline.split()[0] for i in listed} == {"Harbour"}
    assert panel.count_label.text() == f"{EACH} articles match"
    assert panel.stack.currentIndex() == 0  # the list, no error in its place
    assert "could not be loaded" not in panel.empty_label.text()

    assert len(saved) == 1 and isinstance(saved[0], Article), saved
    assert room.article(article.id).body == "Saved while searching."
    assert room.article(article.id).revision == article.revision + 1
    # "h"'s answer never comes over "ha"'s (nothing of it is left to come).
    held.release()
    qtbot.wait(300)
    assert shown == [EACH] and _listed(panel) == listed
