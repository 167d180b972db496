from __future__ import annotations

import html
import threading

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl

from newsdesk.domain.article import Article
from newsdesk.domain.errors import InvalidInputError
from newsdesk.gui.preview.pane import PreviewPane

WAIT_MS = 10_000  # generous: a limit for a hung test, not a timing assertion


class GatedRender:
    """A render that can be held: each call waits until the test opens the gate."""

    def __init__(self, held: bool = False) -> None:
        self.calls: list[str] = []
        self.threads: list[int] = []
        self.gate = threading.Event()
        self.started = threading.Event()
        if not held:
            self.gate.set()

    def __call__(self, article: Article) -> str:
        self.calls.append(article.headline)
        self.threads.append(threading.get_ident())
        self.started.set()
        if not self.gate.wait(WAIT_MS / 1000):
            raise TimeoutError("the test never released the render")
        if article.headline == "explode":
            raise InvalidInputError("the body has an image with no file")
        return f"<h1>{html.escape(article.headline)}</h1><p>{html.escape(article.body)}</p>"


def article(headline: str, body: str = "Text.") -> Article:
    return Article(headline=headline, body=body)


@pytest.fixture
def make_pane(qtbot):
    panes = []

    def make(render, **kwargs) -> PreviewPane:
        pane = PreviewPane(render, delay_ms=kwargs.pop("delay_ms", 20), **kwargs)
        qtbot.addWidget(pane)
        pane.resize(500, 400)
        pane.show()
        panes.append((pane, render))
        return pane

    yield make
    for pane, render in panes:
        if isinstance(render, GatedRender):
            render.gate.set()
        pane.wait_for_idle()


def test_a_render_is_shown(make_pane, qtbot):
    render = GatedRender()
    pane = make_pane(render)
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pane.request_render(article("Harbour reopens"))
    assert "Harbour reopens" in pane.browser.toPlainText()
    assert pane.html().startswith("<h1>Harbour reopens</h1>")
    assert pane.error_text() == ""


def test_render_runs_off_the_ui_thread_and_the_ui_stays_responsive(make_pane, qtbot):
    render = GatedRender(held=True)
    pane = make_pane(render)
    pane.request_render(article("Slow page"))
    qtbot.waitUntil(render.started.is_set, timeout=WAIT_MS)
    assert render.threads[0] != threading.get_ident()

    # While the render is held, the UI thread still handles timers and typing.
    ticks = []
    QTimer.singleShot(0, lambda: ticks.append("tick"))
    qtbot.waitUntil(lambda: ticks == ["tick"], timeout=WAIT_MS)
    assert pane.is_busy()
    # A render long enough to be noticed says so (a quick one changes nothing on screen).
    qtbot.waitUntil(lambda: pane.status_label.text() == "Updating preview…", timeout=WAIT_MS)

    render.gate.set()
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=WAIT_MS)
    assert "Slow page" in pane.browser.toPlainText()
    assert pane.status_label.text() == ""


def test_a_burst_of_requests_renders_only_the_newest(make_pane, qtbot):
    render = GatedRender()
    pane = make_pane(render, delay_ms=200)
    for number in range(1, 21):
        pane.request_render(article(f"Draft {number}"))
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=WAIT_MS)
    assert render.calls == ["Draft 20"]


def test_requests_while_a_render_runs_are_folded_into_the_newest(make_pane, qtbot):
    render = GatedRender(held=True)
    pane = make_pane(render)
    pane.request_render(article("First"))
    qtbot.waitUntil(render.started.is_set, timeout=WAIT_MS)

    for number in range(1, 11):
        pane.request_render(article(f"Edit {number}"))
    # Let every throttle timer run out while the first render is still held.
    qtbot.waitUntil(lambda: not pane._timer.isActive(), timeout=WAIT_MS)
    assert render.calls == ["First"]  # at most one render at a time

    render.gate.set()
    qtbot.waitUntil(lambda: len(render.calls) == 2 and not pane.is_busy(), timeout=WAIT_MS)
    assert render.calls == ["First", "Edit 10"]
    assert "Edit 10" in pane.browser.toPlainText()


def test_the_article_is_snapshotted_when_the_render_starts(make_pane, qtbot):
    render = GatedRender(held=True)
    pane = make_pane(render)
    story = article("Before", body="original body")
    pane.request_render(story)
    qtbot.waitUntil(render.started.is_set, timeout=WAIT_MS)
    story.body = "changed while rendering"
    render.gate.set()
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=WAIT_MS)
    assert "original body" in pane.browser.toPlainText()


def test_a_failed_render_is_shown_plainly_and_the_next_one_clears_it(make_pane, qtbot):
    render = GatedRender()
    pane = make_pane(render)
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pane.request_render(article("Good page"))
    with qtbot.waitSignal(pane.render_failed, timeout=WAIT_MS) as failed:
        pane.request_render(article("explode"))
    assert failed.args == ["the body has an image with no file"]
    assert pane.error_text() == "The preview could not be made: the body has an image with no file"
    assert pane.error_label.isVisible()
    assert "Good page" in pane.browser.toPlainText()  # the last good render stays

    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pane.request_render(article("Fixed page"))
    assert pane.error_text() == ""
    assert not pane.error_label.isVisible()


def test_a_crashing_renderer_does_not_take_the_pane_down(make_pane, qtbot):
    def broken(_article: Article) -> str:
        raise KeyError("template")

    pane = make_pane(broken)
    with qtbot.waitSignal(pane.render_failed, timeout=WAIT_MS):
        pane.render_now(article("Any"))
    assert "KeyError" in pane.error_text()


def test_open_in_browser_gets_the_newest_article(make_pane, qtbot):
    opened: list[str] = []
    pane = make_pane(GatedRender(), open_in_browser=lambda a: opened.append(a.headline))
    assert not pane.open_button.isEnabled()  # nothing to open yet
    pane.request_render(article("One"))
    pane.request_render(article("Two"))
    assert pane.open_button.isEnabled()
    qtbot.mouseClick(pane.open_button, Qt.MouseButton.LeftButton)
    assert opened == ["Two"]


def test_open_in_browser_failure_is_reported(make_pane, qtbot):
    def refuse(_article: Article) -> None:
        raise OSError("no web browser found")

    pane = make_pane(GatedRender(), open_in_browser=refuse)
    pane.request_render(article("One"))
    qtbot.mouseClick(pane.open_button, Qt.MouseButton.LeftButton)
    assert "no web browser found" in pane.error_text()


def test_the_reading_position_survives_a_refresh(make_pane, qtbot):
    long_body = " ".join(f"Sentence {n} of a long report." for n in range(600))
    pane = make_pane(GatedRender())
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pane.render_now(article("Long", body=long_body))
    bar = pane.browser.verticalScrollBar()
    assert bar.maximum() > 300
    bar.setValue(300)
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pane.render_now(article("Long", body=long_body + " One more."))
    assert bar.value() == 300


def test_clicked_links_are_reported_not_followed(make_pane, qtbot):
    pane = make_pane(lambda a: '<p>See <a href="https://example.org/x">the source</a>.</p>')
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pane.render_now(article("Links"))
    cursor = pane.browser.document().find("source")
    cursor.setPosition(cursor.selectionStart() + 2)
    point = pane.browser.cursorRect(cursor).center()
    with qtbot.waitSignal(pane.link_activated, timeout=WAIT_MS) as clicked:
        qtbot.mouseClick(pane.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args[0] == QUrl("https://example.org/x")
    assert "See the source." in pane.browser.toPlainText()  # still the preview
