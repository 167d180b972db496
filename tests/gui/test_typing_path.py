"""Typing never waits for Markdown or the page render (issue 12, issue 14).

The window collects the article (its body written as Markdown) only when the preview,
the journal or a save needs it, never per keystroke; the preview follows steady
typing; and the page is rendered in a child process, so a render that holds the
interpreter lock does not stop the window.
"""

from __future__ import annotations

import os
import signal

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QLineEdit, QTextBrowser

from newsdesk.domain.article import Article, Credit
from newsdesk.gui.editor.body.editor import BodyEditor
from newsdesk.gui.main_window import MainWindow
from newsdesk.gui.preview.pane import PreviewPane
from newsdesk.gui.preview.renderers import ProcessRenderer
from newsdesk.newsroom import Newsroom
from tests.gui.slow_render import answer_in_two_pieces, hold_the_interpreter

WAIT_MS = 20_000  # a limit for a hung test, not a timing assertion
PARAGRAPH = (
    "The harbour council voted on Tuesday to keep the night ferry running through"
    " the winter, after *four thousand* commuters signed a petition. "
)


@pytest.fixture
def window(qtbot, tmp_path):
    db = tmp_path / "newsroom.db"
    room = Newsroom.open(db)
    room.add_person("Mei Lin", ["reporter"])
    body = "\n\n".join(PARAGRAPH * 4 for _ in range(25))  # about 3,000 words
    article = room.create_article(
        Article(headline="Ferry vote", body=body, credits=[Credit("Reporter", ("Mei Lin",))]),
        actor="Mei Lin",
    )
    room.close()
    newsroom = Newsroom.open(db)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(newsroom, str(db), "Mei Lin", settings)
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    win.open_article(article.id)
    qtbot.waitUntil(lambda: "Ferry vote" in win.preview.browser.toPlainText(), timeout=WAIT_MS)
    yield win
    win.close()
    win.newsroom.close()


def _shown(win: MainWindow) -> str:
    """The preview's page text, whitespace folded (Qt wraps long Markdown lines)."""
    return " ".join(win.preview.browser.toPlainText().split())


def _count_markdown_writes(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = BodyEditor._rich_markdown

    def counted(self):
        calls.append(1)
        return real(self)

    monkeypatch.setattr(BodyEditor, "_rich_markdown", counted)
    return calls


def _end_of_body(win: MainWindow):
    body = win.editor.body.rich_edit
    body.setFocus()
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    return body


def test_keystrokes_do_not_write_the_body_as_markdown(window, qtbot, monkeypatch):
    body = _end_of_body(window)
    writes = _count_markdown_writes(monkeypatch)
    qtbot.keyClicks(body, " Timetables follow next week")  # 28 key presses, no pause
    assert len(writes) == 0  # before: one whole-body Markdown write per key press
    # The preview collects the text once, when its render starts.
    qtbot.waitUntil(lambda: "Timetables follow next week" in _shown(window), timeout=WAIT_MS)
    assert 1 <= len(writes) <= 3  # the preview's collect, and the journal's


def test_the_preview_follows_steady_typing(window, qtbot):
    body = _end_of_body(window)
    text = " The crossing takes forty minutes in calm weather and longer in a storm."
    typed: list[str] = []
    shown_while_typing: list[str] = []

    def type_next() -> None:
        if len(typed) == len(text):
            timer.stop()
            return
        qtbot.keyClicks(body, text[len(typed)])
        typed.append(text[len(typed)])

    window.preview.rendered.connect(
        lambda: shown_while_typing.append(_shown(window)) if timer.isActive() else None
    )
    timer = QTimer(interval=40)  # 25 key presses a second, steadily, for about 3 s
    timer.timeout.connect(type_next)
    timer.start()
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=WAIT_MS)
    # Before, every key press pushed the render back: nothing was shown until typing
    # stopped. Now the preview follows the typing, with what was typed so far.
    assert len(shown_while_typing) >= 2
    assert any("The crossing takes" in text for text in shown_while_typing)
    qtbot.waitUntil(lambda: "longer in a storm." in _shown(window), timeout=WAIT_MS)


def test_a_key_press_counts_only_its_own_paragraph_again(window, qtbot, monkeypatch):
    """Before, each pause in typing counted every word of the article again (11-15 ms
    at 10,000 words, on the UI thread)."""
    from newsdesk.domain import text_stats

    counted: list[str] = []
    real = text_stats.count_words

    def count_words(text: str) -> int:
        counted.append(text)
        return real(text)

    monkeypatch.setattr(text_stats, "count_words", count_words)
    counts_label = window.save_status.counts
    words = int(counts_label.text().split()[0].replace(",", ""))
    body = _end_of_body(window)
    counted.clear()
    qtbot.keyClicks(body, " ferry")
    qtbot.waitUntil(lambda: counts_label.text().startswith(f"{words + 1:,} words"), timeout=WAIT_MS)
    paragraphs = window.editor.plain_text().split("\n")
    # The typed paragraph was counted again, never the other 24.
    assert counted and set(counted) == {paragraphs[-1]}
    expected = text_stats.counts(paragraphs)
    assert counts_label.text().startswith(f"{expected[0]:,} words, {expected[1]:,} characters")


