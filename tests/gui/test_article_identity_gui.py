"""The article's web address and language in the editor: the address follows the
headline until the article is published, may be chosen (checked, the URL shown), and
afterwards changes only on purpose; the language is told from the text, or chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from newsdesk.domain.checklist import PLACEHOLDER_HEADLINE
from newsdesk.gui.editor.slug_dialog import PUBLISHED_WARNING
from tests.gui.workflow_helpers import (
    PRODUCER,
    REPORTER,
    WEB,
    add_article,
    close_window,
    make_newsroom,
    move,
    open_window,
    stored,
)

CTRL = Qt.KeyboardModifier.ControlModifier
BASE = "https://www.china-news-online.com"


def _new_article(qtbot, window):
    window.actions.new.trigger()
    qtbot.waitUntil(lambda: window.session.article is not None, timeout=5000)
    return window.session.article


def _change_button(window):
    return window.editor.address.change_button


def _open_dialog(qtbot, window):
    button = _change_button(window)
    qtbot.waitUntil(button.isEnabled, timeout=5000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.slug_dialog is not None, timeout=3000)
    dialog = window.controller.slug_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def test_the_address_follows_the_headline_as_it_is_typed_and_is_saved_with_it(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    window = open_window(qtbot, db, REPORTER)
    article = _new_article(qtbot, window)
    assert article.headline == PLACEHOLDER_HEADLINE
    row = window.editor.address
    qtbot.waitUntil(lambda: row.url() == f"{BASE}/untitled-article.html", timeout=5000)
    assert row.note_label.text() == "follows the headline until published"
    headline = window.editor.fields.headline_edit
    headline.setFocus()
    headline.selectAll()
    qtbot.keyClicks(headline, "Tram line reopens")
    assert row.url() == f"{BASE}/tram-line-reopens.html"  # at once, before any save
    qtbot.keyClick(headline, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: stored(window, article.id).slug == "tram-line-reopens", timeout=5000)
    qtbot.waitUntil(lambda: window.side.slug.text() == "tram-line-reopens", timeout=5000)
    close_window(window)


def test_an_address_chosen_by_hand_is_checked_and_kept(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Tram line reopens")
    window = open_window(qtbot, db, REPORTER, article_id)
    dialog = _open_dialog(qtbot, window)
    assert PUBLISHED_WARNING not in dialog.warning.text() or not dialog.warning.isVisible()
    dialog.slug_edit.selectAll()
    qtbot.keyClicks(dialog.slug_edit, "Tram Line")
    assert not dialog.ok_button.isEnabled()
    assert "lowercase" in dialog.message.text()
    assert dialog.url_label.text() == "—"  # no address is shown for one the site cannot have
    dialog.slug_edit.selectAll()
    qtbot.keyClicks(dialog.slug_edit, "tram")
    assert dialog.ok_button.isEnabled() and dialog.message.text() == ""
    assert dialog.url_label.text() == f"{BASE}/tram.html"
    qtbot.keyClick(dialog.slug_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(window, article_id).slug == "tram", timeout=5000)
    row = window.editor.address
    qtbot.waitUntil(lambda: row.url() == f"{BASE}/tram.html", timeout=5000)
    assert row.note_label.text() == "chosen by hand"
    close_window(window)


def test_a_published_address_changes_only_on_purpose_and_keeps_a_redirect(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Tram line reopens")
    move(db, article_id, ("submit", REPORTER), ("approve", PRODUCER), ("publish", WEB))
    window = open_window(qtbot, db, REPORTER, article_id)
    button = _change_button(window)
    qtbot.waitUntil(lambda: "only a producer or the web team" in button.toolTip(), timeout=5000)
    assert not button.isEnabled()
    assert window.editor.address.note_label.text() == "published: changes only on purpose"
    close_window(window)

    window = open_window(qtbot, db, WEB, article_id)
    dialog = _open_dialog(qtbot, window)
    assert dialog.warning.isVisible() and dialog.warning.text() == PUBLISHED_WARNING
    assert dialog.ok_button.text() == "Change address"
    assert not dialog.ok_button.isEnabled()  # the same address is no change
    dialog.slug_edit.selectAll()
    qtbot.keyClicks(dialog.slug_edit, "tram-returns")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored(window, article_id).slug == "tram-returns", timeout=5000)
    former = window.newsroom.former_slugs(article_id)
    assert [(f.slug, f.published) for f in former][-1] == ("tram-line-reopens", True)
    close_window(window)


def test_the_language_is_told_from_the_text_until_one_is_chosen(qtbot, typer, tmp_path):
    db = make_newsroom(tmp_path)
    window = open_window(qtbot, db, REPORTER)
    article = _new_article(qtbot, window)
    combo = window.editor.fields.language_combo
    assert combo.currentData() == "en"
    headline = window.editor.fields.headline_edit
    headline.setFocus()
    headline.selectAll()
    typer(headline, "城南湿地公园春季开放")
    body = window.editor.body.rich_edit
    body.setFocus()
    typer(body, "湿地公园周六起开放。")
    qtbot.waitUntil(lambda: combo.currentData() == "zh", timeout=5000)
    qtbot.keyClick(body, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: stored(window, article.id).language == "zh", timeout=5000)

    # Chosen by hand: kept, whatever the text says.
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())
    typer(body, "更多内容。")
    qtbot.wait(1200)  # longer than the idle check that follows the text
    assert combo.currentData() == "en"
    qtbot.keyClick(body, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: stored(window, article.id).language == "en", timeout=5000)
    close_window(window)
