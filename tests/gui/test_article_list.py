"""The article list panel on a real store: lazy rows, search as you type, filters, sort."""

from __future__ import annotations

import datetime as dt

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


def test_rows_are_read_only_when_shown(qtbot, newsroom, panel):
    _fill(newsroom, 450)
    fetched: list[int] = []
    original = panel.model._fetch_rows
    panel.model._fetch_rows = lambda ids: fetched.extend(ids) or original(ids)
    panel.reload()
    _wait_rows(qtbot, panel, 450)
    panel.view.viewport().repaint()
    assert 0 < len(fetched) <= 200  # only the first block, not all 450
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

    def find(self, query=None, *, limit=None):
        asked.append(limit)
        return real_find(self, query, limit=limit)

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
