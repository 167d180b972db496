"""Review on the bar: a revision saved elsewhere while I have unsaved text, shown merged
with mine before anything is saved; taking it makes the merged text the next revision."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from newsdesk.domain.merge import Side
from newsdesk.newsroom import Newsroom
from tests.gui.workflow_helpers import PRODUCER, REPORTER, add_article, close_window, make_newsroom
from tests.gui.workflow_helpers import open_window as open_main_window

BODY = "The council met at nine.\n\nThe vote was close."


def test_review_shows_both_changes_merged_and_taking_it_saves_them(qtbot, tmp_path):
    db = make_newsroom(tmp_path)
    article_id = add_article(db, "Harbour wall vote", body=BODY)
    window = open_main_window(qtbot, db, REPORTER, article_id)
    window.session.set_writable(False)  # my text stays unsaved while the other desk saves
    body = window.editor.body.rich_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " Seven to six.")
    other = Newsroom.open(db)
    current = other.article(article_id)
    other.save_article(
        dataclasses.replace(current, body=BODY.replace("at nine", "at ten")), actor=PRODUCER
    )
    review = window.controller.live_bar.review
    qtbot.waitUntil(lambda: review.text() == f"{PRODUCER} saved revision 2 — Review", timeout=5000)
    assert "at nine" in window.editor.body.markdown()  # my text is kept as it was

    qtbot.mouseClick(review.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.controller.merging.dialog is not None, timeout=5000)
    dialog = window.controller.merging.dialog
    assert sorted(row.side for row in dialog.rows) == [Side.MINE, Side.THEIRS]
    assert dialog.save_button.isEnabled()  # nothing to choose: it merges cleanly
    window.session.set_writable(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: other.article(article_id).revision == 3, timeout=5000)
    stored = other.article(article_id)
    assert stored.body.strip().split("\n\n") == [
        "The council met at ten.",
        "The vote was close. Seven to six.",
    ]
    assert review.text() == ""
    qtbot.waitUntil(lambda: not window.session.is_dirty(), timeout=5000)
    other.close()
    close_window(window)
