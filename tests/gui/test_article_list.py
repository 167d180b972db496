"""The article list panel on a real store: lazy rows, search as you type, filters, sort."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from PySide6.QtCore import Qt

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.list.panel import ArticleListPanel
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom import Newsroom


@pytest.fixture
def newsroom(tmp_path):
    room = Newsroom.open(tmp_path / "list.db")
    room.add_person("Ada Moss", ["reporter"])
    room.add_person("Ben Cho", ["reporter"])
    room.add_person("Pia Holm", ["producer"])
    yield room
    room.close()


def _fill(newsroom, count: int) -> list[int]:
    ids = []
    with newsroom.store.transaction():
        for i in range(count):
            author = "Ada Moss" if i % 2 else "Ben Cho"
            article = newsroom.create_article(
                Article(
                    headline=f"Council story number {i}",
                    date=dt.date(2026, 5, 1),
                    body="Routine council business.",
                    credits=[Credit("Reporter", (author,))],
                ),
                actor=author,
            )
            ids.append(article.id)
    return ids


@pytest.fixture
def panel(qtbot, newsroom, tmp_path):
    worker = DatabaseWorker(newsroom.store.path)
    widget = ArticleListPanel(newsroom, worker)
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    widget.show()
    yield widget
    worker.shutdown()


def _wait_rows(qtbot, panel, count: int) -> None:
    qtbot.waitUntil(lambda: panel.model.rowCount() == count, timeout=5000)


def test_empty_newsroom_offers_a_new_article(qtbot, panel):
    panel.reload()
    qtbot.waitUntil(lambda: panel.stack.currentIndex() == 1, timeout=5000)
    assert "No articles yet" in panel.empty_label.text()
    assert panel.new_button.isVisible()
    with qtbot.waitSignal(panel.new_article_requested, timeout=1000):
        qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)


def test_rows_are_read_only_when_shown(qtbot, newsroom, panel, monkeypatch):
    _fill(newsroom, 450)
    fetched: list[int] = []
    real_summaries = Newsroom.summaries

    def summaries(self, ids):
        fetched.extend(ids)
        return real_summaries(self, ids)

    monkeypatch.setattr(Newsroom, "summaries", summaries)
    panel.reload()
    _wait_rows(qtbot, panel, 450)
    panel.view.viewport().repaint()
    assert 0 < len(fetched) <= 200  # only the first screen's rows, not all 450
    newest = panel.model.index(0, 0).data()
    assert newest == "Council story number 449"
    assert panel.model.index(0, 1).data() == "draft"
    assert panel.model.index(0, 3).data() == "Ada Moss"


def test_search_as_you_type_with_chinese(qtbot, typer, newsroom, panel):
    _fill(newsroom, 5)
    chinese = newsroom.create_article(
        Article(headline="市政府召开新闻发布会", body="防汛工作部署。"), actor="Ada Moss"
    )
    panel.reload()
    _wait_rows(qtbot, panel, 6)
    panel.search_box.setFocus()
    typer(panel.search_box, "发布")
    _wait_rows(qtbot, panel, 1)
    assert panel.model.article_id(0) == chinese.id
    panel.search_box.clear()
    qtbot.keyClicks(panel.search_box, "number 3")
    qtbot.waitUntil(
        lambda: panel.model.index(0, 0).data() == "Council story number 3", timeout=5000
    )
    assert panel.model.rowCount() == 1
    qtbot.keyClicks(panel.search_box, "x")
    qtbot.waitUntil(lambda: panel.stack.currentIndex() == 1, timeout=5000)
    assert "No article matches" in panel.empty_label.text()
    assert not panel.new_button.isVisible()


def test_filters_by_status_and_mine(qtbot, newsroom, panel):
    ids = _fill(newsroom, 6)
    newsroom.transition(ids[1], "submit", actor="Ada Moss")
    panel.reload()
    _wait_rows(qtbot, panel, 6)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("submitted"))
    _wait_rows(qtbot, panel, 1)
    assert panel.model.article_id(0) == ids[1]
    panel.status_filter.setCurrentIndex(0)
    _wait_rows(qtbot, panel, 6)
    panel.set_user("Ada Moss")
    panel.mine_filter.setChecked(True)
    _wait_rows(qtbot, panel, 3)


def test_header_click_sorts(qtbot, newsroom, panel):
    _fill(newsroom, 12)
    panel.reload()
    _wait_rows(qtbot, panel, 12)
    header = panel.view.horizontalHeader()
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(
        lambda: panel.model.index(0, 0).data() == "Council story number 0", timeout=5000
    )
    assert panel.model.index(1, 0).data() == "Council story number 1"
    assert panel.model.index(2, 0).data() == "Council story number 10"


def test_selecting_a_row_asks_to_open_it(qtbot, newsroom, panel):
    ids = _fill(newsroom, 3)
    panel.reload()
    _wait_rows(qtbot, panel, 3)
    with qtbot.waitSignal(panel.open_article_requested, timeout=1000) as opened:
        panel.view.setFocus()
        qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert opened.args[0] in ids


def test_a_search_shows_its_first_screen_then_the_rest_below_it(qtbot, panel, newsroom):
    ids = _fill(newsroom, 260)
    asked: list[int | None] = []
    real_find = Newsroom.find

    def find(self, query=None, *, limit=None, cancel=None):
        asked.append(limit)
        return real_find(self, query, limit=limit, cancel=cancel)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Newsroom, "find", find)
        panel.reload()
        _wait_rows(qtbot, panel, 260)
        first_row = panel.model.article_id(0)
        panel.select_article(first_row)
        asked.clear()
        qtbot.keyClicks(panel.search_box, "co")
        # The first screen is read alone (a few index pages), then the rest.
        qtbot.waitUntil(lambda: asked == [100, None], timeout=5000)
        _wait_rows(qtbot, panel, 260)
    assert sorted(panel.model.article_id(r) for r in range(260)) == sorted(ids)
    # The rest came in below the first screen: the open article stayed selected.
    assert panel.current_id() == first_row


def _heartbeat(qtbot, interval_ms: int = 10):
    """The times a 10 ms timer on the UI thread fired: a gap is the window frozen."""
    from PySide6.QtCore import QTimer

    beats: list[float] = []
    timer = QTimer(interval=interval_ms)
    timer.timeout.connect(lambda: beats.append(time.monotonic()))
    timer.start()
    return timer, beats


def test_slow_rows_load_while_the_window_goes_on(qtbot, newsroom, panel, tmp_path):
    """On a server a block of rows is a round trip (a server out of reach: up to the
    connection timeout). The rows are read off the UI thread: the list shows a
    placeholder, the window keeps reacting, and the rows fill in when they come."""
    _fill(newsroom, 450)
    panel.reload()
    _wait_rows(qtbot, panel, 450)
    store_class = type(newsroom.store)
    real_summaries = store_class.summaries
    slow_s = 1.0
    read_on: list[str] = []

    def slow_summaries(self, ids):
        read_on.append(threading.current_thread().name)
        time.sleep(slow_s)
        return real_summaries(self, ids)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_class, "summaries", slow_summaries)
        timer, beats = _heartbeat(qtbot)
        began = time.monotonic()
        panel.view.setFocus()
        # Ctrl+End: to the oldest stories, not read yet.
        qtbot.keyClick(panel.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(panel.view, Qt.Key.Key_Home)  # its first column, the headline
        last = panel.model.rowCount() - 1
        qtbot.waitUntil(lambda: panel.model.is_loading(last), timeout=2000)
        assert panel.model.index(last, 0).data() == "…"
        assert panel.model.index(last, 3).data() is None
        panel.grab().save(str(tmp_path / "list-loading.png"))
        qtbot.waitUntil(
            lambda: panel.model.index(last, 0).data() == "Council story number 0", timeout=10_000
        )
        filled = time.monotonic()
        timer.stop()
    panel.grab().save(str(tmp_path / "list-filled.png"))
    assert filled - began >= slow_s  # the slow read really was in the way
    assert read_on and threading.main_thread().name not in read_on
    gaps = [b - a for a, b in zip([began, *beats], beats, strict=False)]
    assert len(beats) > 20
    assert max(gaps) < slow_s / 2, f"the window froze for {max(gaps):.2f} s"
    assert panel.model.index(last, 3).data() == "Ben Cho"
    assert not panel.model.is_loading(last)


def test_rows_read_for_ids_the_list_no_longer_shows_are_dropped(qtbot):
    """A search answered while a block was being read: that block's rows are not put
    into the new list's rows; its own are asked for."""
    from newsdesk.domain.article import ArticleSummary
    from newsdesk.domain.status import Status
    from newsdesk.gui.list.model import ArticleListModel

    asked: list[tuple[list[int], object]] = []
    model = ArticleListModel(lambda ids, done, _failed: asked.append((list(ids), done)))

    def summary(article_id: int, headline: str) -> ArticleSummary:
        return ArticleSummary(
            id=article_id,
            kicker="",
            headline=headline,
            status=Status.DRAFT,
            section=(),
            reporters=(),
            date=None,
            updated_at=None,
            created_by="Ada Moss",
            revision=1,
        )

    model.set_ids([1, 2, 3])
    assert model.index(0, 0).data() == "…"  # asked for, not read yet
    assert [ids for ids, _done in asked] == [[1, 2, 3]]
    model.set_ids([3, 4])  # the list changed before the answer
    old_ids, old_done = asked[0]
    old_done([summary(i, f"old {i}") for i in old_ids])
    assert model.index(0, 0).data() == "…"  # the old answer was dropped
    assert [ids for ids, _done in asked][1:] == [[3, 4]]
    asked[1][1]([summary(3, "three"), summary(4, "four")])
    assert [model.index(r, 0).data() for r in range(2)] == ["three", "four"]
    # A row changed while its read was under way: that read does not bring it back.
    model.refresh_article(4)
    assert model.index(1, 0).data() == "four"  # its old text until it is read again
    assert asked[-1][0] == [4]
    stale_done = asked[-1][1]
    model.refresh_article(4)  # changed again before the answer
    model.index(1, 0).data()
    stale_done([summary(4, "four, first change")])
    assert model.index(1, 0).data() == "four"
    asked[-1][1]([summary(4, "four, second change")])
    assert model.index(1, 0).data() == "four, second change"
