"""The preview puts a new page on screen by replacing only the blocks that changed
(issue 14: `setHtml` laid the whole page out again on the UI thread, a stall per
preview update), and still shows exactly the page `setHtml` would have shown."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextBrowser

from newsdesk.domain.article import Article
from newsdesk.gui.preview.page_patch import PageLook, PagePatcher
from newsdesk.gui.preview.page_update import ShownPage
from newsdesk.gui.preview.pane import PreviewPane
from newsdesk.newsroom import Newsroom
from newsdesk.publish.formats.page_html import render_page

WAIT_MS = 10_000  # a limit for a hung test, not a timing assertion
PARAGRAPH = (
    "The harbour council voted on Tuesday to keep the night ferry running through the"
    " winter, after *four thousand* commuters signed a [petition](https://example.org/p)."
)
TABLE = "| a | b |\n|---|---|\n| 1 | 2 |"
IMAGE = "![The night ferry](images/ferry.png)"
BODY = "\n\n".join(f"{PARAGRAPH} Paragraph {n}." for n in range(40)).replace(
    "Paragraph 2.", "Paragraph 2.\n\n" + IMAGE
)


@pytest.fixture
def page(tmp_path):
    """article -> the site's HTML page for it, as the app's preview renders it."""
    room = Newsroom.open(tmp_path / "newsroom.db")
    site, vocabulary = room.site(), room.vocabulary()
    room.close()
    return partial(render_page, site=site, vocabulary=vocabulary)


@pytest.fixture
def browsers(qtbot):
    def make() -> QTextBrowser:
        browser = QTextBrowser()
        qtbot.addWidget(browser)
        browser.resize(600, 700)
        browser.show()
        return browser

    return make


def _as_set_html_shows(browsers, html: str) -> str:
    fresh = browsers()
    fresh.setHtml(html)
    return fresh.document().toHtml()


EDITS = {
    "a word typed": lambda b: b.replace("Paragraph 7.", "Paragraph 7 and more."),
    "a paragraph added": lambda b: b.replace("Paragraph 9.", "Paragraph 9.\n\nA new one."),
    "a paragraph deleted": lambda b: b.replace(f"\n\n{PARAGRAPH} Paragraph 12.", ""),
    "a word made bold": lambda b: b.replace("Paragraph 20.", "**Paragraph** 20."),
    "a heading": lambda b: b.replace("Paragraph 3.", "Paragraph 3.\n\n## Timetables"),
    "a list": lambda b: b.replace("Paragraph 5.", "Paragraph 5.\n\n- one\n- two\n- three"),
    "a quote": lambda b: b.replace("Paragraph 6.", "Paragraph 6.\n\n> Said the mayor."),
    "code": lambda b: b.replace("Paragraph 8.", "Paragraph 8.\n\n    line one\n    line two"),
    "the first paragraph": lambda b: "Breaking: " + b,
    "the last paragraph": lambda b: b + " The end.",
    "an image added": lambda b: b.replace("Paragraph 15.", "Paragraph 15.\n\n" + IMAGE),
    "typed after an image": lambda b: b.replace("Paragraph 1.", "Paragraph 1, again."),
    "a table": lambda b: b.replace("Paragraph 30.", "Paragraph 30.\n\n" + TABLE),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_each_edit_shows_exactly_the_page_set_html_shows(edit, page, browsers):
    browser = browsers()
    shown = ShownPage(browser)
    shown.show(page(Article(headline="Ferry vote", body=BODY)))
    body = EDITS[edit](BODY)
    update = shown.show(page(Article(headline="Ferry vote", body=body)))
    html = page(Article(headline="Ferry vote", body=body))
    assert browser.document().toHtml() == _as_set_html_shows(browsers, html)
    if edit != "a table":  # tables are frames: that page is shown whole
        assert not update.whole
        assert update.replaced <= 4


def test_a_run_of_edits_never_drifts_from_the_page(page, browsers):
    browser = browsers()
    shown = ShownPage(browser)
    body = BODY
    headline = "Ferry vote"
    shown.show(page(Article(headline=headline, body=body)))
    for number, edit in enumerate(list(EDITS) * 2):
        body = EDITS[edit](body)
        if number % 5 == 0:
            headline += " again"  # the page's title and first block change too
        html = page(Article(headline=headline, body=body))
        shown.show(html)
        assert browser.document().toHtml() == _as_set_html_shows(browsers, html), edit
        assert (
            browser.documentTitle() == headline + " - " + browser.documentTitle().split(" - ", 1)[1]
        )


def test_a_preview_update_rewrites_only_the_changed_paragraph(qtbot, page):
    """Before, each update replaced the whole document (and laid all of it out)."""
    pane = PreviewPane(page, delay_ms=10)
    qtbot.addWidget(pane)
    pane.resize(600, 700)
    pane.show()
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pane.render_now(Article(headline="Ferry vote", body=BODY))
    whole = pane.browser.document().characterCount()
    changes: list[tuple[int, int, int]] = []
    pane.browser.document().contentsChange.connect(lambda *change: changes.append(change))
    with qtbot.waitSignal(pane.rendered, timeout=WAIT_MS):
        pane.render_now(Article(headline="Ferry vote", body=EDITS["a word typed"](BODY)))
    assert "Paragraph 7 and more." in pane.browser.toPlainText()
    assert changes
    rewritten = sum(added for _position, _removed, added in changes)
    assert rewritten < 2 * len(PARAGRAPH) < whole / 10
    pane.wait_for_idle()


def test_show_soon_lets_the_window_work_between_its_steps(qtbot, page, browsers):
    browser = browsers()
    shown = ShownPage(browser)
    shown.show(page(Article(headline="Ferry vote", body=BODY)))
    html = page(Article(headline="Ferry vote", body=EDITS["a word typed"](BODY)))
    turns: list[str] = []
    events: list[str] = []

    def beat() -> None:  # what a key press or a paint would be: an event in between
        turns.append("beat")
        if len(turns) < 100 and shown.is_showing():
            QTimer.singleShot(0, beat)

    shown.shown.connect(lambda _update: events.append(f"shown after {len(turns)} beats"))
    shown.show_soon(html)
    QTimer.singleShot(0, beat)
    assert "Paragraph 7 and more." not in browser.toPlainText()  # nothing yet
    qtbot.waitUntil(lambda: bool(events), timeout=WAIT_MS)
    assert int(events[0].split()[2]) >= 3  # parse, keys, comparison, replacement
    assert browser.document().toHtml() == _as_set_html_shows(browsers, html)


def test_a_newer_page_replaces_the_one_on_its_way(qtbot, page, browsers):
    browser = browsers()
    shown = ShownPage(browser)
    shown.show(page(Article(headline="Ferry vote", body=BODY)))
    updates = []
    shown.shown.connect(updates.append)
    shown.show_soon(page(Article(headline="Ferry vote", body=EDITS["a heading"](BODY))))
    newest = page(Article(headline="Ferry vote", body=EDITS["a word typed"](BODY)))
    shown.show_soon(newest)
    qtbot.waitUntil(lambda: not shown.is_showing(), timeout=WAIT_MS)
    qtbot.wait(50)
    assert len(updates) == 1
    assert browser.document().toHtml() == _as_set_html_shows(browsers, newest)


def test_the_childs_block_ranges_never_drift_from_the_page(page, browsers):
    """The preview process says which blocks changed (page_patch); the window parses
    the page and copies only those, without working out keys or comparing."""
    browser = browsers()
    look_of = browser.document()
    look = PageLook(
        look_of.defaultFont().toString(),
        look_of.defaultStyleSheet(),
        look_of.baseUrl().toString(),
    )
    patcher = PagePatcher()
    shown = ShownPage(browser)
    body, headline = BODY, "Ferry vote"
    first = page(Article(headline=headline, body=body))
    assert patcher.patch(1, first, look) is None  # nothing before it: shown whole
    shown.show(first, 1, None)
    by_block = 0
    for number, edit in enumerate(list(EDITS) * 2, start=2):
        body = EDITS[edit](body)
        if number % 5 == 0:
            headline += " again"
        html = page(Article(headline=headline, body=body))
        update = shown.show(html, number, patcher.patch(number, html, look))
        by_block += not update.whole
        assert browser.document().toHtml() == _as_set_html_shows(browsers, html), edit
    # The first round but its last edit (a table: a page with frames goes whole, and so
    # does every page after it).
    assert by_block == len(EDITS) - 1