def test_the_window_never_compares_the_preview_page_while_typing(window, qtbot, monkeypatch):
    """Before, each preview update took every block's key of the new page and compared
    them with the shown page's on the UI thread; the preview process does that now."""
    from newsdesk.gui.preview import page_update

    keys: list[int] = []

    class CountedKey(page_update.BlockKey):
        def __init__(self, block) -> None:
            keys.append(1)
            super().__init__(block)

    monkeypatch.setattr(page_update, "BlockKey", CountedKey)
    body = _end_of_body(window)
    typing = [(" Zanzibar", "Zanzibar"), (" ferries", "Zanzibar ferries"), (" sail", "ries sail")]
    for number, (typed, shown) in enumerate(typing):
        qtbot.keyClicks(body, typed)
        qtbot.waitUntil(lambda s=shown: s in _shown(window), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.preview.is_busy(), timeout=WAIT_MS)
        if number == 0:
            # The first page from the editor's own Markdown may differ from the page of
            # the stored body in every paragraph (here: their trailing spaces), and
            # that update may be compared here, once; typing on never is.
            keys.clear()
    assert keys == []
    fresh = QTextBrowser()
    fresh.document().setBaseUrl(window.preview.browser.document().baseUrl())
    fresh.setHtml(window.preview.html())
    assert window.preview.browser.document().toHtml() == fresh.document().toHtml()


def test_the_page_is_rendered_in_a_child_process(window):
    renderer = window.preview._renderer
    assert isinstance(renderer, ProcessRenderer)
    assert renderer.pid is not None and renderer.pid != os.getpid()


@pytest.fixture
def slow_pane(qtbot):
    panes = []

    def make(renderer) -> PreviewPane:
        pane = PreviewPane(renderer, delay_ms=10)
        qtbot.addWidget(pane)
        pane.show()
        panes.append(pane)
        return pane

    yield make
    for pane in panes:
        pane.wait_for_idle()


def test_a_render_holding_the_interpreter_lock_does_not_stop_the_window(slow_pane, qtbot, tmp_path):
    pane = slow_pane(ProcessRenderer(hold_the_interpreter))
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    pane.render_now(Article(headline="Slow page", body=str(tmp_path)))
    qtbot.waitUntil((tmp_path / "started").exists, timeout=WAIT_MS)
    qtbot.keyClicks(field, "still typing")
    # The keys were handled while the render was still running. On a thread of this
    # process the render would have held the lock until it was done.
    assert field.text() == "still typing"
    assert not (tmp_path / "done").exists()
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pass
    assert "Slow page" in pane.browser.toPlainText()


def test_a_preview_process_that_dies_is_said_and_started_again(slow_pane, qtbot, tmp_path):
    renderer = ProcessRenderer(hold_the_interpreter)
    pane = slow_pane(renderer)
    pane.render_now(Article(headline="Slow page", body=str(tmp_path)))
    qtbot.waitUntil((tmp_path / "started").exists, timeout=WAIT_MS)
    first = renderer.pid
    with qtbot.waitSignal(pane.render_failed, timeout=WAIT_MS) as failed:
        os.kill(first, signal.SIGKILL)
    assert "preview process stopped" in failed.args[0]
    assert "preview process stopped" in pane.error_text()

    (tmp_path / "started").unlink()
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pane.render_now(Article(headline="After the crash", body=str(tmp_path)))
    assert renderer.pid not in (None, first)
    assert "After the crash" in pane.browser.toPlainText()
    assert pane.error_text() == ""


def test_handing_a_long_article_to_a_busy_preview_process_does_not_wait(qtbot, tmp_path):
    """Before, the UI thread wrote the job into the pipe itself: an article longer than
    the pipe holds waited there until the child had finished the page it was on."""
    renderer = ProcessRenderer(hold_the_interpreter)
    try:
        renderer.start(1, Article(headline="First page", body=str(tmp_path)))
        qtbot.waitUntil((tmp_path / "started").exists, timeout=WAIT_MS)
        long_read = Article(headline="Long read " + "word " * 400_000, body=str(tmp_path))
        renderer.start(2, long_read)  # 2 MB, far more than a pipe holds
        # Back on the UI thread while the child still renders the first page.
        assert not (tmp_path / "done").exists()
        with qtbot.waitSignal(
            renderer.finished, timeout=WAIT_MS, check_params_cb=lambda n, _html: n == 2
        ) as second:
            pass
        assert second.args[1] == f"<h1>{long_read.headline}</h1>"  # all of it arrived
    finally:
        renderer.close()


def test_a_page_arriving_in_pieces_does_not_stop_the_window(slow_pane, qtbot, tmp_path):
    """Before, the UI thread read the answer itself: once its first piece was there, it
    waited in recv() for the rest, as long as the busy child took to write it."""
    pane = slow_pane(ProcessRenderer(answer_in_two_pieces))
    beats: list[int] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start(10)
    pane.render_now(Article(headline="Long page", body=str(tmp_path)))
    qtbot.waitUntil((tmp_path / "first piece").exists, timeout=WAIT_MS)
    beats.clear()
    qtbot.waitUntil(lambda: len(beats) >= 10, timeout=WAIT_MS)
    # The window kept working while the child still held back the rest of the page.
    assert not (tmp_path / "second piece").exists()
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pass
    heartbeat.stop()
    assert "Long page" in pane.browser.toPlainText()
