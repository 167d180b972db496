"""The article list on a newsroom server that stops answering for a while (a table
locked by a long job, a slow line): its rows are read off the UI thread, so the
window goes on reacting, shows a placeholder, and fills the rows in when the server
answers."""

from __future__ import annotations

import time

import psycopg
from PySide6.QtCore import Qt, QTimer

from newsdesk.domain.article import Article
from newsdesk.gui.list.panel import ArticleListPanel
from newsdesk.gui.ops.worker import DatabaseWorker
from newsdesk.newsroom import Newsroom

LENA = "Lena Park"
HELD_S = 2.0


def test_rows_wait_for_a_server_that_does_not_answer_and_the_window_goes_on(qtbot, pg_newsroom):
    pg_newsroom.add_person(LENA, ["reporter"])
    url = pg_newsroom.url_as(LENA)
    room = Newsroom.open(url)
    for number in range(450):
        room.create_article(Article(headline=f"Story {number}"), actor=LENA)
    worker = DatabaseWorker(url)
    panel = ArticleListPanel(room, worker)
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    admin = psycopg.connect(pg_newsroom.url)  # the owner, in a transaction
    try:
        panel.reload()
        qtbot.waitUntil(lambda: panel.model.rowCount() == 450, timeout=10_000)
        assert panel.model.index(0, 0).data() == "Story 449"
        # A long job holds the articles: every read of them waits until it ends.
        admin.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
        beats: list[float] = []
        timer = QTimer(interval=10)
        timer.timeout.connect(lambda: beats.append(time.monotonic()))
        timer.start()
        began = time.monotonic()
        panel.view.setFocus()
        qtbot.keyClick(panel.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(panel.view, Qt.Key.Key_Home)
        last = panel.model.rowCount() - 1
        qtbot.waitUntil(lambda: panel.model.is_loading(last), timeout=2000)
        assert panel.model.index(last, 0).data() == "…"
        qtbot.wait(int(HELD_S * 1000))
        assert panel.model.index(last, 0).data() == "…"  # still waiting for the server
        admin.commit()  # the long job ends
        qtbot.waitUntil(lambda: panel.model.index(last, 0).data() == "Story 0", timeout=10_000)
        timer.stop()
        gaps = [b - a for a, b in zip([began, *beats], beats, strict=False)]
        assert max(gaps) < HELD_S / 4, f"the window froze for {max(gaps):.2f} s"
    finally:
        admin.close()
        worker.shutdown()
        room.close()
